package dev.mamori.cli;

/** The language of reports meant for people: Japanese first, English available. */
enum Lang {
    ja, en;

    String t(String japanese, String english) {
        return this == ja ? japanese : english;
    }
}
