package dev.mamori.spark;

import dev.mamori.report.Message;
import dev.mamori.risk.PopulationRisk;
import dev.mamori.risk.RiskAnalyzer;
import dev.mamori.risk.RiskReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;

/**
 * Re-identification risk on Spark: the equivalence classes are a distributed group-by of the quasi-identifiers (with
 * the distinct values of each sensitive column per class), and only the histogram of class sizes comes to the driver,
 * so the number of classes is not bounded by the driver's memory. The figures are {@link RiskAnalyzer}'s.
 */
final class SparkRisk {

    private SparkRisk() {
    }

    /** The figures of {@code mamori risk}: the sample's, and against the population table when one was given (else null). */
    record Result(RiskReport risk, PopulationRisk population) {
    }

    /** A population table: class sizes in {@code count}, by the quasi-identifiers' values. */
    record Population(Tables.Table table, String count) {
    }

    static RiskReport measure(Tables.Table t, List<String> qi, List<String> sensitive, double threshold) {
        return measure(t, qi, sensitive, threshold, null).risk();
    }

    /** @param population null for none */
    static Result measure(Tables.Table t, List<String> qi, List<String> sensitive, double threshold, Population population) {
        requireColumns(t, concat(qi, sensitive), "入力", "the input");
        if (population != null) {
            requireColumns(population.table, concat(qi, List.of(population.count)), "母集団の表", "the population table");
        }
        if (qi.isEmpty()) {
            throw new Message.Problem("準識別子の列を 1 つ以上指定してください", "name at least one quasi-identifier column");
        }
        List<Column> groups = new ArrayList<>();
        for (String c : qi) {
            groups.add(functions.coalesce(t.col(c), functions.lit("")).alias(c));
        }
        List<Column> aggs = new ArrayList<>();
        aggs.add(functions.count(functions.lit(1)).alias("_size"));
        for (int s = 0; s < sensitive.size(); s++) {
            aggs.add(functions.countDistinct(functions.coalesce(t.col(sensitive.get(s)), functions.lit(""))).alias("_l" + s));
        }
        Dataset<Row> classes = t.rows().groupBy(groups.toArray(Column[]::new))
                .agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new));
        classes.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            TreeMap<Integer, Integer> sizes = new TreeMap<>();
            for (Row r : classes.groupBy("_size").count().collectAsList()) {
                long size = r.getLong(0);
                long n = r.getLong(1);
                if (size > Integer.MAX_VALUE || n > Integer.MAX_VALUE) {
                    throw new Message.Problem("レコードが多すぎます", "too many records");
                }
                sizes.put((int) size, (int) n);
            }
            Map<String, Integer> l = new LinkedHashMap<>();
            if (!sensitive.isEmpty()) {
                List<Column> mins = new ArrayList<>();
                for (int s = 0; s < sensitive.size(); s++) {
                    mins.add(functions.min("_l" + s));
                }
                Row m = classes.agg(mins.get(0), mins.subList(1, mins.size()).toArray(Column[]::new)).first();
                for (int s = 0; s < sensitive.size(); s++) {
                    l.put(sensitive.get(s), m.isNullAt(s) ? 0 : (int) m.getLong(s));
                }
            }
            RiskReport risk = RiskAnalyzer.ofClassSizes(sizes, l, threshold);
            return new Result(risk, population == null ? null : population(classes, qi, population));
        } finally {
            classes.unpersist();
        }
    }

    /**
     * El Emam's journalist and marketer risks ({@link PopulationRisk}): the population's class sizes summed by a
     * distributed group-by, joined to the sample's classes, and the per-class terms summed on the executors; only the
     * three figures come to the driver. The sums are {@link PopulationRisk.Tally}'s, added in another order (the
     * marketer risk may differ from the one-machine figure in the last bits of a double).
     */
    private static PopulationRisk population(Dataset<Row> classes, List<String> qi, Population population) {
        Tables.Table p = population.table;
        Column raw = functions.trim(p.col(population.count));
        Column count = raw.try_cast("long");
        List<Column> keys = new ArrayList<>();
        for (String c : qi) {
            keys.add(functions.coalesce(p.col(c), functions.lit("")).alias(c));
        }
        // one pass over the population table: its class sizes, and the values that are not counts
        Dataset<Row> sizes = p.rows().groupBy(keys.toArray(Column[]::new)).agg(functions.sum(count).alias("_population"),
                functions.sum(functions.when(count.isNull().or(count.lt(0)), 1).otherwise(0)).alias("_bad"));
        sizes.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
        try {
            Row b = sizes.agg(functions.sum("_bad")).first();
            long bad = b.isNullAt(0) ? 0 : b.getLong(0);
            if (bad > 0) {
                throw new Message.Problem("母集団の表: 列 '" + population.count + "' の " + bad + " 個の値が件数（0 以上の整数）ではありません",
                        "the population table: " + bad + " values of column '" + population.count + "' are not counts (whole numbers, 0 or more)");
            }
            return risks(classes.join(sizes, scala.jdk.javaapi.CollectionConverters.asScala(qi).toSeq(), "left"));
        } finally {
            sizes.unpersist();
        }
    }

    /** The three figures from the sample's classes (_size) joined to the population's (_population, null when missing). */
    private static PopulationRisk risks(Dataset<Row> joined) {
        Column f = functions.col("_size");
        Column big = functions.greatest(f, functions.coalesce(functions.col("_population"), f)).cast("double");
        Row r = joined.agg(functions.max(functions.lit(1.0).divide(big)),
                functions.sum(f.cast("double").divide(big)),
                functions.sum(functions.when(functions.col("_population").isNull(), 1).otherwise(0)),
                functions.sum(f)).first();
        long records = r.isNullAt(3) ? 0 : r.getLong(3);
        return new PopulationRisk(r.isNullAt(0) ? 0 : r.getDouble(0), records == 0 ? 0 : r.getDouble(1) / records,
                r.isNullAt(2) ? 0 : (int) r.getLong(2));
    }

    private static void requireColumns(Tables.Table t, List<String> columns, String ja, String en) {
        for (String c : columns) {
            if (!t.header().contains(c)) {
                throw new Message.Problem("列 '" + c + "' が" + ja + "にありません。列は " + t.header() + " です",
                        "no column '" + c + "' in " + en + "; its columns are " + t.header());
            }
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
