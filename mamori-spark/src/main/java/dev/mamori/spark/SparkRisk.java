package dev.mamori.spark;

import dev.mamori.report.Message;
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

    static RiskReport measure(Tables.Table t, List<String> qi, List<String> sensitive, double threshold) {
        for (String c : concat(qi, sensitive)) {
            if (!t.header().contains(c)) {
                throw new Message.Problem("列 '" + c + "' が入力にありません。列は " + t.header() + " です",
                        "no column '" + c + "' in the input; its columns are " + t.header());
            }
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
            return RiskAnalyzer.ofClassSizes(sizes, l, threshold);
        } finally {
            classes.unpersist();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
