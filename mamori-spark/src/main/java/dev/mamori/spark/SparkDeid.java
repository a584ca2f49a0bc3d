package dev.mamori.spark;

import dev.mamori.deid.ColumnChecks;
import dev.mamori.deid.CountedAnonymization;
import dev.mamori.deid.Key;
import dev.mamori.deid.KeyStore;
import dev.mamori.deid.Mode;
import dev.mamori.deid.Policy;
import dev.mamori.deid.PolicyFile;
import dev.mamori.deid.Pseudonymizer;
import dev.mamori.deid.Transform;
import dev.mamori.report.Message;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkFiles;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.util.LongAccumulator;

/**
 * 仮名加工情報 and 匿名加工情報 on Spark, by the core's rules. 匿名加工情報: the distinct combinations of the counted
 * columns are counted by a distributed aggregation, {@link CountedAnonymization} plans on the driver (the same lattice
 * search, checks and risk figures as one machine), and the plan is applied by a map over the input's partitions.
 * 仮名加工情報: one map, each partition with its own {@link Pseudonymizer}, the key loaded on the executor from the key
 * store (never sent with the job). Either way the kept columns are checked on every row, the parts' counts added on the
 * driver, and the output appears only when everything passed.
 */
final class SparkDeid {

    /**
     * What a run did.
     *
     * @param records      records read
     * @param written      records written
     * @param distinct     distinct combinations counted (匿名加工情報), else 0
     * @param plan         the plan and its figures (匿名加工情報), else null
     * @param outHeader    the output's columns
     * @param stagesMs     wall time of each stage, in order
     */
    record Result(long records, long written, int distinct, CountedAnonymization.Plan plan, List<String> outHeader,
                  Map<String, Long> stagesMs) {
    }

    /** Writes the record files into the staging directory once the run has passed, before the output appears. */
    interface Finisher {
        void finish(Path staging, Result result) throws IOException;
    }

    /** Where a pseudonymous run's key comes from: a key store path (or a file sent with --files) and a key name. */
    record KeyRef(String store, String name) implements java.io.Serializable {
    }

    private SparkDeid() {
    }

    static RuntimeException changed() {
        return new Message.Problem("入力が 1 回目と 2 回目の読み通しの間に変わりました。何も書き出していません",
                "the input changed between the two passes; nothing was written");
    }

    static Result run(SparkSession spark, Tables.Input input, Policy policy, java.nio.file.Path baseDir, KeyRef key, String output,
                      Finisher finisher) throws IOException {
        return run(spark, input, policy, baseDir, key, output, false, finisher);
    }

    /** @param bom each CSV part in UTF-8 starts with a byte order mark (for Excel, which reads each part alone) */
    static Result run(SparkSession spark, Tables.Input input, Policy policy, java.nio.file.Path baseDir, KeyRef key, String output,
                      boolean bom, Finisher finisher) throws IOException {
        Outputs.guard(spark, input.path(), output);
        Tables.Table t = Tables.read(spark, input);
        CountedAnonymization.checkColumns(t.header(), policy);
        Outputs.Staging staged = Outputs.staging(spark, output);
        Path staging = staged.path();
        try {
            Result r = policy.mode() == Mode.ANONYMOUS ? anonymous(spark, t, policy, baseDir, staging, bom)
                    : pseudonymous(spark, t, policy, key, staging, bom);
            finisher.finish(staging, r);
            Outputs.commit(spark, staged, output);
            return r;
        } catch (Exception e) { // SparkException too, which Scala throws unchecked
            Outputs.discard(spark, staged);
            if (e instanceof IOException io) {
                throw io;
            }
            throw SparkMain.unwrap(e);
        }
    }

    private static Result anonymous(SparkSession spark, Tables.Table t, Policy policy, java.nio.file.Path baseDir, Path staging,
                                    boolean bom) {
        Map<String, Long> stages = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        List<String> counted = CountedAnonymization.counted(policy);
        List<Column> keys = new ArrayList<>();
        for (String c : counted) {
            keys.add(functions.coalesce(t.col(c), functions.lit("")).alias(c));
        }
        boolean hasCorrupt = java.util.Arrays.asList(t.rows().columns()).contains(Tables.CORRUPT);
        List<Column> selected = new ArrayList<>(keys);
        selected.add((hasCorrupt ? functions.when(functions.col(Tables.CORRUPT).isNotNull(), 1).otherwise(0) : functions.lit(0)).alias("_bad"));
        List<Column> groups = counted.stream().map(t::col).toList();
        spark.sparkContext().setCallSite("mamori: count combinations");
        List<Row> counts = t.rows().select(selected.toArray(Column[]::new))
                .groupBy(groups.toArray(Column[]::new))
                .agg(functions.count(functions.lit(1)).alias("_n"), functions.sum("_bad").alias("_bad"))
                .collectAsList();
        List<String[]> distinct = new ArrayList<>(counts.size());
        int[] weights = new int[counts.size()];
        long bad = 0;
        for (int i = 0; i < counts.size(); i++) {
            Row r = counts.get(i);
            String[] v = new String[counted.size()];
            for (int j = 0; j < v.length; j++) {
                v[j] = r.getString(j);
            }
            distinct.add(v);
            long n = r.getLong(counted.size());
            if (n > Integer.MAX_VALUE) {
                throw new Message.Problem("1 つの組み合わせに 2^31 件以上のレコードがあります", "one combination holds 2^31 records or more");
            }
            weights[i] = (int) n;
            bad += r.getLong(counted.size() + 1);
        }
        if (bad > 0) {
            throw unreadable(t, bad);
        }
        long t1 = System.nanoTime();
        stages.put("count combinations", (t1 - t0) / 1_000_000);
        CountedAnonymization.Plan plan = CountedAnonymization.plan(policy, baseDir, distinct, weights);
        long t2 = System.nanoTime();
        stages.put("search (driver)", (t2 - t1) / 1_000_000);

        // what the executors need: per quasi-identifier its values' generalisations, and the classes that pass
        List<String> qi = plan.quasiIdentifiers();
        List<HashMap<String, String>> tables = new ArrayList<>();
        for (int j = 0; j < qi.size(); j++) {
            HashMap<String, String> m = new HashMap<>();
            int column = j;
            for (String[] d : distinct) {
                m.computeIfAbsent(d[column], v -> plan.generalise(column, v));
            }
            tables.add(m);
        }
        HashSet<List<String>> passing = new HashSet<>();
        for (int i = 0; i < distinct.size(); i++) {
            if (plan.keep()[i]) {
                String[] g = new String[qi.size()];
                for (int j = 0; j < g.length; j++) {
                    g[j] = tables.get(j).get(distinct.get(i)[j]);
                }
                passing.add(List.of(g));
            }
        }
        JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());
        Broadcast<List<HashMap<String, String>>> gen = jsc.broadcast(tables);
        Broadcast<HashSet<List<String>>> pass = jsc.broadcast(passing);
        // random_id: one throw-away key for the run, drawn here and forgotten with it (see docs/spark.md)
        Broadcast<byte[]> throwaway = jsc.broadcast(Key.randomMaterial());
        List<String> header = t.header();
        List<String> outHeader = new ArrayList<>();
        int[] outCols;
        int[] outQi;
        {
            List<Integer> cols = new ArrayList<>();
            for (int c = 0; c < header.size(); c++) {
                Policy.Method m = policy.columns().get(header.get(c)).method();
                if (m.keyed()) {
                    throw new Message.Problem("列「" + header.get(c) + "」: " + m.yamlName() + " は匿名加工情報には使えません（元に戻せる加工です）",
                            "column '" + header.get(c) + "': " + m.yamlName() + " is not for 匿名加工情報 (it can be reversed)");
                }
                if (m != Policy.Method.DELETE) {
                    cols.add(c);
                    outHeader.add(header.get(c));
                }
            }
            outCols = cols.stream().mapToInt(Integer::intValue).toArray();
            outQi = new int[outCols.length];
            for (int i = 0; i < outCols.length; i++) {
                outQi[i] = qi.indexOf(header.get(outCols[i]));
            }
        }
        int[] qiCols = qi.stream().mapToInt(header::indexOf).toArray();
        String policyText = PolicyFile.write(policy);
        LongAccumulator written = spark.sparkContext().longAccumulator("mamori records written");
        LongAccumulator read = spark.sparkContext().longAccumulator("mamori records read");
        CountsAccumulator checks = new CountsAccumulator();
        spark.sparkContext().register(checks, "mamori column checks");
        Partitions.Maker maker = () -> {
            Policy p = PolicyFile.read("policy", policyText);
            ColumnChecks cc = ColumnChecks.of(header, p);
            Key tk = Key.ephemeral("linking-ids", throwaway.value());
            Transform[] transforms = new Transform[outCols.length];
            for (int i = 0; i < outCols.length; i++) {
                String name = header.get(outCols[i]);
                transforms[i] = outQi[i] >= 0 ? null : p.columns().get(name).method().transform(name, null, tk);
            }
            List<HashMap<String, String>> g = gen.value();
            Set<List<String>> ok = pass.value();
            return new Partitions.Processor() {
                long in;
                long out;

                @Override
                public String[] apply(List<String> cells) {
                    in++;
                    for (int c = 0; c < cells.size(); c++) {
                        cc.accept(c, cells.get(c));
                    }
                    String[] k = new String[qiCols.length];
                    for (int j = 0; j < k.length; j++) {
                        k[j] = g.get(j).get(cells.get(qiCols[j]));
                        if (k[j] == null) {
                            throw changed();
                        }
                    }
                    if (!ok.contains(List.of(k))) {
                        return null;
                    }
                    String[] o = new String[outCols.length];
                    for (int i = 0; i < o.length; i++) {
                        String v = outQi[i] >= 0 ? k[outQi[i]] : cells.get(outCols[i]);
                        o[i] = transforms[i] == null ? v : transforms[i].apply(v);
                    }
                    out++;
                    return o;
                }

                @Override
                public void end() {
                    read.add(in);
                    written.add(out);
                    checks.add(cc.counts());
                }
            };
        };
        spark.sparkContext().setCallSite("mamori: generalise and write");
        Partitions.write(spark, t, outHeader, maker, staging, bom);
        spark.sparkContext().clearCallSite();
        gen.destroy();
        pass.destroy();
        throwaway.destroy();
        ColumnChecks verdict = ColumnChecks.of(header, policy);
        verdict.add(checks.ints());
        verdict.finish(read.value());
        if (read.value() != plan.records() || written.value() != plan.kept()) {
            throw changed();
        }
        long t3 = System.nanoTime();
        stages.put("generalise and write", (t3 - t2) / 1_000_000);
        return new Result(plan.records(), written.value(), distinct.size(), plan, outHeader, stages);
    }

    private static RuntimeException unreadable(Tables.Table t, long bad) {
        String what = t.csv() ? "CSV as " + t.header().size() + " fields (the header's) with quotes closed"
                : "JSON (one object per line)";
        return new Message.Problem(t.input().path() + ": " + bad + " 件のレコードが読めません（" + (t.csv() ? "見出しと同じ " + t.header().size()
                + " 個のフィールドに分けられないか、引用符が閉じていません" : "1 行 1 つの JSON オブジェクトではありません") + "）。何も書き出していません",
                t.input().path() + ": " + bad + " records could not be read as " + what + "; nothing was written");
    }

    private static Result pseudonymous(SparkSession spark, Tables.Table t, Policy policy, KeyRef key, Path staging, boolean bom) {
        Map<String, Long> stages = new LinkedHashMap<>();
        long t0 = System.nanoTime();
        List<String> header = t.header();
        String policyText = PolicyFile.write(policy);
        JavaSparkContext jsc = new JavaSparkContext(spark.sparkContext());
        Broadcast<byte[]> throwaway = jsc.broadcast(Key.randomMaterial());
        // made once on the driver so that a missing key or column is refused before the job starts
        List<String> outHeader = new Pseudonymizer(header, policy, key == null ? null : loadKey(key), Key.ephemeral("linking-ids")).outputHeader();
        LongAccumulator rows = spark.sparkContext().longAccumulator("mamori records");
        CountsAccumulator checks = new CountsAccumulator();
        spark.sparkContext().register(checks, "mamori column checks");
        Partitions.Maker maker = () -> {
            Pseudonymizer p = new Pseudonymizer(header, PolicyFile.read("policy", policyText), key == null ? null : loadKey(key),
                    Key.ephemeral("linking-ids", throwaway.value()));
            return new Partitions.Processor() {
                long n;

                @Override
                public String[] apply(List<String> cells) {
                    n++;
                    return p.apply(cells);
                }

                @Override
                public void end() {
                    rows.add(n);
                    checks.add(p.checks().counts());
                }
            };
        };
        spark.sparkContext().setCallSite("mamori: transform and write");
        Partitions.write(spark, t, outHeader, maker, staging, bom);
        spark.sparkContext().clearCallSite();
        throwaway.destroy();
        ColumnChecks verdict = ColumnChecks.of(header, policy);
        verdict.add(checks.ints());
        verdict.finish(rows.value());
        stages.put("transform and write", (System.nanoTime() - t0) / 1_000_000);
        return new Result(rows.value(), rows.value(), 0, null, outHeader, stages);
    }

    /**
     * The key, loaded where this runs (driver or executor) from the key store: its path if it is there, else the file of
     * that name sent with {@code spark-submit --files}. A protected store's password comes from MAMORI_KEYSTORE_PASSWORD
     * in that process's environment (on a cluster: a Spark secret or spark.executorEnv). The key is never serialised.
     */
    static Key loadKey(KeyRef ref) {
        return KEYS.computeIfAbsent(ref, SparkDeid::openKey);
    }

    /** Keys opened in this JVM, once per store and name (a protected store derives its key slowly; a job has many tasks). */
    private static final java.util.concurrent.ConcurrentHashMap<KeyRef, Key> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Key openKey(KeyRef ref) {
        try {
            java.nio.file.Path p = java.nio.file.Path.of(ref.store());
            if (!java.nio.file.Files.exists(p)) {
                p = java.nio.file.Path.of(SparkFiles.get(p.getFileName().toString()));
            }
            String pw = System.getenv("MAMORI_KEYSTORE_PASSWORD");
            KeyStore ks = KeyStore.isProtected(p) ? KeyStore.open(p, pw == null ? null : pw.toCharArray()) : KeyStore.open(p);
            return ks.get(ref.name());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
