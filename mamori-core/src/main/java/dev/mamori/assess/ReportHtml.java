package dev.mamori.assess;

import static dev.mamori.report.Html.esc;

import dev.mamori.report.BarChart;
import dev.mamori.report.Html;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Self-contained HTML reports of self-assessments (one file, printable on A4): the score report
 * with its chart, improvement plan and every answer; the comparison of two answer sets; and a
 * form's change history (変更箇所). Japanese labels for {@code lang} "ja", English for "en".
 * Everything taken from questionnaires and answers files is escaped.
 */
public final class ReportHtml {

    static final String CURRENT_COLOR = "#90a4ae";
    static final String PLANNED_COLOR = "#1565c0";
    private static final Pattern COLOR = Pattern.compile("#[0-9a-fA-F]{3,8}|[a-zA-Z]{3,20}");

    private ReportHtml() {
    }

    // ---- score ----

    /** The score report of one answer set. */
    public static String score(ScoreSheet s, String lang) {
        Questionnaire q = s.questionnaire();
        StringBuilder b = new StringBuilder();
        b.append(h(1, q.title().in(lang)));
        meta(b, s, lang);
        computed(b, s, lang);
        areas(b, s, lang);
        if (s.hasPlan()) {
            plan(b, s, lang);
        }
        deficiencies(b, s, lang);
        if ("form".equals(q.kind())) {
            formLayout(b, s, lang);
        } else {
            allAnswers(b, s, lang);
        }
        footer(b, q, lang);
        return Html.page(lang, q.title().in(lang) + subtitle(s.answers().meta()), b.toString());
    }

    private static void meta(StringBuilder b, ScoreSheet s, String lang) {
        Questionnaire q = s.questionnaire();
        Answers.Meta m = s.answers().meta();
        b.append("<table class=\"meta\"><tbody>\n");
        metaRow(b, t(lang, "質問票", "Questionnaire"), q.title().in(lang) + " (" + q.id() + " " + q.version() + ")");
        if (m != null) {
            metaRow(b, t(lang, "組織", "Organisation"), m.organisation());
            metaRow(b, t(lang, "対象", "System"), m.system());
            metaRow(b, t(lang, "実施日", "Date"), m.date());
            metaRow(b, t(lang, "評価者", "Assessor"), m.assessor());
        }
        String answered = s.answers().answeredVersion();
        if (answered != null && !answered.equals(q.version())) {
            metaRow(b, t(lang, "回答した版", "Answered version"), answered);
        }
        metaRow(b, t(lang, "回答ファイル", "Answers file"), s.answers().file());
        b.append("</tbody></table>\n");
    }

    /** The computed items (しきい値判断結果) in a box, with the result the plan would give when it differs. */
    private static void computed(StringBuilder b, ScoreSheet s, String lang) {
        for (Computed c : s.questionnaire().computed()) {
            Choice now = s.computed().get(c.id());
            Choice planned = s.plannedComputed().get(c.id());
            b.append("<div class=\"result\">").append(esc(c.ref() != null ? c.ref() : c.name().in(lang))).append(": <strong>")
                    .append(esc(result(now, lang))).append("</strong>");
            if (s.hasPlan() && planned != null && !planned.equals(now)) {
                b.append("<br><span class=\"muted\">").append(esc(t(lang, "改善計画後: ", "With the plan: ") + planned.label().in(lang)))
                        .append("</span>");
            }
            b.append("</div>\n");
        }
        for (Check f : s.findings()) {
            b.append("<div class=\"result\">").append(esc(t(lang, "要確認: ", "Check: ") + f.message().in(lang)))
                    .append(f.source() == null ? "" : " <span class=\"muted\">(" + esc(f.source()) + ")</span>").append("</div>\n");
        }
    }

    /** The per-area table, the answer counts and the chart. */
    private static void areas(StringBuilder b, ScoreSheet s, String lang) {
        List<AreaScore> rows = scoredAreas(s.areas());
        if (rows.isEmpty()) {
            return;
        }
        boolean plan = s.hasPlan();
        List<Col> cols = new ArrayList<>(List.of(col("分野", "Area"), num("得点", "Score"), num("満点", "Max"),
                num("準拠率", "Percent"), col("評価", "Rating")));
        if (plan) {
            cols.addAll(List.of(num("改善計画後の得点", "Planned score"), num("改善計画後の準拠率", "Planned percent"),
                    col("改善計画後の評価", "Planned rating")));
        }
        b.append(h(2, t(lang, "分野別の得点", "Score by area"))).append(tableStart("areas", lang, cols));
        for (AreaScore r : rows) {
            b.append(areaRow(r, false, plan, lang));
        }
        b.append(areaRow(s.total(), true, plan, lang)).append(TABLE_END);
        counts(b, s, lang);
        b.append("<figure>").append(chart(s, lang)).append("</figure>\n");
    }

    /** The chart of percent by area (now, and with the plan when there is one) as SVG, for the reports and the server's pages. */
    public static String chart(ScoreSheet s, String lang) {
        List<AreaScore> rows = scoredAreas(s.areas());
        List<String> cats = new ArrayList<>();
        List<Double> now = new ArrayList<>();
        List<Double> planned = new ArrayList<>();
        for (AreaScore r : rows) {
            cats.add("\u3000".repeat(r.depth()) + Render.areaName(r.id(), r.name(), lang));
            now.add(r.percent());
            planned.add(r.plannedPercent());
        }
        cats.add(s.total().name().in(lang));
        now.add(s.total().percent());
        planned.add(s.total().plannedPercent());
        BarChart chart = new BarChart(t(lang, "分野別の準拠率", "Percent by area"), cats)
                .series(t(lang, "現状", "Current"), CURRENT_COLOR, now);
        if (s.hasPlan()) {
            chart.series(t(lang, "改善計画後", "With the plan"), PLANNED_COLOR, planned);
        }
        return chart.svg();
    }

    private static String areaRow(AreaScore r, boolean total, boolean plan, String lang) {
        StringBuilder cells = new StringBuilder(areaCell(r.id(), r.name(), r.depth(), total, lang))
                .append(td("num", Render.number(r.score()))).append(td("num", Render.number(r.max())))
                .append(td("num", percent(r.percent()))).append(raw(null, rating(r.rating(), lang)));
        if (plan) {
            cells.append(td("num", Render.number(r.plannedScore()))).append(td("num", percent(r.plannedPercent())))
                    .append(raw(null, rating(r.plannedRating(), lang)));
        }
        return tr(total ? "total" : null, cells.toString());
    }

    private static void counts(StringBuilder b, ScoreSheet s, String lang) {
        AreaScore total = s.total();
        boolean plan = s.hasPlan();
        List<String> keys = countKeys(s.questionnaire(), total.counts(), plan ? total.plannedCounts() : Map.of());
        if (keys.isEmpty()) {
            return;
        }
        List<Col> cols = new ArrayList<>(List.of(col("回答", "Answer"), num("現状", "Current")));
        if (plan) {
            cols.add(num("改善計画後", "With the plan"));
        }
        b.append(h(3, t(lang, "回答の内訳", "Answers by choice"))).append(tableStart("counts", lang, cols));
        for (String k : keys) {
            String cells = td(null, choiceLabel(s.questionnaire(), k, lang)) + td("num", String.valueOf(total.counts().getOrDefault(k, 0)))
                    + (plan ? td("num", String.valueOf(total.plannedCounts().getOrDefault(k, 0))) : "");
            b.append(tr(null, cells));
        }
        b.append(TABLE_END);
    }

    private static void plan(StringBuilder b, ScoreSheet s, String lang) {
        Questionnaire q = s.questionnaire();
        b.append(h(2, t(lang, "改善計画", "Improvement plan"))).append(tableStart("plan", lang, List.of(col("設問", "Question", 6),
                col("設問文", "Text", 29), col("現在の回答", "Current answer", 8), col("改善後の回答", "Expected answer", 8), col("対策", "Action", 26),
                col("担当", "Owner", 8), col("期限", "Due", 9), col("難易度", "Difficulty", 6))));
        for (PlanItem p : s.answers().plan()) {
            Question question = q.question(p.questionId()).orElse(null);
            if (question == null) {
                continue;
            }
            Answer current = s.answers().answers().get(question.id());
            b.append(tr(null, td("item", Render.itemId(q, question)) + td("q", question.text().in(lang))
                    + td(null, answerText(question, current, lang))
                    + td(null, Render.response(question, new Response.Chosen(p.expected()), lang)) + td("pre", p.action())
                    + td(null, p.owner()) + td("num", p.due()) + td(null, p.difficulty() == null ? "" : p.difficulty().label(lang))));
        }
        b.append(TABLE_END);
    }

    /** Deficiencies that no plan item addresses, with the questionnaire's typical improvement. */
    private static void deficiencies(StringBuilder b, ScoreSheet s, String lang) {
        if (s.deficiencies().isEmpty()) {
            return;
        }
        List<ScoreSheet.Deficiency> open = s.deficiencies().stream().filter(d -> d.plan() == null).toList();
        b.append(h(2, s.hasPlan() ? t(lang, "改善計画のない要改善項目", "Deficiencies without a plan") : t(lang, "要改善項目", "Deficiencies")));
        if (open.isEmpty()) {
            b.append("<p>").append(esc(t(lang, "すべての要改善項目に改善計画があります。", "Every deficiency has a plan item."))).append("</p>\n");
            return;
        }
        b.append(tableStart("deficiencies", lang, List.of(col("設問", "Question", 6), col("設問文", "Text", 44),
                col("現在の回答", "Current answer", 9), col("改善案", "Typical improvement", 35), col("難易度", "Difficulty", 6))));
        for (ScoreSheet.Deficiency d : open) {
            Question.Hint hint = d.question().hint();
            String action = hint == null || hint.action() == null ? "" : hint.action().in(lang);
            String difficulty = hint == null || hint.difficulty() == null ? "" : hint.difficulty().label(lang);
            b.append(tr(null, td("item", Render.itemId(s.questionnaire(), d.question())) + td("q", d.question().text().in(lang))
                    + td(null, answerText(d.question(), d.answer(), lang)) + td("pre", action) + td(null, difficulty)));
        }
        b.append(TABLE_END);
    }

    /** Every question area by area, with its answer (or why it has none), comment and evidence. */
    /**
     * A form (the PIA's 評価書) as its 様式 lays it out: each section with its items by their number on the form, the entry
     * as the form shows it (a choice in [brackets], check boxes as [○]) and the choices printed beside it.
     */
    private static void formLayout(StringBuilder b, ScoreSheet s, String lang) {
        Map<String, Response> responses = s.answers().responses();
        b.append(h(2, t(lang, "評価書（様式のとおり）", "The form as laid out")));
        for (Area area : s.questionnaire().allAreas()) {
            if (area.questions().isEmpty()) {
                continue;
            }
            b.append(h(3, Render.areaName(area.id(), area.name(), lang))).append(tableStart("answers form", lang, List.of(col("項目", "Item", 14),
                    col("設問", "Question", 34), col("記載", "Entry", 30), col("選択肢", "Choices", 22))));
            for (Question question : area.questions()) {
                Answer answer = s.answers().answers().get(question.id());
                b.append(tr(null, td("item", Render.itemId(s.questionnaire(), question)) + td("q", question.text().in(lang))
                        + td("pre", Render.formEntry(question, answer, responses, lang) + notes(answer, lang))
                        + td(null, question.type() == Question.Type.CHOICE ? Render.choices(question.answerSet(), lang) : null)));
            }
            b.append(TABLE_END);
        }
    }

    /** An answer's comment and evidence under its entry on the form (they are not part of the form, so they are marked). */
    private static String notes(Answer a, String lang) {
        if (a == null) {
            return "";
        }
        return (a.comment() == null ? "" : "\n" + t(lang, "（コメント: ", "(Comment: ") + a.comment() + t(lang, "）", ")"))
                + (a.evidence() == null ? "" : "\n" + t(lang, "（根拠資料: ", "(Evidence: ") + a.evidence() + t(lang, "）", ")"));
    }

    private static void allAnswers(StringBuilder b, ScoreSheet s, String lang) {
        Map<String, Response> responses = s.answers().responses();
        b.append(h(2, t(lang, "すべての回答", "All answers")));
        for (Area area : s.questionnaire().allAreas()) {
            if (area.questions().isEmpty()) {
                continue;
            }
            b.append(h(3, Render.areaName(area.id(), area.name(), lang))).append(tableStart("answers", lang, List.of(col("項目", "Item", 6),
                    col("設問", "Question", 52), col("回答", "Answer", 12), col("コメント", "Comment", 18), col("根拠資料", "Evidence", 12))));
            for (Question question : area.questions()) {
                Answer answer = s.answers().answers().get(question.id());
                String text = Scores.applies(question, responses) ? answerText(question, answer, lang)
                        : t(lang, "（対象外）", "(does not apply)");
                b.append(tr(null, td("item", Render.itemId(s.questionnaire(), question)) + td("q", question.text().in(lang)) + td("pre", text)
                        + td("pre", answer == null ? null : answer.comment()) + td("pre", answer == null ? null : answer.evidence())));
            }
            b.append(TABLE_END);
        }
    }

    // ---- compare ----

    /** The comparison of two answer sets: each area before and after, a chart, and every changed answer. */
    public static String compare(Comparison c, String lang) {
        Questionnaire q = c.after().questionnaire();
        String title = t(lang, "比較: ", "Comparison: ") + q.title().in(lang);
        StringBuilder b = new StringBuilder(h(1, title));
        Answers.Meta was = c.before().answers().meta();
        Answers.Meta is = c.after().answers().meta();
        b.append(tableStart("meta", lang, List.of(col("", ""), col("前回", "Before"), col("今回", "After"))));
        metaPair(b, t(lang, "組織", "Organisation"), was == null ? null : was.organisation(), is == null ? null : is.organisation());
        metaPair(b, t(lang, "対象", "System"), was == null ? null : was.system(), is == null ? null : is.system());
        metaPair(b, t(lang, "実施日", "Date"), was == null ? null : was.date(), is == null ? null : is.date());
        metaPair(b, t(lang, "評価者", "Assessor"), was == null ? null : was.assessor(), is == null ? null : is.assessor());
        metaPair(b, t(lang, "回答ファイル", "Answers file"), c.before().answers().file(), c.after().answers().file());
        b.append(TABLE_END);

        if (!q.computed().isEmpty()) {
            b.append(tableStart("computed", lang, List.of(col("算出項目", "Computed item"), col("前回", "Before"), col("今回", "After"))));
            for (Computed k : q.computed()) {
                b.append(tr(null, td(null, k.name().in(lang)) + td(null, result(c.before().computed().get(k.id()), lang))
                        + raw(null, "<strong>" + esc(result(c.after().computed().get(k.id()), lang)) + "</strong>")));
            }
            b.append(TABLE_END);
        }

        List<Comparison.AreaDelta> rows = c.areas().stream()
                .filter(d -> d.after().nominalMax() > 0 || d.before().nominalMax() > 0).toList();
        if (!rows.isEmpty()) {
            b.append(h(2, t(lang, "分野別の得点の変化", "Score by area"))).append(tableStart("areas", lang, List.of(col("分野", "Area"),
                    num("前回の得点", "Score before"), num("今回の得点", "Score after"), num("増減", "Change"), num("満点", "Max"),
                    num("前回の準拠率", "Percent before"), num("今回の準拠率", "Percent after"), col("今回の評価", "Rating after"))));
            for (Comparison.AreaDelta d : rows) {
                b.append(deltaRow(d, false, lang));
            }
            b.append(deltaRow(c.total(), true, lang)).append(TABLE_END);
            b.append("<figure>").append(chart(c, lang)).append("</figure>\n");
        }

        b.append(h(2, t(lang, "変更された回答", "Changed answers") + " (" + c.changed().size() + ")"));
        if (c.changed().isEmpty()) {
            b.append("<p>").append(esc(t(lang, "回答の変更はありません。", "No answer changed."))).append("</p>\n");
        } else {
            b.append(tableStart("changed", lang, List.of(col("設問", "Question", 7), col("設問文", "Text", 55),
                    col("前回", "Before", 13), col("今回", "After", 13), new Col("得点の増減", "Score change", true, 12))));
            for (Comparison.ChangedAnswer ch : c.changed()) {
                Question question = ch.question();
                TextChange tc = TextChange.of(Render.response(question, ch.before(), lang), Render.response(question, ch.after(), lang));
                b.append(tr(null, td("item", Render.itemId(q, question)) + td("q", question.text().in(lang))
                        + raw("pre", marked(tc, false)) + raw("pre", "→ " + marked(tc, true))
                        + td(deltaClass(ch.delta()), question.scored() ? signed(ch.delta()) : "—")));
            }
            b.append(TABLE_END);
        }
        footer(b, q, lang);
        return Html.page(lang, title, b.toString());
    }

    /** The chart of percent by area before and after as SVG (empty when nothing is scored). */
    public static String chart(Comparison c, String lang) {
        List<Comparison.AreaDelta> rows = c.areas().stream()
                .filter(d -> d.after().nominalMax() > 0 || d.before().nominalMax() > 0).toList();
        if (rows.isEmpty()) {
            return "";
        }
        List<String> cats = new ArrayList<>();
        List<Double> before = new ArrayList<>();
        List<Double> after = new ArrayList<>();
        for (Comparison.AreaDelta d : rows) {
            cats.add("\u3000".repeat(d.depth()) + Render.areaName(d.id(), d.name(), lang));
            before.add(d.before().percent());
            after.add(d.after().percent());
        }
        cats.add(c.total().name().in(lang));
        before.add(c.total().before().percent());
        after.add(c.total().after().percent());
        return new BarChart(t(lang, "分野別の準拠率", "Percent by area"), cats)
                .series(t(lang, "前回", "Before"), CURRENT_COLOR, before).series(t(lang, "今回", "After"), PLANNED_COLOR, after).svg();
    }

    private static String deltaRow(Comparison.AreaDelta d, boolean total, String lang) {
        return tr(total ? "total" : null, areaCell(d.id(), d.name(), d.depth(), total, lang)
                + td("num", Render.number(d.before().score())) + td("num", Render.number(d.after().score()))
                + td(deltaClass(d.delta()), signed(d.delta())) + td("num", Render.number(d.after().max()))
                + td("num", percent(d.before().percent())) + td("num", percent(d.after().percent()))
                + raw(null, rating(d.after().rating(), lang)));
    }

    // ---- changes ----

    /** A form's change history (変更箇所) as the form lays it out, long texts with their line breaks. */
    public static String changes(List<ChangeEntry> entries, Questionnaire q, String lang) {
        String title = (q == null ? "" : q.title().in(lang) + " ") + t(lang, "変更箇所", "Change history");
        StringBuilder b = new StringBuilder(h(1, title));
        if (entries.isEmpty()) {
            b.append("<p>").append(esc(t(lang, "変更はありません。", "Nothing changed."))).append("</p>\n");
        } else {
            long before = entries.stream().filter(e -> e.timing() == Question.Timing.BEFORE).count();
            long after = entries.size() - before;
            b.append("<p>").append(esc(t(lang, "変更 " + entries.size() + " 件（事前 " + before + " 件、事後 " + after + " 件）",
                    entries.size() + " changes (" + before + " filed before, " + after + " after)"))).append("</p>\n");
            b.append(tableStart("changes", lang, List.of(col("変更日", "Date", 11), col("項目", "Item", 16),
                    col("変更前の記載", "Before", 25), col("変更後の記載", "After", 25), col("提出時期", "Filed", 7),
                    col("提出時期に係る説明", "Explanation", 16))));
            for (ChangeEntry e : entries) {
                TextChange ch = e.change();
                b.append(tr(null, td("num", e.date()) + td("item", e.item()) + raw("pre", marked(ch, false)) + raw("pre", marked(ch, true))
                        + td(null, e.timingLabel(lang)) + td("pre", e.explanation())));
            }
            b.append(TABLE_END);
        }
        if (q != null) {
            footer(b, q, lang);
        }
        return Html.page(lang, title, b.toString());
    }

    // ---- HTML pieces ----

    private static final String TABLE_END = "</tbody></table>\n";

    /**
     * A column heading in both languages; {@code num} right-aligns it over numbers; {@code width} is its share of the
     * table in percent (0: as the content needs), so that on A4 a long text column is not squeezed to two characters.
     */
    private record Col(String ja, String en, boolean num, int width) {
    }

    private static Col col(String ja, String en) {
        return new Col(ja, en, false, 0);
    }

    private static Col col(String ja, String en, int width) {
        return new Col(ja, en, false, width);
    }

    private static Col num(String ja, String en) {
        return new Col(ja, en, true, 0);
    }

    /** A table's start; with widths on every column, laid out by them (fixed), the same on screen, in print and in PDF. */
    private static String tableStart(String cls, String lang, List<Col> cols) {
        String heads = cols.stream().map(c -> "<th" + (c.num() ? " class=\"num\"" : "") + (c.width() > 0 ? " style=\"width:" + c.width() + "%\"" : "")
                + ">" + esc(t(lang, c.ja(), c.en())) + "</th>").collect(Collectors.joining());
        boolean fixed = cols.stream().allMatch(c -> c.width() > 0);
        return "<table class=\"" + cls + "\"" + (fixed ? " style=\"table-layout:fixed\"" : "") + "><thead><tr>" + heads + "</tr></thead><tbody>\n";
    }

    private static String h(int level, String text) {
        return "<h" + level + ">" + esc(text) + "</h" + level + ">\n";
    }

    private static String tr(String cls, String cells) {
        return (cls == null ? "<tr>" : "<tr class=\"" + cls + "\">") + cells + "</tr>\n";
    }

    /** A cell with escaped text. */
    private static String td(String cls, String text) {
        return raw(cls, esc(text));
    }

    /** The earlier or later text, a long one with its changed part marked (struck out where removed, underlined where added). */
    static String marked(TextChange c, boolean later) {
        String text = later ? c.after() : c.before();
        String part = later ? c.added() : c.removed();
        if (part.isEmpty() || !c.worthMarking()) {
            return esc(text);
        }
        String tag = later ? "ins" : "del";
        String colour = later ? "#d4f4d4" : "#f8d4d4";
        return esc(text.substring(0, c.prefix())) + "<" + tag + " style=\"background:" + colour + "\">" + esc(part) + "</" + tag + ">"
                + esc(text.substring(c.end(later)));
    }

    /** A cell with HTML already escaped. */
    private static String raw(String cls, String html) {
        return (cls == null ? "<td>" : "<td class=\"" + cls + "\">") + html + "</td>";
    }

    /** The area's name, indented by its depth (the total without its id). */
    private static String areaCell(String id, Label name, int depth, boolean total, String lang) {
        String indent = String.format(Locale.ROOT, "%.1f", 0.5 + 1.5 * depth);
        return "<td style=\"padding-left:" + indent + "em\">" + esc(total ? name.in(lang) : Render.areaName(id, name, lang)) + "</td>";
    }

    private static void metaRow(StringBuilder b, String key, String value) {
        if (value != null && !value.isBlank()) {
            b.append("<tr><th>").append(esc(key)).append("</th>").append(td(null, value)).append("</tr>\n");
        }
    }

    private static void metaPair(StringBuilder b, String key, String before, String after) {
        if ((before != null && !before.isBlank()) || (after != null && !after.isBlank())) {
            b.append("<tr><th>").append(esc(key)).append("</th>").append(td(null, before)).append(td(null, after)).append("</tr>\n");
        }
    }

    /** A rating as a coloured label; the colour is used only when it is a plain CSS colour. */
    private static String rating(RatingBand r, String lang) {
        if (r == null) {
            return "—";
        }
        String color = r.color() != null && COLOR.matcher(r.color()).matches() ? r.color() : "#5f6670";
        return "<span class=\"rating\" style=\"background:" + color + "\">" + esc(r.label().in(lang)) + "</span>";
    }

    private static String deltaClass(double d) {
        return d > 0 ? "num up" : d < 0 ? "num down" : "num";
    }

    private static void footer(StringBuilder b, Questionnaire q, String lang) {
        b.append("<footer>").append(esc(t(lang, "Mamori 自己評価レポート — 質問票 ", "Mamori self-assessment report — questionnaire ")
                + q.id() + " " + q.version())).append("</footer>");
    }

    private static String subtitle(Answers.Meta m) {
        if (m == null) {
            return "";
        }
        String who = Stream.of(m.organisation(), m.system()).filter(x -> x != null && !x.isBlank()).collect(Collectors.joining(" "));
        return who.isEmpty() ? "" : " — " + who;
    }

    private static String result(Choice c, String lang) {
        return c == null ? t(lang, "（判定できません: 必要な回答がありません）", "(undetermined: answers missing)") : c.label().in(lang);
    }

    // ---- helpers shared with the other reports ----

    /** Areas worth a score row: those with at least one scored question (a form's text parts are left out). */
    static List<AreaScore> scoredAreas(List<AreaScore> areas) {
        return areas.stream().filter(a -> a.nominalMax() > 0).toList();
    }


    static String answerText(Question q, Answer a, String lang) {
        return a == null ? t(lang, "（未回答）", "(unanswered)") : Render.response(q, a.response(), lang);
    }

    /** Choice keys seen in the counts, in the order the questionnaire lists them, "unanswered" last. */
    static List<String> countKeys(Questionnaire q, Map<String, Integer> counts, Map<String, Integer> planned) {
        Set<String> keys = new LinkedHashSet<>();
        for (Question question : q.questions().values()) {
            if (question.scored()) {
                for (Choice c : question.answerSet().choices()) {
                    if (counts.containsKey(c.key()) || planned.containsKey(c.key())) {
                        keys.add(c.key());
                    }
                }
            }
        }
        Stream.concat(counts.keySet().stream(), planned.keySet().stream()).filter(k -> !k.equals(Scores.UNANSWERED)).forEach(keys::add);
        if (counts.containsKey(Scores.UNANSWERED) || planned.containsKey(Scores.UNANSWERED)) {
            keys.add(Scores.UNANSWERED);
        }
        return new ArrayList<>(keys);
    }

    /** The label of a choice key as the first scored question using it shows it. */
    static String choiceLabel(Questionnaire q, String key, String lang) {
        if (Scores.UNANSWERED.equals(key)) {
            return t(lang, "未回答", "Unanswered");
        }
        for (Question question : q.questions().values()) {
            if (question.scored()) {
                var c = question.answerSet().find(key);
                if (c.isPresent()) {
                    return c.get().label().in(lang);
                }
            }
        }
        return key;
    }

    /** A percentage with one decimal, as the chart shows it: 32.377 → "32.4%", null → "—". */
    static String percent(Double p) {
        if (p == null) {
            return "—";
        }
        String s = String.format(Locale.ROOT, "%.1f", p);
        return (s.endsWith(".0") ? s.substring(0, s.length() - 2) : s) + "%";
    }

    /** +1, -0.5, ±0. */
    static String signed(double d) {
        if (Math.abs(d) < 1e-9) {
            return "±0";
        }
        return (d > 0 ? "+" : "-") + Render.number(Math.abs(d));
    }

    static String t(String lang, String ja, String en) {
        return "en".equals(lang) ? en : ja;
    }
}
