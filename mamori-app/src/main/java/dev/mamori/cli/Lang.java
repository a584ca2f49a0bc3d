package dev.mamori.cli;

/** The language of reports meant for people: Japanese first, English available. */
public enum Lang {
    ja, en;

    public String t(String japanese, String english) {
        return this == ja ? japanese : english;
    }
}
