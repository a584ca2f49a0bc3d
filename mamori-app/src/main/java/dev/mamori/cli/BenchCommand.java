package dev.mamori.cli;

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
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Benchmarks for developers. Figures and how they were made: docs/benchmarks.md."},
        subcommands = {BenchCommand.Scan.class})
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

        @Option(names = "--only", paramLabel = "MODE", description = "Only one mode: identifiers, no-morphology or full.")
        String only;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            PrintWriter out = spec.commandLine().getOut();
            if (!Files.exists(data)) {
                Files.createDirectories(data.toAbsolutePath().getParent());
                long t0 = System.nanoTime();
                new CustomerRows(20261123L).writeCsv(data, sizeMb * 1_000_000L, StandardCharsets.UTF_8);
                out.printf("generated %s (%,d bytes) in %.1f s%n", data, Files.size(data), (System.nanoTime() - t0) / 1e9);
            }
            long bytes = Files.size(data);
            Set<PiiType> identifiers = EnumSet.range(PiiType.POSTAL_CODE, PiiType.BANK_ACCOUNT);
            Set<PiiType> noMorphology = EnumSet.allOf(PiiType.class);
            noMorphology.removeIf(PiiType::needsMorphology);
            Set<PiiType> full = EnumSet.allOf(PiiType.class);
            java.util.Map<String, Set<PiiType>> modes = new java.util.LinkedHashMap<>();
            modes.put("identifiers", identifiers);
            modes.put("no-morphology", noMorphology);
            modes.put("full", full);
            java.util.Map<String, String> labels = java.util.Map.of(
                    "identifiers", "identifiers, phone, e-mail, postal code, dates",
                    "no-morphology", "all but PERSON, ADDRESS",
                    "full", "all 20 types");
            out.printf("input: %s, %,d bytes; JVM max heap %d MB; %d cores; Java %s%n", data, bytes,
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
            out.println();
            out.println("| types | threads | seconds | MB/s | MB/s per thread | findings | peak heap MB |");
            out.println("|---|---:|---:|---:|---:|---:|---:|");
            for (String mode : modes.keySet()) {
                if (only != null && !only.equals(mode)) {
                    continue;
                }
                Set<PiiType> types = modes.get(mode);
                warmUp(types);
                for (int n : threads) {
                    resetPeaks();
                    LongAdder found = new LongAdder();
                    long t0 = System.nanoTime();
                    try (Scanner s = new Scanner(Scanner.Options.defaults().withTypes(types).withThreads(n))) {
                        FileReport r = s.scan(data, data.toString(), counting(found));
                        if (r.read().records() == 0) {
                            throw new Main.UsageProblem(data + ": no records read");
                        }
                    }
                    double secs = (System.nanoTime() - t0) / 1e9;
                    double mbps = bytes / 1e6 / secs;
                    out.printf("| %s | %d | %.1f | %.1f | %.1f | %,d | %d |%n", labels.get(mode),
                            n, secs, mbps, mbps / n, found.sum(), peakHeap() >> 20);
                    out.flush();
                }
            }
            return 0;
        }

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
        private void warmUp(Set<PiiType> types) throws IOException {
            Path small = Files.createTempFile("mamori-warmup", ".csv");
            try {
                new CustomerRows(1L).writeCsv(small, 60_000_000L, StandardCharsets.UTF_8);
                for (int n : List.of(1, 2)) {
                    try (Scanner s = new Scanner(Scanner.Options.defaults().withTypes(types).withThreads(n))) {
                        s.scan(small, "warmup", counting(new LongAdder()));
                    }
                }
            } finally {
                Files.deleteIfExists(small);
            }
        }

        private static void resetPeaks() {
            System.gc();
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    p.resetPeakUsage();
                }
            }
        }

        private static long peakHeap() {
            long sum = 0;
            for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
                if (p.getType() == MemoryType.HEAP) {
                    sum += p.getPeakUsage().getUsed();
                }
            }
            return sum;
        }
    }
}
