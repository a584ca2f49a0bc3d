package dev.mamori.detect;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * Full-width katakana written in half-width forms (JIS X 0201, U+FF61–U+FF9F), the voiced marks as characters of their own
 * (ガ → ｶﾞ): how forms and files of older systems print their labels. The table is Unicode's compatibility mapping (NFKC)
 * read backwards, so it is not written out here.
 */
final class HalfWidth {

    private static final Map<Character, String> FROM_FULL = new HashMap<>();

    static {
        for (char h = '\uFF61'; h <= '\uFF9D'; h++) {
            put(String.valueOf(h));
            put(h + "\uFF9E"); // ﾞ
            put(h + "\uFF9F"); // ﾟ
        }
    }

    private static void put(String half) {
        String full = Normalizer.normalize(half, Normalizer.Form.NFKC);
        if (full.length() == 1 && full.charAt(0) > 0x7F && !FROM_FULL.containsKey(full.charAt(0))) {
            FROM_FULL.put(full.charAt(0), half);
        }
    }

    private HalfWidth() {
    }

    /** {@code word} with its katakana in half-width forms; null when it has none to change. */
    static String katakana(String word) {
        StringBuilder b = null;
        for (int i = 0; i < word.length(); i++) {
            String h = FROM_FULL.get(word.charAt(i));
            if (h != null && b == null) {
                b = new StringBuilder(word.length() + 4).append(word, 0, i);
            }
            if (b != null) {
                b.append(h != null ? h : String.valueOf(word.charAt(i)));
            }
        }
        return b == null ? null : b.toString();
    }
}
