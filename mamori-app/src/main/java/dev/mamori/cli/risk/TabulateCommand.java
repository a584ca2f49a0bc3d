package dev.mamori.cli.risk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.ReportSink;
import dev.mamori.cli.Text;
import dev.mamori.report.Json;
import dev.mamori.risk.CellSuppression;
import dev.mamori.risk.Dataset;
import dev.mamori.table.WholeTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori tabulate}: a cross table of a table's records, safe to publish (minimum cell size, complementary suppression). */
@Command(name = "tabulate", resourceBundle = "dev.mamori.cli.risk.Help", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Count a table's records by two columns (a cross table with row, column and grand totals) for publication: cells with fewer than --k records are suppressed, and further cells are suppressed until no hidden cell can be worked out from the totals (a hidden cell alone in its row or column would be given back by subtraction). Suppressed cells print as x.",
                "",
                "  mamori tabulate survey.csv --rows 利用場所 --columns 性別年代 --k 5",
                "  mamori tabulate survey.csv --rows 国 --columns 回線種別 --k 10 --format csv --output table.csv",
                ""})
public final class TabulateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATA", descriptionKey = "data", description = "A CSV/TSV (encoding and delimiter detected), XLSX (first sheet) or JSON Lines table with a header row.")
    Path data;

    @Option(names = "--rows", required = true, paramLabel = "COLUMN", description = "The column whose values make the rows.")
    String rows;

    @Option(names = "--columns", required = true, paramLabel = "COLUMN", description = "The column whose values make the columns.")
    String columns;

    @Option(names = "--k", paramLabel = "N", description = "The minimum published cell size (default ${DEFAULT-VALUE}).")
    int k = 5;

    @Option(names = "--format", paramLabel = "FORMAT", description = "summary (default, aligned text), csv (the input's encoding), xlsx (with --output) or json.")
    String format = "summary";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the table to FILE (atomically) instead of standard output.")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Lang lang = Lang.current();
        if (k < 2) {
            throw new Main.UsageProblem("--k は 2 以上にしてください（指定は " + k + "）", "--k must be at least 2, not " + k);
        }
        if (!List.of("summary", "csv", "xlsx", "json").contains(format)) {
            throw new Main.UsageProblem("--format は summary、csv、xlsx、json のどれかです（指定は " + format + "）",
                    "--format is summary, csv, xlsx or json, not " + format);
        }
        if (format.equals("xlsx") && output == null) {
            throw new Main.UsageProblem("--format xlsx には --output FILE が必要です", "--format xlsx needs --output FILE");
        }
        Outputs.guard().reads(data, "入力", "the input").writes(output, "--output", "--output").check();
        WholeTable whole = WholeTable.read(data);
        Dataset t = Dataset.of(whole);
        int rc = column(t, rows);
        int cc = column(t, columns);
        List<String> rowValues = new ArrayList<>(new TreeSet<>(values(t, rc)));
        List<String> colValues = new ArrayList<>(new TreeSet<>(values(t, cc)));
        Map<String, Integer> ri = index(rowValues);
        Map<String, Integer> ci = index(colValues);
        long[][] counts = new long[rowValues.size()][colValues.size()];
        for (String[] r : t.rows()) {
            counts[ri.get(cell(r, rc))][ci.get(cell(r, cc))]++;
        }
        CellSuppression.Result res;
        try {
            res = CellSuppression.suppress(counts, k);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageProblem(columns + " / " + rows + ": 行と列がそれぞれ 2 つ以上ないと、小さいセルを秘匿しても合計から求められます",
                    columns + " / " + rows + ": a table needs two rows and two columns for its small cells to be hidden from its totals");
        }
        String total = lang.t("合計", "Total");
        List<String> head = new ArrayList<>();
        head.add(rows + " \\ " + columns);
        head.addAll(colValues);
        head.add(total);
        List<List<String>> body = new ArrayList<>();
        for (int r = 0; r <= rowValues.size(); r++) {
            List<String> line = new ArrayList<>();
            line.add(r < rowValues.size() ? label(rowValues.get(r), lang) : total);
            for (int c = 0; c <= colValues.size(); c++) {
                line.add(res.suppressed()[r][c] ? "x" : Long.toString(res.value(r, c)));
            }
            body.add(line);
        }
        if (format.equals("csv") && output != null) { // a file: in the input's encoding, through CsvOutput
            csv(head, body, whole);
            return 0;
        }
        if (format.equals("xlsx")) {
            dev.mamori.report.AtomicFiles.write(output, o -> xlsx(head, body, res, lang, o));
            return 0;
        }
        try (ReportSink sink = ReportSink.open(output, spec.commandLine().getOut())) {
            PrintWriter out = sink.writer();
            switch (format) {
                case "json" -> out.print(json(rowValues, colValues, res));
                case "csv" -> out.print(csvText(head, body));
                default -> {
                    head.set(0, "");
                    summary(out, head, body, res, lang);
                }
            }
            sink.commit();
        }
        return 0;
    }

    private static int column(Dataset t, String name) {
        int i = t.columns().indexOf(name);
        if (i < 0) {
            throw new Main.UsageProblem("列 '" + name + "' がありません。列は " + t.columns() + " です",
                    "no column '" + name + "'; the columns are " + t.columns());
        }
        return i;
    }

    private static List<String> values(Dataset t, int col) {
        List<String> out = new ArrayList<>();
        t.rows().forEach(r -> out.add(cell(r, col)));
        return out;
    }

    private static String cell(String[] r, int col) {
        return col < r.length && r[col] != null ? r[col] : "";
    }

    private static String label(String v, Lang lang) {
        return v.isEmpty() ? lang.t("（空欄）", "(blank)") : v;
    }

    private static Map<String, Integer> index(List<String> values) {
        Map<String, Integer> m = new LinkedHashMap<>();
        values.forEach(v -> m.put(v, m.size()));
        return m;
    }

    private void summary(PrintWriter out, List<String> head, List<List<String>> body, CellSuppression.Result res, Lang lang) {
        int[] w = new int[head.size()];
        for (int c = 0; c < w.length; c++) {
            w[c] = Text.width(head.get(c));
            for (List<String> line : body) {
                w[c] = Math.max(w[c], Text.width(line.get(c)));
            }
        }
        out.println(data + "  " + rows + " × " + columns + "  (k = " + k + ")");
        StringBuilder h = new StringBuilder(Text.pad(head.get(0), w[0]));
        for (int c = 1; c < w.length; c++) {
            h.append("  ").append(Text.right(head.get(c), w[c]));
        }
        out.println(h.toString().stripTrailing());
        for (List<String> line : body) {
            StringBuilder b = new StringBuilder(Text.pad(line.get(0), w[0]));
            for (int c = 1; c < w.length; c++) {
                b.append("  ").append(Text.right(line.get(c), w[c]));
            }
            out.println(b.toString().stripTrailing());
        }
        out.println(lang.t(String.format("x: 秘匿（%d 件未満のセル %d、それを合計から求められないようにする二次秘匿 %d）", k, res.primary(), res.complementary()),
                String.format("x: suppressed (%d cells under %d, and %d more so that the totals do not give them back)", res.primary(), k,
                        res.complementary())));
    }

    private static String csvText(List<String> head, List<List<String>> body) {
        java.io.StringWriter sw = new java.io.StringWriter();
        de.siegmar.fastcsv.writer.CsvWriter w = dev.mamori.deid.CsvOutput.writer(sw, ',');
        w.writeRecord(head);
        body.forEach(w::writeRecord);
        try {
            w.flush();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return sw.toString();
    }

    private void csv(List<String> head, List<List<String>> body, WholeTable whole) throws IOException {
        java.nio.charset.Charset cs = whole.summary().charset() == null ? java.nio.charset.StandardCharsets.UTF_8 : whole.summary().charset();
        try (dev.mamori.deid.CsvOutput out = dev.mamori.deid.CsvOutput.open(output, cs, ',')) {
            out.write(head);
            for (List<String> line : body) {
                out.write(line);
            }
            out.commit();
        }
    }

    /** The table as a sheet: counts as numbers, hidden entries as x, the legend below, printed on A4 one page wide. */
    private void xlsx(List<String> head, List<List<String>> body, CellSuppression.Result res, Lang lang, java.io.OutputStream o)
            throws IOException {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sh = wb.createSheet(lang.t("集計表", "Table"));
            org.apache.poi.ss.usermodel.CellStyle bold = wb.createCellStyle();
            org.apache.poi.ss.usermodel.Font f = wb.createFont();
            f.setBold(true);
            bold.setFont(f);
            org.apache.poi.ss.usermodel.CellStyle right = wb.createCellStyle();
            right.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.RIGHT);
            org.apache.poi.ss.usermodel.Row h = sh.createRow(0);
            for (int c = 0; c < head.size(); c++) {
                org.apache.poi.ss.usermodel.Cell cell = h.createCell(c);
                cell.setCellValue(head.get(c));
                cell.setCellStyle(bold);
            }
            for (int r = 0; r < body.size(); r++) {
                org.apache.poi.ss.usermodel.Row row = sh.createRow(r + 1);
                List<String> line = body.get(r);
                row.createCell(0).setCellValue(line.get(0));
                for (int c = 1; c < line.size(); c++) {
                    org.apache.poi.ss.usermodel.Cell cell = row.createCell(c);
                    if (res.suppressed()[r][c - 1]) {
                        cell.setCellValue("x");
                        cell.setCellStyle(right);
                    } else {
                        cell.setCellValue(res.value(r, c - 1));
                    }
                }
            }
            sh.createRow(body.size() + 2).createCell(0).setCellValue(lang.t(
                    String.format("x: 秘匿（%d 件未満のセル %d、それを合計から求められないようにする二次秘匿 %d）", k, res.primary(), res.complementary()),
                    String.format("x: suppressed (%d cells under %d, and %d more so that the totals do not give them back)", res.primary(), k,
                            res.complementary())));
            sh.setColumnWidth(0, 24 * 256);
            sh.createFreezePane(1, 1);
            sh.getPrintSetup().setPaperSize(org.apache.poi.ss.usermodel.PrintSetup.A4_PAPERSIZE);
            sh.getPrintSetup().setLandscape(head.size() > 8);
            sh.setFitToPage(true);
            sh.getPrintSetup().setFitWidth((short) 1);
            sh.getPrintSetup().setFitHeight((short) 0);
            wb.write(o);
        }
    }

    private String json(List<String> rowValues, List<String> colValues, CellSuppression.Result res) {
        ObjectNode n = Json.object();
        n.put("rows_column", rows);
        n.put("columns_column", columns);
        n.put("k", k);
        ArrayNode rv = n.putArray("rows");
        rowValues.forEach(rv::add);
        ArrayNode cv = n.putArray("columns");
        colValues.forEach(cv::add);
        ArrayNode cells = n.putArray("cells");
        int nr = rowValues.size();
        int nc = colValues.size();
        ArrayNode rowTotals = Json.mapper().createArrayNode();
        for (int r = 0; r <= nr; r++) {
            ArrayNode line = Json.mapper().createArrayNode();
            for (int c = 0; c < nc; c++) {
                if (res.suppressed()[r][c]) {
                    line.addNull();
                } else {
                    line.add(res.value(r, c));
                }
            }
            if (r < nr) {
                cells.add(line);
                if (res.suppressed()[r][nc]) {
                    rowTotals.addNull();
                } else {
                    rowTotals.add(res.value(r, nc));
                }
            } else {
                n.set("column_totals", line);
            }
        }
        n.set("row_totals", rowTotals);
        if (res.suppressed()[nr][nc]) {
            n.putNull("total");
        } else {
            n.put("total", res.value(nr, nc));
        }
        n.put("primary_suppressed", res.primary());
        n.put("complementary_suppressed", res.complementary());
        return Json.write(n);
    }
}
