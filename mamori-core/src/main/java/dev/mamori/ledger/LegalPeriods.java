package dev.mamori.ledger;

import dev.mamori.data.DataFile;
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
        Map<String, LegalPeriod> rules = new LinkedHashMap<>();
        for (DataFile.Row r : DataFile.read(LegalPeriods.class, "periods.tsv")) {
            String at = "periods.tsv:" + r.line() + ": ";
            if (r.fields().length != 8) {
                throw new IllegalStateException(at + "8 tab-separated fields expected, not " + r.fields().length);
            }
            if (!r.field(6).equals("H") && !r.field(6).equals("M")) {
                throw new IllegalStateException(at + "confidence must be H or M (an L rule is not built in)");
            }
            try {
                LegalPeriod p = new LegalPeriod(r.field(0), Integer.parseInt(r.field(1)), LegalPeriod.Unit.valueOf(r.field(2).toUpperCase(Locale.ROOT)),
                        r.field(3).equals("-") ? LegalPeriod.Counting.NONE : LegalPeriod.Counting.valueOf(r.field(3).toUpperCase(Locale.ROOT)),
                        r.field(5), r.field(6), r.field(7));
                if (rules.put(p.id(), p) != null) {
                    throw new IllegalStateException(at + p.id() + " given twice");
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException(at + e.getMessage(), e);
            }
        }
        return rules;
    }
}
