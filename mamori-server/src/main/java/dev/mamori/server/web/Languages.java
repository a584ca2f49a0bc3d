package dev.mamori.server.web;

import dev.mamori.report.Message;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The language of a page or an API answer, named as the core's texts name it ("ja" or "en"). */
public final class Languages {

    private Languages() {
    }

    /** "en" for an English locale, else "ja" (the locale resolver of {@link WebConfig} gives only these two). */
    public static String of(Locale locale) {
        return "en".equals(locale.getLanguage()) ? "en" : "ja";
    }

    /** Each field's problem in the locale's language, in the order given (a form shows them beside their fields). */
    public static Map<String, String> shown(Map<String, Message> problems, Locale locale) {
        Map<String, String> out = new LinkedHashMap<>();
        problems.forEach((field, m) -> out.put(field, m.in(of(locale))));
        return out;
    }
}
