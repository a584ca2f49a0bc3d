package dev.mamori.spark;

import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Json;
import dev.mamori.report.Message;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.risk.RiskText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori spark risk}: {@code mamori risk} on Spark. */
@Command(name = "risk", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Measure re-identification risk as mamori risk does, on Spark: equivalence classes by a distributed group-by, only the histogram of class sizes on the driver (so the number of classes is not bounded by its memory).",
                "",
                "  mamori spark risk sales.parquet --qi age,sex,zip --sensitive disease --format json",
                "  mamori spark risk sample.csv --qi age,sex,zip --population census.parquet --population-count persons",
                ""})
final class RiskCmd extends SparkCommand {

    @Parameters(paramLabel = "DATA", description = "A CSV/TSV, Parquet or JSON Lines file, or a directory of parts.")
    String data;

    @Option(names = "--qi", split = ",", required = true, paramLabel = "COLUMN", description = "Quasi-identifier columns (comma-separated).")
    List<String> qi;

    @Option(names = "--sensitive", split = ",", paramLabel = "COLUMN", description = "Sensitive columns to measure distinct l-diversity for.")
    List<String> sensitive = new ArrayList<>();

    @Option(names = "--threshold", paramLabel = "P", description = "Prosecutor-risk threshold (default ${DEFAULT-VALUE}).")
    double threshold = 0.2;

    @Option(names = "--population", paramLabel = "PATH", description = "A population table (CSV, Parquet or JSON Lines with the quasi-identifier columns and a count column): adds journalist and marketer risk, as mamori risk does.")
    String population;

    @Option(names = "--population-count", paramLabel = "COLUMN", description = "The count column of the population table (default ${DEFAULT-VALUE}).")
    String populationCount = "count";

    @Option(names = "--format", paramLabel = "FORMAT", description = "summary (default) or json (the fields of mamori risk --format json).")
    String format = "summary";

    @Option(names = "--output", paramLabel = "FILE", description = "Write the report to FILE (atomically, on the driver's file system) instead of standard output; never the input or inside it.")
    String output;

    /** The report's file on the driver: a path, or a file: URL; another file system's URL is refused. */
    private static Path local(String output) {
        if (output.regionMatches(true, 0, "file:", 0, 5)) {
            try {
                return Path.of(java.net.URI.create(output.startsWith("file://") ? output : "file://" + output.substring(5)));
            } catch (IllegalArgumentException e) {
                throw new Message.Problem("--output " + output + ": file: の URL として読めません", "--output " + output + ": not a file: URL");
            }
        }
        if (output.matches("[A-Za-z][A-Za-z0-9+.-]+:.*")) {
            throw new Message.Problem("--output " + output + ": 報告はドライバーのファイルに書きます。このマシンのパスを指定してください",
                    "--output " + output + ": the report is written to a file on the driver; give a path of this machine");
        }
        return Path.of(output);
    }

    @Override
    void before() throws IOException {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new Message.Problem("--threshold は 0 より大きく 1 以下にしてください（指定は " + threshold + "）",
                    "--threshold must be in (0, 1], not " + threshold);
        }
        if (!List.of("summary", "json").contains(format)) {
            throw new Message.Problem("--format は summary か json です（指定は " + format + "）", "--format is summary or json, not " + format);
        }
    }

    @Override
    int run(SparkSession spark) throws IOException {
        Path report = output == null ? null : local(output);
        if (output != null) { // as mamori risk: the report never lands on the input, nor the population's table
            Outputs.apart(spark, data, output);
            if (population != null) {
                Outputs.apart(spark, population, output);
            }
        }
        Tables.Table t = Tables.read(spark, Tables.probe(spark, data, common.inputFormat, common.encoding));
        SparkRisk.Population pop = population == null ? null
                : new SparkRisk.Population(Tables.read(spark, Tables.probe(spark, population, "auto", null)), populationCount);
        SparkRisk.Result r = SparkRisk.measure(t, qi, sensitive, threshold, pop);
        String text;
        if (format.equals("json")) {
            ObjectNode n = (ObjectNode) Json.tree(r.risk());
            if (r.population() != null) {
                n.set("population", Json.tree(r.population()));
            }
            text = Json.write(n);
        } else {
            text = RiskText.summary(data, qi, r.risk(), common.language())
                    + (r.population() == null ? "" : RiskText.population(r.population(), common.language()));
        }
        if (report != null) {
            AtomicFiles.writeString(report, text);
        } else {
            PrintWriter out = spec.commandLine().getOut();
            out.print(text);
            out.flush();
        }
        return 0;
    }
}
