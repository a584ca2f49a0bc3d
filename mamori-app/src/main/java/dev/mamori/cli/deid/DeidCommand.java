package dev.mamori.cli.deid;

import dev.mamori.cli.Outputs;

import dev.mamori.cli.CsvOptions;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Progress;

import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Json;
import dev.mamori.report.OutputGuard;
import dev.mamori.report.Terminal;
import dev.mamori.deid.ColumnChecks;
import dev.mamori.deid.RunRecords;
import dev.mamori.deid.Deidentifier;
import dev.mamori.deid.Generalisation;
import dev.mamori.deid.Key;
import dev.mamori.deid.TwoPassAnonymizer;
import dev.mamori.deid.NoticeInput;
import dev.mamori.deid.ProcessingRecord;
import dev.mamori.deid.PublicationNotice;
import dev.mamori.deid.Mode;
import dev.mamori.deid.Policy;
import dev.mamori.deid.PolicyFile;
import dev.mamori.risk.RiskException;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code mamori deid}: 仮名加工情報 or 匿名加工情報 from a CSV/TSV under an approved policy (or, for 匿名加工情報,
 * the policy given as options), with the processing record and the publication notice beside the output.
 */
@Command(resourceBundle = "dev.mamori.cli.deid.Help", name = "deid",
        mixinStandardHelpOptions = true,
        subcommands = {DeidInitCommand.class, DeidRelinkCommand.class},
        sortOptions = false,
        description = {
                "Produce 仮名加工情報 (施行規則31条) or 匿名加工情報 (施行規則34条) from a CSV, following an approved processing policy; write beside the output the processing record (OUT.record.json/.md) and, with --operator, the publication notice (OUT.notice.md).",
                "",
                "Propose a policy first, review it, then apply it:",
                "  mamori deid init customers.csv --output policy.yaml",
                "  mamori deid --policy policy.yaml customers.csv --output anonymous.csv --operator 株式会社サンプル",
                "  mamori deid --policy pseudo.yaml customers.csv --output pseudo.csv --key customers   (key from: mamori keys new customers)",
                "",
                "匿名加工情報 generalises the quasi-identifiers to the least-loss transformation meeting k (and l), suppresses failing records within the limit and deletes identifiers; output that fails is not written. For scripting and benchmarks the policy can be given as options (anonymous only):",
                "  mamori deid adult.csv --mode anonymous --k 5 --suppression-limit 0.05 --qi sex=sex.csv --qi age=age.csv ... --keep salary-class --output k5.csv --report-json k5.json",
                ""})
public final class DeidCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DATA", descriptionKey = "data", arity = "0..1", description = "The CSV/TSV to process (encoding and delimiter detected); never modified.")
    Path data;

    @Option(names = "--policy", paramLabel = "FILE", description = "An approved policy (YAML; propose one with: mamori deid init DATA). Replaces --mode, --qi, --k, --l, --suppression-limit, --drop and --keep.")
    Path policyFile;

    @Option(names = "--mode", paramLabel = "MODE", description = "anonymous (匿名加工情報). pseudonymous comes with the policy file.")
    String mode;

    @Option(names = "--qi", paramLabel = "COLUMN=HIERARCHY.csv", description = "A quasi-identifier and its generalisation hierarchy (ARX's CSV format: value;level1;level2;…). Repeatable.")
    Map<String, Path> qi = new LinkedHashMap<>();

    @Option(names = "--k", paramLabel = "N", description = "Every combination of quasi-identifier values is shared by at least N records.")
    int k = 0;

    @Option(names = "--l", paramLabel = "COLUMN=N", description = "Distinct l-diversity of a sensitive column. Repeatable.")
    Map<String, Integer> l = new LinkedHashMap<>();

    @Option(names = "--suppression-limit", paramLabel = "SHARE", description = "Share of records that may be removed (default ${DEFAULT-VALUE}).")
    double suppressionLimit = 0;

    @Option(names = "--drop", split = ",", paramLabel = "COLUMN", description = "Columns to delete (identifiers, descriptions that identify a person).")
    List<String> drop = new ArrayList<>();

    @Option(names = "--keep", split = ",", paramLabel = "COLUMN", description = "Columns kept as they are (insensitive or sensitive attributes). They are scanned: a kept column that holds identifiers is refused.")
    List<String> keep = new ArrayList<>();

    @Option(names = "--output", paramLabel = "FILE", description = "The processed CSV, in the input's encoding and delimiter, written atomically.")
    Path output;

    @Option(names = "--key", paramLabel = "NAME", description = "仮名加工情報: the key (in the key store) for pseudonym and token columns.")
    String keyName;

    @Option(names = "--store", paramLabel = "FILE", description = "The key store (default: $MAMORI_KEYSTORE, else ~/.mamori/keys.json).")
    Path store;

    @Option(names = "--operator", paramLabel = "NAME", description = "The business operator (個人情報取扱事業者) that makes the data: needed for the publication notice (公表事項, 法43条3項), written beside the output as OUTPUT.notice.md.")
    String operator;

    @Option(names = "--two-pass", description = "匿名加工情報 in two passes over the input, holding only each quasi-identifier's distinct values and the counts of their combinations (the default since 2026-12; the option stays for scripts).")
    boolean twoPass;

    @Option(names = "--in-memory", description = "匿名加工情報 with the whole table held in memory, the path used before 2026-12 for inputs up to 256 MB: slower and several times the memory at every size measured (docs/benchmarks.md); for comparisons. Same output.")
    boolean inMemory;

    @Option(names = "--report-json", paramLabel = "FILE", description = "The search and risk figures as JSON: levels, loss, suppressed, min_class_size, classes, elapsed_ms, risk before and after.")
    Path reportJson;

    @Option(names = "--no-progress", description = "No progress line (it is only shown when standard error is a terminal).")
    boolean noProgress;

    @picocli.CommandLine.Mixin
    CsvOptions csv = new CsvOptions();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private CompletableFuture<String> inputHash;

    @Override
    public Integer call() throws IOException {
        if (data == null || output == null) {
            throw new Main.UsageProblem("DATA と --output、それに --policy か --mode/--qi/--k を指定してください（方針の案は mamori deid init DATA）。"
                    + "mamori deid --help も参照",
                    "give DATA and --output, and either --policy or --mode/--qi/--k (or: mamori deid init DATA to propose a policy);"
                            + " see mamori deid --help");
        }
        inputHash = prepare(data);
        Policy policy = policyFile != null ? readPolicy() : policyFromOptions();
        Path keyStore = policy.mode() == Mode.PSEUDONYMOUS && keyName != null ? Outputs.keyStore(store) : null;
        OutputGuard guard = OutputGuard.of().reads(data, "入力", "the input").reads(policyFile, "方針ファイル", "the policy")
                .reads(Outputs.keyStore(store), "鍵ストア", "the key store");
        qi.values().forEach(h -> guard.reads(h, "階層ファイル", "a hierarchy file"));
        policy.columns().values().forEach(c -> {
            if (c.hierarchy() != null && !c.hierarchy().startsWith("builtin:")) {
                Path base = policyFile == null ? Path.of(".") : policyFile.toAbsolutePath().getParent();
                guard.reads(base.resolve(c.hierarchy()), "階層ファイル", "a hierarchy file");
            }
        });
        guard.writes(output, "--output").writes(sibling(".record.json"), "加工の記録 (OUT.record.json)", "the processing record (OUT.record.json)")
                .writes(sibling(".record.md"), "加工の記録 (OUT.record.md)", "the processing record (OUT.record.md)")
                .writes(operator == null ? null : sibling(".notice.md"), "公表文 (OUT.notice.md)", "the publication notice (OUT.notice.md)")
                .writes(reportJson, "--report-json")
                .check();
        if (policy.mode() == Mode.PSEUDONYMOUS) {
            if (twoPass) {
                throw new Main.UsageProblem("--two-pass は匿名加工情報のためのものです。仮名加工情報は大きさによらず常に 1 回の読み通しで作ります",
                        "--two-pass is for 匿名加工情報; 仮名加工情報 is always made in one streaming pass (any size)");
            }
            if (reportJson != null) {
                throw new Main.UsageProblem("--report-json は匿名加工情報の探索とリスクの数値です。仮名加工情報にはありません（加工の記録は出力の横に書き出します）",
                        "--report-json holds the search and risk figures of 匿名加工情報; 仮名加工情報 has none"
                                + " (its processing record is written beside the output)");
            }
            return pseudonymous(policy, keyStore);
        }
        if (twoPass && inMemory) {
            throw new Main.UsageProblem("--two-pass と --in-memory は同時に指定できません", "--two-pass and --in-memory exclude each other");
        }
        if (!inMemory) {
            return twoPass(policy);
        }
        Deidentifier.Written w;
        try (ProgressLine p = progress()) {
            w = Deidentifier.anonymize(data, policy, baseDir(), p.output(output, csv.bom()));
        } catch (RiskException | IllegalStateException e) {
            throw new Main.UsageProblem(e);
        }
        Deidentifier.Result r = w.result();
        writeRecordAndNotice(policy, new ProcessingRecord(Instant.now(), data.getFileName().toString(), inputSha256(),
                ProcessingRecord.sha256(PolicyFile.write(policy)), policy.mode(), RunRecords.actions(policy, r.search(), null),
                w.rowsIn(), r.data().rows().size(), r.suppressed(), r.before(), r.after(), r.search(), w.outputSha256()));
        if (reportJson != null) {
            writeReport(r.search(), r.before(), r.after(), Map.of());
        }
        var out = spec.commandLine().getOut();
        out.println(Lang.tr(String.format("匿名加工情報: %s（%,d 件、削除したレコード %,d 件）", Terminal.safe(output.toString()),
                        r.data().rows().size(), r.suppressed()),
                String.format("匿名加工情報: %s (%,d records, %,d suppressed)", Terminal.safe(output.toString()), r.data().rows().size(),
                        r.suppressed())));
        out.println(Lang.tr("  一般化の水準: ", "  levels: ") + r.search().levels());
        out.println(Lang.tr(String.format("  情報損失 %.5f、最小クラス %d → %d、一意なレコード %.2f%% → %.2f%%、探索 %d ms", r.search().loss(),
                        r.before().minClassSize(), r.after().minClassSize(), 100 * r.before().uniqueShare(), 100 * r.after().uniqueShare(),
                        r.search().elapsedMs()),
                String.format("  loss %.5f, smallest class %d → %d, unique records %.2f%% → %.2f%%, search %d ms", r.search().loss(),
                        r.before().minClassSize(), r.after().minClassSize(), 100 * r.before().uniqueShare(), 100 * r.after().uniqueShare(),
                        r.search().elapsedMs())));
        warn(r.warnings());
        return 0;
    }

    /**
     * Work started on another core while this one reads the policy and the hierarchies (at the start of a run one core
     * is idle): loading the detector the kept-column checks use and the JSON mapper of the processing record, then the
     * input's SHA-256 for the record (100 MB take a third of a second in a fresh JVM): about 0.7 s of CPU in all, off the
     * main thread (1,000 rows: 0.92 → 0.84 s; at 1M rows the cores are busy anyway and the gain is within noise).
     */
    private static CompletableFuture<String> prepare(Path input) {
        CompletableFuture<String> hash = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            try {
                ColumnChecks.prepare();
                Json.prepare();
                hash.complete(ProcessingRecord.sha256(input));
            } catch (Throwable e) { // an Error too: the command waits for this future
                hash.completeExceptionally(e);
            }
        }, "mamori-prepare");
        t.setDaemon(true);
        t.start();
        return hash;
    }

    private String inputSha256() throws IOException {
        try {
            return inputHash.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    /** 仮名加工情報 in one streaming pass, whatever the size. */
    private int pseudonymous(Policy policy, Path keyStore) throws IOException {
        Key key = keyStore == null ? null : KeysCommand.open(keyStore, spec.commandLine().getErr()).get(keyName);
        Deidentifier.Streamed r;
        try (ProgressLine p = progress()) {
            r = Deidentifier.pseudonymize(data, policy, key, p.output(output, csv.bom()));
        } catch (IllegalStateException e) {
            throw new Main.UsageProblem(e);
        }
        writeRecordAndNotice(policy, new ProcessingRecord(Instant.now(), data.getFileName().toString(), inputSha256(),
                ProcessingRecord.sha256(PolicyFile.write(policy)), Mode.PSEUDONYMOUS, RunRecords.actions(policy, null, key),
                r.rowsIn(), r.rowsOut(), 0, null, null, null, r.outputSha256()));
        String k = keyName == null ? "-" : keyName;
        spec.commandLine().getOut().println(Lang.tr(
                String.format("仮名加工情報: %s（%,d 件）。鍵「%s」（削除情報等）はデータと分けて保管してください", Terminal.safe(output.toString()),
                        r.rowsOut(), k),
                String.format("仮名加工情報: %s (%,d records); keep the key '%s' (削除情報等) apart from it", Terminal.safe(output.toString()),
                        r.rowsOut(), k)));
        return 0;
    }

    private int twoPass(Policy policy) throws IOException {
        TwoPassAnonymizer.Summary r;
        try (ProgressLine p = progress()) {
            r = TwoPassAnonymizer.run(data, policy, baseDir(), p.output(output, csv.bom()));
        } catch (RiskException | IllegalStateException e) {
            throw new Main.UsageProblem(e);
        }
        writeRecordAndNotice(policy, new ProcessingRecord(Instant.now(), data.getFileName().toString(), inputSha256(),
                ProcessingRecord.sha256(PolicyFile.write(policy)), Mode.ANONYMOUS, RunRecords.actions(policy, r.search(), null),
                r.records(), r.written(), r.records() - r.written(), r.before(), r.after(), r.search(), r.outputSha256()));
        if (reportJson != null) {
            Map<String, Object> extra = new LinkedHashMap<>();
            extra.put("records", r.records());
            extra.put("distinct_combinations", r.distinct());
            extra.put("first_pass_ms", r.firstPassMs());
            extra.put("second_pass_ms", r.secondPassMs());
            writeReport(r.search(), r.before(), r.after(), extra);
        }
        var out = spec.commandLine().getOut();
        out.println(Lang.tr(String.format("匿名加工情報: %s（%,d 件中 %,d 件、2 回の読み通し、組み合わせ %,d 通り）", Terminal.safe(output.toString()),
                        r.records(), r.written(), r.distinct()),
                String.format("匿名加工情報: %s (%,d of %,d records; two passes, %,d combinations)", Terminal.safe(output.toString()),
                        r.written(), r.records(), r.distinct())));
        out.println(Lang.tr("  一般化の水準: ", "  levels: ") + r.search().levels());
        out.println(Lang.tr(String.format("  情報損失 %.5f、最小クラス %d → %d、一意なレコード %.2f%% → %.2f%%、探索 %d ms、読み通し %d + %d ms",
                        r.search().loss(), r.before().minClassSize(), r.after().minClassSize(), 100 * r.before().uniqueShare(),
                        100 * r.after().uniqueShare(), r.search().elapsedMs(), r.firstPassMs(), r.secondPassMs()),
                String.format("  loss %.5f, smallest class %d → %d, unique records %.2f%% → %.2f%%, search %d ms, passes %d + %d ms",
                        r.search().loss(), r.before().minClassSize(), r.after().minClassSize(), 100 * r.before().uniqueShare(),
                        100 * r.after().uniqueShare(), r.search().elapsedMs(), r.firstPassMs(), r.secondPassMs())));
        warn(r.warnings());
        return 0;
    }

    /** A quasi-identifier left with one value says nothing: say so, and what keeping one level would cost. */
    private void warn(List<Generalisation.Warning> warnings) {
        for (Generalisation.Warning w : warnings) {
            spec.commandLine().getErr().println(Lang.tr("mamori: 注意: ", "mamori: warning: ") + w.message().in(Lang.current().name()));
        }
    }

    private Path baseDir() {
        return policyFile == null ? null : policyFile.toAbsolutePath().getParent();
    }

    private ProgressLine progress() {
        return new ProgressLine(Progress.forStderr(!noProgress), data);
    }

    /** The processing record beside the output, and with --operator the publication notice (公表事項). */
    private void writeRecordAndNotice(Policy policy, ProcessingRecord rec) throws IOException {
        rec.writeJson(sibling(".record.json"));
        rec.writeMarkdown(sibling(".record.md"));
        if (operator == null) {
            spec.commandLine().getErr().println(Lang.tr("mamori: --operator がないため、公表事項（加工した情報の項目の公表文）は書き出していません",
                    "mamori: no --operator: the publication notice (公表事項) was not written"));
            return;
        }
        NoticeInput notice = RunRecords.notice(policy, operator, LocalDate.now());
        AtomicFiles.writeString(sibling(".notice.md"), PublicationNotice.markdown(notice, PublicationNotice.Language.JA));
    }

    private Path sibling(String suffix) {
        return output.resolveSibling(output.getFileName() + suffix);
    }

    private Policy readPolicy() throws IOException {
        try {
            return PolicyFile.read(policyFile);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new Main.UsageProblem(Terminal.safe(policyFile.toString()) + ": ファイルがありません",
                    Terminal.safe(policyFile.toString()) + ": no such file");
        }
    }

    /** The policy the scripting options describe: --qi generalised, --drop deleted, --keep kept. */
    private Policy policyFromOptions() {
        Map<String, String> hierarchies = new LinkedHashMap<>();
        qi.forEach((c, f) -> hierarchies.put(c, f.toString()));
        return RunRecords.policyFromOptions(mode, hierarchies, k, l, suppressionLimit, drop, keep);
    }

    /** The --report-json document: the search figures, risk before and after, and any extra figures. */
    private void writeReport(SearchResult best, RiskReport before, RiskReport after, Map<String, Object> extra) throws IOException {
        AtomicFiles.writeString(reportJson, RunRecords.reportJson(best, before, after, extra));
    }
}
