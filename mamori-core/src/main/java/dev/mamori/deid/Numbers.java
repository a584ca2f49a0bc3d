package dev.mamori.deid;

import java.math.BigDecimal;

/** Reads numbers from cells for the numeric transforms. */
final class Numbers {

    private Numbers() {
    }

    /** NFKC, white space and thousands separators removed; the message never shows the value. */
    static BigDecimal parse(String value, String transform) {
        String v = Codec.normalize(value).replace(",", "");
        try {
            return new BigDecimal(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(transform + " needs a number, and the value (" + value.length()
                    + " characters) is not one", null);
        }
    }

    static String plain(BigDecimal d) {
        return d.stripTrailingZeros().toPlainString();
    }
}
