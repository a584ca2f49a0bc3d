package dev.mamori.deid;

import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import dev.mamori.risk.LatticeSearch;
import dev.mamori.risk.PrivacyModel;
import dev.mamori.risk.SearchResult;
import dev.mamori.table.ReadSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * 匿名加工情報 from a CSV of any length in memory that grows with the distinct combinations of
 * quasi-identifier values, not with the records: the first pass counts the combinations and checks
 * every kept column on every row, the search runs on the counts, the second pass generalises,
 * suppresses and writes each record. The same policy rules as {@link Deidentifier}.
 */
public final class TwoPassAnonymizer {

    /**
     * @param records      records read
     * @param written      records written
     * @param distinct     distinct combinations of quasi-identifier (and l-diverse) values
     * @param search       the chosen transformation and its figures
     * @param firstPassMs  counting; {@code secondPassMs} writing
     * @param read         how the input was read
     * @param outputSha256 SHA-256 of the output's bytes
     * @param warnings     quasi-identifiers left with one value for every record
     */
    public record Summary(long records, long written, int distinct, SearchResult search, long firstPassMs, long secondPassMs,
                          ReadSummary read, String outputSha256, List<Generalisation.Warning> warnings) {
    }

    private TwoPassAnonymizer() {
    }

    public static Summary run(Path input, Policy policy, Path baseDir, Output output) throws IOException {
        if (policy.mode() != Mode.ANONYMOUS) {
            throw new IllegalArgumentException("the two-pass path makes 匿名加工情報 only");
        }
        List<String> qi = new ArrayList<>();
        policy.columns().forEach((c, col) -> {
            if (col.method() == Policy.Method.GENERALIZE) {
                qi.add(c);
            }
        });
        List<String> counted = new ArrayList<>(qi);
        counted.addAll(policy.l().keySet());
        long t0 = System.nanoTime();
        Counter counter = new Counter(counted, policy);
        output.progress().pass(1, 2);
        ReadSummary read = TableStream.read(input, counter, output.progress());
        counter.finish();
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
        LatticeSearch search = LatticeSearch.of(table, weights, hierarchies);
        SearchResult best = search.search(model);
        Set<List<String>> passing = Anonymization.passingClasses(table, weights, hierarchies, best.levels(), model);
        long t1 = System.nanoTime();
        long[] written = {0};
        String sha = write(input, read, policy, hierarchies, best, passing, output, written);
        long t2 = System.nanoTime();
        return new Summary(counter.records, written[0], distinct.size(), best, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, read, sha,
                Generalisation.warnings(table, hierarchies, best, search, model));
    }

    private static String write(Path input, ReadSummary read, Policy policy, List<Hierarchy> hs, SearchResult best,
                                Set<List<String>> passing, Output output, long[] written) throws IOException {
        output.progress().pass(2, 2);
        try (CsvOutput csv = CsvOutput.open(output.path(), read.charset(), read.delimiter(), output.bom(), false)) {
            Key throwaway = Key.ephemeral("linking-ids");
            TableStream.read(input, new TableStream.Rows() {
                int width;
                int[] qiCols;
                int[] outCols;
                Transform[] transforms;

                @Override
                public void table(String sheet, List<String> header) {
                    width = header.size();
                    qiCols = hs.stream().mapToInt(h -> header.indexOf(h.column())).toArray();
                    List<Integer> out = new ArrayList<>();
                    List<Transform> ts = new ArrayList<>();
                    for (int c = 0; c < header.size(); c++) {
                        Policy.Method m = policy.columns().get(header.get(c)).method();
                        if (m != Policy.Method.DELETE) {
                            out.add(c);
                            if (m.keyed()) {
                                throw new IllegalArgumentException("column '" + header.get(c) + "': " + m.yamlName()
                                        + " is not for 匿名加工情報");
                            }
                            ts.add(m.transform(header.get(c), null, throwaway));
                        }
                    }
                    outCols = out.stream().mapToInt(Integer::intValue).toArray();
                    transforms = ts.toArray(new Transform[0]);
                    write(csv, out.stream().map(header::get).toList());
                }

                @Override
                public void row(long row, long line, List<String> cells) {
                    String[] full = new String[Math.max(width, cells.size())];
                    for (int c = 0; c < full.length; c++) {
                        full[c] = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
                    }
                    String[] g = Anonymization.generalised(full, qiCols, hs, best.levels());
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
            }, output.progress());
            return csv.commit();
        }
    }

    private static void write(CsvOutput csv, List<String> values) {
        try {
            csv.write(values);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** First pass: the header, the count of each combination of the counted columns, and the checks of kept columns on every row. */
    private static final class Counter extends TableStream.Rows {
        final List<String> counted;
        final Policy policy;
        List<String> header = List.of();
        int[] cols;
        ColumnCheck[] checks;
        final Map<List<String>, int[]> counts = new HashMap<>();
        long records;

        Counter(List<String> counted, Policy policy) {
            this.counted = counted;
            this.policy = policy;
        }

        @Override
        public void table(String sheet, List<String> h) {
            header = List.copyOf(h);
            Deidentifier.checkColumns(header, policy);
            cols = counted.stream().mapToInt(header::indexOf).toArray();
            checks = new ColumnCheck[header.size()];
            for (int c = 0; c < checks.length; c++) {
                checks[c] = ColumnCheck.of(header.get(c), Mode.ANONYMOUS, policy.columns().get(header.get(c)).method());
            }
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
            for (int c = 0; c < checks.length; c++) {
                if (checks[c] != null && c < cells.size()) {
                    checks[c].accept(cells.get(c));
                }
            }
        }

        void finish() {
            if (checks == null) {
                throw new IllegalArgumentException("no header row; a policy names the columns of a table");
            }
            for (ColumnCheck c : checks) {
                if (c != null) {
                    c.finish(records);
                }
            }
        }
    }
}
