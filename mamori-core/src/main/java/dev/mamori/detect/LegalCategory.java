package dev.mamori.detect;

/**
 * The category of the APPI (個人情報保護法) a finding falls under, from the most to the least
 * protected. Names follow ../GLOSSARY.md.
 */
public enum LegalCategory {
    /** 要配慮個人情報 (法2条3項, 施行令2条). */
    SPECIAL_CARE_REQUIRED("要配慮個人情報"),
    /** 個人識別符号 (法2条2項, 施行令1条, 施行規則2〜4条). */
    IDENTIFICATION_CODE("個人識別符号"),
    /** 個人情報 (法2条1項1号): descriptions that identify a person, alone or combined. */
    PERSONAL_INFORMATION("個人情報"),
    /** Information about a corporation (法人番号), not personal information by itself. */
    CORPORATE("法人情報");

    private final String japanese;

    LegalCategory(String japanese) {
        this.japanese = japanese;
    }

    /** The Japanese legal term, for reports. */
    public String japanese() {
        return japanese;
    }
}
