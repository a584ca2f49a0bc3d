package dev.mamori.deid;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Numeric banding: a number becomes the band of {@code width} whole numbers it falls in, counted
 * from {@code origin}: width 10 turns 34 into {@code 30–39} and 34.5 too (the band holds every
 * value from 30 up to, not including, 40). A way of making a quasi-identifier coarser for
 * 匿名加工情報 (個人情報保護法施行規則34条5号) or of reducing 記述等 in 仮名加工情報.
 */
public record NumericBand(long width, long origin) implements Transform {

    /** Bands of {@code width} counted from 0. */
    public NumericBand(long width) {
        this(width, 0);
    }

    public NumericBand {
        if (width < 2) {
            throw new IllegalArgumentException("NumericBand width must be 2 or more (a band of 1 changes"
                    + " nothing); got " + width);
        }
    }

    @Override
    public String apply(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        BigDecimal v = Numbers.parse(value, "NumericBand");
        BigDecimal w = BigDecimal.valueOf(width);
        BigDecimal low = v.subtract(BigDecimal.valueOf(origin)).divide(w, 0, RoundingMode.FLOOR)
                .multiply(w).add(BigDecimal.valueOf(origin));
        return Numbers.plain(low) + "–" + Numbers.plain(low.add(w).subtract(BigDecimal.ONE));
    }
}
