package dev.mamori.assess;

import java.util.Locale;

/** How hard an improvement is (難易度 低・中・高). */
public enum Difficulty {
    LOW("低"), MEDIUM("中"), HIGH("高");

    private final String japanese;

    Difficulty(String japanese) {
        this.japanese = japanese;
    }

    public String label(String lang) {
        return "en".equals(lang) ? name().toLowerCase(Locale.ROOT) : japanese;
    }

    /** low / medium / high, or 低 / 中 / 高; null when the text is neither. */
    static Difficulty parse(String s) {
        for (Difficulty d : values()) {
            if (d.name().equalsIgnoreCase(s.trim()) || d.japanese.equals(s.trim())) {
                return d;
            }
        }
        return null;
    }
}
