package dev.mamori.cli.bench;

import dev.mamori.detect.Detector;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.ScanContext;
import dev.mamori.table.Block;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.DocumentVisitor;
import dev.mamori.table.ReadException;
import dev.mamori.table.ReadProblem;
import java.io.IOException;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The stages of {@code mamori scan} on one thread, each over the same 20 MB of the bench's customer
 * CSV (UTF-8): one operation is the whole file, so MB/s = 20 / (ms/op) × 1000 (the file's exact size
 * is printed at setup). The fourth stage, writing, is {@code dev.mamori.cli.scan.FindingLinesJmh}.
 * Not a test: compiled with {@code -Pjmh} only (docs/benchmarks.md).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ScanStagesJmh {

    /** The types of the throughput target: My Number, corporate number, card, phone, e-mail, postal code. */
    static final EnumSet<PiiType> TARGET = EnumSet.of(PiiType.MY_NUMBER, PiiType.CORPORATE_NUMBER, PiiType.CREDIT_CARD,
            PiiType.PHONE, PiiType.EMAIL, PiiType.POSTAL_CODE);

    Path file;
    DocumentReader reader;
    Detector detector;
    List<String> cells;
    List<ScanContext> contexts;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        file = Files.createTempFile("mamori-jmh", ".csv");
        new CustomerRows(20261123L).writeCsv(file, 20_000_000L, StandardCharsets.UTF_8);
        System.out.printf("%n%s: %,d bytes%n", file, Files.size(file));
        reader = new DocumentReader(DocumentReader.Options.defaults());
        detector = Detector.of(TARGET, Detector.DEFAULT_MIN_CONFIDENCE);
        cells = new ArrayList<>();
        contexts = new ArrayList<>();
        List<ScanContext> byColumn = new ArrayList<>();
        reader.read(file, new Visitor() {
            @Override
            public void table(String sheet, List<String> header) {
                header.forEach(h -> byColumn.add(detector.contextFor(h)));
            }

            @Override
            public void row(long row, long line, List<String> cs) {
                for (int i = 0; i < cs.size(); i++) {
                    if (cs.get(i) != null && !cs.get(i).isEmpty()) {
                        cells.add(cs.get(i));
                        contexts.add(byColumn.get(i));
                    }
                }
            }
        });
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    /** Read: decode UTF-8 and parse the CSV (FastCSV) into a String per cell, sequentially. */
    @Benchmark
    public long read() throws ReadException {
        long[] n = new long[1];
        reader.read(file, new Visitor() {
            @Override
            public void row(long row, long line, List<String> cs) {
                n[0] += cs.size();
            }
        });
        return n[0];
    }

    /** Split: cut the file into blocks at record boundaries (the reading thread's work with --threads 2), blocks not parsed. */
    @Benchmark
    public long split() throws ReadException {
        long[] n = new long[1];
        reader.readInBlocks(file, new Visitor(), new Block.Sink() {
            @Override
            public void block(Block block) {
                n[0]++;
            }

            @Override
            public void drain() {
            }
        });
        return n[0];
    }

    /**
     * Read in blocks: cut at record boundaries and each block parsed — on its bytes ({@code ByteCsv}) where it can
     * be — into a String per cell, all on one thread (what {@code mamori scan} does since 2026-12-03).
     */
    @Benchmark
    public long readBlocks() throws ReadException {
        long[] n = new long[1];
        Visitor count = new Visitor() {
            @Override
            public void row(long row, long line, List<String> cs) {
                n[0] += cs.size();
            }
        };
        reader.readInBlocks(file, new Visitor(), new Block.Sink() {
            @Override
            public void block(Block block) {
                block.read(count);
            }

            @Override
            public void drain() {
            }
        });
        return n[0];
    }

    /** Detect: the recognizers over every non-empty cell, held in memory, with its column's context. */
    @Benchmark
    public long detect() {
        long n = 0;
        for (int i = 0; i < cells.size(); i++) {
            n += detector.detect(cells.get(i), contexts.get(i)).size();
        }
        return n;
    }

    /** A visitor that ignores everything. */
    static class Visitor implements DocumentVisitor {
        @Override
        public void text(long line, int offset, int overlap, String chunk) {
        }

        @Override
        public void table(String sheet, List<String> header) {
        }

        @Override
        public void row(long row, long line, List<String> cells) {
        }

        @Override
        public void labeled(long line, String docId, String text) {
        }

        @Override
        public void problem(ReadProblem problem) {
        }
    }
}
