package dev.mamori.deid;

/** The kind of processed information a run makes: the two ways the APPI lets personal data be reused. */
public enum Mode {
    /** 仮名加工情報 (pseudonymously processed information; 個人情報保護法2条5項, 施行規則31条). */
    PSEUDONYMOUS,
    /** 匿名加工情報 (anonymously processed information; 個人情報保護法2条6項, 施行規則34条). */
    ANONYMOUS
}
