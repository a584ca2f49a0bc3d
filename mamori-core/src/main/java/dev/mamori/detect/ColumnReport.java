package dev.mamori.detect;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * How one table column was classified.
 *
 * @param index     0-based column index
 * @param header    the header text
 * @param cells     non-empty cells scanned
 * @param hits      for each type found, the number of cells with at least one finding of it
 * @param types     the types that make up the column: found in at least {@link #DOMINANT_SHARE} of
 *                  its non-empty cells
 * @param category  the most protected legal category among the types found in at least
 *                  {@link #MIN_CELLS} cells (or in every cell of a shorter column), null if none
 */
public record ColumnReport(int index, String header, long cells, Map<PiiType, Long> hits, Set<PiiType> types,
                           LegalCategory category) {

    /** Share of non-empty cells from which a type is said to make up the column. */
    public static final double DOMINANT_SHARE = 0.3;
    /** Cells a type must be found in before it sets the column's legal category. */
    public static final long MIN_CELLS = 2;

    public ColumnReport {
        hits = Map.copyOf(hits);
        types = Set.copyOf(types);
    }

    /**
     * A column's report from its counts, however they were made (one reader, or parts added together on a cluster).
     *
     * @param hits for each type (by {@link PiiType#ordinal()}), the cells holding it
     */
    public static ColumnReport of(int index, String header, long cells, long[] hits) {
        Map<PiiType, Long> h = new EnumMap<>(PiiType.class);
        EnumSet<PiiType> types = EnumSet.noneOf(PiiType.class);
        LegalCategory category = null;
        for (PiiType t : PiiType.values()) {
            long n = t.ordinal() < hits.length ? hits[t.ordinal()] : 0;
            if (n == 0) {
                continue;
            }
            h.put(t, n);
            if (cells > 0 && (double) n / cells >= DOMINANT_SHARE) {
                types.add(t);
            }
            if (n >= Math.min(MIN_CELLS, cells) && (category == null || t.category().ordinal() < category.ordinal())) {
                category = t.category();
            }
        }
        return new ColumnReport(index, header, cells, h, types, category);
    }

    /** The share of non-empty cells holding {@code type}, 0..1. */
    public double share(PiiType type) {
        Long n = hits.get(type);
        return n == null || cells == 0 ? 0 : (double) n / cells;
    }
}
