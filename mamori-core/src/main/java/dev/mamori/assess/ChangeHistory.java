package dev.mamori.assess;

import dev.mamori.detect.JapaneseEra;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The change history between two versions of a form (変更箇所). A change is filed 事前 when the
 * questionnaire marks the item {@code on_change: before} (重要な変更) or a computed item such as the
 * threshold result rises with {@code on_increase: before}; {@code with_revision} items follow the
 * rest of their revision; everything else is 事後.
 */
final class ChangeHistory {

    static final String DEFAULT_AFTER_REASON = "時点修正";

    private ChangeHistory() {
    }

    static List<ChangeEntry> between(Answers older, Answers newer, String lang) {
        Questionnaire q = newer.questionnaire();
        String date = wareki(newer.meta().date());
        Map<String, Response> was = older.responses();
        Map<String, Response> is = newer.responses();
        record Pending(String item, String before, String after, Question.Timing timing) {
        }
        List<Pending> pending = new ArrayList<>();
        for (Question question : q.questions().values()) {
            String b = Render.response(question, was.get(question.id()), lang);
            String a = Render.response(question, is.get(question.id()), lang);
            if (!Objects.equals(b, a) && question.onChange() != Question.Timing.IGNORE) {
                pending.add(new Pending(item(q, question, lang), b, a, question.onChange()));
            }
        }
        for (Computed c : q.computed()) {
            Choice b = c.evaluate(was).orElse(null);
            Choice a = c.evaluate(is).orElse(null);
            if (!Objects.equals(b, a)) {
                boolean rises = b != null && a != null && a.value() != null && b.value() != null && a.value() > b.value();
                pending.add(new Pending(c.ref() != null ? c.ref() : c.name().in(lang), b == null ? Render.none(lang) : b.label().in(lang),
                        a == null ? Render.none(lang) : a.label().in(lang), rises ? c.onIncrease() : Question.Timing.AFTER));
            }
        }
        boolean anyBefore = pending.stream().anyMatch(p -> p.timing() == Question.Timing.BEFORE);
        String beforeReason = newer.meta().revisionReason() == null ? "" : newer.meta().revisionReason();
        String afterReason = newer.meta().afterReason() == null ? DEFAULT_AFTER_REASON : newer.meta().afterReason();
        List<ChangeEntry> out = new ArrayList<>();
        for (Pending p : pending) {
            Question.Timing t = p.timing() == Question.Timing.WITH_REVISION
                    ? (anyBefore ? Question.Timing.BEFORE : Question.Timing.AFTER) : p.timing();
            out.add(new ChangeEntry(date, p.item(), p.before(), p.after(), t, t == Question.Timing.BEFORE ? beforeReason : afterReason));
        }
        return out;
    }

    private static String item(Questionnaire q, Question question, String lang) {
        if (question.ref() != null) {
            return question.ref();
        }
        Area area = q.allAreas().stream().filter(a -> a.id().equals(question.areaId())).findFirst().orElseThrow();
        return area.name().in(lang) + " " + question.text().in(lang);
    }

    /** 2023-12-21 → 令和5年12月21日, 2019-05-01 → 令和元年5月1日 (as the form writes dates); anything else is kept as written. */
    static String wareki(String date) {
        if (date == null) {
            return "";
        }
        try {
            String w = JapaneseEra.format(LocalDate.parse(date.trim()));
            return w == null ? date : w;
        } catch (java.time.DateTimeException e) {
            return date;
        }
    }
}
