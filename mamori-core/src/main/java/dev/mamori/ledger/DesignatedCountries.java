package dev.mamori.ledger;

import dev.mamori.data.DataFile;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The countries designated under 法28条1項 (規則15条) as having a protection system equivalent to Japan's, read from
 * the data file {@code designated-countries.tsv} beside this class, which names the PPC notice it follows.
 */
public final class DesignatedCountries {

    private static final Set<String> CODES = load();

    private DesignatedCountries() {
    }

    /** Whether {@code iso} (ISO 3166-1 alpha-2, any case) is a designated country. */
    public static boolean contains(String iso) {
        return iso != null && CODES.contains(iso.strip().toUpperCase(Locale.ROOT));
    }

    /** The codes, sorted. */
    public static Set<String> all() {
        return CODES;
    }

    private static Set<String> load() {
        Set<String> codes = new TreeSet<>();
        for (DataFile.Row r : DataFile.read(DesignatedCountries.class, "designated-countries.tsv")) {
            String code = r.field(0);
            if (!code.matches("[A-Z]{2}") || !codes.add(code)) {
                throw new IllegalStateException("designated-countries.tsv:" + r.line() + ": '" + code + "' is not a new two-letter code");
            }
        }
        return Set.copyOf(codes);
    }
}
