package dev.mamori.spark;

import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Json;
import dev.mamori.report.Message;
import dev.mamori.risk.RiskReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori spark risk}: {@code mamori risk} on Spark. */
@Command(name = "risk", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Measure re-identification risk as mamori risk does, on Spark: equivalence classes by a distributed group-by, only the histogram of class sizes on the driver (so the number of classes is not bounded by its memory).",
                "",
                "  mamori spark risk sales.parquet --qi age,sex,zip --sensitive disease --format json",
                ""})
final class RiskCmd implements Callable<Integer>, SparkMain.HasCommon {

    @Parameters(paramLabel = "DATA", description = "A CSV/TSV, Parquet or JSON Lines file, or a directory of parts.")
    String data;

    @Option(names = "--qi", split = ",", required = true, paramLabel = "COLUMN", description = "Quasi-identifier columns (comma-separated).")
    List<String> qi;

    @Option(names = "--sensitive", split = ",", paramLabel = "COLUMN", description = "Sensitive columns to measure distinct l-diversity for.")
    List<String> sensitive = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "P", description = "Prosecutor-risk threshold (default ${DEFAULT-VALUE}).")
    double threshold = 0.2;

    @Option(names = "--format", paramLabel = "FORMAT", description = "summary (default) or json (the fields of mamori risk --format json).")
    String format = "summary";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically, on the driver) instead of standard output.")
    Path output;

    @Mixin
    SparkMain.Common common = new SparkMain.Common();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public SparkMain.Common common() {
        return common;
    }

    @Override
    public Integer call() throws IOException {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new Message.Problem("--threshold は 0 より大きく 1 以下にしてください（指定は " + threshold + "）",
                    "--threshold must be in (0, 1], not " + threshold);
        }
        if (!List.of("summary", "json").contains(format)) {
            throw new Message.Problem("--format は summary か json です（指定は " + format + "）", "--format is summary or json, not " + format);
        }
        SparkSession spark = common.session("risk");
        try {
            Tables.Table t = Tables.read(spark, Tables.probe(spark, data, common.inputFormat, common.encoding));
            RiskReport r = SparkRisk.measure(t, qi, sensitive, threshold);
            String text = format.equals("json") ? Json.write(r) : summary(r, common.language().equals("ja"));
            if (output != null) {
                AtomicFiles.writeString(output, text);
            } else {
                PrintWriter out = spec.commandLine().getOut();
                out.print(text);
                out.flush();
            }
            return 0;
        } finally {
            common.stop(spark);
        }
    }

    private String summary(RiskReport r, boolean ja) {
        StringBuilder b = new StringBuilder();
        b.append(data).append(ja ? "  （準識別子: " : "  (quasi-identifiers: ").append(String.join(", ", qi)).append(ja ? "）" : ")").append('\n');
        b.append(String.format("  %s %,d%n", ja ? "レコード数:" : "records:", r.records()));
        b.append(String.format("  %s %,d%n", ja ? "同値クラス数:" : "equivalence classes:", r.classes()));
        b.append(String.format("  %s %d%n", ja ? "最小クラスサイズ (k):" : "smallest class (k):", r.minClassSize()));
        b.append(String.format("  %s %.2f%%%n", ja ? "一意なレコードの割合:" : "unique records:", 100 * r.uniqueShare()));
        b.append(String.format("  %s %.4f / %.4f%n", ja ? "検察官リスク（最大 / 平均）:" : "prosecutor risk (highest / average):",
                r.highestProsecutorRisk(), r.averageProsecutorRisk()));
        b.append(String.format("  %s %,d%n", ja ? "リスクが閾値 " + threshold + " を超えるレコード:" : "records above risk " + threshold + ":",
                r.recordsAboveThreshold()));
        int shown = 0;
        for (Map.Entry<Integer, Integer> e : r.classSizes().entrySet()) {
            if (shown++ == 10) {
                b.append("    …\n");
                break;
            }
            b.append(String.format("    %6d: %,d%n", e.getKey(), e.getValue()));
        }
        r.distinctL().forEach((col, n) -> b.append(String.format("  %s %s = %d%n", ja ? "l-多様性（distinct）" : "distinct l-diversity", col, n)));
        return b.toString();
    }
}
