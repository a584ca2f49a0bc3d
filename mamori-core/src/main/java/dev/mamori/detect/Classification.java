package dev.mamori.detect;

import java.util.EnumSet;
import java.util.Set;

/**
 * What a table or file holds, in the APPI's terms. A dataset may carry several; {@link #headline}
 * picks the one that governs it, in this order.
 */
public enum Classification {
    /** 特定個人情報: personal information containing a My Number (番号法2条8項). */
    SPECIFIC_PERSONAL_INFORMATION("特定個人情報", "specific personal information (contains My Numbers)"),
    /** Contains 個人識別符号 (法2条2項). */
    IDENTIFICATION_CODE("個人識別符号を含む", "contains individual identification codes"),
    /** Contains 要配慮個人情報 (法2条3項). */
    SPECIAL_CARE_REQUIRED("要配慮個人情報を含む", "contains special care-required personal information"),
    /** 個人情報 (法2条1項). */
    PERSONAL_INFORMATION("個人情報", "personal information"),
    /** Nothing found. */
    NONE("検出なし", "none found");

    private final String japanese;
    private final String english;

    Classification(String japanese, String english) {
        this.japanese = japanese;
        this.english = english;
    }

    public String japanese() {
        return japanese;
    }

    public String english() {
        return english;
    }

    /** The classifications implied by the types found. */
    public static Set<Classification> of(Set<PiiType> found) {
        EnumSet<Classification> s = EnumSet.noneOf(Classification.class);
        for (PiiType t : found) {
            switch (t.category()) {
                case IDENTIFICATION_CODE -> {
                    s.add(IDENTIFICATION_CODE);
                    s.add(PERSONAL_INFORMATION);
                    if (t == PiiType.MY_NUMBER) {
                        s.add(SPECIFIC_PERSONAL_INFORMATION);
                    }
                }
                case SPECIAL_CARE_REQUIRED -> {
                    s.add(SPECIAL_CARE_REQUIRED);
                    s.add(PERSONAL_INFORMATION);
                }
                case PERSONAL_INFORMATION -> s.add(PERSONAL_INFORMATION);
                case CORPORATE -> {
                }
            }
        }
        if (s.isEmpty()) {
            s.add(NONE);
        }
        return s;
    }

    /** The governing classification of a set (the first in declaration order). */
    public static Classification headline(Set<Classification> set) {
        for (Classification c : values()) {
            if (set.contains(c)) {
                return c;
            }
        }
        return NONE;
    }
}
