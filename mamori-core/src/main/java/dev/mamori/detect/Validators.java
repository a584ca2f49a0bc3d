package dev.mamori.detect;

/**
 * Check-digit validation of Japanese identifiers for callers outside the detector: is this string
 * (ASCII digits only, no separators) a valid 個人番号, 法人番号 or card number? Rules and sources
 * are listed in {@code identifier-rules.tsv}.
 */
public final class Validators {

    private Validators() {
    }

    /** True for 12 digits whose last is the 個人番号 check digit (番号法施行令8条). */
    public static boolean isMyNumber(String digits) {
        return digits.length() == 12 && allDigits(digits) && CheckDigits.myNumber(CheckDigits.digits(digits), 0);
    }

    /** The 個人番号 check digit for 11 base digits. */
    public static int myNumberCheckDigit(CharSequence base11) {
        String s = base11.toString();
        if (s.length() != 11 || !allDigits(s)) {
            throw new IllegalArgumentException("a My Number has 11 base digits, not " + s.length() + " characters");
        }
        return CheckDigits.myNumberCheck(CheckDigits.digits(s), 0);
    }

    /** True for 13 digits whose first is the 法人番号 check digit (法人番号の指定等に関する省令2条). */
    public static boolean isCorporateNumber(String digits) {
        return digits.length() == 13 && allDigits(digits) && CheckDigits.corporateNumber(CheckDigits.digits(digits), 0);
    }

    /** True for 12–19 digits passing the Luhn check (ISO/IEC 7812-1). */
    public static boolean passesLuhn(String digits) {
        return digits.length() >= 12 && digits.length() <= 19 && allDigits(digits)
                && CheckDigits.luhn(CheckDigits.digits(digits), 0, digits.length());
    }

    private static boolean allDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
