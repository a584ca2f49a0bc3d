package dev.mamori.detect;

import static dev.mamori.detect.IdRecognizerTest.find;
import static dev.mamori.detect.IdRecognizerTest.hinted;
import static dev.mamori.detect.IdRecognizerTest.one;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 item 5 and 6: dates of birth as real text writes them, ゆうちょ and 振替 accounts, the invoice
 * registration number, obfuscated and legacy carrier e-mail, ・-separated phones, postal codes that need
 * an address, product codes (JAN/EAN, ISBN) that are never identifiers, and no check-digit near-miss.
 * Every number here is fictional; the check digits were computed for the test.
 */
class IdStructuredTypesTest {

    private static List<PiiType> types(String text) {
        return find(text).stream().map(Finding::type).toList();
    }

    private static List<String> values(String text, PiiType type) {
        return find(text).stream().filter(f -> f.type() == type).map(Finding::value).toList();
    }

    // ---- a number given in a chat as the answer to the line before --------------------------------------------------

    @Test
    void aNumberAnsweringTheLineBeforeTakesItsLabelFromIt() {
        Detector ids = Detector.of(java.util.EnumSet.of(PiiType.PASSPORT, PiiType.DRIVERS_LICENSE, PiiType.MY_NUMBER),
                Detector.DEFAULT_MIN_CONFIDENCE);
        java.util.function.Function<String, List<String>> found = text -> ids.detect(text, ids.freeText()).stream()
                .map(f -> f.type() + ":" + f.value()).toList();
        assertThat(found.apply("15:23 スタッフ 久我：旅券番号と生年月日もお願いいたします\n15:25 お客様：TR8830152 です"))
                .containsExactly("PASSPORT:TR8830152");
        assertThat(found.apply("担当：日本の運転免許証番号が必要です\n客：301702481510 です")).containsExactly("DRIVERS_LICENSE:301702481510");
        // a WhatsApp line's date, time and speaker are longer than the context window before the number
        assertThat(found.apply("03/04/2025, 19:23 - 行政書士 芦原: 旅券番号を確認させてください\n"
                + "03/04/2025, 19:26 - Nilufar Rashidova: TR8830152 です")).containsExactly("PASSPORT:TR8830152");
        assertThat(found.apply("旅券番号をお願いします\n客：番号は TR8830152 です")).containsExactly("PASSPORT:TR8830152");
        // in a group chat the nearest question a few lines up, the others' answers between (session 36)
        assertThat(found.apply("A: パスポート番号おしえて〜\nB: わたしのは TR8012834\nC: tr1635666\nD: ＴＴ３２２２７７９　です！"))
                .containsExactly("PASSPORT:TR8012834", "PASSPORT:tr1635666", "PASSPORT:ＴＴ３２２２７７９");
        assertThat(found.apply("旅券番号をお願いします\nはい\n客：TR8830152 です")).containsExactly("PASSPORT:TR8830152");
        // not when the line before only mentions the number, nor when the line has its own label, nor under another
        // question nearer
        assertThat(found.apply("旅券番号をお願いします\n客：注文番号は TR8830152 です")).isEmpty();
        assertThat(found.apply("ゆか: パスポートの更新まだしてない\nまき: え、期限いつ？\nゆか: 2027年2月まで。番号これ TR4820931"))
                .containsExactly("PASSPORT:TR4820931"); // a bare 番号 is the one talked of
        assertThat(found.apply("旅券番号の欄は空欄でした\n15:25 お客様：TR8830152 です")).isEmpty();
        assertThat(found.apply("旅券番号をお願いします\n注文番号 TR8830152 です")).isEmpty();
        assertThat(found.apply("A: パスポート番号おしえて〜\nB: TR8012834\nC: 予約確認番号きた？\nA: HX7720391")).containsExactly("PASSPORT:TR8012834");
    }

    // ---- dates of birth ---------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "㍼63年4月1日生まれ|㍼63年4月1日",
        "生年月日：㍻2年5月3日|㍻2年5月3日",
        "㋿2年1月10日生|㋿2年1月10日",
        "生年月日 ㍾45年7月29日|㍾45年7月29日",
        "㍽元年8月1日生まれ|㍽元年8月1日",
        "1988年（昭和63年）4月1日生|1988年（昭和63年）4月1日",
        "生年月日 1988年(昭和63年)4月1日|1988年(昭和63年)4月1日",
        "昭和63年（1988年）4月1日生まれ|昭和63年（1988年）4月1日",
        "昭和63（1988）年4月1日生まれ|昭和63（1988）年4月1日",
        "生年月日 1988(昭和63)年4月1日|1988(昭和63)年4月1日",
        "1985年（昭和60年）生まれ|1985年（昭和60年）",
        "令和2年生まれの長女|令和2年",
        "平成元年生まれ|平成元年",
        "1990年生まれの会社員|1990年",
        "㍼50年生まれ|㍼50年",
        "1990年4月1日、北海道の小さな町の病院で生まれる。|1990年4月1日",
        "平成2年5月3日に東京都内で出生。|平成2年5月3日",
        "2001年2月3日、長女として誕生した。|2001年2月3日",
        "明日は青木さんの誕生日でしたね。1月15日！|1月15日",
        "4月1日生まれのおうし座|4月1日",
        "誕生日は5/3です|5/3",
        "90歳だった。昭和9年、須坂市生まれ。|昭和9年",
        "平成3年に札幌市で生まれる。|平成3年",
        "1934年、長野県生まれ。|1934年",
        "うちの子は令和2年生まれです|令和2年",
        "山田太郎（2001.5.3生、180cm）|2001.5.3",
        "昭和五十八年七月三日生まれ|昭和五十八年七月三日",
        "平成十年十月十日生|平成十年十月十日",
        "1941年（昭和16年）ホノルル生まれ|1941年（昭和16年）",
        "1940年、在日コリアン2世として大阪市生野区に生まれた。|1940年",
        // a year and month, then the birth verb (session 27)
        "1985年3月生まれの被告人は|1985年3月",
        "平成7年4月生まれ。|平成7年4月",
        "昭和60年12月生の男性|昭和60年12月",
        // a year (and month) alone as a birth label's value (session 58)
        "生年：1985年|1985年",
        "生年月日：昭和60年　性別：男|昭和60年",
        "生年月日：昭和60年（39歳）|昭和60年",
        "生年月日　昭和40年1月1日　傷病発生年月日　令和6年8月10日|昭和40年1月1日",
        "秋葉重蔵 88歳 男性 S13.7.21|S13.7.21", // a patient's banner: name, age, sex, birth date
        "誕生年 2001年|2001年",
        "生年　1985年4月|1985年4月",
    })
    void birthDatesAsWritten(String text, String value) {
        Finding f = one(text, PiiType.DATE_OF_BIRTH, value);
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "昭和30年以降に生まれた方",
        "昭和30年4月1日以降に生まれた方は対象です",
        "平成2年4月2日から平成3年4月1日までに生まれた方",
        "昭和30年生まれ以降の方",
        "昭和30年〜昭和40年生まれの方",
        "短大2年生の時",
        "昭和30年生まれの方は対象です",
        "平成元年生まれの社員を対象とする研修", "３歳児健診のお知らせ　対象：令和３年５月生まれの幼児",
        "生年月日：1985年以降の方",
        "生年月日：昭和60年頃",
        "生年月日：2026年度",
        "平成元年に生まれた人の割合",
        "2020年、東京で生まれた子どもの数は",
        "2024年、県内で生まれた赤ちゃんは",
        "1950年に生まれた世代",
        "昭和30年代に生まれ育った",
        "1988年（昭和62年）生まれ",
        "2024年4月1日現在、生まれた子の数は",
        "令和6年4月1日時点で生まれた子",
        "小学2年生の児童",
        "令和2年生産分",
        "1988年（平成63年）4月1日生",
        "1988年（昭和62年）4月1日生",
        "2020年4月1日に設立。同社の誕生は地域の悲願だった。",
        "会議は1月15日です",
        "誕生日会は12/25の予定、資料は1/2/3",
        "比率 1/2 生まれ変わる",
        "5/3 更新",
        "4月1日に入学。誕生日は秘密",
        // a label naming another date, and a birth word that belongs to another number (session 26)
        "会員登録日 2020年10月10日（誕生日特典あり）",
        "生活保護の開始日 令和5年6月1日",
        "生誕100年記念式典 2024年11月3日",
        "生徒会長に2023年4月10日就任",
        "2024年3月生産終了",
        "1990年13月生まれ",
        "平成31年5月生まれ",
        "昭和30年4月以降に生まれた方",
        "誕生日会の予定\n会場の予約は12月25日",
        "【誕生日会のお知らせ】\n会場はホール（12月25日）",
        "1990年代生まれの社員",
        "平成二十一年三月八日に提出",
        "平成二十一年度生まれ",
        "1990年、2000年に生まれた子と比べ",
        "昭和八八年",
        // the single 生 inside 生活, 生存, 生涯, 生保, and 発生年月日 holding 生年月日 (session 59, welfare and care records)
        "傷病発生年月日　令和6年8月10日",
        "事故発生年月日：R6.8.10",
        "生活保護開始日　令和6年4月8日",
        "R6.5.7 生活状況確認",
        "令和6年5月7日、生存確認のため訪問。",
        "2024年4月1日 生涯学習センター開館",
        "令和6年5月7日 生保廃止",
        "学校生活における配慮申出書\n令和6年4月8日",
        "秋葉重蔵 86歳 男性 R6.7.21 初診", // a visit's date after a patient's banner: no age fits it
    })
    void notBirthDates(String text) {
        assertThat(find(text)).noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
    }

    @Test
    void aBirthVerbAfterOneDateIsNotTheContextOfTheNext() {
        assertThat(find("1975年生まれの山田さんは2024年6月1日に入社した")).filteredOn(f -> f.type() == PiiType.DATE_OF_BIRTH)
                .extracting(Finding::value).containsExactly("1975年");
        one("生年月日 昭和45年3月2日", PiiType.DATE_OF_BIRTH, "昭和45年3月2日");
        one("お誕生日 5月3日", PiiType.DATE_OF_BIRTH, "5月3日");
        one("私が生まれた日は1990年1月1日です", PiiType.DATE_OF_BIRTH, "1990年1月1日"); // a birth label, not another date's
        // the 生 of 往生 is no birth: an obituary's date of death (session 50)
        assertThat(values("かねて療養中のところ、令和六年九月二十日、九十二歳にて往生の素懐を遂げました。", PiiType.DATE_OF_BIRTH)).isEmpty();
        assertThat(values("昭和7年3月1日生まれ。令和6年9月20日逝去", PiiType.DATE_OF_BIRTH)).containsExactly("昭和7年3月1日");
    }

    @Test
    void birthDatesOnTheirOwnLines() {
        one("少　　年　五十嵐 柊\n　　　　　平成二十一年三月八日生", PiiType.DATE_OF_BIRTH, "平成二十一年三月八日");
        assertThat(find("【今月お誕生日を迎えるお友だち】\nはるとくん（6月3日）、ひなたちゃん（6月11日）"))
                .filteredOn(f -> f.type() == PiiType.DATE_OF_BIRTH).extracting(Finding::value).containsExactly("6月3日", "6月11日");
    }

    @Test
    void aValueGivenLinesAfterItsLabelTakesIt() { // session 38
        Detector ids = Detector.of(java.util.EnumSet.of(PiiType.PASSPORT, PiiType.RESIDENT_RECORD_CODE, PiiType.PENSION_NUMBER,
                PiiType.HEALTH_INSURANCE, PiiType.MY_NUMBER), Detector.DEFAULT_MIN_CONFIDENCE);
        java.util.function.Function<String, List<String>> found = text -> ids.detect(text, ids.freeText()).stream()
                .map(f -> f.type() + ":" + f.value()).toList();
        String chat = "A: パスポート番号おしえて〜\nB: わたしのは TR8012834\nC: tr1635666\nC: あ、大文字か　TR1635666\n"
                + "D: 古いの（TT3222779）は消しとくね\nA: 予約確認番号きた？\nB: きた　HX7720391\n";
        assertThat(found.apply(chat)).containsExactly("PASSPORT:TR8012834", "PASSPORT:tr1635666", "PASSPORT:TR1635666",
                "PASSPORT:TT3222779");
        assertThat(found.apply("父: 年金の手続きで住民票コードも書けって言われてる\n父: 発行日 H14.8.5 は関係ないよな\n父: [写真]\n"
                + "父: 847 9966 6374 読めるか？")).containsExactly("RESIDENT_RECORD_CODE:847 9966 6374");
        assertThat(found.apply("※基礎年金番号が不明の者は照会中\n-----\n1　久我　晴人　1999/06/12　1352-468120　260,000"))
                .containsExactly("PENSION_NUMBER:1352-468120");
        // the line above asking for it (a statement or a table's heading there is for the other rules), and not with
        // another number's word between or after it on its line
        assertThat(found.apply("まゆ: 航空券とるからパスポート番号送って〜\nまゆ: ちなみに私のは TZ1184650 ね"))
                .containsExactly("PASSPORT:TZ1184650");
        assertThat(found.apply("ゆか: パスポートの更新まだしてない\nまき: え、期限いつ？\nゆか: 2027年2月まで。番号これ TR4820931"))
                .containsExactly("PASSPORT:TR4820931"); // a bare 番号 is the one talked of
        assertThat(found.apply("旅券番号の欄は空欄でした\n15:25 お客様：TR8830152 です")).isEmpty();
        assertThat(found.apply("旅券番号をお願いします\n返信\n受付番号は TR8830152 です")).isEmpty();
        assertThat(found.apply("住民票コードを確認\n\n29141777635 は受付番号")).isEmpty();
        assertThat(found.apply("住民票コードを確認\n記号・番号は別紙\n\n29141777635")).isEmpty();
        // a mention of the word is no question: the value's own line names another document (a review)
        assertThat(found.apply("海外出張の際はパスポートの残存期間をご確認ください。\nご不明点は総務まで。\n受付票 AB1234567 を添付します。"))
                .isEmpty();
        assertThat(found.apply("基礎年金番号の変更届は来月提出予定です。\n経理からの連絡事項です。\n振込先の口座は 1234567890 に変更"))
                .isEmpty();
        assertThat(found.apply("住民票コードの記載は不要です。\n以下、注文内容です。\n伝票 38274619302 で発送済み")).isEmpty();
        assertThat(found.apply("旅券番号を送ってください\n1\n2\n3\n4\n5\n6\n7\n8\n9\nTR8830152")).isEmpty(); // too far up
        // a numbered answer to a numbered list of questions
        String asked = "1. 在留カードの番号\n2. 給与の振込口座\n3. 基礎年金番号（前の会社で加入していれば）\nおはようございます\n"
                + "1 ub48201937fe\n2 ゆうちょです 記号 14020 番号 38271941\n";
        assertThat(found.apply(asked + "3 4102-837165")).containsExactly("PENSION_NUMBER:4102-837165");
        assertThat(found.apply(asked.replace("3. 基礎年金", "3. 社員") + "3 4102-837165")).isEmpty();
        // the questions quoted in a mail's reply
        assertThat(found.apply("> (1) 基礎年金番号\n> (2) 給与振込口座\n\n(1) 5213-604877\n(2) 後日")).containsExactly(
                "PENSION_NUMBER:5213-604877");
    }

    @Test
    void numbersAsTheirDocumentsPrintThem() { // session 38
        // a licence prints 第 … 号 around its number; a number that passes both checks is the licence there
        one("運転免許証（表面）\n番 号  第 301159686680 号", PiiType.DRIVERS_LICENSE, "301159686680");
        one("個人番号 301159686680", PiiType.MY_NUMBER, "301159686680");
        // two blanks between groups of four or boxes of one
        one("個人番号 6426  4824  4268", PiiType.MY_NUMBER, "6426  4824  4268");
        one("カード番号\n3 5 6 9  1 8 9 3  6 4 6 4  5 1 1 7", PiiType.CREDIT_CARD, "3 5 6 9  1 8 9 3  6 4 6 4  5 1 1 7");
        assertThat(find("2024  1234  5678")).isEmpty();
        // digits in boxes drawn with bars or brackets, under their label (session 38)
        one("あなたの個人番号\n|1|0|9|6|7|2|9|9|6|8|7|4|", PiiType.MY_NUMBER, "1|0|9|6|7|2|9|9|6|8|7|4");
        one("個人番号（世帯主）　［5］［7］［9］［2］［8］［2］［7］［2］［6］［4］［4］［9］", PiiType.MY_NUMBER,
                "5］［7］［9］［2］［8］［2］［7］［2］［6］［4］［4］［9");
        one("カード番号\n|3|5|5|2| |4|0|6|5| |7|5|9|6| |4|0|6|4|", PiiType.CREDIT_CARD, "3|5|5|2| |4|0|6|5| |7|5|9|6| |4|0|6|4");
        assertThat(find("|1|0|1|1|0|1|1|\n|1|0|9|6|7|2|9|9|6|8|7|4|")).isEmpty(); // a table's flags, boxes without a label
        // but a fixed-width report's four columns are no card (a review): two blanks join groups only under their label
        assertThat(find("拠点001  5337  7156  7044  3395")).isEmpty();
        assertThat(find("拠点001  4601  9871  5482  2392")).isEmpty();
        // a serial printed 第 … 号 is no licence without 免許 near, nor after another document's word
        assertThat(find("証明書 第301159686680号 を交付しました。")).noneMatch(f -> f.type() == PiiType.DRIVERS_LICENSE);
        assertThat(find("運転免許の更新について\n登録 第 301159686680 号")).noneMatch(f -> f.type() == PiiType.DRIVERS_LICENSE);
        // a decimal after a blank is a measure, not a date (8585 6116 4376 5.2 stays one failed chain)
        assertThat(find("8585 6116 4376 5.2")).isEmpty();
        // a date or a time after a blank is no part of the number before it
        one("カード番号いるって。4601-9871-5482-2392 12/27", PiiType.CREDIT_CARD, "4601-9871-5482-2392");
        // labels in half-width katakana with a blank between their words; a database's English name for the insurer
        one("ﾘｮｹﾝ ﾊﾞﾝｺﾞｳ　TR8830152", PiiType.PASSPORT, "TR8830152");
        one("ｼﾞｭｳﾐﾝﾋｮｳ ｺｰﾄﾞ　57174915050", PiiType.RESIDENT_RECORD_CODE, "57174915050");
        one("<InsurerNumber>06295737</InsurerNumber>", PiiType.HEALTH_INSURANCE, "06295737");
        // abbreviated labels
        one("搭乗者1: ARAKAWA KENJI  PP No. TK7105538", PiiType.PASSPORT, "TK7105538");
        one("保険者No 06266175", PiiType.HEALTH_INSURANCE, "06266175");
        one("WARN [gw-1] order=ORD-1 amount=3520 pan=5507329393002555 result=DECLINED", PiiType.CREDIT_CARD, "5507329393002555");
        assertThat(find("WARN [gw-1] order=ORD-1 id=5507329393002555")).isEmpty();
    }

    @Test
    void aDateAfterASexIsABirthDate() { // session 38: 性別 and 生年月日 side by side, as rosters print them
        one("1. KUMAGAI TAKESHI　　M　1972-05-18", PiiType.DATE_OF_BIRTH, "1972-05-18");
        one("浅沼 亜希子｜女｜1988/03/14", PiiType.DATE_OF_BIRTH, "1988/03/14");
        assertThat(find("型番 M 2024-05-18")).noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
        assertThat(find("サイズM 2024-05-18 入荷")).noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
        // a size M or F before a recent date is no sex (a review); 男 or 女 is
        assertThat(find("商品名｜サイズ｜入荷日\nTシャツ｜M｜2024/05/18\nポロシャツ｜F｜2023/11/02"))
                .noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
        one("山田 花子｜女｜2019/05/18", PiiType.DATE_OF_BIRTH, "2019/05/18");
        // no one is born in a later year: a passport's expiry beside a <birth>
        assertThat(find("<birth>1984-03-27</birth>\n<passport expires=\"2031-05-18\">TK8841906</passport>"))
                .filteredOn(f -> f.type() == PiiType.DATE_OF_BIRTH).extracting(Finding::value).containsExactly("1984-03-27");
    }

    @Test
    void aNumberedAnswerTakesTheLabelOfItsItem() {
        String asked = "08:31\tクリニック\t①お名前 ②フリガナ ③生年月日 ④症状\n08:36\t立花\t\"①立花 槙緒\n②タチバナ マキオ\n";
        one(asked + "③S58.7.3\n④熱\"", PiiType.DATE_OF_BIRTH, "S58.7.3");
        assertThat(find(asked.replace("③生年月日", "③来院日") + "③S58.7.3\n④熱\""))
                .noneMatch(f -> f.type() == PiiType.DATE_OF_BIRTH);
        // the 記号 and the 番号 of a 保険証 given together answer one item: two findings
        String insurance = asked.replace("④症状", "④保険証の記号・番号") + "③S58.7.3\n④3127 4402\"";
        assertThat(find(insurance)).filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE).extracting(Finding::value)
                .containsExactly("3127", "4402");
        assertThat(find("会員番号 1234 5678")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        // joined by a hyphen under a heading that names both, two findings as well (session 48; one in session 38), the kana
        // of a 記号 with its digits (ｱｻ12), and under a label that writes 記号番号 as one word, close before it
        assertThat(find("保険者番号 01133586（全員共通）\n№　氏名　被保番（記号-番号）　取得日\n①　熊谷 章吾　3018-0072　12/01"))
                .extracting(f -> f.type() + ":" + f.value())
                .containsExactly("HEALTH_INSURANCE:01133586", "HEALTH_INSURANCE:3018", "HEALTH_INSURANCE:0072");
        assertThat(find("保険者番号 06134050　記号・番号 ｱｻ12-3307（枝番 03）")).extracting(Finding::value)
                .containsExactly("06134050", "ｱｻ12", "3307", "03");
        assertThat(find("保険証の記号番号　8031-22")).extracting(Finding::value).containsExactly("8031", "22");
        assertThat(find("保険証を確認しました\n受付 3018-0072")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        // a postal code below a 記号番号 asked for, and one a long way after the word
        assertThat(find("保険証の記号番号をお願いします\n〒001-0018 札幌市北区北18条")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        // a 記号 right before its 番号 label is no quantity (21番); a 記号 of letters in brackets before 「番号
        assertThat(find("保険者番号 06236814　記号２１番号１０４")).extracting(Finding::value).containsExactly("06236814", "２１", "１０４");
        assertThat(find("写真には「保険者番号　113118」「記号　川口あ」「番号　４０２１７」が写っていた")).extracting(Finding::value)
                .containsExactlyInAnyOrder("113118", "川口あ", "４０２１７");
        assertThat(find("記号21番の問題")).isEmpty();
        // the review's (helper-101): postal codes, readings, dates, ordinals, rooms and passbooks after the word 記号番号
        for (String text : List.of("保険証の記号番号、住所 〒 100-0001 東京都千代田区千代田1-1", "保険証の記号番号、郵便番号：100-0001",
                "患者情報\t保険証記号番号\t4512-88\t郵便番号\t100-0001", "患者メモ：保険証の記号番号は受付で確認済。血圧 132-84、脈拍 72",
                "保険証の記号番号と有効期限 2025-03 を確認してください。", "保険証の記号番号\n面会時間 13-15", "保険証 記号番号 第12-34号",
                "保険証のコピーと通帳の記号番号 14170-12345671 を添付", "記号２１番号１０４号室")) {
            assertThat(find(text)).as(text).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE && !f.value().equals("4512")
                    && !f.value().equals("88"));
        }
    }

    @Test
    void aSymbolAndANumberGivenTogetherAreACardsPair() { // session 41: as a chat gives them, with no word for the card
        assertThat(find("手当金の申請用に確認です。記号 31020418 番号 72 で合ってますか")).filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE)
                .extracting(Finding::value).containsExactly("31020418", "72");
        assertThat(find("平田 祐介です。記号は07-12、番号は0048321だったと思います")).filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE)
                .extracting(Finding::value).containsExactly("07-12", "0048321");
        assertThat(find("記号 2240 番号 １１７ です")).filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE)
                .extracting(Finding::value).containsExactly("2240", "１１７");
        // one label alone, another noun's label, a ゆうちょ account and an old 年金手帳 are not
        assertThat(find("記号 2240 です")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("番号 2240 です")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("会員記号 2240 受付番号 117")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("ゆうちょの記号 12340 番号 12345671")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("年金手帳の記号 1234 番号 567890")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("記号 2240 の部品、番号 117 の棚")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
    }

    @Test
    void aPairUnderTheWord記号番号TakesTheCardFromTheLinesAbove() { // session 50
        String mail = "> 保険者番号\u300006133490\n> 記号番号\u30008031-22（枝番 00）\n> 生年月日\u3000平成3年7月19日\n";
        assertThat(values(mail, PiiType.HEALTH_INSURANCE)).containsExactly("06133490", "8031", "22", "00");
        assertThat(values("保険証情報\n記号番号：8031-22\n", PiiType.HEALTH_INSURANCE)).containsExactly("8031", "22");
        assertThat(values("記号番号：8031-22\n", PiiType.HEALTH_INSURANCE)).isEmpty(); // no card named on the line or above
        assertThat(values("保険証と通帳のコピー\n通帳の記号番号：14170-12345671\n", PiiType.HEALTH_INSURANCE)).isEmpty(); // ゆうちょ's
        assertThat(values("保険証と年金手帳\n年金手帳の記号番号：1234-567890\n", PiiType.HEALTH_INSURANCE)).isEmpty(); // a pension's
        // another book named on the lines above the label, as a heading (the review of session 50)
        assertThat(values("入社手続き書類\n健康保険被保険者証（扶養家族分）\n年金手帳\n記号番号：1234-567890\n", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(values("保険者番号 06130012\n振込先金融機関 ゆうちょ\n記号番号：10180-1234567\n", PiiType.HEALTH_INSURANCE))
                .containsExactly("06130012");
        // a bare 番号 label before a pair is no 記号 of letters: 番号 itself is never part of a value
        assertThat(values("保険者番号 06133490\n被保険者証 番号２２ 1979\n", PiiType.HEALTH_INSURANCE)).doesNotContain("番号２２");
    }

    @Test
    void aCardsFieldsAsARowOfLabelsOverARowOfValues() { // session 41
        String form = "前の保険（健康保険組合）\n保険者番号\n06232987\n記号　　　　番号　　　枝番\nｶﾏ-511　　4402　　01\n資格喪失日　令和8年11月30日\n";
        assertThat(find(form)).filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE).extracting(Finding::value)
                .containsExactly("06232987", "ｶﾏ-511", "4402", "01");
        String boxes = "被保険者証の\n記号（左づめ）　　　　番号（左づめ）　　　枝番\n7 0 2 1 5 5 3 0　　1 2 4　　　　0 1\n";
        assertThat(find(boxes)).filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE).extracting(Finding::value)
                .containsExactly("7 0 2 1 5 5 3 0", "1 2 4", "0 1");
        assertThat(find("保険証\n記号\t番号\t枝番\n1234\t\t5678\t01\r\n")).filteredOn(f -> f.type() == PiiType.HEALTH_INSURANCE)
                .isNotEmpty(); // tabs, an empty cell and a carriage return end cells and never stall the split
        // not without a card's word above, nor under other labels
        assertThat(find("記号　　　　番号　　　枝番\nA-511　　4402　　01\n")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("保険の手続き\n品名　　　　番号　　　数量\n椅子　　4402　　01\n")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
    }

    @Test
    void whatTheNewPairsAndColumnsLeaveAlone() { // session 41's review
        // a card's columns need the card's words, not any 保険
        assertThat(find("介護保険サービスの記号一覧\n番号　記号　サービス名\n1　　A　　訪問介護\n")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("社会保険料率表（令和6年度）\n等級　記号　番号　月額\n1　　A　　10　　58000\n")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        // other documents' 記号 and 番号, and a ゆうちょ account's shape with no ゆうちょ word
        assertThat(find("振込先は記号 14010 番号 23456781 ヤマダ タロウです")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("【年金手帳】\n記号 4301 番号 123456")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        assertThat(find("定額小為替 記号 12 番号 345678")).noneMatch(f -> f.type() == PiiType.HEALTH_INSURANCE);
        // an amount under 口座, another noun's 番号 under a post office's heading
        assertThat(find("貯金用に作った口座\n3000000貯まった！")).noneMatch(f -> f.type() == PiiType.BANK_ACCOUNT);
        assertThat(find("〇〇郵便局からのお知らせ\n再配達受付\nお問い合わせ番号\n1234567")).noneMatch(f -> f.type() == PiiType.BANK_ACCOUNT);
        // Windows line ends keep the label above
        assertThat(find("口座番号\r\n[ 1 0 8 3 6 6 0 ]")).extracting(Finding::type).containsExactly(PiiType.BANK_ACCOUNT);
    }

    @Test
    void aBirthDateAnsweredDoesNotMakeTheNextDateOne() {
        assertThat(find("生年月日は1998/06/21です。帰国は4月20日です")).filteredOn(f -> f.type() == PiiType.DATE_OF_BIRTH)
                .extracting(Finding::value).containsExactly("1998/06/21");
    }

    // ---- bank accounts ----------------------------------------------------------------------------

    @Test
    void yuchoSymbolAndNumberAreTwoAccounts() {
        String text = "ゆうちょ銀行 記号 12340 番号 12345671";
        assertThat(find(text)).extracting(Finding::type, Finding::value).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PiiType.BANK_ACCOUNT, "12340"),
                org.assertj.core.groups.Tuple.tuple(PiiType.BANK_ACCOUNT, "12345671"));
        String joined = "ゆうちょ 記号番号：12340-12345671";
        List<Finding> fs = find(joined);
        assertThat(fs).extracting(Finding::value).containsExactly("12340", "12345671");
        assertThat(fs).allMatch(f -> f.type() == PiiType.BANK_ACCOUNT && f.confidence() >= 0.8);
        assertThat(fs.get(1).start()).isEqualTo(joined.indexOf("12345671"));
        // in a table's account column, ゆうちょ in another cell of the row (session 39)
        assertThat(hinted("記号13170 番号20448815", PiiType.BANK_ACCOUNT)).extracting(Finding::value).containsExactly("13170", "20448815");
    }

    @Test
    void yuchoShapeNeedsItsContext() {
        assertThat(find("12340-12345671")).isEmpty();
        assertThat(find("被保険者証 記号 12340 番号 12345671")).noneMatch(f -> f.type() == PiiType.BANK_ACCOUNT);
        assertThat(find("郵便局の受付番号 12345671")).noneMatch(f -> f.type() == PiiType.BANK_ACCOUNT);
        assertThat(find("ゆうちょ銀行 記号・番号 12340・12345671")).extracting(Finding::value).containsExactly("12340", "12345671");
    }

    @Test
    void transferAccountIsOneFinding() {
        one("振替口座 00120-3-45678", PiiType.BANK_ACCOUNT, "00120-3-45678");
        one("郵便振替：００１９０－６－１２３４５６", PiiType.BANK_ACCOUNT, "００１９０－６－１２３４５６");
        assertThat(find("00120-3-45678")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "みずほ銀行 渋谷支店 普通 123456|123456",
        "○○信用金庫 本店 当座 7654321|7654321",
        "振込先：さくら銀行 普通預金 654321|654321",
    })
    void shortAccountsAfterTypeWithABank(String text, String value) {
        assertThat(one(text, PiiType.BANK_ACCOUNT, value).confidence()).isGreaterThan(0.8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "口座 123-1234567|123-1234567", // the branch and the account
        "店番-口座番号：123-4567890|123-4567890",
        "（普）1234567|1234567", // the abbreviated kind names an account by itself
        "(当)0456789|0456789",
        "口座番号：12345678|12345678",
    })
    void accountsByTheirLabelOrAbbreviatedKind(String text, String value) {
        assertThat(one(text, PiiType.BANK_ACCOUNT, value).confidence()).isGreaterThan(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"口座番号：20240315", "口座振替 123-4567890", "受付番号 12345678", "電話 123-4567890"})
    void eightDigitsAndBranchPairsNeedTheAccountLabel(String text) {
        assertThat(find(text)).noneMatch(f -> f.type() == PiiType.BANK_ACCOUNT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"普通 123456", "登録番号 123456", "受付 普通 123456件"})
    void sixDigitsWithoutABankAreNotAccounts(String text) {
        assertThat(find(text)).noneMatch(f -> f.type() == PiiType.BANK_ACCOUNT);
    }

    // ---- invoice registration number ---------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "登録番号 T3020001234567|T3020001234567",
        "適格請求書発行事業者登録番号：Ｔ３０１１００１９８７６５０|Ｔ３０１１００１９８７６５０",
        "(T3180001045321)|T3180001045321",
        "登録番号：T-3020001234567|T-3020001234567",
        "登録番号：T3-0200-0123-4567|T3-0200-0123-4567", // grouped as receipts print it
        "登録番号 T3020 0012 34567|T3020 0012 34567",
    })
    void invoiceNumber(String text, String value) {
        Finding f = one(text, PiiType.CORPORATE_NUMBER, value);
        assertThat(f.validated()).isTrue();
        assertThat(f.confidence()).isGreaterThan(0.9);
    }

    @ParameterizedTest
    @ValueSource(strings = {"登録番号 T3020001234568", "T3020001234567890", "AT3020001234567", "T30200012345",
        "登録番号 T3-0200-0123-4568", "T3-0200-0123-4567-12"})
    void notInvoiceNumbers(String text) {
        assertThat(types(text)).doesNotContain(PiiType.CORPORATE_NUMBER);
    }

    // ---- e-mail -----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "連絡先 taro.yamada[at]example.co.jp まで|taro.yamada[at]example.co.jp",
        "hanako(at)example.jp へ|hanako(at)example.jp",
        "メール：info［at］example.com|info［at］example.com",
        "メール：info（at）example.com|info（at）example.com",
        "sato [at] example [dot] com|sato [at] example [dot] com",
        "suzuki[@]example.ne.jp|suzuki[@]example.ne.jp",
        "taro..hanako@docomo.ne.jp|taro..hanako@docomo.ne.jp",
        "（hanako.@ezweb.ne.jp）|hanako.@ezweb.ne.jp",
        "mail: .love..you.@softbank.ne.jp|.love..you.@softbank.ne.jp",
        "お問い合わせ：info★example.co.jp（★を@に）|info★example.co.jp",
        "taro(a)example.com|taro(a)example.com",
        "メール hanako ＠ example.jp まで|hanako ＠ example.jp",
        "連絡先 sato﹫example.org|sato﹫example.org",
    })
    void obfuscatedAndCarrierEmail(String text, String value) {
        assertThat(one(text, PiiType.EMAIL, value).confidence()).isGreaterThanOrEqualTo(0.8);
    }

    @ParameterizedTest
    @ValueSource(strings = {"hanako.@example.com", "数量(at)100", "[at]example.com", "foo[at]bar", "price (at) cost",
        "★おすすめ★", "評価★4.5", "項目(a)の説明", "価格 @ 100円"})
    void notEmails(String text) {
        assertThat(types(text)).doesNotContain(PiiType.EMAIL);
    }

    // ---- phones -----------------------------------------------------------------------------------

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "電話 03・1234・5678|03・1234・5678",
        "携帯：090・1234・5678|090・1234・5678",
        "ＴＥＬ ０６･６１２３･４５６７|０６･６１２３･４５６７",
    })
    void phonesWithMiddleDots(String text, String value) {
        one(text, PiiType.PHONE, value);
    }

    @Test
    void dotsAndOtherGroupingsAsSignaturesAndFormsWriteThem() { // session 58, from a review's business documents
        one("携帯 090.1234.5678", PiiType.PHONE, "090.1234.5678");
        one("電話：03.3581.4111", PiiType.PHONE, "03.3581.4111");
        for (String t : List.of("3.14と35.6812", "2024.12.03に受付", "バージョン 1.2.3", "192.168.1.1", "0.5mg", "03.1234.567",
                "ver 070.1111.2222")) { // dots: a phone only where a word says so
            assertThat(types(t)).as(t).doesNotContain(PiiType.PHONE);
        }
        // a valid My Number under its own label, grouped otherwise than 4-4-4; without the label, not one
        one("個人番号 382716 450929", PiiType.MY_NUMBER, "382716 450929");
        one("マイナンバー：3827-164509-29", PiiType.MY_NUMBER, "3827-164509-29");
        assertThat(types("受付 382716 450929")).doesNotContain(PiiType.MY_NUMBER);
        // a product's lot or serial number is no phone
        assertThat(types("ロット番号 090-1234-5678")).doesNotContain(PiiType.PHONE);
        assertThat(types("シリアル 0312345678")).doesNotContain(PiiType.PHONE);
    }

    @Test
    void bracketAroundAnAreaCodeInParenthesesIsNotPartOfThePhone() {
        one("担当（03(1234)5678）まで", PiiType.PHONE, "03(1234)5678");
        one("担当 (03)1234-5678 まで", PiiType.PHONE, "(03)1234-5678");
    }

    @Test
    void phonesWithSlashesAndDummies() {
        one("tel 090/1234/5678　メール", PiiType.PHONE, "090/1234/5678");
        assertThat(find("電話 03-1234-5678/03-1234-5679")).extracting(Finding::value).containsExactly("03-1234-5678", "03-1234-5679");
        assertThat(find("2024/04/01 更新")).isEmpty();
        assertThat(find("1/2/3")).isEmpty();
        assertThat(find("ダミーの電話番号は 000-0000-0000 のように")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "電話 0431 - 552918 まで|0431 - 552918",
        "携帯　090 ー 1234 ー 5678|090 ー 1234 ー 5678",
    })
    void phonesWithABlankEachSideOfTheHyphen(String text, String value) {
        one(text, PiiType.PHONE, value);
    }

    @Test
    void aLineOfNumberedPhonesIsReadNumberByNumber() { // session 50: more digits than one chain holds, a blank between
        String line = "選挙事務所\n1 0771-22-4410\u30002 0771-25-0038\u30003 080-6612-9037\u30004 0771-27-3316\u30005 0771-29-5051\n";
        assertThat(values(line, PiiType.PHONE)).containsExactly("0771-22-4410", "0771-25-0038", "080-6612-9037", "0771-27-3316",
                "0771-29-5051");
        assertThat(find("12345678901234567890 12345678901234567890 1234567890")).isEmpty(); // digits alone are no list of numbers
        // an area code a blank after other numbers may open its bracket: 046(822)4107
        assertThat(values("通1-12\u3000046(822)4107", PiiType.PHONE)).containsExactly("046(822)4107");
    }

    @Test
    void aClosingBracketWithoutItsOpeningOneEndsTheNumberBeforeIt() { // session 39: an address in brackets, then the phone
        assertThat(find("緊急連絡先は（秋田県横手市十文字町仁井田字東33）0182-42-1187 でよろしいでしょうか。"))
                .filteredOn(f -> f.type() == PiiType.PHONE).extracting(Finding::value).containsExactly("0182-42-1187");
        assertThat(find("Minhさんから電話、番号 +84 912 345 678 です")).extracting(Finding::value).contains("+84 912 345 678");
        assertThat(find("前月比 +12 345 678 円")).isEmpty();
    }

    @Test
    void aBlankOnOneSideOfAHyphenOrARangeIsNoPhone() {
        assertThat(find("電話 0431 -552918 まで")).isEmpty();
        assertThat(find("2019 - 2024 年度")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"第1・2・3条", "1・2・3", "2024・04・01"})
    void middleDotsAloneAreNotPhones(String text) {
        assertThat(find(text)).isEmpty();
    }

    // ---- postal codes -----------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"123-4567", "品番 123-4567", "型番：456-7890 の部品", "第123-4567号", "製品 No 123-4567",
        "コード 530-0001 を入力", "品番\n123-4567\n東京都で販売",
        "お問い合わせ番号\n123-4567\n東京都港区芝5-33-1で受付"})
    void barePostalShapesAreNotPostalCodes(String text) {
        assertThat(types(text)).doesNotContain(PiiType.POSTAL_CODE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "100-0001 東京都千代田区千代田1-1|100-0001",
        "送付先：大阪府大阪市北区 530-0001|530-0001",
        "〒100-0001|100-0001",
        "所在地 530-0001|530-0001",
        "大阪府 530-0001 電話は別紙|530-0001",
    })
    void postalCodesWithAnAddressOrLabel(String text, String value) {
        one(text, PiiType.POSTAL_CODE, value);
    }

    @Test
    void aBirthDateWrittenWithTheYearLastAndAForeignNumber() {
        one("生年月日　02/07/1994（日/月/年）", PiiType.DATE_OF_BIRTH, "02/07/1994");
        one("Date of birth: 14.03.2010", PiiType.DATE_OF_BIRTH, "14.03.2010");
        assertThat(types("支払日 14/03/2010")).isEmpty(); // no word of birth
        assertThat(values("原告（昭和63年8月21日生）は、平成26年4月1日、被告に雇用され、経理課に配属された。", PiiType.DATE_OF_BIRTH))
                .containsExactly("昭和63年8月21日"); // the birth, not the employment
        assertThat(values("出生日 平成6年9月5日", PiiType.DATE_OF_BIRTH)).containsExactly("平成6年9月5日");
        // a family's list: a relation, the member's name, then the one date (not one an event follows)
        String family = "社員番号00412　工藤 直樹（昭和58年6月9日生）\n　配偶者　工藤 舞　昭和61年2月14日　個人番号 （省略）\n"
                + "　長男　工藤 陸　平24.7.1　健保 枝番 02\n　長女　凛　R1.5.1\n";
        assertThat(values(family, PiiType.DATE_OF_BIRTH)).containsExactly("昭和58年6月9日", "昭和61年2月14日", "平24.7.1", "R1.5.1");
        assertThat(values("父　山田 一郎　令和6年3月1日 死去\n妻 花子 2020年5月1日 入籍\n社員　山田 太郎　2024年4月1日", PiiType.DATE_OF_BIRTH))
                .isEmpty();
        for (String text : List.of("祖母　鈴木 ハナ　令和5年12月3日 他界", "母　次の通院は 2024年6月3日", "妻　来週 2024年5月10日 出張",
                "報告：うちの祖母　今日は病院で検査を受けて結果を聞いてきた　2024年6月3日", "母　予約 2024年6月3日")) {
            assertThat(values(text, PiiType.DATE_OF_BIRTH)).as(text).isEmpty();
        }
        assertThat(values("厚生年金の加入者 山田花子（昭和45年3月2日生）", PiiType.DATE_OF_BIRTH)).containsExactly("昭和45年3月2日");
        assertThat(types("31/31/2010 生年月日")).doesNotContain(PiiType.DATE_OF_BIRTH); // no date either way
        one("He can be reached on +33 6 12 48 57 90.", PiiType.PHONE, "+33 6 12 48 57 90");
        one("Tel: +44 20 7946 0958", PiiType.PHONE, "+44 20 7946 0958");
        one("Call +1 212-555-0147 after 9am.", PiiType.PHONE, "+1 212-555-0147");
        // the second review's: a language standard's versions, a golf card, numbers after a sign, a date after a time zone, parts of codes
        for (String text : List.of("前年比 +12 345 678 円", "Supported: C++98/03/11/14/17/20", "石川遼 +3 72 71 74 70 287",
                "背番号 +1 10 20 30 40 50", "差額 +12 345 67 890 円", "TZ: +9 2024 03 04 1200")) {
            assertThat(types(text)).as(text).doesNotContain(PiiType.PHONE);
        }
        for (String text : List.of("出生届 受理番号 12-05-2024-0087", "Born 1980. Build 12.05.2024.1 released", "ログ生成日時: 03/04/2025 12:00:01",
                "ログ生成日時: 2025/03/04 12:00:01", "衛生検査 2024/06/15 実施", "Our stubborn printer broke on 2024/05/12 again.",
                "1　厚生労働大臣が令和6年5月10日付けで原告に対してした処分を取り消す。", "住民となった日 平成6年8月30日（出生届出 平成6年9月5日）")) {
            assertThat(types(text)).as(text).doesNotContain(PiiType.DATE_OF_BIRTH);
        }
    }

    @Test
    void aPostalCodeAloneOnItsLineAboveTheAddress() {
        one("■お届け先\n160-0022\n東京都新宿区新宿六丁目27番地10\n", PiiType.POSTAL_CODE, "160-0022");
    }

    // ---- product codes, cards, context-only identifiers -------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {
        "JAN 4912402344834", "4912402344834", "JANコード：4957551313737", "商品コード 4957551313737",
        "ISBN 9784544091038", "ISBN978-4-544-09103-8", "9784544091038", "バーコード 402685995280",
        "JAN: 4957551313737（法人）", "EAN 4912402344834",
    })
    void productCodesAreNeverIdentifiers(String text) {
        assertThat(types(text)).doesNotContain(PiiType.CREDIT_CARD, PiiType.CORPORATE_NUMBER, PiiType.MY_NUMBER);
    }

    @Test
    void productCodeCheckDigitsMatterOnlyWithTheirPrefix() {
        // valid 法人番号 that is not an EAN-13 (or not one with a GS1 Japan / Bookland prefix) stays a 法人番号
        one("法人番号 3020001234567", PiiType.CORPORATE_NUMBER, "3020001234567");
        // a valid EAN-13 with a Japanese prefix that is also a valid 法人番号 needs 法人番号 context
        one("法人番号 4957551313737", PiiType.CORPORATE_NUMBER, "4957551313737");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "カード番号 30569309025904|30569309025904",
        "Diners 3056 930902 5904|3056 930902 5904",
        "カード番号：3612 3456 7890 13|3612 3456 7890 13",
        "本会員カード番号 3812 345678 9011|3812 345678 9011",
    })
    void dinersFourteenDigits(String text, String value) {
        assertThat(one(text, PiiType.CREDIT_CARD, value).validated()).isTrue();
    }

    @Test
    void residenceCardOnlyWithContext() {
        assertThat(find("AB12345678CD")).isEmpty();
        one("在留カード番号 AB12345678CD", PiiType.RESIDENCE_CARD, "AB12345678CD");
        one("在留カード：ＡＢ１２３４５６７８ＣＤ", PiiType.RESIDENCE_CARD, "ＡＢ１２３４５６７８ＣＤ");
        assertThat(hinted("AB12345678CD", PiiType.RESIDENCE_CARD)).extracting(Finding::type).containsExactly(PiiType.RESIDENCE_CARD);
        String chat = "在留カードの更新が終わりました\n新しいカードの番号を教えてください\nAB12345678CD です";
        one(chat, PiiType.RESIDENCE_CARD, "AB12345678CD");
    }

    @ParameterizedTest
    @ValueSource(strings = {"会員番号 33120015", "番号 33120015", "記号 33120015", "33120015", "保険者番号 19850106",
        "保険証 交付日 19850106"})
    void insurerNumberOnlyWithItsContextAndNeverADate(String text) {
        assertThat(types(text)).doesNotContain(PiiType.HEALTH_INSURANCE);
    }

    @Test
    void insurerNumberWithContext() {
        one("保険者番号 33120015", PiiType.HEALTH_INSURANCE, "33120015");
        one("健康保険証 保険者番号：33120015", PiiType.HEALTH_INSURANCE, "33120015");
    }

    @Test
    void anInsurerNumberTheTextCallsWrongIsNoneWhenItsCheckDigitFails() { // session 51
        // 06138386 fails its 検証番号; 06138378 and the receipt's code 001455 too; 33120015 holds
        assertThat(values("届書に記載いただいた保険者番号「06138386」は誤記のため、当組合で訂正して受け付けております。",
                PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(values("・001455：保険者番号の検証番号が不正です（06138378）。", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(values("0419,10052239,39130904,,80214466,保険者番号誤り", PiiType.HEALTH_INSURANCE)).doesNotContain("39130904");
        // the same number with no word against it is still read; so is a valid one the text calls wrong, and a card's 番号
        assertThat(values("保険者番号「06138386」で受け付けました。", PiiType.HEALTH_INSURANCE)).containsExactly("06138386");
        assertThat(values("保険者番号「33120015」は誤記ではありません。", PiiType.HEALTH_INSURANCE)).containsExactly("33120015");
        assertThat(values("保険証の記号 1234 番号 56781234、さっきのは間違いでした", PiiType.HEALTH_INSURANCE))
                .containsExactlyInAnyOrder("1234", "56781234");
        assertThat(values("記号 12345678 保険者番号 01234567（誤記訂正済み）", PiiType.HEALTH_INSURANCE)).containsExactly("12345678");
        // the review's: a 被保険者番号 (no check digit), a word about something else, a number said to be right
        assertThat(values("被保険者番号 12345678 を訂正しました。", PiiType.HEALTH_INSURANCE)).containsExactly("12345678");
        assertThat(values("保険者番号：01340010　傷病名：誤嚥性肺炎", PiiType.HEALTH_INSURANCE)).containsExactly("01340010");
        assertThat(values("保険者番号06130010、不正請求の疑いで調査中", PiiType.HEALTH_INSURANCE)).containsExactly("06130010");
        assertThat(values("保険者番号 06130010（誤りなし、確認済み）", PiiType.HEALTH_INSURANCE)).containsExactly("06130010");
    }

    @Test
    void aNationalHealthInsuranceCardsKanjiSymbol() { // session 49: 国保 and 健康保険 name the card as 保険証 does
        assertThat(values("国民健康保険 記号 世田 番号 12345", PiiType.HEALTH_INSURANCE)).containsExactlyInAnyOrder("世田", "12345");
        assertThat(values("国保　記号 練馬 番号 4567", PiiType.HEALTH_INSURANCE)).containsExactlyInAnyOrder("練馬", "4567");
        // a department, a household's number and a premium are not the card
        assertThat(values("国保世帯番号　0004127733", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(values("市国民健康保険課によると、発送番号は0701-22815。", PiiType.HEALTH_INSURANCE)).isEmpty();
        // session 60: a 共済's 記号 with its hyphen, and the 番号 after the ・ that joins them
        assertThat(values("地方職員共済組合の組合員証（記号・番号：72-031・0045177）", PiiType.HEALTH_INSURANCE))
                .containsExactly("72-031", "0045177");
        assertThat(values("○○健康保険組合　電話 03-3456・7890", PiiType.HEALTH_INSURANCE)).isEmpty(); // a phone written with a ・
    }

    @Test
    void whatACallerSaysAndAnIMEsFullWidthModeTypes() { // session 60, from a review of call-centre transcripts and forms
        assertThat(values("電話番号は090の9912の3407です", PiiType.PHONE)).containsExactly("090の9912の3407");
        assertThat(values("マイナンバーは4078の1526の3904です", PiiType.MY_NUMBER)).containsExactly("4078の1526の3904");
        assertThat(values("生年月日は1979年の10月23日です", PiiType.DATE_OF_BIRTH)).containsExactly("1979年の10月23日");
        assertThat(values("住所は川口市並木2の17の8です", PiiType.PHONE)).isEmpty();
        assertThat(values("メール：ｔａｎａｋａ＠ａｂｃ．ｃｏ．ｊｐ", PiiType.EMAIL)).containsExactly("ｔａｎａｋａ＠ａｂｃ．ｃｏ．ｊｐ");
        assertThat(values("TEL 045-000-3321／keiri@minato-linen.co.jp", PiiType.EMAIL)).containsExactly("keiri@minato-linen.co.jp");
        assertThat(values("2024-11-12 login user=k.matsuda@sunrise-hd.co.jp ok", PiiType.EMAIL))
                .containsExactly("k.matsuda@sunrise-hd.co.jp");
    }

    @Test
    void aBirthDateRightAfterThePerson() { // session 60, from a review of 窓口 and 受付 memos
        assertThat(values("来庁　大城 ミツ子 様（S28.2.5）", PiiType.DATE_OF_BIRTH)).containsExactly("S28.2.5");
        assertThat(values("初診　桐島 ユキエ様 S12.4.4（87）　後期高齢者", PiiType.DATE_OF_BIRTH)).containsExactly("S12.4.4");
        assertThat(values("世帯員：妻 由香里（S56.2.2）、長男 蒼真（H21.10.29）", PiiType.DATE_OF_BIRTH))
                .containsExactly("S56.2.2", "H21.10.29");
        assertThat(values("田中様（" + java.time.Year.now().getValue() + "/01/30）来店", PiiType.DATE_OF_BIRTH)).isEmpty(); // a visit's
        assertThat(values("山田様、2005年4月1日、ご契約", PiiType.DATE_OF_BIRTH)).isEmpty(); // a contract's day
        assertThat(values("山田様 2005/4/1（3件）", PiiType.DATE_OF_BIRTH)).isEmpty(); // no age after it
        assertThat(values("故 山田太郎 様（1990.5.10）", PiiType.DATE_OF_BIRTH)).isEmpty(); // the late's
        assertThat(values("被相続人 父 一郎（R3.5.1）", PiiType.DATE_OF_BIRTH)).isEmpty(); // no father born so late
        assertThat(values("山田様（H17.4.1）より入金", PiiType.DATE_OF_BIRTH)).isEmpty(); // an event after the bracket
        // a death written right after its date is no birth; a death's field after a birth date leaves it one
        assertThat(values("被相続人 鈴村重雄（昭和9年2月11日出生、令和6年5月30日死亡）", PiiType.DATE_OF_BIRTH)).containsExactly("昭和9年2月11日");
        assertThat(values("生年月日  昭和16年2月3日　死亡日 令和8年11月15日", PiiType.DATE_OF_BIRTH)).containsExactly("昭和16年2月3日");
    }

    @Test
    void codesWithALetterPrefixAreNotIdentifiers() {
        assertThat(find("決済ID: TXN-123456789018（システム控え）")).isEmpty();
        assertThat(find("REF-3020001234567")).isEmpty();
        one("TEL-03-1234-5678", PiiType.PHONE, "03-1234-5678");
    }

    @Test
    void cellsUnderAHintedColumn() {
        // a table in text gets its header as column context (the Detector's job); the cell values then count
        assertThat(hinted("19750315", PiiType.DATE_OF_BIRTH)).extracting(Finding::type).containsExactly(PiiType.DATE_OF_BIRTH);
        assertThat(hinted("㍼12年8月15日", PiiType.DATE_OF_BIRTH)).extracting(Finding::value).containsExactly("㍼12年8月15日");
        assertThat(hinted("1992年（平成4年）1月5日", PiiType.DATE_OF_BIRTH)).extracting(Finding::value)
                .containsExactly("1992年（平成4年）1月5日");
        assertThat(hinted("5300001", PiiType.POSTAL_CODE)).extracting(Finding::type).containsExactly(PiiType.POSTAL_CODE);
        assertThat(hinted("301", PiiType.HEALTH_INSURANCE)).extracting(Finding::type).containsExactly(PiiType.HEALTH_INSURANCE);
        assertThat(hinted("06271234", PiiType.HEALTH_INSURANCE)).extracting(Finding::type).containsExactly(PiiType.HEALTH_INSURANCE);
    }

    @Test
    void neverThrowsOnTheNewShapes() {
        Random rnd = new Random(5);
        String alphabet = "0123456789０T-Ｔ・･/／()（）[]［］at@＠★﹫. ,、。に生まれ年月日昭和㍼㋿（）記号番号ゆうちょ振替普通銀行〒品番第号JAN在留ABCD"
                + "docomo.ne.jp\n";
        for (int k = 0; k < 20000; k++) {
            StringBuilder b = new StringBuilder();
            int len = rnd.nextInt(50);
            for (int i = 0; i < len; i++) {
                b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String t = b.toString();
            for (Finding f : find(t)) {
                assertThat(f.start()).isGreaterThanOrEqualTo(0);
                assertThat(f.end()).isLessThanOrEqualTo(t.length()).isGreaterThan(f.start());
            }
            assertThat(hinted(t, PiiType.DATE_OF_BIRTH, PiiType.BANK_ACCOUNT)).isNotNull();
        }
    }

    // ---- no check-digit near-miss -----------------------------------------------------------------

    @Test
    void failingCheckDigitsAreNeverReportedAsTheirType() {
        Random rnd = new Random(12);
        String[] myNumberContexts = {"個人番号 %s", "マイナンバー：%s", "%s", "個人番号（マイナンバー）%s 本人確認済"};
        String[] corporateContexts = {"法人番号 %s", "登録番号 T%s", "T%s", "%s 株式会社"};
        String[] cardContexts = {"カード番号 %s", "VISA %s", "%s", "クレジットカード：%s"};
        for (int k = 0; k < 300; k++) {
            byte[] mn = randomDigits(rnd, 12);
            mn[11] = (byte) ((CheckDigits.myNumberCheck(mn, 0) + 1 + rnd.nextInt(9)) % 10);
            String m = str(mn);
            for (String c : myNumberContexts) {
                assertThat(types(String.format(c, m))).as(c, m).doesNotContain(PiiType.MY_NUMBER);
                assertThat(types(String.format(c, group(m, 4)))).doesNotContain(PiiType.MY_NUMBER);
            }
            assertThat(hinted(m, PiiType.MY_NUMBER)).noneMatch(f -> f.type() == PiiType.MY_NUMBER);

            byte[] co = randomDigits(rnd, 13);
            co[0] = (byte) ((CheckDigits.corporateCheck(co, 1) + 1 + rnd.nextInt(8)) % 10);
            if (co[0] == 0) {
                co[0] = (byte) (CheckDigits.corporateCheck(co, 1) == 1 ? 2 : 1);
            }
            String cn = str(co);
            assertThat(CheckDigits.corporateNumber(co, 0)).isFalse();
            for (String c : corporateContexts) {
                assertThat(types(String.format(c, cn))).as(c, cn).doesNotContain(PiiType.CORPORATE_NUMBER);
            }
            assertThat(hinted(cn, PiiType.CORPORATE_NUMBER)).noneMatch(f -> f.type() == PiiType.CORPORATE_NUMBER);

            int len = 14 + rnd.nextInt(3);
            byte[] cd = randomDigits(rnd, len);
            cd[0] = 4;
            while (CheckDigits.luhn(cd, 0, len)) {
                cd[len - 1] = (byte) ((cd[len - 1] + 1) % 10);
            }
            String card = str(cd);
            for (String c : cardContexts) {
                assertThat(types(String.format(c, card))).as(c, card).doesNotContain(PiiType.CREDIT_CARD);
                assertThat(types(String.format(c, group(card, 4)))).doesNotContain(PiiType.CREDIT_CARD);
            }
            assertThat(hinted(card, PiiType.CREDIT_CARD)).noneMatch(f -> f.type() == PiiType.CREDIT_CARD);
        }
    }

    private static byte[] randomDigits(Random rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(10);
        }
        return b;
    }

    private static String str(byte[] d) {
        StringBuilder b = new StringBuilder();
        for (byte x : d) {
            b.append((char) ('0' + x));
        }
        return b.toString();
    }

    private static String group(String s, int size) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i += size) {
            if (i > 0) {
                b.append(' ');
            }
            b.append(s, i, Math.min(s.length(), i + size));
        }
        return b.toString();
    }
}
