package dev.mamori.mail;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Counts of traced spam by country (or registry) and period, in the layout of the published per-country tables of honeypot programmes:
 * one row per country, one column per year (or month), the top N rows kept and the rest summed as
 * その他, unattributed messages in a row of their own, and a total. Also the top ASNs and relays.
 */
public final class SpamStatistics {

    public enum Period { YEAR, MONTH }

    public static final String OTHER = "other";
    public static final String UNKNOWN_PERIOD = "?";

    /** One row: the country (or registry) key, its label, a count per period and the row's total. */
    public record Row(String key, String label, List<Long> counts, long total) {
        public Row {
            counts = List.copyOf(counts);
        }
    }

    /** The table: the periods (columns), the rows (largest first, then その他 and unattributed) and the total row. */
    public record Table(List<String> periods, List<Row> rows, Row total) {
        public Table {
            periods = List.copyOf(periods);
            rows = List.copyOf(rows);
        }
    }

    /** A ranked item (an ASN with its organisation, a relay with its country) and its count. */
    public record Ranked(String key, String label, long count) {
    }

    private final Period period;
    private final Map<String, Map<String, Long>> byCountry = new HashMap<>();
    private final Map<String, Long> asns = new HashMap<>();
    private final Map<String, String> asnNames = new HashMap<>();
    private final Map<String, Long> relays = new HashMap<>();
    private final Map<String, String> relayLabels = new HashMap<>();
    private long messages;
    private long traced;

    public SpamStatistics(Period period) {
        this.period = period;
    }

    /**
     * Counts one message. {@code countryKey} is null when the message could not be traced (it is
     * then counted only in {@link #messages()}); {@code when} may be null (an unreadable date).
     */
    public void add(String countryKey, Long asn, String asOrg, String relayIp, String relayLabel, YearMonth when) {
        messages++;
        if (countryKey == null) {
            return;
        }
        traced++;
        String p = when == null ? UNKNOWN_PERIOD : period == Period.YEAR ? Integer.toString(when.getYear()) : when.toString();
        byCountry.computeIfAbsent(countryKey, k -> new HashMap<>()).merge(p, 1L, Long::sum);
        if (asn != null) {
            String k = "AS" + asn;
            asns.merge(k, 1L, Long::sum);
            if (asOrg != null) {
                asnNames.putIfAbsent(k, asOrg);
            }
        }
        if (relayIp != null) {
            relays.merge(relayIp, 1L, Long::sum);
            if (relayLabel != null) {
                relayLabels.putIfAbsent(relayIp, relayLabel);
            }
        }
    }

    public long messages() {
        return messages;
    }

    public long traced() {
        return traced;
    }

    /**
     * The per-country table. Rows are ordered by their total over every period (largest first), then by key;
     * the first {@code top} countries are kept, the rest are summed as その他 ({@code otherLabel});
     * {@code labels} turns a key into its display name (国内 for JP when the caller wants it).
     */
    public Table table(int top, Function<String, String> labels, String otherLabel, String unattributedKey) {
        TreeSet<String> periods = new TreeSet<>(Comparator.comparing((String p) -> p.equals(UNKNOWN_PERIOD)).thenComparing(p -> p));
        byCountry.values().forEach(m -> periods.addAll(m.keySet()));
        List<String> cols = new ArrayList<>(periods);
        List<Map.Entry<String, Map<String, Long>>> entries = new ArrayList<>(byCountry.entrySet());
        entries.removeIf(e -> e.getKey().equals(unattributedKey));
        entries.sort(Comparator.comparingLong((Map.Entry<String, Map<String, Long>> e) -> -sum(e.getValue()))
                .thenComparing(Map.Entry::getKey));
        List<Row> rows = new ArrayList<>();
        Map<String, Long> other = new LinkedHashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            Map.Entry<String, Map<String, Long>> e = entries.get(i);
            if (i < top) {
                rows.add(row(e.getKey(), labels.apply(e.getKey()), e.getValue(), cols));
            } else {
                e.getValue().forEach((p, n) -> other.merge(p, n, Long::sum));
            }
        }
        if (!other.isEmpty()) {
            rows.add(row(OTHER, otherLabel, other, cols));
        }
        Map<String, Long> none = byCountry.get(unattributedKey);
        if (none != null) {
            rows.add(row(unattributedKey, labels.apply(unattributedKey), none, cols));
        }
        Map<String, Long> all = new HashMap<>();
        byCountry.values().forEach(m -> m.forEach((p, n) -> all.merge(p, n, Long::sum)));
        return new Table(cols, rows, row("total", "", all, cols));
    }

    private static Row row(String key, String label, Map<String, Long> counts, List<String> cols) {
        List<Long> c = new ArrayList<>();
        for (String p : cols) {
            c.add(counts.getOrDefault(p, 0L));
        }
        return new Row(key, label, c, sum(counts));
    }

    private static long sum(Map<String, Long> m) {
        long s = 0;
        for (long v : m.values()) {
            s += v;
        }
        return s;
    }

    public List<Ranked> topAsns(int n) {
        return ranked(asns, asnNames, n);
    }

    public List<Ranked> topRelays(int n) {
        return ranked(relays, relayLabels, n);
    }

    private static List<Ranked> ranked(Map<String, Long> counts, Map<String, String> labels, int n) {
        return counts.entrySet().stream()
                .sorted(Comparator.comparingLong((Map.Entry<String, Long> e) -> -e.getValue()).thenComparing(Map.Entry::getKey)).limit(n)
                .map(e -> new Ranked(e.getKey(), labels.getOrDefault(e.getKey(), ""), e.getValue())).toList();
    }
}
