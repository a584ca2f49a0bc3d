package dev.mamori.cli.risk;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.Progress;
import dev.mamori.cli.ReportSink;
import dev.mamori.report.Json;
import dev.mamori.report.Message;
import dev.mamori.report.Terminal;

import dev.mamori.risk.Dataset;
import dev.mamori.risk.PopulationRisk;
import dev.mamori.risk.RiskAnalyzer;
import dev.mamori.risk.RiskException;
import dev.mamori.risk.RiskReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori risk}: re-identification risk of a table, by its quasi-identifiers. */
@Command(name = "risk", resourceBundle = "dev.mamori.cli.risk.Help",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Measure the re-identification risk of a table from its quasi-identifiers (準識別子): the smallest equivalence class (k), the distribution of class sizes, the share of unique records, prosecutor risk (highest and average), the records above a risk threshold, and the l-diversity of sensitive columns.",
                "",
                "Examples:",
                "  mamori risk examples/customers_cp932.csv --qi 性別,生年月日,郵便番号",
                "  mamori risk adult.csv --qi sex,age,race,marital-status --sensitive salary-class --format json",
                "    (adult.csv: the UCI Adult data set, e.g. in the form the ARX benchmark uses)",
                ""})
public final class RiskCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATA", descriptionKey = "data", description = "A CSV/TSV (encoding and delimiter detected), XLSX (first sheet) or JSON Lines table with a header row.")
    Path data;

    @Option(names = "--qi", split = ",", required = true, paramLabel = "COLUMN", description = "Quasi-identifier columns (comma-separated).")
    List<String> qi;

    @Option(names = "--sensitive", split = ",", paramLabel = "COLUMN", description = "Sensitive columns to measure distinct l-diversity for.")
    List<String> sensitive = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "P", description = "Prosecutor-risk threshold: records in classes with risk above P (class size < 1/P) are counted (default ${DEFAULT-VALUE}).")
    double threshold = 0.2;

    @Option(names = "--population", paramLabel = "FILE", description = "A population table (CSV with the quasi-identifier columns and a count column): adds journalist and marketer risk.")
    Path population;

    @Option(names = "--population-count", paramLabel = "COLUMN", description = "The count column of the population table (default ${DEFAULT-VALUE}).")
    String populationCount = "count";

    @Option(names = "--format", paramLabel = "FORMAT", description = "summary (default), json, or html (a page with a chart of class sizes).")
    String format = "summary";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically) instead of standard output.")
    Path output;

    @Option(names = "--no-progress", description = "No progress bar while the table is read (it is only shown when standard error is a terminal).")
    boolean noProgress;

    Lang lang = Lang.current();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (threshold <= 0 || threshold > 1) {
            throw new Main.UsageProblem("--threshold は 0 より大きく 1 以下にしてください（指定は " + threshold + "）",
                    "--threshold must be in (0, 1], not " + threshold);
        }
        if (!List.of("summary", "json", "html").contains(format)) {
            throw new Main.UsageProblem("--format は summary、json、html のどれかです（指定は " + format + "）",
                    "--format is summary, json or html, not " + format);
        }
        Outputs.guard().reads(data, "入力", "the input").reads(population, "母集団の表", "the population table")
                .writes(output, "--output", "--output").check();
        RiskReport r;
        PopulationRisk pop = null;
        try {
            Dataset table = read(data);
            r = RiskAnalyzer.analyze(table, qi, sensitive, threshold);
            if (population != null) {
                pop = PopulationRisk.of(table, qi, populationCounts());
            }
        } catch (RiskException e) {
            String name = Terminal.safe(data.toString());
            throw new Message.Problem(e.text().after(name + ": ", name + ": "));
        }
        PopulationRisk p = pop;
        try (ReportSink sink = ReportSink.open(output, spec.commandLine().getOut())) {
            PrintWriter out = sink.writer();
            switch (format) {
                case "json" -> {
                    com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode) Json.tree(r);
                    if (p != null) {
                        n.set("population", Json.tree(p));
                    }
                    out.print(Json.write(n));
                }
                case "html" -> out.print(RiskHtml.render(data.toString(), qi, r, lang));
                case "summary" -> {
                    out.print(dev.mamori.risk.RiskText.summary(data.toString(), qi, r, lang.name()));
                    if (p != null) {
                        out.print(dev.mamori.risk.RiskText.population(p, lang.name()));
                    }
                }
                default -> throw new IllegalStateException(format); // checked above
            }
            sink.commit();
        }
        return 0;
    }

    /** The population table's class sizes, keyed by the quasi-identifier values. */
    private Map<List<String>, Long> populationCounts() throws IOException {
        Dataset t = read(population);
        int[] cols = qi.stream().mapToInt(t::column).toArray();
        int count = t.column(populationCount);
        Map<List<String>, Long> m = new java.util.HashMap<>();
        int row = 1;
        for (String[] r : t.rows()) {
            String[] k = new String[cols.length];
            for (int j = 0; j < cols.length; j++) {
                k[j] = r[cols[j]];
            }
            try {
                m.merge(List.of(k), Long.parseLong(r[count].trim()), Long::sum);
            } catch (NumberFormatException e) {
                throw new Main.UsageProblem(population + ": データ " + row + " 行目、列 '" + populationCount + "': 件数ではありません",
                        population + ": data row " + row + ", column '" + populationCount + "': not a count");
            }
            row++;
        }
        return m;
    }

    /** A table read whole, with a progress bar on standard error when a person is watching. */
    private Dataset read(Path file) throws IOException {
        Progress progress = Progress.forStderr(!noProgress);
        long size;
        try {
            size = java.nio.file.Files.size(file);
        } catch (IOException e) {
            size = -1; // reading it says what is wrong
        }
        progress.start(file.toString(), size);
        try {
            return Dataset.read(file, progress::advance);
        } finally {
            progress.done();
        }
    }
}
