package dev.mamori.cli.risk;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.ReportSink;
import dev.mamori.cli.Text;
import dev.mamori.risk.PublishedTable;
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
        PublishedTable table;
        try {
            table = PublishedTable.of(rows, columns, rowValues, colValues, counts, k);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageProblem(columns + " / " + rows + ": 行と列がそれぞれ 2 つ以上ないと、小さいセルを秘匿しても合計から求められます",
                    columns + " / " + rows + ": a table needs two rows and two columns for its small cells to be hidden from its totals");
        }
        // blank values named for people (text, CSV, XLSX); JSON keeps the values as they are
        PublishedTable shown = new PublishedTable(rows, columns, rowValues.stream().map(v -> label(v, lang)).toList(), colValues, k, table.result());
        List<String> head = shown.head(lang.name());
        List<List<String>> body = shown.body(lang.name());
        if (format.equals("csv") && output != null) { // a file: in the input's encoding, through CsvOutput
            csv(head, body, whole);
            return 0;
        }
        if (format.equals("xlsx")) {
            dev.mamori.report.AtomicFiles.write(output, o -> shown.xlsx(o, lang.name()));
            return 0;
        }
        try (ReportSink sink = ReportSink.open(output, spec.commandLine().getOut())) {
            PrintWriter out = sink.writer();
            switch (format) {
                case "json" -> out.print(table.json());
                case "csv" -> out.print(csvText(head, body));
                default -> {
                    head.set(0, "");
                    summary(out, head, body, table, lang);
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

    private void summary(PrintWriter out, List<String> head, List<List<String>> body, PublishedTable table, Lang lang) {
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
        out.println(table.legend(lang.name()));
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
}
