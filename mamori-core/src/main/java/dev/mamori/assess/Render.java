package dev.mamori.assess;

import java.util.StringJoiner;

/** How an answer reads in reports and the change history: the choice's label, check boxes as the form draws them. */
public final class Render {

    private Render() {
    }

    /** The answer as the form shows it: a choice's label, [○]/[ ] boxes for check boxes, text as written. */
    public static String response(Question q, Response r, String lang) {
        if (r == null) {
            return none(lang);
        }
        if (r instanceof Response.Chosen c) {
            return q.answerSet().find(c.key()).map(x -> x.label().in(lang)).orElse(c.key());
        }
        if (r instanceof Response.Checked c) {
            StringJoiner j = new StringJoiner(" ");
            for (Choice choice : q.answerSet().choices()) {
                j.add((c.keys().contains(choice.key()) ? "[○] " : "[ ] ") + choice.label().in(lang));
            }
            return j.toString();
        }
        return ((Response.Written) r).text();
    }

    public static String none(String lang) {
        return "en".equals(lang) ? "(none)" : "（記載なし）";
    }

    /** 26.5 → "26.5", 12.0 → "12". */
    public static String number(double v) {
        if (Math.abs(v - Math.rint(v)) < 1e-9) {
            return Long.toString(Math.round(v));
        }
        return String.format(java.util.Locale.ROOT, "%.2f", v).replaceAll("0+$", "");
    }
}
