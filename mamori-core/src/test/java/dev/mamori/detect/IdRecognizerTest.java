package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdRecognizerTest {

    private static final IdentifierRecognizer R = new IdentifierRecognizer();

    static List<Finding> find(String text) {
        return find(text, ScanContext.freeText());
    }

    static List<Finding> find(String text, ScanContext ctx) {
        List<Finding> out = new ArrayList<>();
        R.find(text, ctx, out);
        for (Finding f : out) {
            assertThat(f.value()).isEqualTo(text.substring(f.start(), f.end()));
        }
        return out;
    }

    static List<Finding> hinted(String text, PiiType... types) {
        return find(text, new ScanContext(Set.of(types), EnumSet.allOf(PiiType.class)));
    }

    /** The single finding of {@code type} whose value is {@code value}, checked to start where it occurs. */
    static Finding only(List<Finding> fs, PiiType type, String text, String value) {
        assertThat(fs).as("findings in %s", text).hasSize(1);
        Finding f = fs.get(0);
        assertThat(f.type()).isEqualTo(type);
        assertThat(f.value()).isEqualTo(value);
        assertThat(f.start()).isEqualTo(text.indexOf(value));
        assertThat(f.end()).isEqualTo(text.indexOf(value) + value.length());
        return f;
    }

    static Finding one(String text, PiiType type, String value) {
        return only(find(text), type, text, value);
    }

    // ---- phones -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "連絡先は 090-1234-5678 です|090-1234-5678",
        "TEL:03-1234-5678|03-1234-5678",
        "電話０３－１２３４－５６７８まで|０３－１２３４－５６７８",
        "電話 03ー1234ー5678|03ー1234ー5678",
        "電話 03‐1234−5678|03‐1234−5678",
        "電話 03(1234)5678|03(1234)5678",
        "電話 (03)1234-5678|(03)1234-5678",
        "電話（03）1234-5678|（03）1234-5678",
        "連絡先：(0276) 62-3841|(0276) 62-3841", // a blank after the area code's bracket (session 34)
        "連絡先：1) 03-1234-5678|03-1234-5678", // not after an item's number
        "携帯 +81-90-1234-5678|+81-90-1234-5678",
        "Phone: +81 3 1234 5678.|+81 3 1234 5678",
        "tel +81(0)3-1234-5678|+81(0)3-1234-5678",
        "お問い合わせ 0120-123-456|0120-123-456",
        "ナビダイヤル 0570-012-345|0570-012-345",
        "050-1234-5678|050-1234-5678",
        "（090 1234 5678）|090 1234 5678",
        "０９０１２３４５６７８|０９０１２３４５６７８",
        "Tel.06-6123-4567|06-6123-4567",
        "FAX 0465-12-3456|0465-12-3456",
    })
    void phoneFormats(String text, String value) {
        Finding f = one(text, PiiType.PHONE, value);
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.5);
    }

    @Test
    void phoneContextRaisesConfidence() {
        double bare = one("090-1234-5678", PiiType.PHONE, "090-1234-5678").confidence();
        double ctx = one("携帯電話 090-1234-5678", PiiType.PHONE, "090-1234-5678").confidence();
        assertThat(bare).isBetween(0.6, 0.85);
        assertThat(ctx).isGreaterThan(0.95);
    }

    @Test
    void negativeContextLowersPhone() {
        List<Finding> fs = find("注文番号 0312345678");
        assertThat(fs).allMatch(f -> f.confidence() < 0.4);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "12345678901", // bare 11 digits, not a mobile/IP/M2M range
        "06012345678", // 060 is not assigned
        "0101234567",  // 010 is the international prefix
        "合計 1,234,567円", "価格 12,345,678,901円", "バージョン 1.2.3", "IP 192.168.100.200", "10.0.0.1",
        "開始 12:30", "12:30:45", "円周率 3.14159265358", "ISBN978-4-12-345678-9の本", "abc0312345678",
        "0312345678x", "12345678901234567890", "No.1234567890123456789012", "2024", "西暦1985年",
    })
    void notFindings(String text) {
        assertThat(find(text)).isEmpty();
    }

    @Test
    void csvFieldsNextToEachOther() {
        String row = "48985,小林 陽菜,313-4254,福岡県福岡市博多区博多駅前6-7-29,080-6569-8473,090-1111-2222,user317@example.co.jp";
        List<Finding> fs = find(row);
        assertThat(fs).extracting(Finding::value)
                .containsExactly("313-4254", "080-6569-8473", "090-1111-2222", "user317@example.co.jp");
        assertThat(fs.get(1).start()).isEqualTo(row.indexOf("080"));
    }

    @Test
    void bareTenDigitsNeedATableAreaCodeOrContext() {
        assertThat(find("0312345678")).singleElement().extracting(Finding::type).isEqualTo(PiiType.PHONE);
        assertThat(find("0001234567")).isEmpty();
        assertThat(find("電話 0701234567")).isNotEmpty(); // not a listed range, but context says phone
        assertThat(find("0701234567")).isEmpty();
    }

    @Test
    void digitsInsideLongerRunsAreNotFindings() {
        assertThat(find("98320567321412345678")).isEmpty();
        assertThat(find("個人番号 1983205673214")).noneMatch(f -> f.type() == PiiType.MY_NUMBER);
        assertThat(find("x090-1234-5678")).isEmpty();
        assertThat(find("1090-1234-5678")).isEmpty();
    }

    // ---- check-digit identifiers --------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "983205673214|983205673214",
        "マイナンバー：1234 5678 9018|1234 5678 9018",
        "個人番号 1234-5678-9018。|1234-5678-9018",
        "個人番号１２３４５６７８９０１８|１２３４５６７８９０１８",
    })
    void myNumber(String text, String value) {
        Finding f = one(text, PiiType.MY_NUMBER, value);
        assertThat(f.validated()).isTrue();
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void myNumberContextAndFailure() {
        assertThat(one("個人番号: 983205673214", PiiType.MY_NUMBER, "983205673214").confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(find("個人番号: 983205673215")).noneMatch(f -> f.type() == PiiType.MY_NUMBER);
        assertThat(find("123456789012")).isEmpty();
        // a valid check digit after the label of another kind of number is that number (one in 11 pass by chance)
        for (String label : new String[] {"注文番号 ", "会員番号：", "予約番号：", "伝票番号 ", "荷物の番号 ", "請求書番号 ", "口座番号 ",
            "電話 ", "会員No. ", "お客様ID: "}) {
            assertThat(find(label + "983205673214")).as(label)
                    .noneMatch(f -> f.type() == PiiType.MY_NUMBER && f.confidence() >= Detector.DEFAULT_MIN_CONFIDENCE);
        }
        // the number's own words still win over another number's nearby
        assertThat(find("電話 03-1234-5678、個人番号 983205673214"))
                .anyMatch(f -> f.type() == PiiType.MY_NUMBER && f.value().equals("983205673214") && f.validated());
        assertThat(one("983205673214", PiiType.MY_NUMBER, "983205673214").validated()).isTrue(); // alone: the check digit decides
    }

    @Test
    void aQuantityOrAShipmentIsNotAMyNumber() {
        for (String text : new String[] {"請求額 983205673214 円", "983205673214件", "ポイント残高 983205673214", "累計983205673214pt",
            "伝票 983205673214", "発送 983205673214（ヤマト運輸）", "部品 983205673214 を交換", "JAN 983205673214",
            "ポイントカード 983205673214", "整理券983205673214", "問合せ 983205673214", "お問い合わせ番号 983205673214",
            "チケット番号 983205673214", "会員証 983205673214", "追跡番号：983205673214"}) {
            assertThat(find(text)).as(text).noneMatch(f -> f.type() == PiiType.MY_NUMBER && f.confidence() >= Detector.DEFAULT_MIN_CONFIDENCE);
        }
        // the number's own words still win
        assertThat(find("個人番号 983205673214 円")).anyMatch(f -> f.type() == PiiType.MY_NUMBER && f.validated());
    }

    @Test
    void aLabelOfItsOwnAPathOrAnAmountMakeItAnotherNumber() {
        for (String text : new String[] {"ID: 983205673214", "No.983205673214", "番号は 983205673214 です", "ロット 983205673214",
            "https://example.com/item/983205673214", "IMG_983205673214.jpg", "?id=983205673214", "売上高 983205673214",
            "IMEI 983205673214", "タイムスタンプ 983205673214"}) {
            assertThat(find(text)).as(text).noneMatch(f -> f.type() == PiiType.MY_NUMBER && f.confidence() >= Detector.DEFAULT_MIN_CONFIDENCE);
        }
        assertThat(find("マイナンバー ID: 983205673214")).anyMatch(f -> f.type() == PiiType.MY_NUMBER && f.validated());
        assertThat(find("個人番号/983205673214")).anyMatch(f -> f.type() == PiiType.MY_NUMBER && f.validated());
    }

    @Test
    void aDatedSerialIsNotAMyNumberWithoutItsWords() {
        // 2024-05-01 and a serial or a time, the check digit holding by chance
        assertThat(find("202405010005 で承りました")).noneMatch(f -> f.type() == PiiType.MY_NUMBER);
        assertThat(find("ログ 202405011230")).noneMatch(f -> f.type() == PiiType.MY_NUMBER);
        assertThat(find("個人番号 202405010005")).anyMatch(f -> f.type() == PiiType.MY_NUMBER && f.validated());
    }

    @Test
    void cardAndCorporateNumbersAfterTheLabelOfAnotherNumberAreThatNumber() {
        assertThat(find("会員番号 4111 1111 1111 1111")).noneMatch(f -> f.type() == PiiType.CREDIT_CARD);
        assertThat(find("請求書番号 7000012050002")).noneMatch(f -> f.type() == PiiType.CORPORATE_NUMBER);
        assertThat(find("会員番号 123、カード番号 4111 1111 1111 1111"))
                .anyMatch(f -> f.type() == PiiType.CREDIT_CARD && f.value().equals("4111 1111 1111 1111") && f.validated());
    }

    @Test
    void corporateNumber() {
        Finding f = one("法人番号 7000012050002（国税庁）", PiiType.CORPORATE_NUMBER, "7000012050002");
        assertThat(f.validated()).isTrue();
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.95);
        assertThat(find("法人番号 8000012050002")).noneMatch(x -> x.type() == PiiType.CORPORATE_NUMBER);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "カード番号 4111 1111 1111 1111|4111 1111 1111 1111",
        "5555-5555-5555-4444|5555-5555-5555-4444",
        "AMEX 3782 822463 10005|3782 822463 10005",
        "JCB 3530111333300000|3530111333300000",
    })
    void creditCards(String text, String value) {
        Finding f = one(text, PiiType.CREDIT_CARD, value);
        assertThat(f.validated()).isTrue();
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.85);
    }

    @Test
    void cardFailingLuhnOrIssuerIsNotACard() {
        assertThat(find("4111 1111 1111 1112")).isEmpty();
        assertThat(find("9111111111111119")).noneMatch(f -> f.type() == PiiType.CREDIT_CARD);
    }

    // ---- postal codes -------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "〒100-0001 東京都千代田区千代田1-1|100-0001",
        "〒1000001|1000001",
        "〒 100－0001|100－0001",
        "郵便番号：１００ー０００１|１００ー０００１",
        "住所 530-0001 大阪府|530-0001",
    })
    void postalCodes(String text, String value) {
        one(text, PiiType.POSTAL_CODE, value);
    }

    @Test
    void bareSevenDigitsNeedContextOrHint() {
        assertThat(find("1000001")).isEmpty();
        only(hinted("1000001", PiiType.POSTAL_CODE), PiiType.POSTAL_CODE, "1000001", "1000001");
        // issue 12: a bare 100-0001 is not a postal code without 〒, a label or an address on its line
        assertThat(find("100-0001")).isEmpty();
        assertThat(one("〒100-0001", PiiType.POSTAL_CODE, "100-0001").confidence())
                .isGreaterThan(one("100-0001 東京都", PiiType.POSTAL_CODE, "100-0001").confidence());
    }

    // ---- e-mail -------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "メール: taro.yamada+jp@example.co.jp。|taro.yamada+jp@example.co.jp",
        "連絡は hanako_1985＠mail.example.com まで|hanako_1985＠mail.example.com",
        "（09012345678@docomo.ne.jp）|09012345678@docomo.ne.jp",
        "a@b.jp、|a@b.jp",
    })
    void emails(String text, String value) {
        one(text, PiiType.EMAIL, value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"user@localhost", "@example.com", "a@b.c", "a@example.123", "メール@例え.jp"})
    void notEmails(String text) {
        assertThat(find(text)).noneMatch(f -> f.type() == PiiType.EMAIL);
    }
}
