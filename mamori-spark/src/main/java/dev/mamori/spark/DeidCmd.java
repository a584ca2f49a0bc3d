package dev.mamori.spark;

import dev.mamori.deid.Mode;
import dev.mamori.deid.Policy;
import dev.mamori.deid.PolicyFile;
import dev.mamori.deid.ProcessingRecord;
import dev.mamori.deid.PublicationNotice;
import dev.mamori.deid.RunRecords;
import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Message;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori spark deid}: {@code mamori deid} on Spark, with a directory for output. */
@Command(name = "deid", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Produce 仮名加工情報 or 匿名加工情報 as mamori deid does, on Spark: for 匿名加工情報 the combinations of quasi-identifier values are counted by a distributed aggregation, the lattice search runs on the driver, and the chosen generalisation is applied by a map. Same policy, same keys, same checks, same output (one part per input partition; put together they are what mamori deid writes).",
                "",
                "The output is a directory that must not exist; it appears only when everything passed, with the processing record (_mamori_record.json/.md) and, with --operator, the publication notice (_mamori_notice.md) inside it.",
                "",
                "  mamori spark deid big.csv --policy policy.yaml --output anonymous/ --operator 株式会社サンプル",
                "  mamori spark deid adult.csv --mode anonymous --k 5 --suppression-limit 0.05 --qi age=age.csv --qi sex=sex.csv --keep salary-class --drop id --output k5/ --report-json k5.json",
                "  mamori spark deid customers.csv --policy pseudo.yaml --key customers --output pseudo/",
                ""})
final class DeidCmd extends SparkCommand {

    @Parameters(paramLabel = "DATA", description = "A CSV/TSV, Parquet or JSON Lines file, or a directory of parts (any Hadoop path: file:, hdfs:, s3a:); never modified.")
    String data;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "The output directory (must not exist), in the input's format, encoding and delimiter.")
    String output;

    @Option(names = "--policy", paramLabel = "FILE", description = "An approved policy (YAML, from mamori deid init). Replaces --mode, --qi, --k, --l, --suppression-limit, --drop and --keep.")
    Path policyFile;

    @Option(names = "--mode", paramLabel = "MODE", description = "anonymous (匿名加工情報). pseudonymous comes with the policy file.")
    String mode;

    @Option(names = "--qi", paramLabel = "COLUMN=HIERARCHY.csv", description = "A quasi-identifier and its hierarchy (ARX's CSV format, or builtin:…). Repeatable.")
    Map<String, String> qi = new LinkedHashMap<>();

    @Option(names = "--k", paramLabel = "N", description = "Every combination of quasi-identifier values is shared by at least N records.")
    int k;

    @Option(names = "--l", paramLabel = "COLUMN=N", description = "Distinct l-diversity of a sensitive column. Repeatable.")
    Map<String, Integer> l = new LinkedHashMap<>();

    @Option(names = "--suppression-limit", paramLabel = "SHARE", description = "Share of records that may be removed (default 0).")
    double suppressionLimit;

    @Option(names = "--drop", split = ",", paramLabel = "COLUMN", description = "Columns to delete.")
    List<String> drop = new ArrayList<>();

    @Option(names = "--keep", split = ",", paramLabel = "COLUMN", description = "Columns kept as they are (checked on every row: a kept column holding identifiers is refused).")
    List<String> keep = new ArrayList<>();

    @Option(names = "--key", paramLabel = "NAME", description = "仮名加工情報: the key in the key store, loaded on each executor (never sent with the job).")
    String keyName;

    @Option(names = "--store", paramLabel = "FILE", description = "The key store (default: $MAMORI_KEYSTORE, else ~/.mamori/keys.json). On a cluster: a path every executor can read, or a file sent with spark-submit --files (then its name); a protected store's password in MAMORI_KEYSTORE_PASSWORD on the executors.")
    String store;

    @Option(names = "--operator", paramLabel = "NAME", description = "The business operator, for the publication notice (公表事項, 法43条3項).")
    String operator;

    @Option(names = "--bom", description = "Start each UTF-8 CSV part with a byte order mark (for Excel, which opens a part alone).")
    boolean bom;

    @Option(names = "--csv-profile", paramLabel = "PROFILE", description = "plain (default) or excel: a byte order mark on UTF-8 parts (lines end with CRLF either way, as mamori deid writes them).")
    String csvProfile = "plain";

    @Option(names = "--report-json", paramLabel = "FILE", description = "The search and risk figures as JSON (the fields of mamori deid --report-json, and each stage's time), on the driver's file system.")
    Path reportJson;

    private Policy policy;
    private SparkDeid.KeyRef key;
    private Path baseDir;

    @Override
    void before() throws IOException {
        if (!List.of("plain", "excel").contains(csvProfile)) {
            throw new Message.Problem("--csv-profile は plain か excel です（指定は " + csvProfile + "）",
                    "--csv-profile is plain or excel, not " + csvProfile);
        }
        policy = policyFile != null ? PolicyFile.read(policyFile) : RunRecords.policyFromOptions(mode, qi, k, l, suppressionLimit, drop, keep);
        if (policy.mode() == Mode.PSEUDONYMOUS && reportJson != null) {
            throw new Message.Problem("--report-json は匿名加工情報の探索とリスクの数値です。仮名加工情報にはありません",
                    "--report-json holds the search and risk figures of 匿名加工情報; 仮名加工情報 has none");
        }
        if (policy.mode() == Mode.PSEUDONYMOUS && keyName != null) {
            String s = store != null ? store : System.getenv("MAMORI_KEYSTORE") != null ? System.getenv("MAMORI_KEYSTORE")
                    : Path.of(System.getProperty("user.home"), ".mamori", "keys.json").toString();
            key = new SparkDeid.KeyRef(s, keyName);
        }
        baseDir = policyFile == null ? null : policyFile.toAbsolutePath().getParent();
    }

    @Override
    int run(SparkSession spark) throws IOException {
        long t0 = System.nanoTime();
        Tables.Input in = Tables.probe(spark, data, common.inputFormat, common.encoding);
        Instant started = Instant.now();
        Map<String, Long> fingerprints = new LinkedHashMap<>();
        SparkDeid.Result r = SparkDeid.run(spark, in, policy, baseDir, key, output, bom || csvProfile.equals("excel"), (staging, res) -> {
            long f0 = System.nanoTime();
            String inSha = Outputs.fingerprint(spark, data);
            String outSha = Outputs.fingerprint(spark, staging.toString());
            fingerprints.put("fingerprints (input and output SHA-256)", (System.nanoTime() - f0) / 1_000_000);
            var plan = res.plan();
            ProcessingRecord rec = new ProcessingRecord(started, new org.apache.hadoop.fs.Path(data).getName(), inSha,
                    ProcessingRecord.sha256(PolicyFile.write(policy)), policy.mode(),
                    RunRecords.actions(policy, plan == null ? null : plan.search(), key == null ? null : SparkDeid.loadKey(key)),
                    res.records(), res.written(), res.records() - res.written(), plan == null ? null : plan.before(),
                    plan == null ? null : plan.after(), plan == null ? null : plan.search(), outSha);
            Outputs.writeText(spark, staging, "_mamori_record.json", rec.toJson());
            Outputs.writeText(spark, staging, "_mamori_record.md", rec.toMarkdown());
            if (operator != null) {
                Outputs.writeText(spark, staging, "_mamori_notice.md",
                        PublicationNotice.markdown(RunRecords.notice(policy, operator, LocalDate.now()), PublicationNotice.Language.JA));
            }
        });
        long wall = (System.nanoTime() - t0) / 1_000_000;
        String lang = common.language();
        var out = spec.commandLine().getOut();
        var plan = r.plan();
        if (plan == null) {
            String n = String.format("%,d", r.written());
            String kn = keyName == null ? "-" : keyName;
            out.println(lang.equals("ja") ? "仮名加工情報: " + output + "（" + n + " 件）。鍵「" + kn + "」（削除情報等）はデータと分けて保管してください"
                    : "仮名加工情報: " + output + " (" + n + " records); keep the key '" + kn + "' (削除情報等) apart from it");
        } else {
            out.println(lang.equals("ja")
                    ? String.format("匿名加工情報: %s（%,d 件中 %,d 件、組み合わせ %,d 通り、%,d ms）", output, r.records(), r.written(), r.distinct(), wall)
                    : String.format("匿名加工情報: %s (%,d of %,d records; %,d combinations; %,d ms)", output, r.written(), r.records(), r.distinct(), wall));
            out.println((lang.equals("ja") ? "  一般化の水準: " : "  levels: ") + plan.search().levels());
            out.println(lang.equals("ja")
                    ? String.format("  情報損失 %.5f、最小クラス %d → %d、一意なレコード %.2f%% → %.2f%%", plan.search().loss(),
                    plan.before().minClassSize(), plan.after().minClassSize(), 100 * plan.before().uniqueShare(), 100 * plan.after().uniqueShare())
                    : String.format("  loss %.5f, smallest class %d → %d, unique records %.2f%% → %.2f%%", plan.search().loss(),
                    plan.before().minClassSize(), plan.after().minClassSize(), 100 * plan.before().uniqueShare(), 100 * plan.after().uniqueShare()));
            plan.warnings().forEach(w -> spec.commandLine().getErr().println((lang.equals("ja") ? "mamori: 注意: " : "mamori: warning: ")
                    + w.message().in(lang)));
            if (reportJson != null) {
                Map<String, Object> extra = new LinkedHashMap<>();
                extra.put("records", r.records());
                extra.put("distinct_combinations", r.distinct());
                Map<String, Long> stages = new LinkedHashMap<>(r.stagesMs());
                stages.putAll(fingerprints);
                extra.put("stages_ms", stages);
                extra.put("wall_ms", wall);
                extra.put("spark_master", spark.sparkContext().master());
                AtomicFiles.writeString(reportJson, RunRecords.reportJson(plan.search(), plan.before(), plan.after(), extra));
            }
        }
        if (operator == null) {
            spec.commandLine().getErr().println(lang.equals("ja") ? "mamori: --operator がないため、公表事項は書き出していません"
                    : "mamori: no --operator: the publication notice (公表事項) was not written");
        }
        return 0;
    }
}
