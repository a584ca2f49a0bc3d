package dev.mamori.cli;

import java.util.Locale;
import java.util.Map;

/**
 * The language Mamori speaks to people: every message, error, report and {@code --help} in one of
 * Japanese and English, one language per line. Chosen once per run, before the command line is
 * built ({@link #resolve}): {@code --lang ja|en}, else {@code MAMORI_LANG}, else the system property
 * {@code mamori.lang}, else the locale (Japanese for a {@code ja} locale, English otherwise).
 */
public enum Lang {
    ja, en;

    private static volatile Lang current = en;

    /** The text in this language. */
    public String t(String japanese, String english) {
        return this == ja ? japanese : english;
    }

    /** The text in the language of this run. */
    public static String tr(String japanese, String english) {
        return current.t(japanese, english);
    }

    /** The language of this run. */
    public static Lang current() {
        return current;
    }

    /** Sets the language of this run, and the locale help texts are looked up in. */
    public static void use(Lang lang) {
        current = lang;
        Locale.setDefault(lang == ja ? Locale.JAPANESE : Locale.ENGLISH);
    }

    /** The language asked for by the arguments, the environment or the locale (see the class comment). */
    public static Lang resolve(String[] args, Map<String, String> env, Locale locale) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                break;
            }
            String v = args[i].startsWith("--lang=") ? args[i].substring(7)
                    : args[i].equals("--lang") && i + 1 < args.length ? args[i + 1] : null;
            Lang l = parse(v);
            if (l != null) {
                return l;
            }
        }
        Lang l = parse(env.get("MAMORI_LANG"));
        if (l == null) {
            l = parse(System.getProperty("mamori.lang"));
        }
        if (l == null) {
            l = locale.getLanguage().equals("ja") ? ja : en;
        }
        return l;
    }

    private static Lang parse(String v) {
        if (v == null) {
            return null;
        }
        String s = v.strip().toLowerCase(Locale.ROOT);
        return s.startsWith("ja") ? ja : s.startsWith("en") ? en : null;
    }
}
