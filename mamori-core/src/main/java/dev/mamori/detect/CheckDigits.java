package dev.mamori.detect;

/**
 * Check-digit validators for Japanese identifiers. Every method takes the digits as values 0..9 in
 * {@code d[from..from+len)} (left to right, as written) and never throws for a valid range.
 * The rules and their sources are listed in {@code identifier-rules.tsv}.
 */
final class CheckDigits {

    private CheckDigits() {
    }

    /**
     * 個人番号 (12 digits, the last is the check digit). 番号法施行令8条, 総務省令第85号5条:
     * 11 − (Σ Pn×Qn mod 11), 0 when the remainder is ≤ 1; Pn is the n-th of the 11 base digits
     * counted from the lowest, Qn = n+1 for n ≤ 6 and n−5 for 7 ≤ n ≤ 11.
     */
    static boolean myNumber(byte[] d, int from) {
        return myNumberCheck(d, from) == d[from + 11];
    }

    static int myNumberCheck(byte[] d, int from) {
        int sum = 0;
        for (int n = 1; n <= 11; n++) {
            int p = d[from + 11 - n];
            int q = n <= 6 ? n + 1 : n - 5;
            sum += p * q;
        }
        int r = sum % 11;
        return r <= 1 ? 0 : 11 - r;
    }

    /**
     * 法人番号 (13 digits, the FIRST is the check digit). 法人番号の指定等に関する省令2条:
     * 9 − (Σ Pn×Qn mod 9); Pn is the n-th of the 12 base digits counted from the lowest,
     * Qn = 1 for odd n and 2 for even n.
     */
    static boolean corporateNumber(byte[] d, int from) {
        return corporateCheck(d, from + 1) == d[from];
    }

    /** The check digit for the 12 base digits at {@code d[base..base+12)}. */
    static int corporateCheck(byte[] d, int base) {
        int sum = 0;
        for (int n = 1; n <= 12; n++) {
            int p = d[base + 12 - n];
            sum += p * ((n & 1) == 1 ? 1 : 2);
        }
        return 9 - (sum % 9);
    }

    /**
     * ISO/IEC 7812-1 Annex B (Luhn) over all {@code len} digits, the last being the check digit.
     * The same rule is the 検証番号 of the 保険者番号 (厚生労働省 保険者番号設定要領: weights 2 and 1
     * from the lowest base digit, two-digit products summed digit-wise, 10 − last digit of the sum).
     */
    static boolean luhn(byte[] d, int from, int len) {
        if (len < 2) {
            return false;
        }
        int sum = 0;
        boolean dbl = false;
        for (int i = from + len - 1; i >= from; i--) {
            int v = d[i];
            if (dbl) {
                v *= 2;
                if (v > 9) {
                    v -= 9;
                }
            }
            sum += v;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    /**
     * 運転免許証番号 (12 digits; the 11th is a check digit, the 12th the reissue count). The rule is
     * NOT published by 警察庁; it is documented only by practice: (11 − (Σ w·d mod 11)) mod 10 over
     * the first ten digits with weights 5,4,3,2,7,6,5,4,3,2. Used to raise confidence, never alone.
     */
    static boolean driversLicense(byte[] d, int from) {
        return driversLicenseCheck(d, from) == d[from + 10];
    }

    private static final int[] DL_WEIGHTS = {5, 4, 3, 2, 7, 6, 5, 4, 3, 2};

    static int driversLicenseCheck(byte[] d, int from) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += d[from + i] * DL_WEIGHTS[i];
        }
        return (11 - sum % 11) % 10;
    }

    /**
     * GS1 mod 10 (GS1 General Specifications 7.9.1) over all {@code len} digits, the last being the
     * check digit: weights 3 and 1 alternating from the digit next to it. JAN/EAN-13, EAN-8, UPC-A and
     * ISBN-13 (Bookland EAN, ISO 2108) use it.
     */
    static boolean gtin(byte[] d, int from, int len) {
        if (len < 2) {
            return false;
        }
        int sum = 0;
        boolean three = true;
        for (int i = from + len - 2; i >= from; i--) {
            sum += three ? 3 * d[i] : d[i];
            three = !three;
        }
        return (10 - sum % 10) % 10 == d[from + len - 1];
    }

    /** ISBN-10 (ISO 2108:1992) written with a digit check (not X): Σ (10 − i)·d_i ≡ 0 mod 11. */
    static boolean isbn10(byte[] d, int from) {
        int sum = 0;
        for (int i = 0; i < 10; i++) {
            sum += (10 - i) * d[from + i];
        }
        return sum % 11 == 0;
    }

    /** Parses ASCII digits for tests and tools; other characters are an error. */
    static byte[] digits(String s) {
        byte[] b = new byte[s.length()];
        for (int i = 0; i < b.length; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("not a digit at " + i);
            }
            b[i] = (byte) (c - '0');
        }
        return b;
    }
}
