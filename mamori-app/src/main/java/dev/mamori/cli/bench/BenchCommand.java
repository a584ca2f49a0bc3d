package dev.mamori.cli.bench;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;

import dev.mamori.detect.FileReport;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanListener;
import dev.mamori.detect.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori bench scan}: the scanning benchmark whose figures are in docs/benchmarks.md. */
@Command(name = "bench", resourceBundle = "dev.mamori.cli.bench.Help",
        mixinStandardHelpOptions = true,
        description = {"Benchmarks for developers. Figures and how they were made: docs/benchmarks.md."},
        subcommands = {BenchCommand.Scan.class, BenchCommand.Deid.class, BenchSpam.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(name = "scan",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                    "Generate a realistic Japanese customer CSV (if missing) and scan it with 1 and 2 threads, with and without names and addresses (the types that need morphological analysis), after a warm-up on 60 MB. Prints MB/s (input bytes per second of wall time) and the peak heap, as a Markdown table.",
                    "",
                    "Example (the figures in docs/benchmarks.md):",
                    "  java -Xmx1g -jar mamori-app/target/mamori.jar bench scan --size-mb 1024",
                    ""})
    static final class Scan implements Callable<Integer> {

        @Option(names = "--data", paramLabel = "FILE", description = "The CSV to scan; generated when missing (default ${DEFAULT-VALUE}).")
        Path data = Path.of("bench-data", "customers-bench.csv");

        @Option(names = "--size-mb", paramLabel = "MB", description = "Size of the generated CSV in MB (default ${DEFAULT-VALUE}).")
        long sizeMb = 1024;

        @Option(names = "--threads", split = ",", paramLabel = "N", description = "Thread counts to measure (default 1,2).")
        List<Integer> threads = List.of(1, 2);

        @Option(names = "--only", paramLabel = "MODE", description = "Only one mode: target-ids (My Number, corporate number, card, phone, e-mail, postal code), identifiers, no-morphology or full.")
        String only;

        @Option(names = "--format", paramLabel = "FORMAT", description = "counting (default: findings are counted, nothing is written) or jsonl (the scan command itself, --format jsonl --output FILE, findings written to --out).")
        String format = "counting";

        @Option(names = "--out", paramLabel = "FILE", description = "With --format jsonl: where the findings go (default ${DEFAULT-VALUE}); replaced by each run.")
        Path outFile = Path.of("bench-data", "findings.jsonl");

        @Option(names = "--no-rg", description = "Do not time ripgrep (rg, when on the PATH) on the same file as the reference.")
        boolean noRg;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.exists(data)) {
                Files.createDirectories(data.toAbsolutePath().getParent());
                long t0 = System.nanoTime();
                new CustomerRows(20261123L).writeCsv(data, sizeMb * 1_000_000L, StandardCharsets.UTF_8);
                double secs = (System.nanoTime() - t0) / 1e9;
                out.println(Lang.tr(String.format("%s を生成しました（%,d バイト、%.1f 秒）", data, Files.size(data), secs),
                        String.format("generated %s (%,d bytes) in %.1f s", data, Files.size(data), secs)));
            }
            long bytes = Files.size(data);
            if (!format.equals("counting") && !format.equals("jsonl")) {
                throw new Main.UsageProblem("--format は counting か jsonl です", "--format is counting or jsonl");
            }
            boolean jsonl = format.equals("jsonl");
            Set<PiiType> targetIds = EnumSet.of(PiiType.MY_NUMBER, PiiType.CORPORATE_NUMBER, PiiType.CREDIT_CARD, PiiType.PHONE,
                    PiiType.EMAIL, PiiType.POSTAL_CODE);
            Set<PiiType> identifiers = EnumSet.range(PiiType.POSTAL_CODE, PiiType.BANK_ACCOUNT);
            Set<PiiType> noMorphology = EnumSet.allOf(PiiType.class);
            noMorphology.removeIf(PiiType::needsMorphology);
            Set<PiiType> full = EnumSet.allOf(PiiType.class);
            java.util.Map<String, Set<PiiType>> modes = new java.util.LinkedHashMap<>();
            modes.put("target-ids", targetIds);
            modes.put("identifiers", identifiers);
            modes.put("no-morphology", noMorphology);
            modes.put("full", full);
            java.util.Map<String, String> labels = java.util.Map.of(
                    "target-ids", "My Number, corporate number, card, phone, e-mail, postal code",
                    "identifiers", "identifiers, phone, e-mail, postal code, dates",
                    "no-morphology", "all but PERSON, ADDRESS",
                    "full", "all 20 types");
            long heap = Runtime.getRuntime().maxMemory() >> 20;
            int cores = Runtime.getRuntime().availableProcessors();
            String javaVersion = System.getProperty("java.version");
            out.println(Lang.tr(String.format("入力: %s、%,d バイト。JVM の最大ヒープ %d MB、%d コア、Java %s", data, bytes, heap, cores, javaVersion),
                    String.format("input: %s, %,d bytes; JVM max heap %d MB; %d cores; Java %s", data, bytes, heap, cores, javaVersion)));
            out.println(Lang.tr(jsonl ? "出力: scan --format jsonl --output " + outFile : "出力: なし（検出数を数えるだけ）",
                    jsonl ? "output: scan --format jsonl --output " + outFile : "output: none (findings counted)"));
            if (!noRg) {
                ripgrep(out);
            }
            out.println();
            out.println(Lang.tr("| 型 | スレッド | 秒 | MB/s | スレッドあたり MB/s | 検出数 | ヒープ最大 MB |",
                    "| types | threads | seconds | MB/s | MB/s per thread | findings | peak heap MB |"));
            out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (String mode : modes.keySet()) {
                if (only != null && !only.equals(mode)) {
                    continue;
                }
                Set<PiiType> types = modes.get(mode);
                warmUp(types, jsonl);
                for (int n : threads) {
                    resetPeaks();
                    long t0 = System.nanoTime();
                    long found = jsonl ? scanToJsonl(data, types, n, outFile) : scanCounting(data, types, n);
                    double secs = (System.nanoTime() - t0) / 1e9;
                    long peak = peakHeap() >> 20;
                    if (jsonl) {
                        found = lines(outFile);
                    }
                    double mbps = bytes / 1e6 / secs;
                    out.printf("| %s | %d | %.1f | %.1f | %.1f | %,d | %d |%n", labels.get(mode),
                            n, secs, mbps, mbps / n, found, peak);
                    out.flush();
                }
            }
            return 0;
        }

        /** Scans with a listener that counts findings; returns their number. */
        private static long scanCounting(Path file, Set<PiiType> types, int threads) {
            LongAdder found = new LongAdder();
            try (Scanner s = new Scanner(Scanner.Options.defaults().withTypes(types).withThreads(threads))) {
                FileReport r = s.scan(file, file.toString(), counting(found));
                if (r.read().records() == 0) {
                    throw new Main.UsageProblem(file + ": レコードを 1 件も読めませんでした", file + ": no records read");
                }
            } catch (dev.mamori.table.ReadException e) {
                throw new Main.UsageProblem(e.message("ja"), e.message("en"));
            }
            return found.sum();
        }

        /** Runs {@code mamori scan --format jsonl --output out} in this JVM; returns -1 (the lines are counted afterwards). */
        private static long scanToJsonl(Path file, Set<PiiType> types, int threads, Path out) {
            String typeList = types.stream().map(PiiType::name).collect(java.util.stream.Collectors.joining(","));
            java.io.StringWriter err = new java.io.StringWriter();
            int code = Main.run(new String[] {"scan", "--types", typeList, "--format", "jsonl", "--output", out.toString(),
                    "--threads", Integer.toString(threads), "--no-progress", file.toString()},
                    new PrintWriter(java.io.Writer.nullWriter()), new PrintWriter(err));
            if (code > 1) {
                throw new Main.UsageProblem("scan が終了コード " + code + " で終わりました: " + err, "scan ended with exit code " + code + ": " + err);
            }
            return -1;
        }

        /** Lines in a file (the findings of a JSON Lines report). */
        private static long lines(Path file) throws IOException {
            long n = 0;
            byte[] buf = new byte[1 << 20];
            try (java.io.InputStream in = Files.newInputStream(file)) {
                int r;
                while ((r = in.read(buf)) > 0) {
                    for (int i = 0; i < r; i++) {
                        if (buf[i] == '\n') {
                            n++;
                        }
                    }
                }
            }
            return n;
        }

        /**
         * The reference: ripgrep counting matches of comparable patterns (postal code, phone, e-mail, 12–13
         * digits, card) on the same file, when {@code rg} is on the PATH. ASCII classes and word
         * boundaries: Unicode {@code \d}, {@code \w} and {@code \b} make ripgrep 30–40 times slower on
         * this Japanese text.
         */
        private void ripgrep(PrintWriter out) throws IOException {
            Path patterns = dev.mamori.report.AtomicFiles.scratch(null);
            try {
                Files.write(patterns, RG_PATTERNS, StandardCharsets.UTF_8);
                for (int run = 1; run <= 2; run++) {
                    long t0 = System.nanoTime();
                    Process p;
                    try {
                        p = new ProcessBuilder("rg", "--count-matches", "-f", patterns.toString(), data.toString())
                                .redirectErrorStream(true).start();
                    } catch (IOException e) {
                        out.println(Lang.tr("ripgrep (rg) が PATH にないので、比較の数値はありません（apt-get install -y ripgrep）",
                                "ripgrep (rg) is not on the PATH: no reference figure (apt-get install -y ripgrep)"));
                        return;
                    }
                    String counted = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                    try {
                        p.waitFor();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    double secs = (System.nanoTime() - t0) / 1e9;
                    out.println(String.format("ripgrep (rg --count-matches -f PATTERNS, run %d): %.2f s, %.1f MB/s, %s matches",
                            run, secs, Files.size(data) / 1e6 / secs, counted));
                    out.flush();
                }
            } finally {
                dev.mamori.report.AtomicFiles.delete(patterns);
            }
        }

        static final List<String> RG_PATTERNS = List.of(
                "〒?[0-9]{3}-[0-9]{4}",
                "0[0-9]{1,4}-[0-9]{1,4}-[0-9]{4}",
                "[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+",
                "(?-u:\\b)[0-9]{12,13}(?-u:\\b)",
                "(?-u:\\b)[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}[ -]?[0-9]{4}(?-u:\\b)");

        private static ScanListener counting(LongAdder n) {
            return new ScanListener() {
                @Override
                public void finding(LocatedFinding f) {
                    n.increment();
                }
            };
        }

        /**
         * Runs both code paths (one thread, and blocks on workers) over 60 MB first, so that the
         * figures are of compiled code, as in any scan longer than a few seconds.
         */
        private void warmUp(Set<PiiType> types, boolean jsonl) throws IOException {
            Path small = dev.mamori.report.AtomicFiles.scratch(null);
            try {
                new CustomerRows(1L).writeCsv(small, 60_000_000L, StandardCharsets.UTF_8);
                for (int n : List.of(1, 2)) {
                    if (jsonl) {
                        scanToJsonl(small, types, n, outFile);
                    } else {
                        scanCounting(small, types, n);
                    }
                }
            } finally {
                dev.mamori.report.AtomicFiles.delete(small);
            }
        }

        static void resetPeaks() {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    p.resetPeakUsage();
                }
            }
        }

        static long peakHeap() {
            long sum = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    sum += p.getPeakUsage().getUsed();
                }
            }
            return sum;
        }
    }

    @Command(name = "deid",
            mixinStandardHelpOptions = true,
            description = {
                    "The scale benchmark: a CSV of N perturbed adult rows (10 columns: an id and the nine adult columns; each quasi-identifier value taken from another random record with probability 1/5, ages jittered by ±5), made 匿名加工情報 at k=5 with 5 %% suppression on 6 quasi-identifiers (sex, age, race, marital-status, education, native-country) with the ARX hierarchies, in two passes. Prints rows per second and the peak heap.",
                    "",
                    "The adult data (adult.csv and adult_hierarchy_*.csv) is the UCI Machine Learning Repository's Adult data set in the form the ARX benchmark uses (';'-separated): get it from the data/ folder of ARX's repository (github.com/arx-deidentifier/arx) and give that folder as --adult.",
                    "",
                    "Example (the figures in docs/benchmarks.md):",
                    "  java -Xmx1g -jar mamori-app/target/mamori.jar bench deid --rows 10000000 --adult ~/data/adult",
                    ""})
    static final class Deid implements Callable<Integer> {

        @Option(names = "--rows", paramLabel = "N", description = "Rows to generate (default ${DEFAULT-VALUE}).")
        int rows = 10_000_000;

        @Option(names = "--runs", paramLabel = "N", description = "Runs in this JVM, one row each (default ${DEFAULT-VALUE}): the first includes the JIT compiling the passes, later ones show the warm engine.")
        int runs = 1;

        @Option(names = "--adult", paramLabel = "DIR", description = "The folder with adult.csv and the hierarchies adult_hierarchy_*.csv (default ${DEFAULT-VALUE}).")
        Path adult = Path.of("adult");

        @Option(names = "--data", paramLabel = "FILE", description = "The generated CSV (default ${DEFAULT-VALUE}); reused when present.")
        Path data = Path.of("bench-data", "adult-10m.csv");

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        private static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education", "native-country");

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.exists(data)) {
                long t0 = System.nanoTime();
                generate();
                double secs = (System.nanoTime() - t0) / 1e9;
                out.println(Lang.tr(String.format("%s を生成しました（%,d 行、%,d バイト、%.1f 秒）", data, rows, Files.size(data), secs),
                        String.format("generated %s (%,d rows, %,d bytes) in %.1f s", data, rows, Files.size(data), secs)));
            }
            java.util.Map<String, dev.mamori.deid.Policy.Column> cols = new java.util.LinkedHashMap<>();
            cols.put("id", new dev.mamori.deid.Policy.Column(dev.mamori.deid.Policy.Role.LINKING_ID, dev.mamori.deid.Policy.Method.DELETE, null, null));
            for (String c : List.of("sex", "age", "race", "marital-status", "education", "native-country", "workclass", "occupation", "salary-class")) {
                cols.put(c, QIS.contains(c)
                        ? new dev.mamori.deid.Policy.Column(dev.mamori.deid.Policy.Role.QUASI_IDENTIFIER, dev.mamori.deid.Policy.Method.GENERALIZE,
                        adult.resolve("adult_hierarchy_" + c + ".csv").toString(), null)
                        : new dev.mamori.deid.Policy.Column(dev.mamori.deid.Policy.Role.INSENSITIVE, dev.mamori.deid.Policy.Method.KEEP, null, null));
            }
            dev.mamori.deid.Policy policy = new dev.mamori.deid.Policy(dev.mamori.deid.Mode.ANONYMOUS, null, 5, 0.05, java.util.Map.of(), cols);
            if (runs < 1) {
                throw new Main.UsageProblem("--runs は 1 以上にしてください", "--runs must be at least 1");
            }
            Path output = data.resolveSibling(data.getFileName() + ".k5.csv");
            for (int run = 0; run < runs; run++) {
                Scan.resetPeaks();
                long t0 = System.nanoTime();
                dev.mamori.deid.TwoPassAnonymizer.Summary r = dev.mamori.deid.TwoPassAnonymizer.run(data, policy, null,
                        dev.mamori.deid.Output.to(output));
                double secs = (System.nanoTime() - t0) / 1e9;
                if (run == 0) {
                    long heap = Runtime.getRuntime().maxMemory() >> 20;
                    int cores = Runtime.getRuntime().availableProcessors();
                    String javaVersion = System.getProperty("java.version");
                    out.println(Lang.tr(String.format("入力: %s、%,d 行、%,d バイト。JVM の最大ヒープ %d MB、%d コア、Java %s", data, r.records(),
                                    Files.size(data), heap, cores, javaVersion),
                            String.format("input: %s, %,d rows, %,d bytes; JVM max heap %d MB; %d cores; Java %s", data, r.records(),
                                    Files.size(data), heap, cores, javaVersion)));
                    out.println();
                    out.println(Lang.tr("| 行 | 組み合わせ | レベル | 情報損失 | 削除 | 1 回目 秒 | 探索 秒 | 2 回目 秒 | 合計 秒 | 行/秒 | ヒープ最大 MB | RSS 最大 MB |",
                            "| rows | combinations | levels | loss | suppressed | first pass s | search s | second pass s | total s | rows/s | peak heap MB | peak RSS MB |"));
                    out.println("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
                }
                out.printf("| %,d | %,d | %s | %.5f | %,d | %.1f | %.1f | %.1f | %.1f | %,.0f | %d | %s |%n", r.records(), r.distinct(),
                        QIS.stream().map(q -> String.valueOf(r.search().levels().get(q))).collect(java.util.stream.Collectors.joining(",")),
                        r.search().loss(), r.records() - r.written(), (r.firstPassMs() - r.search().elapsedMs()) / 1e3,
                        r.search().elapsedMs() / 1e3, r.secondPassMs() / 1e3, secs, r.records() / secs, Scan.peakHeap() >> 20, peakRss());
                out.flush();
            }
            return 0;
        }

        /** The process's peak resident set (VmHWM in /proc/self/status, Linux), in MB, or "-" where there is none. */
        private static String peakRss() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        return Long.toString(Long.parseLong(line.replaceAll("\\D", "")) >> 10);
                    }
                }
            } catch (IOException | RuntimeException e) {
                return "-";
            }
            return "-";
        }

        private void generate() throws IOException {
            if (!Files.isRegularFile(adult.resolve("adult.csv"))) {
                throw new Main.UsageProblem(adult.resolve("adult.csv") + " がありません。UCI の Adult データセットを ARX の形にしたもの"
                        + "（github.com/arx-deidentifier/arx の data/ フォルダ）を入手し、そのフォルダを --adult に指定してください",
                        "no " + adult.resolve("adult.csv") + "; get the UCI Adult data set in ARX's form (the data/ folder of"
                        + " github.com/arx-deidentifier/arx) and give that folder as --adult");
            }
            dev.mamori.risk.PerturbedAdult.write(adult.resolve("adult.csv"), data, rows, 20261123L);
        }
    }
}
