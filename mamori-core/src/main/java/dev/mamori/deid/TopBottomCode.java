package dev.mamori.deid;

import java.math.BigDecimal;

/**
 * Top and bottom coding of numbers: values at or above {@code top} become one label
 * ({@code 90以上}, or {@code 90歳以上} with {@link #age(int, int)}), values below {@code bottom}
 * another ({@code 20未満}); values between are kept as they are. This is how 特異な記述 (outliers such as
 * age 110) are removed from 匿名加工情報 (個人情報保護法施行規則34条4号).
 *
 * <p>The labels are patterns in which {@code {}} stands for the threshold; either threshold may be
 * {@code null} to code one side only. Values are read after NFKC with thousands separators removed;
 * a value that is not a number is refused.
 *
 * @param bottom values below it are coded; {@code null} for none
 * @param top values at or above it are coded; {@code null} for none
 * @param belowLabel pattern for coded low values, default {@code {}未満}
 * @param atOrAboveLabel pattern for coded high values, default {@code {}以上}
 */
public record TopBottomCode(BigDecimal bottom, BigDecimal top, String belowLabel, String atOrAboveLabel)
        implements Transform {

    public TopBottomCode {
        if (bottom == null && top == null) {
            throw new IllegalArgumentException("TopBottomCode needs a bottom, a top or both");
        }
        if (bottom != null && top != null && bottom.compareTo(top) >= 0) {
            throw new IllegalArgumentException("TopBottomCode bottom (" + Numbers.plain(bottom)
                    + ") must be below top (" + Numbers.plain(top) + ")");
        }
        checkLabel(belowLabel, "belowLabel");
        checkLabel(atOrAboveLabel, "atOrAboveLabel");
    }

    /** Codes with the default Japanese labels, {@code {}未満} and {@code {}以上}. */
    public TopBottomCode(BigDecimal bottom, BigDecimal top) {
        this(bottom, top, "{}未満", "{}以上");
    }

    /** Codes with the default Japanese labels, {@code {}未満} and {@code {}以上}. */
    public static TopBottomCode of(BigDecimal bottom, BigDecimal top) {
        return new TopBottomCode(bottom, top, "{}未満", "{}以上");
    }

    /** Ages: {@code 20歳未満} and {@code 90歳以上}. */
    public static TopBottomCode age(int bottom, int top) {
        return new TopBottomCode(BigDecimal.valueOf(bottom), BigDecimal.valueOf(top), "{}歳未満", "{}歳以上");
    }

    private static void checkLabel(String label, String what) {
        if (label == null || label.indexOf("{}") < 0 || label.indexOf("{}") != label.lastIndexOf("{}")) {
            throw new IllegalArgumentException("TopBottomCode " + what + " must contain '{}' once, where the"
                    + " threshold goes (e.g. '{}以上'); got " + (label == null ? "nothing" : "'" + label + "'"));
        }
    }

    @Override
    public String apply(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        BigDecimal v = Numbers.parse(value, "TopBottomCode");
        if (top != null && v.compareTo(top) >= 0) {
            return atOrAboveLabel.replace("{}", Numbers.plain(top));
        }
        if (bottom != null && v.compareTo(bottom) < 0) {
            return belowLabel.replace("{}", Numbers.plain(bottom));
        }
        return value;
    }
}
