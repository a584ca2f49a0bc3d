package dev.mamori.detect;

import static dev.mamori.detect.IdRecognizerTest.find;
import static dev.mamori.detect.IdRecognizerTest.hinted;
import static dev.mamori.detect.IdRecognizerTest.one;
import static dev.mamori.detect.IdRecognizerTest.only;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IdDatesAndContextTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "生年月日：1985年4月1日|1985年4月1日",
        "生年月日 1985/04/01|1985/04/01",
        "生年月日 1985-04-01|1985-04-01",
        "1985.4.1生まれ|1985.4.1",
        "生年月日 昭和60年4月1日|昭和60年4月1日",
        "生年月日 昭和６０年４月１日|昭和６０年４月１日",
        "平成元年1月8日生まれ|平成元年1月8日",
        "令和元年5月1日生|令和元年5月1日",
        "生年月日 S60.4.1|S60.4.1",
        "生年月日:H1.1.8|H1.1.8",
        "誕生日 R1/5/1|R1/5/1",
        "明治45年7月29日生まれ|明治45年7月29日",
        "大正元年7月30日生まれ|大正元年7月30日",
        "昭和16年5月、栃木県鹿沼市生まれ。|昭和16年5月", // a year and month, the birth verb ending the clause (session 34)
        "生年月日 平成 4年2月29日|平成 4年2月29日",
        "DOB 2000-02-29|2000-02-29",
        // a blank padding a one-digit month or day, or around the units (forms, session 29)
        "生年月日：昭和60年 4月 1日|昭和60年 4月 1日",
        "生年月日　１９８５年　４月　１日|１９８５年　４月　１日",
        "生年月日：1985 年 4 月 1 日|1985 年 4 月 1 日",
        "生年月日　平 3. 9.18|平 3. 9.18", // a fixed-width print (session 36)
        "生年月日　平20. 2. 3|平20. 2. 3",
        "生年月日　Ｈ 3. 9.18|Ｈ 3. 9.18", // a letter, a blank, a padded year (a review, session 36)
        "生年月日 S 45. 1. 5|S 45. 1. 5",
        "ｾｲﾈﾝｶﾞｯﾋﾟ 1985/04/01|1985/04/01", // a label in half-width katakana
        "セイネンガッピ：S60.4.1|S60.4.1",
        "大学生（当時）　野口拓海　平成14年1月27日生|平成14年1月27日", // 生 right after the date, 学生 before it (session 39)
    })
    void birthDates(String text, String value) {
        Finding f = one(text, PiiType.DATE_OF_BIRTH, value);
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "生年月日 平成元年1月7日", "生年月日 昭和64年1月8日", "生年月日 1985年2月30日", "生年月日 令和元年4月30日",
        "生年月日 2001/13/01", "生年月日 1900-02-29", "生年月日 大正15年12月25日", "生年月日 H31.5.1", "生年月日 平成2年2月29日",
    })
    void invalidDatesAreNotFindings(String text) {
        assertThat(find(text)).noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"2023年4月、新工場が生まれ変わった。", "2015年12月、横浜生まれのベンチャー企業が上場",
        "2019年10月、渋谷に生まれた複合施設"})
    void aYearAndMonthNeedTheBirthVerbToEndTheClause(String text) { // session 34
        assertThat(find(text)).noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
    }

    @Test
    void datesNeedBirthContextOrAHintedColumn() {
        assertThat(find("発行日 2024年4月1日")).isEmpty();
        assertThat(find("1985/04/01")).isEmpty();
        assertThat(find("19850401")).isEmpty();
        only(hinted("19850401", PiiType.DATE_OF_BIRTH), PiiType.DATE_OF_BIRTH, "19850401", "19850401");
        Finding h = only(hinted("S60.4.1", PiiType.DATE_OF_BIRTH), PiiType.DATE_OF_BIRTH, "S60.4.1", "S60.4.1");
        assertThat(h.confidence()).isBetween(0.85, 0.97);
        assertThat(one("生年月日 1985/04/01", PiiType.DATE_OF_BIRTH, "1985/04/01").confidence()).isGreaterThan(h.confidence());
    }

    @Test
    void datesAreNotPhones() {
        assertThat(find("2024-04-01")).isEmpty();
        assertThat(find("2024-0401-2345")).noneMatch(f -> f.type() == PiiType.PHONE);
    }

    // ---- context-only identifiers ---------------------------------------------------------------

    @Test
    void bankAccountNeedsContext() {
        assertThat(find("1234567")).isEmpty();
        Finding f = one("三菱UFJ銀行 新宿支店 普通 1234567", PiiType.BANK_ACCOUNT, "1234567");
        assertThat(f.confidence()).isGreaterThan(0.9);
        only(hinted("1234567", PiiType.BANK_ACCOUNT), PiiType.BANK_ACCOUNT, "1234567", "1234567");
    }

    @Test
    void pensionAndResidentRecordCode() {
        assertThat(find("1234-567890")).isEmpty();
        one("基礎年金番号 1234-567890", PiiType.PENSION_NUMBER, "1234-567890");
        one("住民票コード 12345678901", PiiType.RESIDENT_RECORD_CODE, "12345678901");
        assertThat(find("12345678901")).isEmpty();
        one("住民票コード 09012345678", PiiType.RESIDENT_RECORD_CODE, "09012345678");
        one("住民票コード　2914 1777 635", PiiType.RESIDENT_RECORD_CODE, "2914 1777 635");
        assertThat(find("住民票コード欄の電話 090 1234 5678")).extracting(Finding::type).doesNotContain(PiiType.RESIDENT_RECORD_CODE);
    }

    @Test
    void driversLicence() {
        assertThat(find("309212345690")).isEmpty();
        Finding ok = one("運転免許証番号 309212345690", PiiType.DRIVERS_LICENSE, "309212345690");
        assertThat(ok.validated()).isFalse();
        assertThat(ok.confidence()).isGreaterThan(0.9);
        Finding bad = one("運転免許証番号 309212345610", PiiType.DRIVERS_LICENSE, "309212345610");
        assertThat(bad.confidence()).isLessThan(ok.confidence());
    }

    @Test
    void healthInsurance() {
        Finding f = one("保険者番号 33120015", PiiType.HEALTH_INSURANCE, "33120015");
        assertThat(f.validated()).isTrue();
        assertThat(f.confidence()).isGreaterThan(0.95);
        assertThat(find("保険者番号 33120014")).allMatch(x -> !x.validated());
        assertThat(find("33120015")).isEmpty();
    }

    @Test
    void passportAndResidenceCard() {
        Finding p = one("旅券番号 TK1234567", PiiType.PASSPORT, "TK1234567");
        assertThat(p.confidence()).isGreaterThan(0.9);
        assertThat(find("TK1234567")).allMatch(f -> f.confidence() < 0.4);
        // beside its holder's name in capitals, as a passport's page prints it (session 41); not beside a name in lower case
        assertThat(find("Shota Ikeda: IKEDA SHOTA / TR4418273 / 1996.02.11")).filteredOn(f -> f.type() == PiiType.PASSPORT)
                .extracting(Finding::value).containsExactly("TR4418273");
        assertThat(find("SATO HANAKO, TK1234567")).filteredOn(f -> f.type() == PiiType.PASSPORT).hasSize(1);
        assertThat(find("Sato Hanako TK1234567")).noneMatch(f -> f.type() == PiiType.PASSPORT && f.confidence() >= 0.4);
        assertThat(find("SATO HANAKO 様 受付 TK1234567")).noneMatch(f -> f.type() == PiiType.PASSPORT && f.confidence() >= 0.4);
        assertThat(find("会員カード：SATO KENJI / MB1234567")).noneMatch(f -> f.type() == PiiType.PASSPORT && f.confidence() >= 0.4);
        one("パスポート ＴＫ１２３４５６７", PiiType.PASSPORT, "ＴＫ１２３４５６７");
        Finding r = one("在留カード番号 AB12345678CD", PiiType.RESIDENCE_CARD, "AB12345678CD");
        assertThat(r.confidence()).isGreaterThan(0.9);
        assertThat(find("AB12345678CD")).isEmpty(); // issue 12: 在留カード only with its context or a column hint
        assertThat(find("ABC12345678CD")).isEmpty();
        assertThat(find("AB12345678CDE")).isEmpty();
        // copied with blanks, under their words only
        one("PASSPORT NO. TK 1234567", PiiType.PASSPORT, "TK 1234567");
        one("Residence card number: AB 1234 5678 CD", PiiType.RESIDENCE_CARD, "AB 1234 5678 CD");
        one("在留カード番号 AB 12345678 CD", PiiType.RESIDENCE_CARD, "AB 12345678 CD");
        assertThat(find("品番 TK 1234567")).noneMatch(f -> f.type() == PiiType.PASSPORT);
        assertThat(find("座席 AB 1234 5678 CD")).noneMatch(f -> f.type() == PiiType.RESIDENCE_CARD);
    }

    @Test
    void aLabelOnTheLineAboveAValueAloneOnItsLine() {
        one("住民票コード\n29141777635", PiiType.RESIDENT_RECORD_CODE, "29141777635");
        one("■住民票コード（11桁）\n　29141777635", PiiType.RESIDENT_RECORD_CODE, "29141777635");
        one("住民票コード　※住民票の写しに記載されている11桁の番号\n97601647946", PiiType.RESIDENT_RECORD_CODE, "97601647946");
        Finding licence = one("運転免許証番号\n301200123430", PiiType.DRIVERS_LICENSE, "301200123430");
        assertThat(licence.confidence()).isGreaterThan(0.9);
        // not a value with words of its own on its line, nor under a line that ends in a value
        assertThat(find("住民票コード\n29141777635 は受付番号")).noneMatch(f -> f.type() == PiiType.RESIDENT_RECORD_CODE);
        assertThat(find("住民票コード 12345678901\n29141777635")).extracting(Finding::value).containsExactly("12345678901");
    }

    @Test
    void aRowOfAFixedWidthTableReadsItsHeader() { // session 36: names with a blank keep the columns from being split
        String text = "No. 社員番号 氏名                    国籍       在留カード番号     旅券番号\n"
                + " 1  E-2041  ZHANG Wei               中国       QK73920416AB   EJ5520917\n"
                + " 2  E-2057  GURUNG Sita             ネパール   RM05821733CD   PA1183064\n";
        assertThat(find(text)).filteredOn(f -> f.type() == PiiType.PASSPORT).extracting(Finding::value)
                .containsExactly("EJ5520917", "PA1183064");
        assertThat(find(text)).filteredOn(f -> f.type() == PiiType.RESIDENCE_CARD).hasSize(2);
        String insurance = "学年 選手名       緊急連絡先        保険証（保険者番号／記号／番号）\n"
                + "5年  内藤 颯太    090-5182-3307     06136219／3011／2045\n";
        assertThat(find(insurance)).filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE).extracting(Finding::value)
                .containsExactly("06136219", "3011", "2045");
        // not across a blank line, nor under a sentence
        assertThat(find("旅券番号　　在留カード番号\n\n1  AB  EJ5520917  x")).noneMatch(f -> f.confidence() >= 0.4);
        assertThat(find("旅券番号を確認します。  以上\n 1  E-2041  ZHANG Wei  EJ5520917")).noneMatch(f -> f.confidence() >= 0.4);
    }

    @Test
    void aRowTakesOnlyItsOwnColumnsHeading() { // session 36, from a review: the header's other columns are not the cell's
        assertThat(find("氏名          住民票コード    電話番号\n山田 太郎     29141777635     09012345678"))
                .filteredOn(f -> f.type() == PiiType.RESIDENT_RECORD_CODE).extracting(Finding::value).containsExactly("29141777635");
        assertThat(find("氏名           旅券番号        ビザ番号\n王 偉          EA1234567       VB1234567"))
                .filteredOn(f -> f.type() == PiiType.PASSPORT && f.confidence() >= 0.4).extracting(Finding::value).containsExactly("EA1234567");
        assertThat(find("品番          型式         旅券番号欄\nAB1234567     XZ-100       -")).noneMatch(f -> f.confidence() >= 0.4);
        assertThat(find("番号 氏名          保険証（保険者番号／記号／番号）\n01  佐藤 一郎     06130012 567"))
                .filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE).extracting(Finding::value).doesNotContain("01");
    }

    @Test
    void aBirthDateUnderItsColumnNotTheNextOne() { // session 36
        assertThat(find("No  氏名        生年月日     入社日\n1   高橋 健     昭 52. 8.14  平 12. 4. 1"))
                .filteredOn(f -> f.type() == PiiType.DATE_OF_BIRTH).extracting(Finding::value).containsExactly("昭 52. 8.14");
    }

    @Test
    void aBirthDateInATableThatSingleBlanksSplit() { // session 44: a club's roster typed with one blank between cells
        String roster = "No. 氏名 （カナ） 生年月日 住所 電話 備考\n"
                + "1 二宮 源一 （ニノミヤ ゲンイチ） S13.4.2 城山3-15-2 0465-00-3127 会長\n"
                + "2 尾上 澄江 （オノエ スミエ） 昭和15年11月3日 城山2-8-21 0465-00-4480\n";
        assertThat(find(roster)).filteredOn(f -> f.type() == PiiType.DATE_OF_BIRTH).extracting(Finding::value)
                .containsExactly("S13.4.2", "昭和15年11月3日");
        // a header with another date's heading: which date is the birth is not known
        assertThat(find("No. 氏名 生年月日 入会日 電話\n1 二宮 源一 昭和13年4月2日 令和5年4月1日 0465-00-3127\n"))
                .noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
        // a sentence above is no header; a row with two dates does not say which is the birth
        assertThat(find("氏名 住所 生年月日 備考 は必ず記入してください。\n1 二宮 源一 令和5年4月1日 会長 入会\n"))
                .noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
        assertThat(find("No. 氏名 生年月日 有効期限 電話\n1 山田 太郎 1958/4/2 2026/3/31 0465-00-3127\n"))
                .noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
        // a rule under the header
        assertThat(find("No. 氏名 生年月日 住所 電話\n--- ---- ------ ---- ----\n1 山田 太郎 S33.4.2 城山3-15-2 0465-00-3127\n"))
                .filteredOn(f -> f.type() == PiiType.DATE_OF_BIRTH).extracting(Finding::value).containsExactly("S33.4.2");
    }

    @Test
    void aBlankCellShiftsTheCountSoTheNearerHeadingIsTaken() { // a second review, session 36
        assertThat(find("氏名          部署      生年月日      入社日\n佐藤 花子                1990/02/03    2015/04/01"))
                .filteredOn(f -> f.type() == PiiType.DATE_OF_BIRTH).extracting(Finding::value).containsExactly("1990/02/03");
        // a bare 記号 or 番号 heading takes the header's 保険 words; a passport as the first cell is no row number
        assertThat(find("氏名          保険者番号   記号       番号     生年月日\n井上 陽菜     06131234     1234       56       2001/05/05"))
                .filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE).extracting(Finding::value).containsExactly("06131234", "1234", "56");
        one("旅券番号     氏名              国籍\nTK1234567    SANTOS MARIA      フィリピン", PiiType.PASSPORT, "TK1234567");
        assertThat(find("保険証　記号 1 2 3 4　番号 5 6")).extracting(Finding::value).containsExactly("1 2 3 4", "5 6");
    }

    @Test
    void spacedAndGroupedNumbersNeedTheirWordsOnTheLine() { // session 36, from a review
        assertThat(find("パスポートをお持ちの方はご提示ください。\n座席 JL 1234567")).noneMatch(f -> f.confidence() >= 0.4);
        assertThat(find("旅券の申請窓口　受付番号 RX 1234567 をお呼びします")).noneMatch(f -> f.confidence() >= 0.4);
        assertThat(find("型番：T4-8072-9022-2791（交換用フィルター）")).isEmpty();
        assertThat(find("保険証を確認しました。\n番号 1 2 3 4 5（受付順）")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("健康保険被保険者証\n記号　１ ２ ３ ４\n番号　５ ６ ７")).extracting(Finding::value).containsExactly("１ ２ ３ ４", "５ ６ ７");
        one("在留カード番号\nAB 1234 5678 CD", PiiType.RESIDENCE_CARD, "AB 1234 5678 CD");
        one("旅券\nNo. TZ 0092341", PiiType.PASSPORT, "TZ 0092341");
        // labels in katakana, half width
        one("ｷｿﾈﾝｷﾝﾊﾞﾝｺﾞｳ 4021-638105", PiiType.PENSION_NUMBER, "4021-638105");
        one("ﾘｮｹﾝﾊﾞﾝｺﾞｳ TR4471920", PiiType.PASSPORT, "TR4471920");
    }

    @Test
    void aChatAnswerUnderItsOwnHeaderLine() { // session 36: Slack puts the speaker and the time on a line of their own
        String chat = "桜井 10:10\n了解です。あと社用車の件、免許証の番号もください\n中島 10:12\n6217 2146 8860\n";
        assertThat(find(chat)).extracting(Finding::type).contains(PiiType.DRIVERS_LICENSE);
    }

    @Test
    void aBareLabelAndTheLabelAbove() { // session 36
        one("運転免許証\n番号　第 3 0 1 2 0 0 1 2 3 4 3 0 号　有効期限 令和09年05月17日まで", PiiType.DRIVERS_LICENSE,
                "3 0 1 2 0 0 1 2 3 4 3 0");
    }

    @Test
    void digitsInBoxesUnderTheirLabels() { // session 36
        assertThat(find("お振込先　ゆうちょ銀行　記号 1 2 1 8 0　番号 4 6 0 3 7 9 1 1")).extracting(Finding::value)
                .containsExactly("1 2 1 8 0", "4 6 0 3 7 9 1 1");
        assertThat(find("ゆうちょ銀行 通帳記号 1 4 0 7 0 通帳番号 2 1 8 8 4 3 5 1")).extracting(Finding::value) // session 41
                .containsExactly("1 4 0 7 0", "2 1 8 8 4 3 5 1");
        assertThat(find("被保険者証の記号　7 0 4 1 0 2 1 3　　番号　1 6 5")).extracting(Finding::value)
                .containsExactly("7 0 4 1 0 2 1 3", "1 6 5");
        assertThat(find("順位 1 2 3 4")).isEmpty();
    }

    @Test
    void aLongNumberInGroupsIsOneNumber() { // session 36: a 供給地点特定番号 of 22 digits holds no 個人番号
        assertThat(find("供給地点特定番号 03 0012 3456 7890 1234 5678")).isEmpty();
        assertThat(find("090 1234 5678 080 2345 6789")).extracting(Finding::value).containsExactly("090 1234 5678", "080 2345 6789");
        one("retry ok my_number=702659960405 home_mesh", PiiType.MY_NUMBER, "702659960405");
    }

    @Test
    void halfWidthKatakanaLabels() {
        one("ｶｰﾄﾞ番号 3566002020360505", PiiType.CREDIT_CARD, "3566002020360505");
        one("ﾏｲﾅﾝﾊﾞｰ 123456789018", PiiType.MY_NUMBER, "123456789018");
        one("住民票ｺｰﾄﾞ 29141777635", PiiType.RESIDENT_RECORD_CODE, "29141777635");
        assertThat(HalfWidth.katakana("カード番号")).isEqualTo("ｶｰﾄﾞ番号");
        assertThat(HalfWidth.katakana("パスポート")).isEqualTo("ﾊﾟｽﾎﾟｰﾄ");
        assertThat(HalfWidth.katakana("旅券")).isNull();
    }

    @Test
    void anotherCountrysPassportWithItsLabel() {
        // ICAO 9303 allows nine characters: Viet Nam C + 7 digits, the Philippines P + 7 digits + a letter, Brazil 2 + 6
        one("旅券番号 C8829034", PiiType.PASSPORT, "C8829034");
        one("Passport No. P8204415B", PiiType.PASSPORT, "P8204415B");
        one("パスポート番号：GH381205", PiiType.PASSPORT, "GH381205");
        one("旅券番号 E12345678", PiiType.PASSPORT, "E12345678");
        // without a passport word the shape is any booking or product code
        assertThat(find("予約番号 C8829034")).noneMatch(f -> f.type() == PiiType.PASSPORT);
        assertThat(find("C8829034")).noneMatch(f -> f.type() == PiiType.PASSPORT);
        assertThat(find("型番 AB123456X")).noneMatch(f -> f.type() == PiiType.PASSPORT);
        assertThat(find("旅券番号 C88290345678")).noneMatch(f -> f.type() == PiiType.PASSPORT); // too long
    }

    @Test
    void disabledTypesAreSkipped() {
        ScanContext onlyEmail = new ScanContext(Set.of(), EnumSet.of(PiiType.EMAIL));
        List<Finding> out = new ArrayList<>();
        new IdentifierRecognizer().find("電話 090-1234-5678 taro@example.jp 個人番号 983205673214", onlyEmail, out);
        assertThat(out).extracting(Finding::type).containsExactly(PiiType.EMAIL);
    }

    @Test
    void neverThrowsAndSpansAreValid() {
        Random rnd = new Random(42);
        String alphabet = "0123456789０１２３４５６７８９-ー－() （）+＋@＠.,:/〒元年月日昭和平成令STHRMAB電話生年月日個人番号\uD800\uDC00\uDFFFabc_";
        IdentifierRecognizer r = new IdentifierRecognizer();
        for (int k = 0; k < 20000; k++) {
            StringBuilder b = new StringBuilder();
            int len = rnd.nextInt(60);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String t = b.toString();
            List<Finding> out = new ArrayList<>();
            r.find(t, ScanContext.freeText(), out);
            for (Finding f : out) {
                assertThat(f.end()).isLessThanOrEqualTo(t.length());
                assertThat(f.value()).isEqualTo(t.substring(f.start(), f.end()));
            }
        }
        List<Finding> out = new ArrayList<>();
        r.find("9".repeat(1_000_000) + "@" + "a".repeat(100_000), ScanContext.freeText(), out);
        r.find("", ScanContext.freeText(), out);
        r.find("\uD800", ScanContext.freeText(), out);
        assertThat(out).isEmpty();
    }
}
