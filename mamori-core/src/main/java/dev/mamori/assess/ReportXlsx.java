package dev.mamori.assess;

import static dev.mamori.assess.ReportHtml.t;

import java.io.IOException;
import java.io.OutputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Self-assessment reports as Excel workbooks, for people who go on editing them: the score
 * (概要 / 回答 / 改善計画, and 様式 laid out like the paper form for forms) and a form's change
 * history (変更箇所), and the comparison of two rounds. Plain values only (no formulas); header rows bold, frozen and
 * filterable, long texts wrapped, scores and percentages as numeric cells, dates as dates; every table sheet prints
 * on A4, one page wide, with its header row repeated and page numbers at the foot.
 */
public final class ReportXlsx {

    /** Excel's limit on the length of one cell's text. */
    private static final int CELL_LIMIT = 32_767;

    private ReportXlsx() {
    }

    /** Sheet names in {@code lang}, in the order {@link #score} writes them (the form sheet only for forms). */
    public static List<String> scoreSheetNames(String lang) {
        return List.of(t(lang, "概要", "Summary"), t(lang, "回答", "Answers"), t(lang, "改善計画", "Plan"), t(lang, "様式", "Form"));
    }

    /** The score as a workbook: summary, answers, improvement plan and, for forms, the form itself. */
    public static void score(ScoreSheet s, String lang, OutputStream out) throws IOException {
        List<String> names = scoreSheetNames(lang);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            String title = s.questionnaire().title().in(lang);
            summary(wb.createSheet(names.get(0)), st, s, lang);
            printed(wb.getSheetAt(0), title, -1, 0);
            answers(wb.createSheet(names.get(1)), st, s, lang);
            printed(wb.getSheetAt(1), title, 0, 7);
            plan(wb.createSheet(names.get(2)), st, s, lang);
            printed(wb.getSheetAt(2), title, 0, 7);
            if (s.questionnaire().isForm()) {
                form(wb.createSheet(names.get(3)), st, s, lang);
                printed(wb.getSheetAt(3), title, 0, 3);
            }
            wb.write(out);
        }
    }

    /** A form's change history (変更箇所) as one sheet with the form's six columns. */
    public static void changes(List<ChangeEntry> entries, String lang, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Sheet sh = wb.createSheet(t(lang, "変更箇所", "Changes"));
            header(sh, st, 0, t(lang, "変更日", "Date"), t(lang, "項目", "Item"), t(lang, "変更前の記載", "Before"),
                    t(lang, "変更後の記載", "After"), t(lang, "提出時期", "Filed"), t(lang, "提出時期に係る説明", "Explanation"));
            int r = 1;
            for (ChangeEntry e : entries) {
                Row row = sh.createRow(r++);
                date(row, 0, e.date(), st);
                text(row, 1, e.item(), st.wrap);
                TextChange change = e.change();
                marked(row, 2, change, false, st);
                marked(row, 3, change, true, st);
                text(row, 4, e.timingLabel(lang), st.top);
                text(row, 5, e.explanation(), st.wrap);
            }
            widths(sh, 18, 28, 60, 60, 10, 40);
            sh.createFreezePane(0, 1);
            printed(sh, t(lang, "変更箇所", "Changes"), 0, 5);
            wb.write(out);
        }
    }

    /** Two rounds side by side: each area's score before and after, and every changed answer with its changed part marked. */
    public static void compare(Comparison c, String lang, OutputStream out) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Styles st = new Styles(wb);
            Questionnaire q = c.after().questionnaire();
            String title = t(lang, "比較: ", "Comparison: ") + q.title().in(lang);
            Sheet areas = wb.createSheet(t(lang, "分野別の得点", "Score by area"));
            header(areas, st, 0, t(lang, "分野", "Area"), t(lang, "前回の得点", "Score before"), t(lang, "今回の得点", "Score after"),
                    t(lang, "増減", "Change"), t(lang, "満点", "Max"), t(lang, "前回の準拠率(%)", "Percent before"),
                    t(lang, "今回の準拠率(%)", "Percent after"));
            int r = 1;
            List<Comparison.AreaDelta> rows = new java.util.ArrayList<>(c.areas());
            rows.add(c.total());
            for (Comparison.AreaDelta d : rows) {
                boolean total = d == c.total();
                Row row = areas.createRow(r++);
                text(row, 0, total ? t(lang, "合計", "Total") : "  ".repeat(d.depth()) + Render.areaName(d.id(), d.name(), lang),
                        total ? st.bold : st.top);
                number(row, 1, d.before().score(), st.number);
                number(row, 2, d.after().score(), st.number);
                number(row, 3, d.delta(), st.number);
                number(row, 4, d.after().max(), st.number);
                percent(row, 5, d.before().percent(), st);
                percent(row, 6, d.after().percent(), st);
            }
            widths(areas, 40, 12, 12, 10, 10, 14, 14);
            areas.createFreezePane(0, 1);
            printed(areas, title, 0, 6);
            Sheet changed = wb.createSheet(t(lang, "変更された回答", "Changed answers"));
            header(changed, st, 0, t(lang, "設問", "Question"), t(lang, "設問文", "Text"), t(lang, "前回", "Before"), t(lang, "今回", "After"),
                    t(lang, "得点の増減", "Score change"));
            r = 1;
            for (Comparison.ChangedAnswer ch : c.changed()) {
                Question question = ch.question();
                TextChange tc = TextChange.of(Render.response(question, ch.before(), lang), Render.response(question, ch.after(), lang));
                Row row = changed.createRow(r++);
                text(row, 0, Render.itemId(q, question), st.top);
                text(row, 1, question.text().in(lang), st.wrap);
                marked(row, 2, tc, false, st);
                marked(row, 3, tc, true, st);
                if (question.scored()) {
                    number(row, 4, ch.delta(), st.number);
                }
            }
            widths(changed, 10, 60, 24, 24, 12);
            changed.createFreezePane(0, 1);
            printed(changed, title, 0, 4);
            wb.write(out);
        }
    }

    // ---- sheets ----

    private static void summary(Sheet sh, Styles st, ScoreSheet s, String lang) {
        Questionnaire q = s.questionnaire();
        Answers.Meta m = s.answers().meta();
        int r = 0;
        r = pair(sh, st, r, t(lang, "質問票", "Questionnaire"), q.title().in(lang) + " (" + q.id() + " " + q.version() + ")");
        if (m != null) {
            r = pair(sh, st, r, t(lang, "組織", "Organisation"), m.organisation());
            r = pair(sh, st, r, t(lang, "対象", "System"), m.system());
            if (m.date() != null && !m.date().isBlank()) {
                Row row = sh.createRow(r++);
                text(row, 0, t(lang, "実施日", "Date"), st.bold);
                date(row, 1, m.date(), st);
            }
            r = pair(sh, st, r, t(lang, "評価者", "Assessor"), m.assessor());
        }
        for (Computed c : q.computed()) {
            Choice now = s.computed().get(c.id());
            r = pair(sh, st, r, c.name().in(lang), now == null ? "" : now.label().in(lang));
            Choice planned = s.plannedComputed().get(c.id());
            if (s.hasPlan() && planned != null && !planned.equals(now)) {
                r = pair(sh, st, r, c.name().in(lang) + t(lang, "（改善計画後）", " (with the plan)"), planned.label().in(lang));
            }
        }
        for (Check f : s.findings()) {
            r = pair(sh, st, r, t(lang, "要確認", "Check"), f.message().in(lang));
        }
        r++;
        boolean plan = s.hasPlan();
        int headerRow = r;
        if (plan) {
            header(sh, st, r++, t(lang, "番号", "No."), t(lang, "分野", "Area"), t(lang, "得点", "Score"), t(lang, "満点", "Max"), t(lang, "準拠率(%)", "Percent"),
                    t(lang, "評価", "Rating"), t(lang, "改善計画後の得点", "Planned score"), t(lang, "改善計画後の準拠率(%)", "Planned percent"),
                    t(lang, "改善計画後の評価", "Planned rating"));
        } else {
            header(sh, st, r++, t(lang, "番号", "No."), t(lang, "分野", "Area"), t(lang, "得点", "Score"), t(lang, "満点", "Max"), t(lang, "準拠率(%)", "Percent"),
                    t(lang, "評価", "Rating"));
        }
        for (AreaScore a : ReportHtml.scoredAreas(s.areas())) {
            areaRow(sh.createRow(r++), st, a, "  ".repeat(a.depth()) + a.name().in(lang), plan, lang, false);
        }
        areaRow(sh.createRow(r++), st, s.total(), s.total().name().in(lang), plan, lang, true);
        r++;
        Map<String, Integer> counts = s.total().counts();
        List<String> keys = ReportHtml.countKeys(q, counts, plan ? s.total().plannedCounts() : Map.of());
        if (!keys.isEmpty()) {
            Row h = sh.createRow(r++);
            text(h, 1, t(lang, "回答", "Answer"), st.header);
            text(h, 2, t(lang, "件数", "Count"), st.header);
            if (plan) {
                text(h, 3, t(lang, "改善計画後", "With the plan"), st.header);
            }
            for (String k : keys) {
                Row row = sh.createRow(r++);
                text(row, 1, ReportHtml.choiceLabel(q, k, lang), st.top);
                number(row, 2, counts.getOrDefault(k, 0), st.number);
                if (plan) {
                    number(row, 3, s.total().plannedCounts().getOrDefault(k, 0), st.number);
                }
            }
        }
        widths(sh, 16, 40, 10, 10, 12, 22, 14, 16, 22);
        sh.createFreezePane(0, headerRow + 1);
    }

    private static void areaRow(Row row, Styles st, AreaScore a, String name, boolean plan, String lang, boolean total) {
        CellStyle textStyle = total ? st.bold : st.top;
        text(row, 0, total || Render.areaName(a.id(), a.name(), lang).equals(a.name().in(lang)) ? "" : a.id(), textStyle);
        text(row, 1, name, textStyle);
        number(row, 2, a.score(), st.number);
        number(row, 3, a.max(), st.number);
        percent(row, 4, a.percent(), st);
        text(row, 5, a.rating() == null ? "" : a.rating().label().in(lang), textStyle);
        if (plan) {
            number(row, 6, a.plannedScore(), st.number);
            percent(row, 7, a.plannedPercent(), st);
            text(row, 8, a.plannedRating() == null ? "" : a.plannedRating().label().in(lang), textStyle);
        }
    }

    private static void answers(Sheet sh, Styles st, ScoreSheet s, String lang) {
        Questionnaire q = s.questionnaire();
        Map<String, Response> responses = s.answers().responses();
        header(sh, st, 0, t(lang, "項目", "Item"), t(lang, "分野", "Area"), t(lang, "設問", "Question"), t(lang, "回答", "Answer"),
                t(lang, "値", "Value"), t(lang, "コメント", "Comment"), t(lang, "根拠資料", "Evidence"),
                t(lang, "回答ファイルでの ID", "ID in the answers file"));
        int r = 1;
        for (Area area : q.allAreas()) {
            for (Question question : area.questions()) {
                Answer a = s.answers().answers().get(question.id());
                Row row = sh.createRow(r++);
                text(row, 0, Render.itemId(q, question), st.top);
                text(row, 1, Render.areaName(area.id(), area.name(), lang), st.wrap);
                text(row, 2, question.text().in(lang), st.wrap);
                text(row, 3, Scores.applies(question, responses) ? ReportHtml.answerText(question, a, lang)
                        : t(lang, "（対象外）", "(does not apply)"), st.wrap);
                Choice c = a == null || a.choiceKey() == null ? null : question.answerSet().find(a.choiceKey()).orElse(null);
                if (c != null && c.value() != null) {
                    number(row, 4, c.value(), st.number);
                }
                text(row, 5, a == null ? null : a.comment(), st.wrap);
                text(row, 6, a == null ? null : a.evidence(), st.wrap);
                text(row, 7, question.id(), st.top);
            }
        }
        widths(sh, 8, 24, 50, 30, 8, 40, 30, 16);
        sh.createFreezePane(0, 1);
    }

    private static void plan(Sheet sh, Styles st, ScoreSheet s, String lang) {
        Questionnaire q = s.questionnaire();
        header(sh, st, 0, t(lang, "設問", "Question"), t(lang, "設問文", "Text"), t(lang, "現在の回答", "Current answer"),
                t(lang, "改善後の回答", "Expected answer"), t(lang, "対策", "Action"), t(lang, "担当", "Owner"), t(lang, "期限", "Due"),
                t(lang, "難易度", "Difficulty"));
        int r = 1;
        for (PlanItem p : s.answers().plan()) {
            Question question = q.question(p.questionId()).orElse(null);
            if (question == null) {
                continue;
            }
            Row row = sh.createRow(r++);
            text(row, 0, Render.itemId(q, question), st.top);
            text(row, 1, question.text().in(lang), st.wrap);
            text(row, 2, ReportHtml.answerText(question, s.answers().answers().get(question.id()), lang), st.wrap);
            text(row, 3, Render.response(question, new Response.Chosen(p.expected()), lang), st.wrap);
            text(row, 4, p.action(), st.wrap);
            text(row, 5, p.owner(), st.wrap);
            date(row, 6, p.due(), st);
            text(row, 7, p.difficulty() == null ? "" : p.difficulty().label(lang), st.top);
        }
        widths(sh, 10, 50, 16, 16, 44, 18, 12, 10);
        sh.createFreezePane(0, 1);
    }

    /**
     * The form as it is printed: for each area its questions in order (the form's item name, the
     * question, the answer in [brackets] and the choices), and each computed item right after the
     * top-level area holding the questions it is computed from.
     */
    private static void form(Sheet sh, Styles st, ScoreSheet s, String lang) {
        Questionnaire q = s.questionnaire();
        Map<String, Response> responses = s.answers().responses();
        header(sh, st, 0, t(lang, "項目", "Item"), t(lang, "設問", "Question"), t(lang, "記載", "Entry"), t(lang, "選択肢", "Choices"));
        int r = 1;
        Set<String> written = new HashSet<>();
        Set<String> placed = new HashSet<>();
        for (Area top : q.areas()) {
            for (Area area : subtree(top)) {
                Row head = sh.createRow(r++);
                text(head, 0, Render.areaName(area.id(), area.name(), lang), st.bold);
                for (Question question : area.questions()) {
                    written.add(question.id());
                    Row row = sh.createRow(r++);
                    text(row, 0, Render.itemId(q, question), st.wrap);
                    text(row, 1, question.text().in(lang), st.wrap);
                    text(row, 2, Render.formEntry(question, s.answers().answers().get(question.id()), responses, lang), st.wrap);
                    if (question.type() == Question.Type.CHOICE) {
                        text(row, 3, Render.choices(question.answerSet(), lang), st.wrap);
                    }
                }
            }
            for (Computed c : q.computed()) {
                if (!placed.contains(c.id()) && written.containsAll(inputs(c))) {
                    placed.add(c.id());
                    r = computedRow(sh, st, r, c, s, lang);
                }
            }
        }
        for (Computed c : q.computed()) {
            if (!placed.contains(c.id())) {
                r = computedRow(sh, st, r, c, s, lang);
            }
        }
        widths(sh, 30, 50, 50, 50);
        sh.createFreezePane(0, 1);
    }

    private static int computedRow(Sheet sh, Styles st, int r, Computed c, ScoreSheet s, String lang) {
        Row row = sh.createRow(r);
        Choice result = s.computed().get(c.id());
        text(row, 0, c.ref() != null ? c.ref() : c.id(), st.bold);
        text(row, 1, c.name().in(lang), st.wrap);
        text(row, 2, "[" + (result == null ? " " : result.label().in(lang)) + "]", st.wrap);
        text(row, 3, Render.choices(c.answerSet(), lang), st.wrap);
        return r + 1;
    }

    private static Set<String> inputs(Computed c) {
        Set<String> ids = new HashSet<>();
        c.rules().forEach(rule -> ids.addAll(rule.when().questions()));
        return ids;
    }

    private static List<Area> subtree(Area a) {
        List<Area> out = new java.util.ArrayList<>();
        out.add(a);
        a.areas().forEach(s -> out.addAll(subtree(s)));
        return out;
    }

    // ---- cells ----

    private static int pair(Sheet sh, Styles st, int r, String key, String value) {
        if (value == null || value.isBlank()) {
            return r;
        }
        Row row = sh.createRow(r);
        text(row, 0, key, st.bold);
        text(row, 1, value, st.top);
        return r + 1;
    }

    private static void header(Sheet sh, Styles st, int r, String... names) {
        Row row = sh.createRow(r);
        for (int i = 0; i < names.length; i++) {
            text(row, i, names[i], st.header);
        }
    }

    private static void text(Row row, int col, String value, CellStyle style) {
        Cell c = row.createCell(col);
        if (value != null) {
            c.setCellValue(value.length() > CELL_LIMIT ? value.substring(0, CELL_LIMIT - 1) + "…" : value);
        }
        c.setCellStyle(style);
    }

    /** The earlier or later text, a long one with its changed part in bold red (as far as the cell holds it). */
    private static void marked(Row row, int col, TextChange c, boolean later, Styles st) {
        String text = later ? c.after() : c.before();
        int from = c.prefix();
        int to = c.end(later);
        if (from >= to || !c.worthMarking() || text.length() > CELL_LIMIT) {
            text(row, col, text, st.wrap);
            return;
        }
        org.apache.poi.xssf.usermodel.XSSFRichTextString rich = new org.apache.poi.xssf.usermodel.XSSFRichTextString(text);
        rich.applyFont(from, to, st.changed);
        Cell cell = row.createCell(col);
        cell.setCellValue(rich);
        cell.setCellStyle(st.wrap);
    }

    private static final java.time.format.DateTimeFormatter WAREKI = java.time.format.DateTimeFormatter
            .ofPattern("GGGGy年M月d日", java.util.Locale.JAPAN).withChronology(java.time.chrono.JapaneseChronology.INSTANCE);

    /**
     * A date as a date cell (sorts and filters as a date): ISO (2024-03-31) shown as such, 和暦 (令和5年12月21日) shown in
     * 和暦 as the form writes it; anything else (元年 and free text included) as the text it is.
     */
    private static void date(Row row, int col, String value, Styles st) {
        if (value == null || value.isBlank()) {
            text(row, col, value, st.top);
            return;
        }
        java.time.LocalDate d = null;
        CellStyle style = st.isoDate;
        try {
            d = java.time.LocalDate.parse(value.strip());
        } catch (java.time.format.DateTimeParseException e) {
            try {
                d = java.time.LocalDate.from(WAREKI.parse(value.strip()));
                style = st.eraDate;
            } catch (java.time.DateTimeException e2) {
                // not a date this parser knows: kept as text
            }
        }
        if (d == null) {
            text(row, col, value, st.top);
            return;
        }
        Cell c = row.createCell(col);
        c.setCellValue(d);
        c.setCellStyle(style);
    }

    /**
     * Print setup of a sheet: A4, one page wide (landscape when it has many columns), the title at the head and "page /
     * pages" at the foot; for a table (header at {@code headerRow}, or -1 for none) the header row repeated on every page
     * and an autofilter over its columns up to {@code lastCol}.
     */
    private static void printed(Sheet sh, String title, int headerRow, int lastCol) {
        PrintSetup ps = sh.getPrintSetup();
        ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
        ps.setLandscape(lastCol >= 5);
        ps.setFitWidth((short) 1);
        ps.setFitHeight((short) 0);
        sh.setFitToPage(true);
        sh.setAutobreaks(true);
        sh.getHeader().setLeft(title.replace("&", "&&"));
        sh.getFooter().setRight("&P / &N");
        if (headerRow >= 0) {
            sh.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, -1, -1));
            if (sh.getLastRowNum() > headerRow) {
                sh.setAutoFilter(new CellRangeAddress(headerRow, sh.getLastRowNum(), 0, lastCol));
            }
        }
    }

    private static void number(Row row, int col, double value, CellStyle style) {
        Cell c = row.createCell(col);
        c.setCellValue(value);
        c.setCellStyle(style);
    }

    private static void percent(Row row, int col, Double value, Styles st) {
        if (value == null) {
            text(row, col, "—", st.top);
        } else {
            number(row, col, Math.round(value * 10) / 10.0, st.percent);
        }
    }

    /** Column widths in characters (a full-width character counts about two). */
    private static void widths(Sheet sh, int... chars) {
        for (int i = 0; i < chars.length; i++) {
            sh.setColumnWidth(i, chars[i] * 256);
        }
    }

    /** The few cell styles the sheets share. */
    private static final class Styles {
        final CellStyle header;
        final CellStyle bold;
        final CellStyle top;
        final CellStyle wrap;
        final CellStyle number;
        final CellStyle percent;
        final CellStyle isoDate;
        final CellStyle eraDate;
        /** The changed part of a text in the change history. */
        final Font changed;

        Styles(XSSFWorkbook wb) {
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            changed = wb.createFont();
            changed.setBold(true);
            changed.setColor(IndexedColors.RED.getIndex());
            header = wb.createCellStyle();
            header.setFont(boldFont);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setBorderBottom(BorderStyle.THIN);
            header.setVerticalAlignment(VerticalAlignment.TOP);
            header.setWrapText(true);
            bold = wb.createCellStyle();
            bold.setFont(boldFont);
            bold.setVerticalAlignment(VerticalAlignment.TOP);
            bold.setWrapText(true);
            top = wb.createCellStyle();
            top.setVerticalAlignment(VerticalAlignment.TOP);
            wrap = wb.createCellStyle();
            wrap.setVerticalAlignment(VerticalAlignment.TOP);
            wrap.setWrapText(true);
            number = wb.createCellStyle();
            number.setVerticalAlignment(VerticalAlignment.TOP);
            number.setDataFormat(wb.createDataFormat().getFormat("General"));
            percent = wb.createCellStyle();
            percent.setVerticalAlignment(VerticalAlignment.TOP);
            percent.setDataFormat(wb.createDataFormat().getFormat("0.0"));
            isoDate = wb.createCellStyle();
            isoDate.setVerticalAlignment(VerticalAlignment.TOP);
            isoDate.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
            eraDate = wb.createCellStyle();
            eraDate.setVerticalAlignment(VerticalAlignment.TOP);
            eraDate.setDataFormat(wb.createDataFormat().getFormat("[$-ja-JP]ggge\"年\"m\"月\"d\"日\""));
        }
    }
}
