package dev.mamori.detect;

/**
 * Masks values for display. Separators are kept so the shape stays recognisable; for identifiers the
 * first four digits are kept and the rest hidden ({@code 1234 5678 9012} becomes
 * {@code 1234 **** ****}); names keep their first character, addresses their municipality, e-mail
 * addresses their domain, coordinates their whole degrees ({@code 35.******, 139.******}) and mesh codes
 * their 1次 mesh (the first four digits, a square of about 80 km).
 */
public final class Masking {

    private Masking() {
    }

    public static String mask(PiiType type, String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        return switch (type) {
            case EMAIL -> maskEmail(value);
            case PERSON -> keepHead(value, 1);
            case ADDRESS -> maskAddress(value);
            case POSTAL_CODE -> keepHeadAlnum(value, 3);
            case LOCATION -> maskLocation(value);
            case CORPORATE_NUMBER -> value; // published by the National Tax Agency: not secret
            case SENSITIVE_HEALTH, SENSITIVE_CRIME, SENSITIVE_CREED, SENSITIVE_OTHER -> value;
            default -> keepHeadAlnum(value, 4);
        };
    }

    /** Keeps the first {@code keep} letters or digits and masks the other letters and digits. */
    private static String keepHeadAlnum(String v, int keep) {
        char[] b = new char[v.length()];
        int seen = 0;
        for (int i = 0; i < b.length; i++) {
            char c = v.charAt(i);
            boolean alnum = c < 0x80 ? c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
                    : Character.isLetterOrDigit(c);
            b[i] = alnum && seen++ >= keep ? '*' : c;
        }
        return new String(b);
    }

    private static String keepHead(String v, int keep) {
        StringBuilder b = new StringBuilder(v.length());
        int cps = 0;
        for (int i = 0; i < v.length(); ) {
            int cp = v.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                b.appendCodePoint(cp);
            } else {
                b.append(cps++ < keep ? new String(Character.toChars(cp)) : "＊");
            }
        }
        return b.toString();
    }

    private static String maskEmail(String v) {
        int at = Math.max(v.lastIndexOf('@'), v.lastIndexOf('＠'));
        if (at <= 0) {
            return keepHeadAlnum(v, 1);
        }
        return v.charAt(0) + "***" + v.substring(at);
    }

    /**
     * Coordinates keep their whole degrees and hemisphere words (北緯35度**分**秒, 35.******); a mesh code
     * (digits and hyphens only) keeps its first four digits, the 1次 mesh.
     */
    private static String maskLocation(String v) {
        boolean code = true;
        for (int i = 0; i < v.length() && code; i++) {
            char c = v.charAt(i);
            code = Character.isDigit(c) || c == '-' || c == '－';
        }
        if (code) {
            return keepHeadAlnum(v, 4);
        }
        StringBuilder b = new StringBuilder(v.length());
        int i = 0;
        while (i < v.length()) {
            char c = v.charAt(i);
            if (!Character.isDigit(c)) {
                b.append(c);
                i++;
                continue;
            }
            int r = i;
            while (r < v.length() && Character.isDigit(v.charAt(r))) {
                r++;
            }
            char prev = i > 0 ? v.charAt(i - 1) : ' ';
            boolean afterMinutes = "'′’分\"″”.．".indexOf(prev) >= 0;
            boolean degrees = r < v.length() && "．.°度º˚".indexOf(v.charAt(r)) >= 0 && !afterMinutes;
            for (int k = i; k < r; k++) {
                b.append(degrees ? v.charAt(k) : '*');
            }
            i = r;
        }
        return b.toString();
    }

    /** Keeps the prefecture and municipality (up to the first 市区町村 suffix), masks the rest. */
    private static String maskAddress(String v) {
        int cut = -1;
        for (int i = 0; i < v.length() && i < 12; i++) {
            char c = v.charAt(i);
            if (c == '市' || c == '区' || c == '町' || c == '村' || c == '郡') {
                cut = i + 1;
            }
        }
        if (cut < 0) {
            cut = Math.min(3, v.length());
        }
        StringBuilder b = new StringBuilder(v.substring(0, cut));
        for (int i = cut; i < v.length(); i++) {
            b.append(Character.isWhitespace(v.charAt(i)) ? v.charAt(i) : '＊');
        }
        return b.toString();
    }
}
