package dev.mamori.assess;

import java.util.List;
import java.util.Map;

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

    /** An id readers know from the form: a number or section code (1, 1a, 3.1, I-1, Ⅱ), not a word such as "sec-org". */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[0-9０-９IVXⅠ-Ⅻ(（][0-9A-Za-z０-９.\\-()（）]*");

    /**
     * An area as reports name it: its code and name ("3.1 周囲防御"), or its name alone when its id is a word meant for
     * files, not for readers ("sec-org"), so that a Japanese report shows no English ids.
     */
    public static String areaName(String id, Label name, String lang) {
        return CODE.matcher(id).matches() ? id + " " + name.in(lang) : name.in(lang);
    }

    /** A question as reports number it: its ref on the form, else its id when that is a code, else its position (1, 2, …). */
    public static String itemId(Questionnaire questionnaire, Question q) {
        if (q.ref() != null) {
            return q.ref();
        }
        if (CODE.matcher(q.id()).matches()) {
            return q.id();
        }
        int n = 1;
        for (String id : questionnaire.questions().keySet()) {
            if (id.equals(q.id())) {
                return Integer.toString(n);
            }
            n++;
        }
        return q.id();
    }

    /** The answer as the form shows it: a choice in [brackets], check boxes as [○], text as written. */
    public static String formEntry(Question q, Answer a, Map<String, Response> responses, String lang) {
        if (!Scores.applies(q, responses)) {
            return ("en".equals(lang) ? "(does not apply)" : "（対象外）");
        }
        if (q.type() == Question.Type.CHOICE) {
            return "[" + (a == null ? " " : Render.response(q, a.response(), lang)) + "]";
        }
        if (q.type() == Question.Type.MULTI) {
            return Render.response(q, a == null ? new Response.Checked(List.of()) : a.response(), lang);
        }
        return a == null ? "" : Render.response(q, a.response(), lang);
    }

    /** "<選択肢> 1) … 2) …". */
    public static String choices(AnswerSet set, String lang) {
        StringBuilder b = new StringBuilder(("en".equals(lang) ? "<Choices>" : "<選択肢>"));
        int i = 1;
        for (Choice c : set.choices()) {
            b.append(' ').append(i++).append(") ").append(c.label().in(lang));
        }
        return b.toString();
    }
}
