package dev.mamori.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The legal periods and thresholds of the ledger, read once from the data file {@code periods.tsv} beside this class
 * (each row names its provision and confidence). A change of the law is a change of that file and of its test.
 */
public final class LegalPeriods {

    private static final Map<String, LegalPeriod> ALL = load();

    private LegalPeriods() {
    }

    /** The rule {@code id}. */
    public static LegalPeriod get(String id) {
        LegalPeriod p = ALL.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no legal period named " + id + " in periods.tsv");
        }
        return p;
    }

    /** Every rule, in the file's order (for a page that shows where each deadline comes from). */
    public static List<LegalPeriod> all() {
        return List.copyOf(ALL.values());
    }

    private static Map<String, LegalPeriod> load() {
        try (InputStream in = LegalPeriods.class.getResourceAsStream("periods.tsv")) {
            if (in == null) {
                throw new IllegalStateException("periods.tsv is missing from the build");
            }
            Map<String, LegalPeriod> rules = new LinkedHashMap<>();
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                if (f.length != 8) {
                    throw new IllegalStateException("periods.tsv:" + n + ": 8 tab-separated fields expected, not " + f.length);
                }
                if (!f[6].equals("H") && !f[6].equals("M")) {
                    throw new IllegalStateException("periods.tsv:" + n + ": confidence must be H or M (an L rule is not built in)");
                }
                try {
                    LegalPeriod p = new LegalPeriod(f[0], Integer.parseInt(f[1]), LegalPeriod.Unit.valueOf(f[2].toUpperCase(Locale.ROOT)),
                            f[3].equals("-") ? LegalPeriod.Counting.NONE : LegalPeriod.Counting.valueOf(f[3].toUpperCase(Locale.ROOT)),
                            f[5], f[6], f[7]);
                    if (rules.put(p.id(), p) != null) {
                        throw new IllegalStateException("periods.tsv:" + n + ": " + p.id() + " given twice");
                    }
                } catch (IllegalArgumentException e) {
                    throw new IllegalStateException("periods.tsv:" + n + ": " + e.getMessage(), e);
                }
            }
            return rules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
