package dev.mamori.deid;

import de.siegmar.fastcsv.writer.CsvWriter;
import de.siegmar.fastcsv.writer.LineDelimiter;
import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.LatticeSearch;
import dev.mamori.risk.PrivacyModel;
import dev.mamori.risk.SearchResult;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.DocumentVisitor;
import dev.mamori.table.Format;
import dev.mamori.table.ReadProblem;
import dev.mamori.table.ReadSummary;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 匿名加工情報 from a CSV of any length in memory that grows with the distinct combinations of
 * quasi-identifier values, not with the records: the first pass counts the combinations (and
 * keeps a sample of rows for the checks of kept columns), the search runs on the counts, the second
 * pass generalises, suppresses and writes each record. The same policy rules as {@link Deidentifier}.
 */
public final class TwoPassAnonymizer {

    /** Rows kept from the first pass to check the kept columns for identifiers. */
    static final int SAMPLE = 10_000;

    /**
     * @param records    records read
     * @param written    records written
     * @param distinct   distinct combinations of quasi-identifier (and l-diverse) values
     * @param search     the chosen transformation and its figures
     * @param firstPassMs counting; {@code secondPassMs} writing
     */
    public record Summary(long records, long written, int distinct, SearchResult search, long firstPassMs, long secondPassMs,
                          ReadSummary read) {
    }

    private TwoPassAnonymizer() {
    }

    public static Summary run(Path input, Policy policy, Path baseDir, Path output) throws IOException {
        if (policy.mode() != Mode.ANONYMOUS) {
            throw new IllegalArgumentException("the two-pass path makes 匿名加工情報 only");
        }
        List<String> qi = new ArrayList<>();
        policy.columns().forEach((c, col) -> {
            if (col.transform().equals("generalize")) {
                qi.add(c);
            }
        });
        List<String> counted = new ArrayList<>(qi);
        counted.addAll(policy.l().keySet());
        long t0 = System.nanoTime();
        Counter counter = new Counter(counted);
        ReadSummary read = new DocumentReader(null).read(input, counter);
        if (read.format() != Format.CSV) {
            throw new IllegalArgumentException(input + ": the two-pass path reads CSV/TSV");
        }
        if (!counter.problems.isEmpty()) {
            throw new IllegalArgumentException(counter.problems.get(0).message() + " (de-identification stops on damaged input)");
        }
        Dataset sample = new Dataset(counter.header, counter.sample);
        Deidentifier.checkColumns(sample, policy);
        policy.columns().forEach((c, col) -> {
            if (col.transform().equals("keep")) {
                Deidentifier.checkKept(sample, c, sample.column(c));
            }
        });
        List<String[]> distinct = new ArrayList<>(counter.counts.size());
        int[] weights = new int[counter.counts.size()];
        int i = 0;
        for (Map.Entry<List<String>, int[]> e : counter.counts.entrySet()) {
            distinct.add(e.getKey().toArray(String[]::new));
            weights[i++] = e.getValue()[0];
        }
        Dataset table = new Dataset(counted, distinct);
        List<Hierarchy> hierarchies = new ArrayList<>();
        for (String c : qi) {
            hierarchies.add(Hierarchies.resolve(c, policy.columns().get(c).hierarchy(), table, table.column(c), baseDir));
        }
        PrivacyModel model = policy.privacyModel();
        SearchResult best = LatticeSearch.of(table, weights, hierarchies).search(model);
        Set<List<String>> passing = Anonymization.passingClasses(table, weights, hierarchies, best.levels(), model);
        long t1 = System.nanoTime();
        long written = write(input, read, policy, hierarchies, best, passing, output);
        long t2 = System.nanoTime();
        return new Summary(counter.records, written, distinct.size(), best, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, read);
    }

    private static long write(Path input, ReadSummary read, Policy policy, List<Hierarchy> hs, SearchResult best,
                              Set<List<String>> passing, Path output) throws IOException {
        Path dir = output.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + output.getFileName(), ".part");
        long[] written = {0};
        try {
            try (Writer w = Files.newBufferedWriter(tmp, read.charset());
                 CsvWriter csv = CsvWriter.builder().fieldSeparator(read.delimiter()).lineDelimiter(LineDelimiter.CRLF).build(w)) {
                Key throwaway = Key.ephemeral("linking-ids");
                new DocumentReader(null).read(input, new Rows() {
                    int[] qiCols;
                    int[] outCols;
                    Transform[] transforms;

                    @Override
                    public void table(String sheet, List<String> header) {
                        qiCols = hs.stream().mapToInt(h -> header.indexOf(h.column())).toArray();
                        List<Integer> out = new ArrayList<>();
                        List<Transform> ts = new ArrayList<>();
                        for (int c = 0; c < header.size(); c++) {
                            String t = policy.columns().get(header.get(c)).transform();
                            if (!t.equals("delete")) {
                                out.add(c);
                                ts.add(switch (t) {
                                    case "random_id" -> new KeyedPseudonym(throwaway, "R-");
                                    case "redact" -> new RedactText();
                                    case "mask" -> new Mask();
                                    case "keep", "generalize" -> null;
                                    default -> throw new IllegalArgumentException("column '" + header.get(c) + "': " + t
                                            + " is not for 匿名加工情報");
                                });
                            }
                        }
                        outCols = out.stream().mapToInt(Integer::intValue).toArray();
                        transforms = ts.toArray(new Transform[0]);
                        write(csv, out.stream().map(header::get).toList());
                    }

                    @Override
                    public void row(long row, long line, List<String> cells) {
                        String[] g = Anonymization.generalised(cells.toArray(new String[0]), qiCols, hs, best.levels());
                        if (!passing.contains(Anonymization.key(g, qiCols))) {
                            return; // suppressed
                        }
                        String[] o = new String[outCols.length];
                        for (int i = 0; i < o.length; i++) {
                            String v = g[outCols[i]];
                            o[i] = transforms[i] == null ? v : transforms[i].apply(v);
                        }
                        write(csv, List.of(o));
                        written[0]++;
                    }
                });
            }
            Files.move(tmp, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return written[0];
    }

    private static void write(CsvWriter csv, List<String> values) {
        csv.writeRecord(values);
    }

    /** A visitor for tables only. */
    private abstract static class Rows implements DocumentVisitor {
        @Override
        public void text(long line, int offset, int overlap, String chunk) {
            throw new IllegalArgumentException("not a table");
        }

        @Override
        public void labeled(long line, String docId, String text) {
            throw new IllegalArgumentException("not a table");
        }

        @Override
        public void problem(ReadProblem problem) {
            throw new IllegalArgumentException(problem.message() + " (de-identification stops on damaged input)");
        }
    }

    /** First pass: the header, a sample of rows, and the count of each combination of the counted columns. */
    private static final class Counter extends Rows {
        final List<String> counted;
        List<String> header = List.of();
        int[] cols;
        final Map<List<String>, int[]> counts = new HashMap<>();
        final List<String[]> sample = new ArrayList<>();
        final List<ReadProblem> problems = new ArrayList<>();
        long records;

        Counter(List<String> counted) {
            this.counted = counted;
        }

        @Override
        public void table(String sheet, List<String> h) {
            header = List.copyOf(h);
            cols = counted.stream().mapToInt(c -> {
                int i = header.indexOf(c);
                if (i < 0) {
                    throw new IllegalArgumentException("no column '" + c + "'; the columns are " + header);
                }
                return i;
            }).toArray();
        }

        @Override
        public void row(long row, long line, List<String> cells) {
            records++;
            String[] k = new String[cols.length];
            for (int j = 0; j < k.length; j++) {
                String v = cols[j] < cells.size() ? cells.get(cols[j]) : null;
                k[j] = v == null ? "" : v;
            }
            counts.computeIfAbsent(List.of(k), x -> new int[1])[0]++;
            if (sample.size() < SAMPLE) {
                String[] r = new String[header.size()];
                for (int c = 0; c < r.length; c++) {
                    r[c] = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
                }
                sample.add(r);
            }
        }

        @Override
        public void problem(ReadProblem problem) {
            problems.add(problem);
        }
    }
}
