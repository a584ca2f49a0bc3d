package dev.mamori.assess;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numbers as people write them on Japanese forms: {@code 350000}, {@code 350,000}, full-width
 * {@code ３５０，０００}, and with the units 億, 万 and 千 ({@code 35万}, {@code 1億2,000万}, {@code 3.5万}).
 * Thousands separators must group three digits ({@code 35,0000} is refused as a likely typo).
 */
public final class Numbers {

    private static final String N = "(\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)";
    private static final Pattern NUMBER = Pattern.compile("([-+]?)(?:" + N + "億)?(?:" + N + "万)?(?:" + N + "千)?" + N + "?");

    private Numbers() {
    }

    /** The number written, or null when {@code text} is not one. */
    public static BigDecimal parse(String text) {
        if (text == null) {
            return null;
        }
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").replace('−', '-');
        Matcher m = NUMBER.matcher(s);
        if (s.isEmpty() || !m.matches() || m.group(2) == null && m.group(3) == null && m.group(4) == null && m.group(5) == null) {
            return null;
        }
        BigDecimal sum = part(m.group(2), 100_000_000).add(part(m.group(3), 10_000)).add(part(m.group(4), 1_000)).add(part(m.group(5), 1));
        return "-".equals(m.group(1)) ? sum.negate() : sum;
    }

    /** A whole number that is not negative, or null when {@code text} is not one (or does not fit a long). */
    public static Long count(String text) {
        BigDecimal d = parse(text);
        if (d == null || d.signum() < 0) {
            return null;
        }
        try {
            return d.stripTrailingZeros().longValueExact();
        } catch (ArithmeticException e) {
            return null;
        }
    }

    private static BigDecimal part(String digits, long unit) {
        return digits == null ? BigDecimal.ZERO : new BigDecimal(digits.replace(",", "")).multiply(BigDecimal.valueOf(unit));
    }
}
