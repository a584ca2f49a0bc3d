package dev.mamori.risk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.report.BarChart;
import dev.mamori.report.Html;
import dev.mamori.report.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A two-way table of counts as it may be published: the cells under {@code k} and those that would give them back
 * through the totals suppressed ({@link CellSuppression}), in the forms people publish it in — lines for CSV and the
 * terminal, XLSX, JSON, a chart of row percentages and an HTML page (for PDF). Suppressed entries are "x" everywhere, and
 * a percentage is never shown for a suppressed cell.
 *
 * @param rowTitle    what the rows are (a column or question name)
 * @param columnTitle what the columns are
 */
public record PublishedTable(String rowTitle, String columnTitle, List<String> rows, List<String> columns, int k, CellSuppression.Result result) {

    private static final List<String> COLOURS = List.of("#1565c0", "#ef6c00", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#795548",
            "#90a4ae", "#f9a825", "#5c6bc0");

    public PublishedTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
    }

    /**
     * @param counts [row][column] counts, at least two rows and two columns
     * @throws IllegalArgumentException when the table has fewer than two rows or columns (its totals would give any
     *                                  hidden cell back) or k is under 1
     */
    public static PublishedTable of(String rowTitle, String columnTitle, List<String> rows, List<String> columns, long[][] counts, int k) {
        if (rows.size() < 2 || columns.size() < 2) {
            throw new IllegalArgumentException("a table needs two rows and two columns for its small cells to be hidden from its totals");
        }
        return new PublishedTable(rowTitle, columnTitle, rows, columns, k, CellSuppression.suppress(counts, k));
    }

    public boolean suppressed(int row, int column) {
        return result.suppressed()[row][column];
    }

    /** The entry as published: its count, or "x". Row {@code rows().size()} and column {@code columns().size()} are the totals. */
    public String entry(int row, int column) {
        return suppressed(row, column) ? "x" : Long.toString(result.value(row, column));
    }

    /** A cell's share of its row total in percent, or null when the cell or the row total is suppressed or the row is empty. */
    public Double rowPercent(int row, int column) {
        int total = columns.size();
        if (suppressed(row, column) || suppressed(row, total) || result.value(row, total) == 0) {
            return null;
        }
        return 100.0 * result.value(row, column) / result.value(row, total);
    }

    /** The header line: the corner ("rows \ columns"), the columns and the total. */
    public List<String> head(String lang) {
        List<String> head = new ArrayList<>();
        head.add(rowTitle + " \\ " + columnTitle);
        head.addAll(columns);
        head.add(t(lang, "合計", "Total"));
        return head;
    }

    /** Every row, the totals' row last: its name, then its entries. */
    public List<List<String>> body(String lang) {
        List<List<String>> body = new ArrayList<>();
        for (int r = 0; r <= rows.size(); r++) {
            List<String> line = new ArrayList<>();
            line.add(r < rows.size() ? rows.get(r) : t(lang, "合計", "Total"));
            for (int c = 0; c <= columns.size(); c++) {
                line.add(entry(r, c));
            }
            body.add(line);
        }
        return body;
    }

    /** What the x means, with how many cells were hidden and why. */
    public String legend(String lang) {
        return t(lang, String.format("x: 秘匿（%d 件未満のセル %d、それを合計から求められないようにする二次秘匿 %d）", k, result.primary(), result.complementary()),
                String.format("x: suppressed (%d cells under %d, and %d more so that the totals do not give them back)", result.primary(), k,
                        result.complementary()));
    }

    /** The table as a sheet: counts as numbers, suppressed entries as x, the legend below, printed on A4 one page wide. */
    public void xlsx(OutputStream out, String lang) throws IOException {
        List<String> head = head(lang);
        List<List<String>> body = body(lang);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet sh = wb.createSheet(t(lang, "集計表", "Table"));
            CellStyle bold = wb.createCellStyle();
            Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            CellStyle right = wb.createCellStyle();
            right.setAlignment(HorizontalAlignment.RIGHT);
            Row h = sh.createRow(0);
            for (int c = 0; c < head.size(); c++) {
                Cell cell = h.createCell(c);
                cell.setCellValue(head.get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < body.size(); r++) {
                Row row = sh.createRow(r + 1);
                List<String> line = body.get(r);
                row.createCell(0).setCellValue(line.get(0));
                for (int c = 1; c < line.size(); c++) {
                    Cell cell = row.createCell(c);
                    if (suppressed(r, c - 1)) {
                        cell.setCellValue("x");
                        cell.setCellStyle(right);
                    } else {
                        cell.setCellValue(result.value(r, c - 1));
                    }
                }
            }
            sh.createRow(body.size() + 2).createCell(0).setCellValue(legend(lang));
            sh.setColumnWidth(0, 24 * 256);
            sh.createFreezePane(1, 1);
            sh.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sh.getPrintSetup().setLandscape(head.size() > 8);
            sh.setFitToPage(true);
            sh.getPrintSetup().setFitWidth((short) 1);
            sh.getPrintSetup().setFitHeight((short) 0);
            wb.write(out);
        }
    }

    /** The table as JSON: the cells, totals and grand total, null where suppressed. */
    public String json() {
        ObjectNode n = Json.object();
        n.put("rows_column", rowTitle);
        n.put("columns_column", columnTitle);
        n.put("k", k);
        ArrayNode rv = n.putArray("rows");
        rows.forEach(rv::add);
        ArrayNode cv = n.putArray("columns");
        columns.forEach(cv::add);
        ArrayNode cells = n.putArray("cells");
        int nr = rows.size();
        int nc = columns.size();
        ArrayNode rowTotals = Json.mapper().createArrayNode();
        for (int r = 0; r <= nr; r++) {
            ArrayNode line = Json.mapper().createArrayNode();
            for (int c = 0; c < nc; c++) {
                put(line, r, c);
            }
            if (r < nr) {
                cells.add(line);
                put(rowTotals, r, nc);
            } else {
                n.set("column_totals", line);
            }
        }
        n.set("row_totals", rowTotals);
        if (suppressed(nr, nc)) {
            n.putNull("total");
        } else {
            n.put("total", result.value(nr, nc));
        }
        n.put("primary_suppressed", result.primary());
        n.put("complementary_suppressed", result.complementary());
        return Json.write(n);
    }

    private void put(ArrayNode a, int r, int c) {
        if (suppressed(r, c)) {
            a.addNull();
        } else {
            a.add(result.value(r, c));
        }
    }

    /** Each row's shares of its total as bars, one series a column; a suppressed cell has no bar. */
    public String svg(String lang) {
        BarChart chart = new BarChart(t(lang, "行ごとの構成比（%）", "Share of each row (%)"), rows).max(100).unit("%");
        for (int c = 0; c < columns.size(); c++) {
            List<Double> values = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                values.add(rowPercent(r, c));
            }
            chart.series(columns.get(c), COLOURS.get(c % COLOURS.size()), values);
        }
        return chart.svg();
    }

    /** A page with the table, its legend and the chart (what the PDF prints); {@code lines} go above the table. */
    public String html(String lang, String title, List<String> lines) {
        StringBuilder b = new StringBuilder("<h1>").append(Html.esc(title)).append("</h1>\n");
        lines.forEach(l -> b.append("<p>").append(Html.esc(l)).append("</p>\n"));
        b.append("<table class=\"published\"><thead><tr>");
        List<String> head = head(lang);
        for (int c = 0; c < head.size(); c++) {
            b.append(c == 0 ? "<th>" : "<th class=\"num\">").append(Html.esc(head.get(c))).append("</th>");
        }
        b.append("</tr></thead><tbody>\n");
        for (List<String> line : body(lang)) {
            b.append("<tr><td>").append(Html.esc(line.get(0))).append("</td>");
            line.subList(1, line.size()).forEach(e -> b.append("<td class=\"num\">").append(Html.esc(e)).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</tbody></table>\n<p class=\"muted\">").append(Html.esc(legend(lang))).append("</p>\n");
        b.append("<figure>").append(svg(lang)).append("</figure>\n");
        return Html.page(lang, title, b.toString());
    }

    private static String t(String lang, String ja, String en) {
        return "en".equals(lang) ? en : ja;
    }
}
