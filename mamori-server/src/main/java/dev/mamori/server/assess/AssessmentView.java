package dev.mamori.server.assess;

import dev.mamori.assess.Area;
import dev.mamori.assess.AreaScore;
import dev.mamori.assess.Choice;
import dev.mamori.assess.Difficulty;
import dev.mamori.assess.Label;
import dev.mamori.assess.Question;
import dev.mamori.assess.RatingBand;
import dev.mamori.assess.Render;
import dev.mamori.assess.Response;
import java.util.ArrayList;
import java.util.List;

/** What the assessment pages show of a working copy, in the page's language (the templates call these). */
public final class AssessmentView {

    /** A problem found on submitting, with the question it concerns (its number and text, and its area's page; 0: none). */
    public record Issue(String questionId, int area, String question, String text) {
    }

    /** An area and how far it is answered: answered of the questions that apply. */
    public record Progress(int n, String name, int answered, int applicable) {
    }

    private final AssessmentService.Working w;
    private final String lang;
    private final List<Progress> progress;

    AssessmentView(AssessmentService.Working w, String lang) {
        this.w = w;
        this.lang = lang;
        this.progress = progress(w, lang);
    }

    public String lang() {
        return lang;
    }

    public String text(Label l) {
        return l == null ? "" : l.in(lang);
    }

    public String title() {
        return w.questionnaire().title().in(lang);
    }

    public String areaName(Area a) {
        return Render.areaName(a.id(), a.name(), lang);
    }

    public String areaName(AreaScore a) {
        return Render.areaName(a.id(), a.name(), lang);
    }

    public String itemId(Question q) {
        return Render.itemId(w.questionnaire(), q);
    }

    /** The top-level areas with how many of their applicable questions are answered. */
    public List<Progress> progress() {
        return progress;
    }

    private static List<Progress> progress(AssessmentService.Working w, String lang) {
        List<Progress> out = new ArrayList<>();
        List<Area> areas = w.questionnaire().areas();
        for (int i = 0; i < areas.size(); i++) {
            int answered = 0;
            int applicable = 0;
            for (Question q : areas.get(i).allQuestions()) {
                if (w.applies(q)) {
                    applicable++;
                    answered += w.responses().containsKey(q.id()) ? 1 : 0;
                }
            }
            out.add(new Progress(i + 1, Render.areaName(areas.get(i).id(), areas.get(i).name(), lang), answered, applicable));
        }
        return List.copyOf(out);
    }

    public int answered() {
        return progress().stream().mapToInt(Progress::answered).sum();
    }

    public int applicable() {
        return progress().stream().mapToInt(Progress::applicable).sum();
    }

    /** An area's own questions and then each sub-area's, as (sub-area or null, question) rows in order. */
    public List<Object[]> rows(Area a) {
        List<Object[]> out = new ArrayList<>();
        collect(a, null, out);
        return out;
    }

    private void collect(Area a, Area heading, List<Object[]> out) {
        boolean first = true;
        for (Question q : a.questions()) {
            out.add(new Object[] {first ? heading : null, q});
            first = false;
        }
        for (Area s : a.areas()) {
            if (s.questions().isEmpty()) {
                out.add(new Object[] {s, null});
            }
            collect(s, s, out);
        }
    }

    public boolean chosen(Question q, String key) {
        Response r = w.responses().get(q.id());
        return r instanceof Response.Chosen c && c.key().equals(key)
                || r instanceof Response.Checked m && m.keys().contains(key);
    }

    public boolean unanswered(Question q) {
        return !w.responses().containsKey(q.id());
    }

    /** The written answer of a text, date or number question, or "". */
    public String written(Question q) {
        return w.responses().get(q.id()) instanceof Response.Written t ? t.text() : "";
    }

    public String comment(Question q) {
        var s = w.saved().get(q.id());
        return s == null || s.comment() == null ? "" : s.comment();
    }

    public String response(Question q, Response r) {
        return Render.response(q, r, lang);
    }

    public String choice(Choice c) {
        return c.label().in(lang);
    }

    public String difficulty(Difficulty d) {
        return d.label(lang);
    }

    public Difficulty[] difficulties() {
        return Difficulty.values();
    }

    public String rating(RatingBand r) {
        return r == null ? "" : r.label().in(lang);
    }

    public String percent(Double p) {
        return p == null ? "—" : String.format(java.util.Locale.ROOT, "%.1f%%", p);
    }

    public String number(double v) {
        return Render.number(v);
    }

    /** A bar's width in the charts' 0–300 scale. */
    public int bar(Double percent) {
        return percent == null ? 0 : (int) Math.round(Math.max(0, Math.min(100, percent)) * 3);
    }

    public String chart(dev.mamori.assess.ScoreSheet s) {
        return dev.mamori.assess.ReportHtml.chart(s, lang);
    }

    public String chart(dev.mamori.assess.Comparison c) {
        return dev.mamori.assess.ReportHtml.chart(c, lang);
    }

    /** A problem with the working copy as the page shows it: by question, not by the line of a file the user never saw. */
    Issue issue(dev.mamori.assess.Problem p) {
        String text = p.text().in(lang) + (p.advice() == null ? "" : "（" + p.advice().in(lang) + "）");
        var q = p.questionId() == null ? null : w.questionnaire().question(p.questionId()).orElse(null);
        if (q == null) {
            return new Issue(null, 0, null, text);
        }
        return new Issue(q.id(), areaOf(q), itemId(q) + " " + q.text().in(lang), text);
    }

    /** The page (from 1) of the area that holds a question. */
    public int areaOf(Question q) {
        return AssessmentPages.areaOf(w, q.id());
    }

    public String signed(double d) {
        return (d > 0 ? "+" : d < 0 ? "−" : "±") + Render.number(Math.abs(d));
    }
}
