package dev.mamori.detect;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * What a recognizer may know about the text it scans besides the text itself: the types the
 * table column's header suggests (empty for free text), from {@link ColumnHints} — a recognizer may
 * accept weaker evidence when its type is among them (a bare date in a 生年月日 column is a
 * DATE_OF_BIRTH) — and the types the user asked for, so a recognizer spends no time on others.
 * Immutable; both questions are answered from bit masks because they are asked for every cell.
 */
public final class ScanContext {

    private final Set<PiiType> columnHints;
    private final Set<PiiType> enabled;
    private final long hintMask;
    private final long enabledMask;
    private final CardField cardField;

    /**
     * Which part of a 被保険者証 a health-insurance column holds, when its header says so (施行規則3条: the card's 記号 and
     * 番号). The 記号 may be letters, kana or kanji (ＫＴ, 世田谷ほ); a column of both holds them joined (「12・345」,
     * 大阪市教・８８１４).
     */
    enum CardField { NONE, SYMBOL, SYMBOL_AND_NUMBER }

    public ScanContext(Collection<PiiType> columnHints, Collection<PiiType> enabled) {
        this(columnHints, enabled, CardField.NONE);
    }

    ScanContext(Collection<PiiType> columnHints, Collection<PiiType> enabled, CardField cardField) {
        this.columnHints = freeze(columnHints);
        this.enabled = freeze(enabled);
        this.hintMask = mask(this.columnHints);
        this.enabledMask = mask(this.enabled);
        this.cardField = cardField;
    }

    /** Free text, every type enabled. */
    public static ScanContext freeText() {
        return new ScanContext(Set.of(), EnumSet.allOf(PiiType.class));
    }

    public Set<PiiType> columnHints() {
        return columnHints;
    }

    public Set<PiiType> enabled() {
        return enabled;
    }

    CardField cardField() {
        return cardField;
    }

    public boolean hinted(PiiType type) {
        return (hintMask & (1L << type.ordinal())) != 0;
    }

    public boolean wants(PiiType type) {
        return (enabledMask & (1L << type.ordinal())) != 0;
    }

    /** True when any type of {@code mask} (bits by ordinal) is enabled. */
    boolean wantsAny(long mask) {
        return (enabledMask & mask) != 0;
    }

    static long mask(Collection<PiiType> types) {
        long m = 0;
        for (PiiType t : types) {
            m |= 1L << t.ordinal();
        }
        return m;
    }

    private static Set<PiiType> freeze(Collection<PiiType> types) {
        return types.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(types));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanContext c && c.hintMask == hintMask && c.enabledMask == enabledMask && c.cardField == cardField;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(hintMask * 31 + enabledMask) * 5 + cardField.ordinal();
    }

    @Override
    public String toString() {
        return "ScanContext[hints=" + columnHints + ", enabled=" + enabled + (cardField == CardField.NONE ? "" : ", " + cardField) + "]";
    }
}
