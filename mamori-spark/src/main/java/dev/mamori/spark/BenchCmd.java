package dev.mamori.spark;

import dev.mamori.deid.Policy;
import dev.mamori.deid.RunRecords;
import dev.mamori.report.Message;
import dev.mamori.risk.PerturbedAdult;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori spark bench}: the scale benchmark of docs/benchmarks.md ("Spark"), not a test. */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "The Spark scale benchmark: a CSV of N perturbed adult rows (10 columns: an id and the nine adult columns, as mamori bench deid makes them) made 匿名加工情報 at k=5 with 5 % suppression on 6 quasi-identifiers with the ARX hierarchies, by mamori spark deid's code. Prints wall time, each Spark stage's time, input and shuffle bytes, and the peak heap and resident memory of the process (in local mode the driver and the executor are one JVM).",
                "",
                "  ./mamori spark bench --rows 100000000 --adult ../shared/data/adult --data bench-data/adult-100m.csv",
                ""})
final class BenchCmd extends SparkCommand {

    @Option(names = "--rows", paramLabel = "N", description = "Rows to generate (default ${DEFAULT-VALUE}).")
    long rows = 100_000_000L;

    @Option(names = "--adult", paramLabel = "DIR", description = "The folder with adult.csv and adult_hierarchy_*.csv (ARX's form).")
    Path adult = Path.of("../shared/data/adult");

    @Option(names = "--data", paramLabel = "FILE", description = "The generated CSV (default ${DEFAULT-VALUE}); reused when present.")
    Path data = Path.of("bench-data", "adult-100m.csv");

    @Option(names = "--output", paramLabel = "DIR", description = "The output directory (default: DATA.spark-k5, replaced on each run).")
    Path output;

    private Path target;
    private Policy policy;

    @Override
    void before() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(adult.resolve("adult.csv"))) {
            throw new Message.Problem(adult.resolve("adult.csv") + " がありません（--adult に ARX の adult フォルダを指定してください）",
                    "no " + adult.resolve("adult.csv") + " (give ARX's adult folder as --adult)");
        }
        if (!Files.exists(data)) {
            long t0 = System.nanoTime();
            Files.createDirectories(data.toAbsolutePath().getParent());
            PerturbedAdult.write(adult.resolve("adult.csv"), data, rows, 20261123L);
            out.printf("generated %s (%,d rows, %,d bytes) in %.1f s%n", data, rows, Files.size(data), (System.nanoTime() - t0) / 1e9);
        }
        target = output != null ? output : data.resolveSibling(data.getFileName() + ".spark-k5");
        if (Files.exists(target)) {
            try (var walk = Files.walk(target)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Map<String, String> qi = new LinkedHashMap<>();
        PerturbedAdult.QIS.forEach(c -> qi.put(c, adult.resolve("adult_hierarchy_" + c + ".csv").toAbsolutePath().toString()));
        policy = RunRecords.policyFromOptions("anonymous", qi, 5, Map.of(), 0.05, List.of("id"),
                List.of("workclass", "occupation", "salary-class"));
    }

    @Override
    int run(SparkSession spark) throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        StageFigures figures = new StageFigures();
        spark.sparkContext().addSparkListener(figures);
        long t0 = System.nanoTime();
        Tables.Input in = Tables.probe(spark, data.toString(), "csv", null);
        SparkDeid.Result r = SparkDeid.run(spark, in, policy, null, null, target.toString(), (staging, res) -> {
        });
        long wall = (System.nanoTime() - t0) / 1_000_000;
        out.printf("input: %s, %,d bytes, %,d rows; master %s, default parallelism %d; JVM max heap %,d MB; Java %s%n", data,
                Files.size(data), r.records(), spark.sparkContext().master(), spark.sparkContext().defaultParallelism(),
                Runtime.getRuntime().maxMemory() >> 20, System.getProperty("java.version"));
        out.printf("result: levels %s, %,d combinations, %,d suppressed, %,d written%n", r.plan().search().levels(), r.distinct(),
                r.records() - r.written(), r.written());
        out.printf("wall %.1f s; Mamori's stages: %s%n", wall / 1000.0, r.stagesMs());
        out.println();
        out.println("| stage | tasks | wall s | input MB | shuffle write MB | shuffle read MB | peak task memory MB | task time s |");
        out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
        long shuffle = 0;
        for (StageFigures.Stage s : figures.stages()) {
            shuffle += s.shuffleWriteBytes();
            out.printf("| %d %s | %d | %.1f | %,.0f | %,.1f | %,.1f | %,.0f | %.1f |%n", s.id(), s.name(), s.tasks(), s.wallMs() / 1000.0,
                    s.inputBytes() / 1e6, s.shuffleWriteBytes() / 1e6, s.shuffleReadBytes() / 1e6, s.peakExecutionMemory() / 1e6,
                    s.executorRunMs() / 1000.0);
        }
        out.printf("%nshuffle written in all: %,.1f MB; peak heap used %,d MB; peak RSS %s%n", shuffle / 1e6, peakHeapMb(), peakRss());
        return 0;
    }

    /** The sum of the heap pools' peak use (the JVM's own figure; in local mode driver and executor together). */
    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }

    /** The process's peak resident set (VmHWM), where /proc tells it. */
    private static String peakRss() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmHWM:")) {
                    return String.format("%,d MB", Long.parseLong(l.replaceAll("\\D", "")) >> 10);
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return "unknown";
    }
}
