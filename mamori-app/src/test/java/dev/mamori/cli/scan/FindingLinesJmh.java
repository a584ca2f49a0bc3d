package dev.mamori.cli.scan;

import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanListener;
import dev.mamori.detect.Scanner;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Write: the findings of 20 MB of the bench's customer CSV (target types) as JSON Lines, in batches
 * of 1,000 as the detection threads encode them: {@link FindingLines} (the byte path) against
 * Jackson's generator on a writer (the character path, what {@code --format jsonl} did on the
 * emitting thread before), its chars then encoded as UTF-8. One operation is all the findings.
 * Not a test: compiled with {@code -Pjmh} only (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class FindingLinesJmh {

    List<List<LocatedFinding>> batches;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Path file = Files.createTempFile("mamori-jmh", ".csv");
        try {
            Class<?> rows = Class.forName("dev.mamori.cli.bench.CustomerRows");
            var ctor = rows.getDeclaredConstructor(long.class);
            ctor.setAccessible(true);
            var write = rows.getDeclaredMethod("writeCsv", Path.class, long.class, java.nio.charset.Charset.class);
            write.setAccessible(true);
            write.invoke(ctor.newInstance(20261123L), file, 20_000_000L, StandardCharsets.UTF_8);
            List<LocatedFinding> all = new ArrayList<>();
            EnumSet<PiiType> target = EnumSet.of(PiiType.MY_NUMBER, PiiType.CORPORATE_NUMBER, PiiType.CREDIT_CARD,
                    PiiType.PHONE, PiiType.EMAIL, PiiType.POSTAL_CODE);
            try (Scanner s = new Scanner(Scanner.Options.defaults().withTypes(target))) {
                s.scan(file, "bench-data/customers-bench.csv", (ScanListener) all::add);
            }
            batches = new ArrayList<>();
            for (int i = 0; i < all.size(); i += 1000) {
                batches.add(all.subList(i, Math.min(all.size(), i + 1000)));
            }
            System.out.printf("%n%,d findings%n", all.size());
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Benchmark
    public long findingLines() throws IOException {
        long n = 0;
        for (List<LocatedFinding> b : batches) {
            int[] ends = new int[b.size()];
            new FindingLines(false).encode(b, ends);
            n += ends[ends.length - 1];
        }
        return n;
    }

    @Benchmark
    public long jacksonOnAWriter() {
        long n = 0;
        for (List<LocatedFinding> b : batches) {
            StringWriter chars = new StringWriter();
            JsonReport r = new JsonReport(new PrintWriter(chars), new PrintWriter(Writer.NULL), dev.mamori.cli.Lang.en, false, true);
            b.forEach(r::finding);
            r.end(new Outcome(java.util.Set.of(), false));
            n += chars.toString().getBytes(StandardCharsets.UTF_8).length;
        }
        return n;
    }

    private static final class Writer {
        static final java.io.Writer NULL = java.io.Writer.nullWriter();
    }
}
