package dev.mamori.detect;

import static dev.mamori.detect.LegalCategory.CORPORATE;
import static dev.mamori.detect.LegalCategory.IDENTIFICATION_CODE;
import static dev.mamori.detect.LegalCategory.PERSONAL_INFORMATION;
import static dev.mamori.detect.LegalCategory.SPECIAL_CARE_REQUIRED;

/** The kinds of personal information Mamori finds. These exact names appear in all output. */
public enum PiiType {
    PERSON(PERSONAL_INFORMATION, "氏名", true),
    ADDRESS(PERSONAL_INFORMATION, "住所", true),
    POSTAL_CODE(PERSONAL_INFORMATION, "郵便番号", false),
    PHONE(PERSONAL_INFORMATION, "電話番号", false),
    EMAIL(PERSONAL_INFORMATION, "メールアドレス", false),
    DATE_OF_BIRTH(PERSONAL_INFORMATION, "生年月日", false),
    /** 個人番号: 施行令1条6号. */
    MY_NUMBER(IDENTIFICATION_CODE, "個人番号", false),
    CORPORATE_NUMBER(CORPORATE, "法人番号", false),
    /** 運転免許証の番号: 施行令1条5号. */
    DRIVERS_LICENSE(IDENTIFICATION_CODE, "運転免許証番号", false),
    /** 旅券の番号: 施行令1条2号. */
    PASSPORT(IDENTIFICATION_CODE, "旅券番号", false),
    /** 基礎年金番号: 施行令1条3号. */
    PENSION_NUMBER(IDENTIFICATION_CODE, "基礎年金番号", false),
    /** 在留カードの番号: 施行令1条8号, 施行規則4条. */
    RESIDENCE_CARD(IDENTIFICATION_CODE, "在留カード番号", false),
    /** 住民票コード: 施行令1条5号の2. */
    RESIDENT_RECORD_CODE(IDENTIFICATION_CODE, "住民票コード", false),
    /** 健康保険の被保険者証等の記号・番号・保険者番号: 施行令1条7号, 施行規則3条. */
    HEALTH_INSURANCE(IDENTIFICATION_CODE, "被保険者番号", false),
    CREDIT_CARD(PERSONAL_INFORMATION, "クレジットカード番号", false),
    BANK_ACCOUNT(PERSONAL_INFORMATION, "口座番号", false),
    SENSITIVE_HEALTH(SPECIAL_CARE_REQUIRED, "病歴・心身の機能の障害・健康診断等", false),
    /** 犯罪の経歴 (法2条3項), 刑事事件に関する手続 (施行令2条4号), 少年の保護事件に関する手続 (同5号). */
    SENSITIVE_CRIME(SPECIAL_CARE_REQUIRED, "犯罪の経歴・刑事事件の手続等", false),
    SENSITIVE_CREED(SPECIAL_CARE_REQUIRED, "信条", false),
    /** 人種, 社会的身分, 犯罪により害を被った事実 (法2条3項), 心身の機能の障害 (施行令2条1号), and 暴力団 membership. */
    SENSITIVE_OTHER(SPECIAL_CARE_REQUIRED, "人種・社会的身分・障害・犯罪被害等", false),
    /**
     * 位置情報: a latitude/longitude pair (decimal or 度分秒) or a 地域メッシュコード (JIS X 0410). A location
     * history linked to a person is personal information: location-triggered services hold movement
     * histories (the project's navigation-ads seed, 「ナビゲーションアド」 and 位置情報ビジネス), and location data that
     * lets one infer a home or workplace must be handled like an address when making 匿名加工情報 (the 匿名加工情報
     * seed, after 施行規則34条5号).
     */
    LOCATION(PERSONAL_INFORMATION, "位置情報", false);

    private final LegalCategory category;
    private final String japanese;
    private final boolean morphology;

    PiiType(LegalCategory category, String japanese, boolean morphology) {
        this.category = category;
        this.japanese = japanese;
        this.morphology = morphology;
    }

    /** The legal category this type belongs to. */
    public LegalCategory category() {
        return category;
    }

    /** The Japanese name, for reports. */
    public String japanese() {
        return japanese;
    }

    /** True when finding this type in free text needs morphological analysis (Kuromoji). */
    public boolean needsMorphology() {
        return morphology;
    }
}
