package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Shapes that real documents print and the fifth labelled set (eval/genres5, session 30) showed missed: official forms'
 * era numbers, a bank's half-width form, ゆうちょ accounts over several lines, rosters ruled with ｜, local papers' death
 * notices, Discord exports. Each rule with the case it must leave alone.
 */
class DocumentShapesTest {

    private static final Detector ALL = Detector.all();

    private static List<String> found(String text, PiiType type) {
        return ALL.detect(text, ALL.freeText()).stream().filter(f -> f.type() == type).map(Finding::value).toList();
    }

    @Test
    void aPensionFormsBirthDateIsTheErasNumberAndSixDigits() {
        String form = "①被保険者整理番号　118\n②氏名　遠藤 愛莉\n③生年月日　7-120604　（5.昭和 7.平成 9.令和）\n⑥取得年月日　9-081201\n";
        assertThat(found(form, PiiType.DATE_OF_BIRTH)).containsExactly("7-120604");
        assertThat(found(form, PiiType.HEALTH_INSURANCE)).isEmpty(); // the 整理番号 of the insured person, not the card's
        assertThat(found("生年月日　7-123456", PiiType.DATE_OF_BIRTH)).isEmpty(); // no month 34
        assertThat(found("生年月日　6-120604", PiiType.DATE_OF_BIRTH)).isEmpty(); // 6 is no era's number
    }

    @Test
    void numbersOfOtherInsurancesAndCertificatesAreNotTheHealthInsuranceCards() { // session 36
        assertThat(found("雇用保険被保険者番号 12345678", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("公費負担者番号 54136015 受給者番号 1234567", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("被保険者 管理コード 118", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("生命保険 証券番号 12345678", PiiType.HEALTH_INSURANCE)).isEmpty();
        // and a number's label after a person's is no name
        assertThat(found("厚生年金保険被保険者 整理番号 118", PiiType.PERSON)).isEmpty();
        assertThat(found("被保険者 管理番号 118", PiiType.PERSON)).isEmpty();
        // the card's own numbers still are, under a long insurer's name too
        assertThat(found("全国健康保険協会管掌健康保険被保険者証 記号 1234 番号 56", PiiType.HEALTH_INSURANCE)).containsExactly("1234", "56");
        assertThat(found("被保険者 山田太郎", PiiType.PERSON)).containsExactly("山田太郎");
    }

    @Test
    void anEraLetterWithAFullStop() {
        assertThat(found("生年月日 S.17/1/8", PiiType.DATE_OF_BIRTH)).containsExactly("S.17/1/8");
    }

    @Test
    void aYuchoAccountOverSeveralLinesOrInAnAccountColumn() {
        String mail = "ゆうちょからなら下記に。\n  ゆうちょ銀行\n  記号 14170\n  番号 28374611\n";
        assertThat(found(mail, PiiType.BANK_ACCOUNT)).containsExactly("14170", "28374611");
        String table = "取引先名\t振込先\t口座番号\n丸尾デザイン\tゆうちょ\t17460-22918341\n田辺製作所\t城南信金\t0086514\n";
        assertThat(found(table, PiiType.BANK_ACCOUNT)).containsExactly("17460", "22918341", "0086514");
        assertThat(found("受付番号 14170\n番号 28374611\n", PiiType.BANK_ACCOUNT)).isEmpty(); // no ゆうちょ near
    }

    @Test
    void aHalfWidthBankFormsLabelsAndWords() {
        String form = "ｹｲﾔｸｼｬﾒｲ    ﾀｶｷﾞ ｼｭﾝｽｹ\nｼｭｳﾉｳｷｷﾞｮｳ  ﾐﾔｷﾞｺｰﾌﾟ ｺｳﾅｲｷｮｳﾄﾞｳｸﾐｱｲ\nｷﾝﾕｳｷｶﾝ     0133 ﾐﾁﾉｸｼﾝｷﾝ\n"
                + "ｺｳｻﾞﾊﾞﾝｺﾞｳ  3907164\n";
        assertThat(found(form, PiiType.BANK_ACCOUNT)).containsExactly("3907164");
        assertThat(found(form, PiiType.PERSON)).containsExactly("ﾀｶｷﾞ ｼｭﾝｽｹ"); // not the co-op's long name
    }

    @Test
    void aRosterRuledWithFullWidthBars() {
        String roster = "会員名簿\nNo｜氏名｜生年月日｜住所｜電話\n1｜根本 ハル｜S13.4.2｜あおば台1-4-7｜047-385-2214\n"
                + "2｜石田 芳郎｜昭和15年 9月30日｜あおば台2-11-3｜047-385-0962\n";
        assertThat(found(roster, PiiType.DATE_OF_BIRTH)).containsExactly("S13.4.2", "昭和15年 9月30日");
        assertThat(found(roster, PiiType.ADDRESS)).containsExactly("あおば台1-4-7", "あおば台2-11-3");
    }

    @Test
    void aLocalPapersDeathNotices() {
        String notices = "【盛岡市】\n佐々木キヨ（97）みたけ4丁目・1日死去＝喪主長男正　告別式6日午前10時半\n"
                + "【花巻市】\n菅原トシ（101）石鳥谷町好地・30日死去＝喪主孫健太　告別式5日\n照井 嘉一（83）花巻市・2日死去\n";
        assertThat(found(notices, PiiType.ADDRESS)).containsExactly("みたけ4丁目", "石鳥谷町好地"); // not 花巻市 alone
        assertThat(found(notices, PiiType.PERSON)).contains("正", "健太");
        String commas = "◇宮古市\n及川勇（73）田老字小林78番地、2日死去。喪主妻ミサ子\n佐藤ミヨ子（93）境1234の5、3日死去\n"
                + "田中一郎さん（80）は病気のため、1日死去した。\n鈴木花子（77）自宅、2日死去";
        assertThat(found(commas, PiiType.ADDRESS)).containsExactly("田老字小林78番地", "境1234の5"); // not the cause, not 自宅
    }

    @Test
    void aDeathNoticeTableWithItsMunicipalitiesAsHeadingsBetweenItsRows() {
        String table = "氏名　年齢　住所　喪主（続柄）\n◇黒部市\n髙島ヨシ　88　山田新234　髙島政男（長男）\n"
                + "岩﨑源治　91　宇奈月町下立567　岩﨑悦子（長男の妻）\n◇入善町\n田邉フサ　99　上野2845　田邉一夫（長男）\n◇朝日町\n"
                + "※お問い合わせは市民課へ。";
        assertThat(found(table, PiiType.ADDRESS)).containsExactly("山田新234", "宇奈月町下立567", "上野2845");
        assertThat(found(table, PiiType.PERSON)).doesNotContain("◇黒部市", "黒部市", "◇入善町", "◇朝日町");
    }

    @Test
    void aChatWhoseLinesGiveTheTimeThenTheSpeakerAndTheMessageBelow() { // session 39
        String chat = "18:05 Kaori.S\n了解です！うちのそうたは小麦アレルギーなので\n18:09 森 直美\nうちの蓮、先月から薬を飲み始めて\n"
                + "18:15 Kaori.S\n年会費の件、聞いてます\n18:20 森 直美\n当番は森さんです\n";
        assertThat(found(chat, PiiType.PERSON)).contains("Kaori.S", "森 直美", "そうた");
        assertThat(found("【当日の流れ】\n10:00 受付\n会場は3階です。\n13:00 受付\n午後の部です。\n14:00 閉会\n解散です\n",
                PiiType.PERSON)).isEmpty(); // a timetable, not a chat
        assertThat(found("Day 1\n09:00 Breakfast\nHotel restaurant\n12:00 Lunch\nLocal diner\nDay 2\n09:00 Breakfast\nHotel\n"
                + "12:00 Lunch\nCafe\n", PiiType.PERSON)).isEmpty(); // an itinerary (a review, session 39)
        assertThat(found("うちの子は元気\nうちの犬が吠える\nうちの会社は休み\nうちの娘は\nうちのほうが近い\nうちのひとが\n"
                + "そのうちのひとりが手を挙げた。\nうちのさくらが満開になりました。\nおうちのさくらが咲きました。\nうちのかえでの木\n", PiiType.PERSON))
                .isEmpty(); // words of the dictionary, and うちの inside another word
        assertThat(found("うちの翔が言うには\nうちのみゆは療育手帳B2で\n", PiiType.PERSON)).containsExactly("翔", "みゆ");
        String family = "正志: 親父が今朝亡くなりました\nゆかり: 連絡ありがとう\n正志: 通夜は16日18時\nKaito: 受付手伝います\n"
                + "ゆかり: 受付は私と兄で。ばあちゃん（スミ）は車いすだから送迎お願い\n正志: 了解\n";
        assertThat(found(family, PiiType.PERSON)).contains("Kaito", "スミ"); // once among people who speak twice; after ばあちゃん
        String school = "高田: 明日の集合は7:50です\nあや: 了解です\nYoko.S: 1組はインフルで5人休みだそうです\n高田: ありがとうございます\n"
                + "あや: はーい\ncity_hall: 本日の窓口は17時までです\n";
        assertThat(found(school, PiiType.PERSON)).contains("Yoko.S").doesNotContain("city_hall");
    }

    @Test
    void aSystemMailboxsDisplayNameIsNoPerson() { // session 39: a form's notification, forwarded
        String mail = "差出人: 片桐 由香 <katagiri@example.or.jp>\n\n> From: 相談フォーム <no-reply@example.or.jp>\n> Subject: 【相談フォーム】新規のご相談\n";
        assertThat(found(mail, PiiType.PERSON)).containsExactly("片桐 由香");
    }

    @Test
    void aDiscordExportsSpeakers() {
        String chat = "kuro_neko — 昨日 23:41\n今日の配信おつ〜\ntaka_99🍊 — 今日 08:42\nおつでした！\nkuro_neko — 今日 08:45\nハチ公前か、了解\n"
                + "taka_99🍊 — 今日 08:46\nじゃあ10時に\n";
        assertThat(found(chat, PiiType.PERSON)).containsExactly("kuro_neko", "taka_99", "kuro_neko", "taka_99");
        // a room of hiragana names whose messages stand under their speakers' lines (session 41)
        String room = "ほのか — 昨日 22:41\n奨学金の書類、どこ見ればいい？\nぺんぎん — 昨日 22:43\n通知カード見て\nほのか — 昨日 22:45\nあ、これか\n"
                + "ぺんぎん — 昨日 22:45\nちょ、それ本物なら消しな！！\n宇野 — 今日 08:12\n@ほのか さん、昨夜の番号は削除してください\n"
                + "ゆうき — 今日 08:30\nありがとうございます。学生支援室にも伝えてあります\n宇野 — 今日 08:33\n合宿の連絡先は後で送ります\n";
        assertThat(found(room, PiiType.PERSON)).contains("ほのか", "ゆうき");
    }

    @Test
    void aHiraganaNameThatIsAlsoAWordWithARelationOfTheirs() { // session 41: しょう, not only a verb's ending
        String chat = "riku: なあ聞いた？しょうの兄ちゃんパクられたって\nyuka: まじ？なんで\nmocha: え、しょうの兄ちゃんってまだ17とかじゃない？\n"
                + "yuka: ごめん。しょうのLINE消えてるから\n";
        assertThat(found(chat, PiiType.PERSON)).containsSubsequence("しょう", "しょう", "しょう");
        String words = "riku: 明日でしょう？\nyuka: 行きましょう。\nmocha: しょうがないね\nyuka: しょうの話\n";
        assertThat(found(words, PiiType.PERSON)).doesNotContain("しょう");
    }

    @Test
    void aPhoneNumberAfterAPostalCodeAndAnAddress() {
        assertThat(found("01 相沢 聡　〒990-0041 山形市緑町3-4-15　023-622-8104", PiiType.PHONE)).containsExactly("023-622-8104");
        assertThat(found("選挙事務所は那須塩原市黒磯幸町4-12（0287-62-5517）。", PiiType.PHONE)).containsExactly("0287-62-5517");
        assertThat(found("tel +81(0)3-1234-5678", PiiType.PHONE)).containsExactly("+81(0)3-1234-5678");
    }

    @Test
    void aMeshColumnNamedByItsOrder() {
        String log = "timestamp,lat,lon,mesh3\n2026-12-01T07:42:10+09:00,35.728926,139.729512,53394578\n"
                + "2026-12-01T08:15:33+09:00,35.681236,139.767125,53394611\n";
        assertThat(found(log, PiiType.LOCATION)).contains("53394578", "53394611");
    }

    @Test
    void aForeignNameWithAJapaneseOneKatakanaFirst() {
        String roster = "03 ソフィア 菅野　090-4021-8876\n04 エンリケ 高城　在米・住所不明\n5｜パク 順子｜1940.11.20\n弁護人ヴォーン 理沙\n";
        assertThat(found(roster, PiiType.PERSON)).containsExactly("ソフィア 菅野", "エンリケ 高城", "パク 順子", "ヴォーン 理沙");
        assertThat(found("カフェ 高城で待ち合わせ", PiiType.PERSON)).isEmpty(); // a common word, not a name
    }

    @Test
    void theKanjiOfANameAfterItsRomanisation() {
        assertThat(found("From: \"ZHANG Wei (張 偉)\" <zhang.wei@example.co.jp>\n妻（LIU YAN／劉 燕）も申請します。", PiiType.PERSON))
                .contains("張 偉", "劉 燕");
        assertThat(found("Taro Yamada (東京本社)", PiiType.PERSON)).doesNotContain("東京本社");
    }

    @Test
    void aKatakanaNameOfThreeWordsInANameColumn() {
        String csv = "顧客ID,氏名,フリガナ\nC1,宇佐見 遥,ウサミ ハルカ\nC2,Tran Thi Mai,チャン ティ マイ\n";
        assertThat(found(csv, PiiType.PERSON)).contains("チャン ティ マイ");
    }

    @Test
    void injuriesAsPeopleTellThemDialysisAbuseAndAids() {
        assertThat(found("帰りの階段で足首くじいたの大丈夫？", PiiType.SENSITIVE_HEALTH)).containsExactly("足首くじいた");
        assertThat(found("先週、右手首を痛めました。", PiiType.SENSITIVE_HEALTH)).containsExactly("右手首を痛めました");
        assertThat(found("うちも透析10年目です。", PiiType.SENSITIVE_HEALTH)).containsExactly("透析10年目");
        assertThat(found("駅前の透析クリニックが移転します。", PiiType.SENSITIVE_HEALTH)).isEmpty();
        assertThat(found("主訴　夫からのＤＶ被害。", PiiType.SENSITIVE_OTHER)).containsExactly("夫からのＤＶ被害");
        assertThat(found("少年は実父から身体的虐待を受けていた。", PiiType.SENSITIVE_OTHER)).containsExactly("身体的虐待");
        assertThat(found("| 4 | 三上 航 | 車いす利用、段差のない部屋を希望 |", PiiType.SENSITIVE_OTHER)).containsExactly("車いす利用");
        assertThat(found("手帳は市役所の障害福祉課です。", PiiType.SENSITIVE_OTHER)).isEmpty(); // a department
        assertThat(found("今年はインフルエンザはやってるから、みんな手洗いうがいね", PiiType.SENSITIVE_HEALTH)).isEmpty(); // an epidemic
        assertThat(found("息子がインフルエンザで休んでいる", PiiType.SENSITIVE_HEALTH)).containsExactly("インフルエンザ");
    }

    @Test
    void aCourtsStatementAboutAnyoneIsNoOnesRecord() {
        String law = "ある者が刑事事件につき被疑者とされ，さらには被告人として公訴を提起されて判決を受け，とりわけ有罪判決を受け，服役したという事実は，"
                + "その者の名誉あるいは信用に直接にかかわる事項である。";
        assertThat(found(law, PiiType.SENSITIVE_CRIME)).isEmpty();
    }

    @Test
    void aLocalNumberAfterATelephoneMarkABuildingColumnAndAPensionNumberWithABlank() {
        assertThat(found("町内会長　狩野 重雄（☎２２－３０５８）", PiiType.PHONE)).containsExactly("２２－３０５８");
        assertThat(found("第22-3058号", PiiType.PHONE)).isEmpty(); // no telephone mark
        String csv = "name,zip,address1,address2,tel\n武藤 慎也,604-8141,京都府京都市中京区泉正寺町328,烏丸ビル4F,075-221-6604\n"
                + "有村 拓,812-0011,福岡県福岡市博多区博多駅前2-5-17,博多MKビル9F,092-472-8150\n";
        assertThat(found(csv, PiiType.ADDRESS)).contains("烏丸ビル4F", "博多MKビル9F");
        assertThat(found("⑤基礎年金番号　4012 583094", PiiType.PENSION_NUMBER)).containsExactly("4012 583094");
    }

    @Test
    void anAddressSplitOverColumnsKeepsItsTownAndBlockNumbers() { // session 59, from a review's address books
        String csv = "氏名,都道府県,市区町村,町名,番地,建物名\n小松 茂,石川県,金沢市,広坂,1-1-1,\n佐藤 一郎,東京都,新宿区,不明,2-8-1,新宿ビル301\n";
        assertThat(found(csv, PiiType.ADDRESS)).containsExactly("1-1-1", "2-8-1", "新宿ビル301"); // the town alone: no (see below)
        assertThat(found("都道府県,人口\n石川県,1100000\n", PiiType.ADDRESS)).isEmpty(); // a prefecture's column is no address
        assertThat(found("氏名,住所2\n小松 茂,上記に同じ\n佐藤 一郎,服役中\n", PiiType.ADDRESS)).isEmpty();
        // a town's column names places in statistics and postal-code lists as often as homes
        assertThat(found("町名,人口\n広坂,1200\n本町,800\n", PiiType.ADDRESS)).isEmpty();
        assertThat(found("郵便番号,都道府県,市区町村,町域\n0600000,北海道,札幌市中央区,以下に掲載がない場合\n", PiiType.ADDRESS))
                .doesNotContain("以下に掲載がない場合");
    }

    @Test
    void aColumnOfEthnicOrigin() { // session 59, from a review of foreign-resident registers
        String csv = "氏名,国籍,民族\nアフマド,アフガニスタン,ハザラ\nグエン,ベトナム,キン族\n";
        assertThat(found(csv, PiiType.SENSITIVE_OTHER)).containsExactly("ハザラ", "キン族");
    }

    @Test
    void theLeaderOfAnOutingAndTheUserOfADevice() {
        assertThat(found("引率：藤堂（090-7715-2038）　参加費 3,500円", PiiType.PERSON)).containsExactly("藤堂");
        assertThat(found("export: locationlog.csv  device=Pixel 8  user=Mori Kaito", PiiType.PERSON)).containsExactly("Mori Kaito");
    }

    @Test
    void numbersOfTheTwentyFirstAndThirtyFirstSetsShapes() { // session 42
        // a 記号 in two groups between its label and 番号: one 記号 (a pair of numbers after 記号・番号 stays two)
        assertThat(found("ミン 保険証は 保険者番号 01112978 記号 1947 0623 番号 386", PiiType.HEALTH_INSURANCE))
                .containsExactly("01112978", "1947 0623", "386");
        assertThat(found("保険証の記号・番号 3127 4402", PiiType.HEALTH_INSURANCE)).containsExactly("3127", "4402");
        // a 個人番号 copied in kanji numerals, in groups
        assertThat(found("19:31 母 マイナンバーは 四三六七　四六七六　三八四三", PiiType.MY_NUMBER)).containsExactly("四三六七　四六七六　三八四三");
        assertThat(found("一二 三四 五六 七八", PiiType.MY_NUMBER)).isEmpty();
        // a made-up phone number in an unassigned block (the sets' fictional numbers); not one of zeros
        assertThat(found("緊急通知先: 090-0000-2748（父）", PiiType.PHONE)).containsExactly("090-0000-2748");
        assertThat(found("ご不明点は担当 佐野（06-0000-3151）まで", PiiType.PHONE)).containsExactly("06-0000-3151");
        assertThat(found("記入例 090-0000-0000 / 03-0000-0000", PiiType.PHONE)).isEmpty();
        // a passport of digits only after its label
        assertThat(found("HAYASHI EMILY ROSE　米国旅券（U.S. Passport No.）510001290　有効期限 2028年8月20日", PiiType.PASSPORT))
                .containsExactly("510001290");
        assertThat(found("会員番号 510001290", PiiType.PASSPORT)).isEmpty();
        // seven digits under a bank's name after another number's label
        assertThat(found("捜査関係事項照会回答書［ひかり銀行 R7.2.27、顧客番号 8174402］", PiiType.BANK_ACCOUNT)).isEmpty();
        assertThat(found("ひかり銀行 普通 口座番号 8174402", PiiType.BANK_ACCOUNT)).containsExactly("8174402");
    }

    @Test
    void datesOfTheThirtyFirstSetsShapes() { // session 42
        // a birth date right after its label, another date's label before it on the line
        assertThat(found("旅券番号 TS6421231　有効期限 2030年3月11日　生年月日 1981年10月5日", PiiType.DATE_OF_BIRTH))
                .containsExactly("1981年10月5日");
        // a date after a code and a full-width slash
        assertThat(found("男性の「WONG KA MING／K93617168／1979-11-02生」といった記録", PiiType.DATE_OF_BIRTH)).containsExactly("1979-11-02");
        assertThat(found("会員 12345／1979-11-02生", PiiType.DATE_OF_BIRTH)).containsExactly("1979-11-02");
    }

    @Test
    void namesOfTheThirtyFirstSetsShapes() { // session 42
        // a family's chat: 父 and 母 speak, and so does 大和, whom the dictionary knows as a place too
        String family = "19:02 父 会社から申告書が来た\n19:03 母 大和、カード財布に入ってる？\n19:10 大和 ちょい待ち\n"
                + "19:11 大和 学生証のじゃないよね？\n19:11 母 違う\n19:33 父 助かる\n";
        assertThat(found(family, PiiType.PERSON)).containsExactly("大和", "大和", "大和");
        // a role with the name in brackets, the name also a city's (田村市)
        String support = "15:02 オペレーター（田村）：お待たせいたしました。\n15:03 お客様：注文番号 2511083407 です\n"
                + "15:06 オペレーター（田村）：恐れ入ります。\n15:07 お客様：はい\n";
        assertThat(found(support, PiiType.PERSON)).containsExactly("田村", "田村");
        // romanised place names after a place's label, and a label in a romanised roster
        String register = "予約番号 Reservation No. RB2516043　到着 10/14\n[1] 氏名 Name: NGUYEN THI LAN　国籍 Nationality: ベトナム Viet Nam\n"
                + "    住所 Address: 45 Hang Bong, Hoan Kiem, Ha Noi\n予約番号 Reservation No. RB2516058\n"
                + "[3] 氏名 Name: Olivia MITCHELL　国籍 Nationality: オーストラリア Australia\n予約番号 Reservation No. RB2516071\n";
        assertThat(found(register, PiiType.PERSON)).containsExactly("NGUYEN THI LAN", "Olivia MITCHELL");
        // the holder's romanised name before 名義; not a card's
        assertThat(found("在留カード（番号 NR70155411NZ、ZHANG LEI名義）｜1枚", PiiType.PERSON)).containsExactly("ZHANG LEI");
        assertThat(found("JCB CARD名義の明細", PiiType.PERSON)).isEmpty();
        // a full name, then the office glued to it; a given name glued after a family word
        assertThat(found("気象庁の平野 陽子地震津波監視課長は記者会見で", PiiType.PERSON)).containsExactly("平野 陽子");
        assertThat(found("10月3日生まれ　父石川拓也　母美咲　字長久保123", PiiType.PERSON)).containsExactly("石川拓也", "美咲");
        assertThat(found("妻和子、長男翔太", PiiType.PERSON)).containsExactly("和子", "翔太");
        assertThat(found("母子手帳と父母会の案内", PiiType.PERSON)).isEmpty();
        // a noun of an act before する, and a ward's head
        assertThat(found("藤原さんは22日朝に単独で入山した。", PiiType.PERSON)).containsExactly("藤原");
        assertThat(found("北九州市小倉北区長　安藤 光男", PiiType.PERSON)).doesNotContain("小倉北");
    }

    @Test
    void proseOfTheThirtySecondSetsShapes() { // session 42
        // the injury of one person a headline states after what struck them; not a count's
        assertThat(found("▽登校中の児童はねられ軽傷", PiiType.SENSITIVE_HEALTH)).containsExactly("軽傷");
        assertThat(found("元交際相手を刺し重傷　男に懲役9年", PiiType.SENSITIVE_HEALTH)).containsExactly("重傷");
        assertThat(found("この事故で乗客2人が軽傷", PiiType.SENSITIVE_HEALTH)).isEmpty();
        // one kanji after 本名 that is no surname; an office ending in a title after a label, before the name
        assertThat(found("原告の本名及び通称名と共に繰り返し投稿した", PiiType.PERSON)).isEmpty();
        assertThat(found("※本名簿は本人の同意を得て市から提供されたものです。", PiiType.PERSON)).isEmpty();
        assertThat(found("更新担当　自主防災会長　岡本　守（0742-00-1106）", PiiType.PERSON)).containsExactly("岡本　守");
        // a results list: a circled rank, the name, the team in brackets
        assertThat(found("【男子5000m】①ワンジル・キプロノ（日立物流）13分41秒02②吉田大河（中部電力）13分52秒77", PiiType.PERSON))
                .containsExactly("ワンジル・キプロノ", "吉田大河");
        assertThat(found("①申込書（様式1）②確認書（様式2）", PiiType.PERSON)).isEmpty();
        // a doctor's name in a judgment's set phrase
        assertThat(found("主治医前田　亮作成の診断書及び鑑定人の意見書", PiiType.PERSON)).containsExactly("前田　亮");
    }

    @Test
    void whatTheReviewOfSession42Found() {
        // one kanji letter with a colon, a mention or a time beside it may be a name
        assertThat(found("林：090-1234-5678", PiiType.PERSON)).containsExactly("林");
        assertThat(found("[10:02] 林: 👍", PiiType.PERSON)).containsExactly("林");
        // a team sheet's lines ended by a carriage return
        assertThat(found("先発メンバー\r3（遊）ロドリゲス\r4（二）五十嵐 蒼", PiiType.PERSON)).contains("ロドリゲス");
        // a name in another field after a place's label on the same line
        assertThat(found("住所：東京都新宿区1-2-3 山田様方 Maria Garcia", PiiType.PERSON)).contains("Maria Garcia");
        assertThat(found("住所: Ha Noi, Viet Nam 連絡先 Nguyen Van An", PiiType.PERSON)).contains("Nguyen Van An");
        // an account's own labels; a firm's romanised name before 名義; a code's label before a made-up phone's shape
        assertThat(found("預金番号 1234567", PiiType.BANK_ACCOUNT)).containsExactly("1234567");
        assertThat(found("HONDA MOTOR名義の口座", PiiType.PERSON)).isEmpty();
        for (String code : List.of("ロット 05-0000-1234", "製造番号 03-0000-1234", "S/N 03-0000-1234")) {
            assertThat(found(code, PiiType.PHONE)).as(code).isEmpty();
        }
        assertThat(found("電話番号 03-0000-1234", PiiType.PHONE)).containsExactly("03-0000-1234");
    }

    @Test
    void aCellOfOneLetterHoldsNoNameButAOneKanjiSurnameWithItsHonorificIsOne() {
        // the name recognizer skips a cell with fewer than two letters (性別 男, 顧客ID C1000001), not 林 様
        for (String cell : List.of("男", "C1000001", "2024/01/05", "A")) {
            assertThat(ALL.detect(cell, ALL.contextFor("性別"))).isEmpty();
        }
        assertThat(ALL.detect("林 様", ALL.contextFor("備考"))).extracting(Finding::value).containsExactly("林");
        assertThat(ALL.detect("𠮷田さん", ALL.contextFor("備考"))).extracting(Finding::value).containsExactly("𠮷田");
        assertThat(ALL.detect("妻 同上", ALL.contextFor("氏名"))).isEmpty(); // a placeholder among a name cell's words
        assertThat(ALL.detect("本田 未来", ALL.contextFor("氏名"))).extracting(Finding::value).containsExactly("本田 未来");
        // session 60: the insured's name under an insurance header; a count's column; a shop's split delivery address
        assertThat(ALL.detect("山岸 早苗", ALL.contextFor("被保険者名"))).extracting(Finding::type).containsExactly(PiiType.PERSON);
        assertThat(ALL.detect("ヤマギシ サナエ", ALL.contextFor("被保険者カナ"))).extracting(Finding::type).containsExactly(PiiType.PERSON);
        assertThat(ALL.detect("18422", ALL.contextFor("被保険者数"))).isEmpty();
        assertThat(ALL.detect("エミリー カーター", ALL.contextFor("注文者カナ"))).extracting(Finding::type).containsExactly(PiiType.PERSON);
        assertThat(ALL.detect("匿名希望", ALL.contextFor("投稿者名"))).isEmpty();
        assertThat(ALL.detect("マルノウチ", ALL.contextFor("町域名カナ"))).extracting(Finding::type).doesNotContain(PiiType.PERSON);
        assertThat(ALL.detect("会員 佐藤一郎", ALL.contextFor("購入者"))).extracting(Finding::type).contains(PiiType.PERSON);
        assertThat(ALL.detect("浦添市", ALL.contextFor("お届け先市区町村"))).extracting(Finding::type).doesNotContain(PiiType.PERSON);
    }

    @Test
    void aColumnNamedForAnotherNumberHoldsNoMyNumberEvenWhenTheCheckDigitHolds() {
        // 140751817564 passes the 個人番号 check (one number in ten does); under 会員番号 it is a member's number
        String roster = "会員番号　　　氏名　　　　　　　電話\n140766392335　大久保 健吾　0466-27-3310\n140751817564　早乙女 紗季　080-3662-0094\n"
                + "140756327293　東條 隆　　　0466-82-7025\n";
        assertThat(found(roster, PiiType.MY_NUMBER)).isEmpty();
        assertThat(found(roster, PiiType.PERSON)).containsExactly("大久保 健吾", "早乙女 紗季", "東條 隆");
        assertThat(ALL.detect("140751817564", ALL.contextFor("会員番号"))).isEmpty();
        assertThat(ALL.detect("140751817564", ALL.contextFor("個人番号"))).extracting(Finding::type).containsExactly(PiiType.MY_NUMBER);
        assertThat(ALL.detect("140751817564", ALL.contextFor("備考"))).extracting(Finding::type).containsExactly(PiiType.MY_NUMBER);
    }

    @Test
    void aPlaceOfDeathNamedOnlyByItsMunicipalityIsNoAddressAndLeavesTheCause() {
        String obituary = "2日、心筋梗塞のため群馬県大泉町の病院で死去、72歳。";
        assertThat(found(obituary, PiiType.ADDRESS)).isEmpty();
        assertThat(found(obituary, PiiType.SENSITIVE_HEALTH)).containsExactly("心筋梗塞のため");
        assertThat(found("大阪府大阪市に住んでいます", PiiType.ADDRESS)).containsExactly("大阪府大阪市"); // where someone lives
    }

    @Test
    void aFormsNameAfterItsBracketedLabelsAndAnAddressReadInKana() {
        String form = "②氏名　（ﾌﾘｶﾞﾅ）ｴﾝﾄﾞｳ　ｱｲﾘ\n　　　　（氏）遠藤　（名）愛莉\n"
                + "④住所　（ﾌﾘｶﾞﾅ）ﾐﾔｷﾞｹﾝ ｾﾝﾀﾞｲｼ ﾐﾔｷﾞﾉｸ ﾆｼｷﾁｮｳ 1-3-9\n";
        assertThat(found(form, PiiType.PERSON)).containsExactly("ｴﾝﾄﾞｳ　ｱｲﾘ", "遠藤", "愛莉");
        assertThat(found(form, PiiType.ADDRESS)).containsExactly("ﾐﾔｷﾞｹﾝ ｾﾝﾀﾞｲｼ ﾐﾔｷﾞﾉｸ ﾆｼｷﾁｮｳ 1-3-9");
        assertThat(found("（名）東京本社", PiiType.PERSON)).isEmpty(); // 名 is a name's part only beside 氏
        assertThat(found("商品名（カナ）ﾃｽﾄｼｮｳﾋﾝ", PiiType.PERSON)).isEmpty();
    }

    @Test
    void aHealthInsuranceCardsSymbolWithItsKanjiBoxedDigitsAndTheBranchNumber() {
        assertThat(found("保険者番号 136754\n記号　府中２３　番号　００４５１８", PiiType.HEALTH_INSURANCE))
                .containsExactly("136754", "府中２３", "００４５１８");
        assertThat(found("健康保険　被保険者証\n保険者番号　0 1 2 3 5 9 8 5\n", PiiType.HEALTH_INSURANCE)).containsExactly("0 1 2 3 5 9 8 5");
        assertThat(found("　保険者番号：06140339\n　記号：5108　番号：2217　枝番：00\n", PiiType.HEALTH_INSURANCE))
                .containsExactly("06140339", "5108", "2217", "00");
        // another number's label, a list's numbering, an employer's numbers
        assertThat(found("件名：保険証変更のご連絡（診察券番号 0031287）", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("保険証のほか、別の医院の診察券（番号0041887）も見つかった。保険者番号 06140339", PiiType.HEALTH_INSURANCE))
                .containsExactly("06140339");
        assertThat(found("被保険者証の写し\n療養を受けた方　1.被保険者　［2.家族（被扶養者）］", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("保険者番号 06140339\n事業所整理記号　21-ﾐﾉﾘ　　事業所番号　40872", PiiType.HEALTH_INSURANCE))
                .containsExactly("06140339");
    }

    @Test
    void aSymbolsLettersAfterACellsEdgeAndAnInsurancePolicy() {
        String xml = "<Insured>\n  <InsurerNumber>31471006</InsurerNumber>\n  <Symbol>ｱｻ12</Symbol><Number>40417</Number>\n</Insured>";
        assertThat(found(xml, PiiType.HEALTH_INSURANCE)).containsExactly("31471006", "ｱｻ12", "40417");
        String roster = "学年 選手名       保護者       緊急連絡先        保険証（保険者番号／記号／番号）\n"
                + "6年  樋口 陽菜    樋口 沙耶    070-4420-1938     138214／西東京12／004781\n";
        assertThat(found(roster, PiiType.HEALTH_INSURANCE)).containsExactly("138214", "西東京12", "004781");
        assertThat(found("保険証 記号 東京12 番号 34", PiiType.HEALTH_INSURANCE)).containsExactly("東京12", "34");
        // letters after no edge stay out: a word before the number is not the 記号's
        assertThat(found("保険者番号 06140339 記号 5108 番号 2217 家族12", PiiType.HEALTH_INSURANCE)).doesNotContain("家族12");
        // a 損保's policy is no 被保険者証: a list's row number beside it is nothing
        assertThat(found("11｜メモ紙｜3枚｜被差押人\n12｜保険証券（ひまわり損保、証券番号 434158514204）｜1通｜被差押人",
                PiiType.HEALTH_INSURANCE)).isEmpty();
    }

    @Test
    void aSymbolOfLettersQuotedValuesAndTheCardsOtherHeadings() { // session 45
        assertThat(found("保険者番号 113118　記号 さいたま南　番号 ０４２２１", PiiType.HEALTH_INSURANCE))
                .containsExactly("113118", "さいたま南", "０４２２１");
        assertThat(found("公立学校共済　保険者番号 34133967　記号 東京あ　番号 1402　枝番 01", PiiType.HEALTH_INSURANCE))
                .containsExactly("34133967", "東京あ", "1402", "01");
        assertThat(found("関東ソフトウェア健康保険組合　保険者番号06129316　記号【ＫＴ３】　番号７７０１", PiiType.HEALTH_INSURANCE))
                .containsExactly("06129316", "ＫＴ３", "７７０１");
        assertThat(found("被保険者証で、保険者番号は01139310、記号「府中１２」、番号「３０４７」。", PiiType.HEALTH_INSURANCE))
                .containsExactly("01139310", "府中１２", "３０４７");
        assertThat(found("健保の被扶養者証 記号 ４１２ 番号 ６３３ 枝番 01 は返却予定", PiiType.HEALTH_INSURANCE))
                .containsExactly("４１２", "６３３", "01");
        assertThat(found("正しくは保険証の記号 ＫＴ 番号 20913", PiiType.HEALTH_INSURANCE)).containsExactly("ＫＴ", "20913");
        // an empty field, words about the 記号, another field's 記号, a policy's or a pension's card, no 番号 after it
        assertThat(found("被保険者証　記号 なし　番号 1234", PiiType.HEALTH_INSURANCE)).containsExactly("1234");
        for (String text : List.of("保険証の記号が読めない。", "保険証の記号とは何ですか。", "被保険者証の記号は空欄でした。",
                "保険証の記号は 東京 と書いてある", "保険者番号 06140339\n記号 Fe は鉄", "生命保険証書　記号 ＡＢ　番号 1234567",
                "保険証ケース\n品番　記号 ＡＢ　ブラック")) {
            assertThat(found(text, PiiType.HEALTH_INSURANCE)).as(text).doesNotContain("が読め", "とは何ですか", "空欄でした", "東京", "Fe",
                    "ＡＢ");
        }
        assertThat(found("厚生年金保険被保険者証　記号 アイウ　番号 123456", PiiType.HEALTH_INSURANCE)).doesNotContain("アイウ");
        // another number's label before the quote, a count of digits, a word after a valid insurer's number
        assertThat(found("保険証と診察券番号は「0031287」です", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("被保険者証（06140339 本人）", PiiType.HEALTH_INSURANCE)).containsExactly("06140339");
        assertThat(found("保険証に 06140339 年1回更新", PiiType.HEALTH_INSURANCE)).containsExactly("06140339");
        assertThat(found("保険証\n事業所整理記号 東京あ", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("療養を受けた方　■被保険者　□家族\n診療月　令和 07 年 08 月", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("島田 一郎さん（31）名義の被保険者証を示して受診", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("氏名\t被保険者\n山田 花子\t本人\n", PiiType.HEALTH_INSURANCE)).isEmpty();
        String json = "{\n  \"results\": [\n    {\n      \"insurerNumber\": \"01260512\",\n      \"insuredCardSymbol\": \"26011503\",\n"
                + "      \"insuredIdentificationNumber\": \"1207\",\n      \"insuredBranchNumber\": \"01\",\n      \"name\": \"藤原 陽介\"\n    }\n  ]\n}";
        assertThat(found(json, PiiType.HEALTH_INSURANCE)).containsExactly("01260512", "26011503", "1207", "01"); // オンライン資格確認's fields
        assertThat(found("{\n  \"insuredCardClassification\": \"01\",\n  \"name\": \"藤原 陽介\"\n}", PiiType.HEALTH_INSURANCE)).isEmpty();
    }

    @Test
    void aChatLineWithANumberIsNoTablesHeader() {
        String chat = "09:22\tゆうき\t写真ボケてて読めないw\n09:24\t父\t保険者番号 136754\n09:24\t父\t記号　府中２３　番号　００４５１８\n"
                + "09:25\t母\tありがと\n09:26\t母\t受付で出しとく\n09:27\t父\tよろしく\n";
        assertThat(found(chat, PiiType.HEALTH_INSURANCE)).containsExactly("136754", "府中２３", "００４５１８");
    }

    @Test
    void aBirthDateWhoseEraAFormsListChoseOrWrittenInEnglish() {
        assertThat(found("生年月日 ☑昭和 □平成 □令和 58年3月14日", PiiType.DATE_OF_BIRTH)).containsExactly("58年3月14日");
        // session 45: the ticked box before the era's number, and the era's first character in brackets
        assertThat(found("生年月日　□1.昭和　■2.平成　□3.令和　05年03月12日", PiiType.DATE_OF_BIRTH)).containsExactly("05年03月12日");
        assertThat(found("生年月日　明・大・(昭)　37年 5月 1日　（63歳）", PiiType.DATE_OF_BIRTH)).containsExactly("37年 5月 1日");
        assertThat(found("診療月 (令) 7年 8月", PiiType.DATE_OF_BIRTH)).isEmpty();
        String form = "生年月日　1.昭和 2.平成 3.令和　［1］ ５０ 年 ０７ 月 １２ 日\n　氏名　宮崎 紗良　　生年月日　［2］20 年 11 月 03 日\n";
        assertThat(found(form, PiiType.DATE_OF_BIRTH)).containsExactly("５０ 年 ０７ 月 １２ 日", "20 年 11 月 03 日");
        assertThat(found("生年月日　S・63・2・29（満36歳）", PiiType.DATE_OF_BIRTH)).containsExactly("S・63・2・29");
        assertThat(found(" Date of Birth : 03NOV1987", PiiType.DATE_OF_BIRTH)).containsExactly("03NOV1987");
        assertThat(found("Born on March 3, 1940 in Osaka.", PiiType.DATE_OF_BIRTH)).containsExactly("March 3, 1940");
        assertThat(found("The meeting is on March 3, 2025.", PiiType.DATE_OF_BIRTH)).isEmpty();
        assertThat(found("生年月日 ☑昭和 □平成 58年3月14日", PiiType.DATE_OF_BIRTH)).doesNotContain("平成 58年3月14日");
    }

    @Test
    void aListsEntriesReadTheHeadingAboveThem() {
        String form = "■住民票コードがわかる場合（通知票のとおり記入）\n恭平　2 1 2 2 3 3 0 7 9 2 0\n直子　4402 6859 953\n";
        assertThat(found(form, PiiType.RESIDENT_RECORD_CODE)).containsExactly("2 1 2 2 3 3 0 7 9 2 0", "4402 6859 953");
        assertThat(found("■連絡先\n恭平　4402 6859 953\n", PiiType.RESIDENT_RECORD_CODE)).isEmpty();
    }

    @Test
    void aNameSpreadOverItsFieldABlankBetweenEveryCharacter() {
        assertThat(found("氏　　名　　榊 原　典 子\n生年月日", PiiType.PERSON)).containsExactly("榊 原　典 子");
        assertThat(found("報告者　古 川　茂 男（農業）", PiiType.PERSON)).containsExactly("古 川　茂 男");
        assertThat(found("From: 高 木 悠 真 <takagi@example.jp>", PiiType.PERSON)).containsExactly("高 木 悠 真");
        for (String heading : List.of("被　告　人", "生 年 月 日", "住　所　地", "取 扱 説 明 書", "判　　　決")) {
            assertThat(found(heading + "\n", PiiType.PERSON)).as(heading).isEmpty();
        }
    }

    @Test
    void aOneKanjiGivenNamePaddedToItsFieldsWidth() { // session 59, from reviews of rosters and results lists
        assertThat(found("氏名　林　　誠\n", PiiType.PERSON)).containsExactly("林　　誠");
        assertThat(found("１　林　　誠　　営業部\n２　森　　湊　　総務部\n", PiiType.PERSON)).containsExactly("林　　誠", "森　　湊");
        assertThat(found("ご芳名　　杉山　　昭\n", PiiType.PERSON)).containsExactly("杉山　　昭");
        assertThat(found("林　　誠　　森　　湊\n", PiiType.PERSON)).containsExactly("林　　誠", "森　　湊");
        for (String notName : List.of("性　別　男", "金　額　１０００円", "上　田　市", "会議室　Ａ", "鈴木　印")) {
            assertThat(found(notName + "\n", PiiType.PERSON)).as(notName).noneMatch(v -> v.length() > 2);
        }
    }

    @Test
    void anArrestInPlainWordsAndASearchForSomeoneMissing() {
        assertThat(found("高野さん、詐欺で捕まったって", PiiType.SENSITIVE_CRIME)).containsExactly("詐欺で捕まった");
        assertThat(found("駅前でタクシーが捕まった", PiiType.SENSITIVE_CRIME)).isEmpty();
        assertThat(found("巡視船など3隻とヘリコプター1機で捜索を続けている。", PiiType.SENSITIVE_CRIME)).isEmpty();
    }

    @Test
    void fullWidthRomanisedNamesABareLotNumberAndAMunicipalityTheLexiconLacksAfterALabel() {
        assertThat(found("被告人　ＩＶＡＮＯＶ Ｓｅｒｇｅｙ（イワノフ・セルゲイ）", PiiType.PERSON)).contains("ＩＶＡＮＯＶ Ｓｅｒｇｅｙ");
        assertThat(found("▽桑原 ミツさん（９４）＝岐阜市長良福光２５６０＝２日死去。", PiiType.ADDRESS)).containsExactly("岐阜市長良福光２５６０");
        assertThat(found("岐阜市長選挙2019年", PiiType.ADDRESS)).isEmpty();
        assertThat(found("　所在地：掛津市大池2512-1\n", PiiType.ADDRESS)).containsExactly("掛津市大池2512-1");
        assertThat(found("所在地：掛津市役所の近く", PiiType.ADDRESS)).isEmpty();
    }

    @Test
    void anEnglishBookingMailsFieldsAShopsChatAccountAndAJudgmentsSpreadHeadingAreNoNames() {
        String mail = "From: Global Travel Desk <travel-desk@example.com>\nTo: Keiko Yamashita <keiko@example.com>\n\n"
                + " Traveller     : YAMASHITA / KEIKO MS\n Passport No.  : TK4471928\n Payment       : Corporate JCB 3530 1113 3330 0000\n"
                + " ANA Mileage   : 4402817736\n Hotel         : Marina Bayfront Suites\n";
        assertThat(found(mail, PiiType.PERSON)).doesNotContain("Global Travel Desk", "Passport No", "Corporate JCB", "ANA Mileage")
                .contains("Keiko Yamashita");
        assertThat(found("Hi Keiko-san,\nthanks.", PiiType.PERSON)).containsExactly("Keiko");
        String chat = "14:02 ハウスリンク本山店：上村様、審査が通りました\n14:05 上村：ありがとうございます\n"
                + "14:06 ハウスリンク本山店：下記へお願いいたします\n14:07 上村：承知しました\n";
        assertThat(found(chat, PiiType.PERSON)).doesNotContain("ハウスリンク本山店");
        assertThat(found("次のとおり略式命令を発する。\n主　文\n被告人を罰金25万円に処する。", PiiType.PERSON)).isEmpty();
        assertThat(found("沢渡　ゆかり　４６　立　元①　ＮＰＯ理事\n森本　勇気　　２９　無　新　会社員\n", PiiType.PERSON))
                .containsExactly("沢渡　ゆかり", "森本　勇気");
    }

    @Test
    void theOtherSpeakerOfAChatAndADeliveryListsRecipient() {
        String chat = "けんた: e-Taxで止まってる\nゆい: カードの裏見て\nけんた: 通った\nゆい: メモっとけ\nけんた: 了解\nゆい: そっか\n";
        assertThat(found(chat, PiiType.PERSON)).contains("ゆい", "けんた");
        String shift = "店長: 今日シフト入れる人いる？\n福田: 行けます\n店長: 助かる\n福田: はい\n店長: ありがとう\n福田: いえ\n";
        assertThat(found(shift, PiiType.PERSON)).doesNotContain("店長");
        String csv = "順,伝票番号,お届け先,郵便番号,住所\n1,4401-7783-2290,柴田 里奈,211-0005,川崎市中原区新丸子町915-3\n"
                + "2,4401-7783-2301,株式会社吉村商店 御中,211-0063,川崎市中原区小杉町3-264-3\n3,4401-7783-2312,MOORE Jessica,211-0006,川崎市中原区丸子通1-636\n";
        assertThat(found(csv, PiiType.PERSON)).containsExactly("柴田 里奈", "MOORE Jessica");
    }

    @Test
    void anExportsRowsAfterANoteKeepTheirColumns() {
        String export = "患者ID\t氏名\t生年月日\t保険者番号\t記号\t番号\t枝番\n000412\t今村 雅人\t1969/03/08\t31138787\t都職員１２\t204517\t00\n"
                + "000977\tNguyen Thi Hoa\t1998/07/30\t01148378\t71220019\t342\t00\n001205\t関口 ヨシ\t1940/01/05\t39270178\t\t00881204\t\n"
                + "エラー行（取込不可）\n001311\t長島 透\t1975/05/19\t06140339\t12-88\t3041\t00\t← 要確認\n";
        assertThat(found(export, PiiType.DATE_OF_BIRTH)).contains("1975/05/19");
        assertThat(found(export, PiiType.HEALTH_INSURANCE)).contains("都職員１２", "12-88", "3041");
        String two = "氏名\t生年月日\t電話\n山田 太郎\t1980/01/02\t03-1234-5678\n佐藤 花子\t1981/02/03\t03-2345-6789\n"
                + "鈴木 一郎\t1982/03/04\t03-3456-7890\n\n品番\t製造日\t数量\nA-100\t2024/01/02\t5\n";
        assertThat(found(two, PiiType.DATE_OF_BIRTH)).doesNotContain("2024/01/02"); // a blank line ends the table
    }

    @Test
    void aTownInTheMunicipalityTheTextIsAboutAndAHalfWidthBuilding() {
        assertThat(found("請求者：浅井 康平　市内本町3-4-12 メゾン本町402\n", PiiType.ADDRESS)).containsExactly("市内本町3-4-12 メゾン本町402");
        assertThat(found("菅 野 ふ み（町内・字上野台４７番地）10,000円", PiiType.ADDRESS)).containsExactly("字上野台４７番地");
        assertThat(found("住所　　盛岡市上田四丁目１９－２２　ｺｰﾎﾟ上田Ⅱ　１０３\n", PiiType.ADDRESS))
                .containsExactly("盛岡市上田四丁目１９－２２　ｺｰﾎﾟ上田Ⅱ　１０３");
        for (String text : List.of("市内の病院に入院した", "市内3か所で火災", "町内会費1000円", "区内2校で休校")) {
            assertThat(found(text, PiiType.ADDRESS)).as(text).isEmpty();
        }
    }

    @Test
    void ruralLotsAddressesInLatinLettersAndTheBuildingOnTheNextLine() {
        String list = "１　玉城　健　　　　字西原1234番地　　　　　　098-945-3021\n２　新垣　ハル　　　字西原１２４０番地の５\n";
        assertThat(found(list, PiiType.ADDRESS)).containsExactly("字西原1234番地", "字西原１２４０番地の５");
        assertThat(found("　　大字上野字西原１２３４番地　　当寺門徒", PiiType.ADDRESS)).containsExactly("大字上野字西原１２３４番地");
        assertThat(found("大字月夜野　　林　トミ　　９９", PiiType.ADDRESS)).containsExactly("大字月夜野");
        for (String text : List.of("文字1234個", "字幕2行", "赤字3000万円")) {
            assertThat(found(text, PiiType.ADDRESS)).as(text).isEmpty();
        }
        assertThat(found("・上條　ひかる　3-14-2 Kamimeguro, Meguro-ku, Tokyo 153-0051", PiiType.ADDRESS))
                .containsExactly("3-14-2 Kamimeguro, Meguro-ku, Tokyo");
        assertThat(found("・上條　ひかる　3-14-2 Kamimeguro, Meguro-ku, Tokyo 153-0051", PiiType.POSTAL_CODE)).containsExactly("153-0051");
        assertThat(found("Rm 302, Sunny Court Nishijin, 4-12 Imadegawa-dori Omiya Nishi-iru, Kamigyo-ku, Kyoto 602-8216", PiiType.ADDRESS))
                .containsExactly("Rm 302, Sunny Court Nishijin, 4-12 Imadegawa-dori Omiya Nishi-iru, Kamigyo-ku, Kyoto");
        assertThat(found("宮城県仙台市青葉区一番町４丁目７－１７\n一番町スクエア１４Ｆ　１４０５\nTEL 022", PiiType.ADDRESS))
                .containsExactly("宮城県仙台市青葉区一番町４丁目７－１７", "一番町スクエア１４Ｆ　１４０５");
        assertThat(found("さいたま市見沼区大字東宮下字八幡213番地4\n　　家屋番号　213番4\n", PiiType.ADDRESS)).doesNotContain("家屋番号　213番4");
        assertThat(found("東京都千代田区丸の内1-2-3\n市民センター 10時開館\n", PiiType.ADDRESS)).containsExactly("東京都千代田区丸の内1-2-3");
    }

    @Test
    void quotedChatSpeakersHandlesTheHouseholdAnAddressIsInTheCareOfAndStaffByTheirJob() {
        String chat = "あっこ「ねえ、知ってる？」\nりえ「あの黒い車の？」\nあっこ「そうそう」\nりえ「えー怖」\nなおみ「噂はやめよ」\nなおみ「ね」\n";
        assertThat(found(chat, PiiType.PERSON)).contains("あっこ", "りえ", "なおみ");
        String handles = "大野: [位置情報] 駐車場\nkazu: 新居の駐車場どこ？\n大野: 裏です\nkazu: 東村山駅からバス？\nちひろ: 歩ける\n"
                + "kazu: さんせー\nちひろ: 了解\n";
        assertThat(found(handles, PiiType.PERSON)).contains("kazu");
        assertThat(found("現住所　浜松市中央区佐鳴台三丁目四十五番十二号　朝倉方\n", PiiType.PERSON)).containsExactly("朝倉");
        assertThat(found("この方法で、あの方に", PiiType.PERSON)).isEmpty();
        assertThat(found("料金　３００円×２　＝６００円　　取扱者　宇佐見\n", PiiType.PERSON)).containsExactly("宇佐見");
        for (String text : List.of("窓口 受付中", "担当 募集中", "申請者 受付中", "デバイスドライバー アップデート")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty(); // a state or a thing after the label, no person
        }
        assertThat(found("作成者：経理 大橋\n", PiiType.PERSON)).containsExactly("大橋");
    }

    @Test
    void namesInAJudgmentsSetPhrasesAndEnglishSignatures() {
        assertThat(found("当裁判所は，付添人溝口　遼出席の上審理し", PiiType.PERSON)).containsExactly("溝口　遼");
        assertThat(found("弁護人吉住 航平作成の控訴趣意書", PiiType.PERSON)).containsExactly("吉住 航平");
        assertThat(found("同店店長竹下 義則管理に係る食料品等", PiiType.PERSON)).containsExactly("竹下 義則");
        assertThat(found("被害者石川一郎所有の自転車1台", PiiType.PERSON)).containsExactly("石川一郎");
        for (String text : List.of("検察事務官作成の前科調書", "証人尋問調書作成の経緯", "被害者本人所有の財布", "店長代理作成のシフト表",
                "社長室管理に係る金庫")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
        assertThat(found(" Traveller     : YAMASHITA / KEIKO MS\n", PiiType.PERSON)).containsExactly("YAMASHITA / KEIKO");
        assertThat(found("Best regards,\nArjun Mehta / Global Travel Desk\n", PiiType.PERSON)).containsExactly("Arjun Mehta");
        assertThat(found("Best regards,\nCustomer Support Team\n", PiiType.PERSON)).isEmpty();
        assertThat(found("氏名（ローマ字）　SILVA PEREIRA, Ana Carolina\n", PiiType.PERSON)).containsExactly("SILVA PEREIRA, Ana Carolina");
        assertThat(found("00547 | Alvarez Ramos, Luis | 1\n", PiiType.PERSON)).containsExactly("Alvarez Ramos, Luis");
        assertThat(found("1　2:16:48　No.12　Daniel KIPROTICH（湘南電工）\n", PiiType.PERSON)).containsExactly("Daniel KIPROTICH");
        assertThat(found("We met in Tokyo, Japan last year. NEW YORK, New York. Meeting at Osaka, Friday.", PiiType.PERSON)).isEmpty();
        assertThat(found("2nd Prize: Riku Nakayama (Towa JHS)", PiiType.PERSON)).containsExactly("Riku Nakayama");
        // a romanised name column: initials, full-width letters, a family name's particle, up to five words
        String roster = "社員番号,氏名,氏名（ローマ字）\n10702,ペレラ タリンドゥ,ＰＥＲＥＲＡ　Ｔｈａｒｉｎｄｕ\n10715,イワン・ペトロフ,Ivan S. Petrov\n"
                + "10716,ダ・シルバ マリア,Maria Aparecida Fujimoto da Silva\n";
        assertThat(found(roster, PiiType.PERSON)).contains("ＰＥＲＥＲＡ　Ｔｈａｒｉｎｄｕ", "Ivan S. Petrov", "Maria Aparecida Fujimoto da Silva");
    }

    @Test
    void aKatakanaNameWithItsOwnSpellingInBrackets() {
        assertThat(found("被告人　アブドゥル・カリム・ラフマン\n（ABDUL KARIM RAHMAN）\n", PiiType.PERSON))
                .containsExactly("アブドゥル・カリム・ラフマン", "ABDUL KARIM RAHMAN");
        assertThat(found("中国籍のチャン・ウェイ（張偉）容疑者", PiiType.PERSON)).containsExactly("チャン・ウェイ", "張偉");
        assertThat(found("・トム・ナカムラ（中村　勉）　ホノルル市\n", PiiType.PERSON)).contains("トム・ナカムラ");
        assertThat(found("2 ジョセフ・ワンジル（北浜陸運）2時間09分11秒\n3 ピーター・キメリ（金沢大）", PiiType.PERSON))
                .containsExactly("ジョセフ・ワンジル", "ピーター・キメリ"); // a team in brackets, not the name's other spelling
        for (String text : List.of("アップル・ジャパン（Apple Japan Inc）と提携", "ボール・ペン（黒）を買う", "ワールド・カップ（W杯）の開幕",
                "ゼロ・トラスト（Zero Trust）", "スター・ウォーズ（Star Wars）", "ゴールデン・ゲート（金門）",
                "ロイヤル・ホテル（Royal Hotel Osaka）で", "3-2-14 Momodani, Ikuno-ku, Osaka")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
    }

    @Test
    void aLatinNameTheListsLackWithEachWordTranscribedInBrackets() { // session 45
        assertThat(found("A0052  Rizky Pratama（リズキ・プラタマ）  倉庫課", PiiType.PERSON)).containsExactly("Rizky Pratama", "リズキ・プラタマ");
        assertThat(found("男子100キロ級　Tevita Fifita（テビタ・フィフィタ、八戸学院大）", PiiType.PERSON))
                .containsExactly("Tevita Fifita", "テビタ・フィフィタ");
        // words of the dictionary, one word only, sounds that differ, a word more on one side; in prose, no list's row and
        // no affiliation: a place, a band or a brand transcribed as faithfully (Machu Picchu, Arctic Monkeys)
        for (String text : List.of("Hello Kitty（ハロー・キティ）のグッズ", "Mercedes Benz（メルセデス・ベンツ）", "A1　Zorbex Quantum（ゾルベ・カンタ）",
                "Vantrex（ヴァントレックス）の新製品", "A1　Kelvar Dostin Brue（ケルバ・ドスティン）", "旅行でMachu Picchu（マチュ・ピチュ）を訪れた",
                "Arctic Monkeys（アークティック・モンキーズ）のライブ", "Baskin Robbins（バスキン・ロビンス）で買った")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
        assertThat(NameRecognizer.consonants("Clarke")).isEqualTo("krk");
        assertThat(NameRecognizer.consonants("Nurhaliza")).isEqualTo("nrhrz");
    }

    @Test
    void aChatMembersNameInHiraganaBeforeAParticle() {
        String chat = "17:02 ママ　みおまだ塾？\n17:05 みお　いま終わった\n17:06 みお　そうたくんと帰る\n17:07 パパ　了解\n17:08 パパ　気をつけて\n"
                + "17:09 ママ　みおも気をつけてね、みおつくしは明日\n";
        assertThat(found(chat, PiiType.PERSON)).containsExactly("みお", "みお", "みお", "そうた", "みお"); // not みお of みおつくし
        String words = "さき: ゆう、起きてる？\nゆう: うん\nさき: さきに帰るね\nゆう: りょ\nさき: またね\nゆう: おやすみ\n";
        Detector all = Detector.all();
        int early = words.indexOf("さきに"); // 先に, not the speaker さき
        assertThat(all.detect(words, all.freeText())).noneMatch(f -> f.start() == early);
    }

    @Test
    void aOneKanjiSurnameThatIsAlsoAWordWithAGivenName() {
        assertThat(found("などと母東 真琴に繰り返し訴えていた", PiiType.PERSON)).containsExactly("東 真琴");
        assertThat(found("関係証拠によれば、被告人南 ゆうとは、", PiiType.PERSON)).containsExactly("南 ゆうと");
        assertThat(found("鑑定人森 悠真医師作成の鑑定書", PiiType.PERSON)).containsExactly("森 悠真");
        assertThat(found("金一万円　岡 そうた　西 ひまり\n", PiiType.PERSON)).containsExactly("岡 そうた", "西 ひまり");
        assertThat(found("▽取締役林ひなた▽", PiiType.PERSON)).containsExactly("林ひなた");
        assertThat(found("※係の変更は担任東 美穂まで、連絡帳でお知らせください。", PiiType.PERSON)).containsExactly("東 美穂");
        for (String text : List.of("維新　新　元市長秘書", "関東 地方の天気", "駅の南 口改札", "東 日本の各地", "森 の中を歩く", "岡 山県へ",
                "風向き 南 やや強く", "東 ひかり号で移動", "南 はるか彼方に")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
    }

    @Test
    void aChildsNameBeforeItsParentAndAChiefMournerAfterADot() {
        assertThat(found("学級委員　はるとママ（西田）・颯パパ（北村）\n広報係　美桜母、湊母、ゆいな母\n", PiiType.PERSON))
                .contains("はると", "颯", "美桜", "湊", "ゆいな");
        for (String text : List.of("祖母、叔父、聖母、父母と", "保母、寮母、神父の順", "母、父、ママ", "若ママ、集まれ", "戦艦・空母・駆逐艦",
                "美人ママ、発見")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
        assertThat(found("▽本町二丁目　森キミ（92）　喪主・長男湊　6日正午、市斎場\n", PiiType.PERSON)).contains("湊");
    }

    @Test
    void namesHalfInKana() {
        assertThat(found("無職鳴海トミさん（85）方から出火", PiiType.PERSON)).containsExactly("鳴海トミ");
        assertThat(found("佐々木キヨ（97）みたけ4丁目・1日死去", PiiType.PERSON)).containsExactly("佐々木キヨ");
        assertThat(found("当　2,590　ふじもと和子　61　立現②", PiiType.PERSON)).containsExactly("ふじもと和子");
        assertThat(found("実母マリアは，少年が幼い頃から", PiiType.PERSON)).containsExactly("マリア");
        assertThat(found("空港へは弊社のアサクラが迎えに参ります。", PiiType.PERSON)).containsExactly("アサクラ");
        assertThat(found("長く通名の「金田英子」で暮らし", PiiType.PERSON)).containsExactly("金田英子");
        assertThat(found("小野寺春子（旧姓及川）（79）", PiiType.PERSON)).containsExactly("小野寺春子", "及川");
        assertThat(found("第1週　そうすけ・りお", PiiType.PERSON)).containsExactly("そうすけ", "りお");
        for (String text : List.of("通称「赤レンガ倉庫」と呼ばれる建物", "通称「山田商店」で知られる", "父がパソコンを買った。", "弊社のサービスは好評です。",
                "もも・りんご・みかん", "さいたま市長　56　自現")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
        assertThat(found("面会票には「小林スヱ」で書いてね。", PiiType.PERSON)).containsExactly("小林スヱ");
    }

    @Test
    void namesByRelationProfessionChurchAndForm() {
        assertThat(found("長男湊（平成25年2月18日生）及び長女紬（平成28年9月1日生）をもうけた。", PiiType.PERSON)).containsExactly("湊", "紬");
        assertThat(found("対象者には保健師椎名から個別に連絡します。", PiiType.PERSON)).containsExactly("椎名");
        String church = "鵜飼 ルツ 和枝姉（92歳）が11月22日、老衰のため召天されました。\n・篠宮兄が脳梗塞で入院中です\n";
        assertThat(found(church, PiiType.PERSON)).containsExactly("鵜飼 ルツ 和枝", "篠宮");
        assertThat(found("教会の兄弟姉妹の皆さん、礼拝へようこそ。義兄が来た。長姉は不在。", PiiType.PERSON)).isEmpty();
        assertThat(found("【3万円以上】柏原 秀一・美紀　株式会社中村薬品", PiiType.PERSON)).containsExactly("柏原 秀一", "美紀");
        assertThat(found("ﾌﾘｶﾞﾅ　ﾀｶｼﾅ ｹｲｺﾞ\n氏名　鷹科　圭吾　　性別　男\n", PiiType.PERSON)).containsExactly("ﾀｶｼﾅ ｹｲｺﾞ", "鷹科　圭吾");
        assertThat(found("ふりがな　とうきょうと　こうとうく　とよす\n", PiiType.PERSON)).isEmpty();
        assertThat(found("氏名　内科　受付\n", PiiType.PERSON)).isEmpty();
        assertThat(found("Dear Ms Kitaura,\nOur student", PiiType.PERSON)).containsExactly("Kitaura");
        assertThat(found("当裁判所は、付添人檜山真澄及び調査官の意見を聴き", PiiType.PERSON)).containsExactly("檜山真澄");
        assertThat(found("班長（1～6班、順に）岩佐・倉橋・アルバレス・菅野・戸村・真壁\n", PiiType.PERSON))
                .containsExactly("岩佐", "倉橋", "アルバレス", "菅野", "戸村", "真壁");
        assertThat(found("受付：井手・小畑\n", PiiType.PERSON)).containsExactly("井手", "小畑");
        for (String text : List.of("東京・大阪・名古屋で開催。", "国語・数学・英語の3教科。", "開催地：岩手・宮城\n", "岩手・宮城・福島の3県。")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
        assertThat(found("緊急連絡先　鷹科 美穂（妻）　080-1129-5538", PiiType.PERSON)).containsExactly("鷹科 美穂");
        assertThat(found("県保健所　宍戸課長補佐が説明した。", PiiType.PERSON)).containsExactly("宍戸");
        assertThat(found("教育委員は5人。選挙管理委員は3人。民生委員および自主防災会長限り", PiiType.PERSON)).isEmpty(); // 委員 ends committees
        String log = "受付No.\t日付\t相談者\t対応\n1128\t11/05\t柿崎 亜紀\t一時保護\n1131\t11/12\t松永 ひかり\t警察へ同行\n";
        assertThat(found(log, PiiType.PERSON)).containsExactly("柿崎 亜紀", "松永 ひかり"); // a header cell ending in No.
        assertThat(found("| 番号 | 氏名 | 担当 |\n|---|---|---|\n| 1 | 藤崎 陽子 | 受付 |\n| 2 | 竹内 遼 | 会計 |\n", PiiType.PERSON))
                .containsExactly("藤崎 陽子", "竹内 遼"); // 担当 is often a task, not a person
    }

    @Test
    void headingsAndOfficesWhereALabelOrADisplayNameExpectsAName() { // session 50
        assertThat(found("中野区 おくやみ窓口\u3000手続きのご案内（ご遺族用）\n", PiiType.PERSON)).isEmpty();
        assertThat(found("From: \"経理部 請求書送付\" <invoice@example.jp>\n", PiiType.PERSON)).isEmpty();
        assertThat(found("差出人: 総務 早坂 <soumu@example.com>\n", PiiType.PERSON)).containsExactly("早坂");
        assertThat(found("差出人: 石 一郎 <ishi@example.jp>\n", PiiType.PERSON)).containsExactly("石 一郎"); // a surname, no section
        assertThat(found("From: 空 <sora@example.jp>\n", PiiType.PERSON)).containsExactly("空"); // a given name of one kanji
        assertThat(found("喪主\u3000光照寺住職\u3000飛鳥井 恵信\n", PiiType.PERSON)).containsExactly("飛鳥井 恵信");
        assertThat(found("喪主\u3000長男\u3000飛鳥井 恵一\n", PiiType.PERSON)).containsExactly("飛鳥井 恵一");
        assertThat(found("喪主\u3000故人長男\u3000飛鳥井 恵一\n", PiiType.PERSON)).containsExactly("飛鳥井 恵一"); // any KIN word ends an office
        // a Vietnamese name in katakana, its middle name ヴァン or ティ (a donation list, news)
        assertThat(found("金一万円\u3000\u3000ファム・ヴァン・ドゥック\n", PiiType.PERSON)).containsExactly("ファム・ヴァン・ドゥック");
        assertThat(found("ファム・ティ・フオンさんが来日した。", PiiType.PERSON)).containsExactly("ファム・ティ・フオン");
        assertThat(found("パン・ティー・セットを注文した。", PiiType.PERSON)).isEmpty();
    }

    @Test
    void aChatCopiedWithEachSpeakerOnALineAboveTheMessage() { // session 50: LINE's and Teams' copies
        String chat = "LINE グループ「旅行の会」(3)\n\nみさき\nホテルの予約できた？\nあやね\nはい\nYuki\nわたしやっとく\nみさき\nはい\n"
                + "あやね\nたすかる\nYuki\nまかせて\n";
        assertThat(found(chat, PiiType.PERSON)).containsExactly("みさき", "あやね", "Yuki", "みさき", "あやね", "Yuki"); // not はい
        // without a chat's export named at the top, short lines that repeat are a menu's, a forecast's, a song's
        String forecast = "東京\n晴れ時々曇り\n大阪\n曇り\n東京\n晴れ\n大阪\n雨\n東京\n曇り\n大阪\n晴れ\n";
        assertThat(found(forecast, PiiType.PERSON)).isEmpty();
        String lyrics = "LINEで送った歌詞\nさくら\nさくら\nやよいの空は\nさくら\nさくら\n見渡す限り\nはる\nはる\nはるかぜ\n";
        assertThat(found(lyrics, PiiType.PERSON)).doesNotContain("さくら", "はる");
        // a record's labels, each above its value, and words that repeat are no speakers
        String record = "社員番号\n10482\nフリガナ\nヤマダ タロウ\n個人番号\n（別紙）\n社員番号\n10483\nフリガナ\nサトウ ハナコ\n個人番号\n（別紙）\n";
        assertThat(found(record, PiiType.PERSON)).doesNotContain("社員番号", "フリガナ", "個人番号");
        String notes = "了解\n明日の件\n以上\nよろしく\n了解\n承知しました\n以上\nお願いします\nママ\nごはん\nママ\nおかえり\n";
        assertThat(found(notes, PiiType.PERSON)).isEmpty();
    }

    @Test
    void theUserNamesOfAChatRoom() {
        String room = "ねこまる🐾：今日のレイド行けないかも\nねこまる🐾：最近また眠れなくて\nぽんず：え、大丈夫？\nGale_77：ゆっくり休め〜\n"
                + "ぽんず：ネタバレやめろｗｗ\nゆず湯：オフ会の件、確定。\nGale_77：了解。\nゆず湯：うん。\n";
        assertThat(found(room, PiiType.PERSON)).contains("ねこまる", "ぽんず", "Gale_77", "ゆず湯");
        for (String text : List.of("Q：料金は？\nA：無料です。\nQ：予約は？\nA：不要です。\nQ：駐車場は？\nA：あります。\n",
                "問：料金は？\n答：無料です。\n問：予約は？\n答：不要です。\n問：駐車場は？\n答：あります。\n",
                "記者：感想は？\n監督：よかった。\n記者：次は？\n監督：勝ちます。\n司会：以上です。\n司会：では。\n")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
    }

    /** What the review of session 32's rules found they must leave alone. */
    @Test
    void whatSession32sRulesLeaveAlone() {
        for (String text : List.of("Best regards,\nHuman Resources\n", "Thank you,\nAll Nippon Airways\n", "Best\nSeller Ranking\n",
                "代表者三井物産名義の口座", "社長松下電器出席", "所有者西武鉄道所有", "被害者側　代理人作成", "代表者印　実印及び印鑑証明書",
                "聖書朗読　ルカ\n主日礼拝", "主日礼拝　説教　牧師兄",
                "カラー：レッド\nサイズ：M\n素材：綿\nカラー：ブルー\nサイズ：L\n素材：麻\nカラー：白\nサイズ：S\n素材：綿\n",
                "A社：条件は前回と同じでお願いします。\nB社：価格をもう少し下げられますか。\nC社：納期を確認させてください。\n"
                        + "A社：承知しました。\nB社：よろしくお願いします。\nC社：追って連絡します。\n",
                "通称「山田線」と呼ばれる", "通称「石原軍団」", "担当医：当科", "同居家族　あり（母）", "人気の「千葉ミカン」",
                "聖母マリアの像", "出発空港：成田・羽田", "Dr Pepper", "Mr Donut", "TOYOTA, Hikari Model", "Trains: NOZOMI, Hikari, Kodama",
                "Victor JVC", "Don QUIJOTE", "担当：店側")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
        assertThat(found("主日礼拝\n祈祷　長老　吉田兄\n", PiiType.PERSON)).containsExactly("吉田");
        assertThat(found("主日礼拝\n奏楽　田中姉\n", PiiType.PERSON)).containsExactly("田中");
        assertThat(found("山田 太郎・作", PiiType.PERSON)).containsExactly("山田 太郎"); // ・作 is a credit
        assertThat(found("3年2組 奥寺湊の母です。", PiiType.PERSON)).containsExactly("奥寺湊");
        assertThat(found("1年生の母です。3年の保護者より", PiiType.PERSON)).isEmpty();
        assertThat(found("独居。支援者：森脇（隣家）", PiiType.PERSON)).containsExactly("森脇");
        assertThat(found("To: 人事部 給与チーム <kyuyo@example.jp>\n", PiiType.PERSON)).isEmpty();
        assertThat(found("※取扱厳重注意・民生委員および自主防災会長限り", PiiType.PERSON)).isEmpty();
        assertThat(found("フリガナ：チバケンタ\n", PiiType.PERSON)).containsExactly("チバケンタ");
        assertThat(found("弁護人吉住航平作成の控訴趣意書", PiiType.PERSON)).containsExactly("吉住航平");
        assertThat(found("たなか ゆうきさんが来た", PiiType.PERSON)).containsExactly("たなか ゆうき");
        assertThat(found("鹿児島市吉野町出身の歌手", PiiType.ADDRESS)).isEmpty();
        for (String text : List.of("40度の熱湯で茹でる", "30度の熱帯夜が続く", "ナトリウム 120mg", "タウリン1000mg配合", "妊娠22週以降の中絶は",
                "妊娠11週までに母子手帳を")) {
            assertThat(found(text, PiiType.SENSITIVE_HEALTH)).as(text).isEmpty();
        }
        assertThat(found("当寺の檀家の皆様へ", PiiType.SENSITIVE_CREED)).doesNotContain("当寺の檀家");
        assertThat(found("元勤務先直属上司からのストーカー被害", PiiType.SENSITIVE_OTHER)).containsExactly("ストーカー被害");
        assertThat(found("田中一家の構成員", PiiType.SENSITIVE_OTHER)).doesNotContain("田中一家の構成員");
    }

    /** What the review of session 31's rules found they must leave alone, and its two crashes. */
    @Test
    void whatSession31sRulesLeaveAlone() {
        for (String text : List.of("性 別　男", "区 分　新", "上 田　市", "株 式 会 社　山 田 商 事", "東 京　本 社", "（漢字）東京本社",
                "住所\n（フリガナ）トウキョウトミナトクシバ")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
        assertThat(found("担当：山田太郎\n氏名　𠮷 田 　 𠮷 之 助", PiiType.PERSON)).contains("山田太郎"); // no failure on 𠮷
        assertThat(ALL.failures()).isZero();
        assertThat(found("● 平成 2年4月1日生まれ", PiiType.DATE_OF_BIRTH)).containsExactly("平成 2年4月1日");
        assertThat(found("アンケート結果 5 5 4 3 3 2 5 2 3 2 2 3", PiiType.MY_NUMBER)).isEmpty();
        assertThat(found("The beam is 35.52 long 12.75 wide.", PiiType.LOCATION)).isEmpty();
        for (String text : List.of("神戸市民病院100周年", "区内小学校3校で実施", "市内ホテル3-4泊", "町内会館1階", "トウキョウト ホケンキョク")) {
            assertThat(found(text, PiiType.ADDRESS)).as(text).isEmpty();
        }
        assertThat(found("ﾄｳｷｮｳﾄ ｾﾀｶﾞﾔｸ ｷﾀｻﾞﾜ 2-14-7 ﾔﾏﾀﾞ ﾀﾛｳ 090-1234-5678", PiiType.ADDRESS)).containsExactly("ﾄｳｷｮｳﾄ ｾﾀｶﾞﾔｸ ｷﾀｻﾞﾜ 2-14-7");
        assertThat(found("保険証の確認\n部屋番号：305\n車両番号：1234", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("保険者の皆様へ\n整理記号：東京12", PiiType.HEALTH_INSURANCE)).isEmpty();
        assertThat(found("氏名,9:00,10:00,11:00\n天羽ルナ,○,○,×\n鷲尾ミク,○,×,○\n有馬ユキ,×,○,○\n", PiiType.PERSON)).contains("天羽ルナ");
        String tables = "氏名,電話番号,生年月日\n山田 太郎,0312345678,1980/01/02\n佐藤 花子,0323456789,1981/02/03\n※以下は商品マスタ\n"
                + "商品名,型番,発売日\n亀の尾,KT-100,2019/05/06\n越乃寒梅,KT-200,2020/06/07\n";
        assertThat(found(tables, PiiType.DATE_OF_BIRTH)).doesNotContain("2019/05/06");
        String chat = "田中: 始めます\n司会: どうぞ\n田中: はい\n司会: 次\n田中: 以上\n司会: 終わり\n";
        assertThat(found(chat, PiiType.PERSON)).doesNotContain("司会");
    }

    /** What the review of session 30's rules found they must leave alone. */
    @Test
    void whatTheNewRulesLeaveAlone() {
        for (String text : List.of("喪主は長男です。", "喪主は妻が務めた。", "喪主は亡き夫の弟。")) {
            assertThat(found(text, PiiType.PERSON)).as(text).isEmpty();
        }
        assertThat(found("喪主は長男の正さん", PiiType.PERSON)).doesNotContain("の正");
        assertThat(found("フレッツ 光の工事", PiiType.PERSON)).isEmpty();
        assertThat(found("Taro Yamada (山田商事)", PiiType.PERSON)).doesNotContain("山田商事");
        assertThat(found("Kenji Sato (佐藤課長)", PiiType.PERSON)).doesNotContain("佐藤課長");
        for (String text : List.of("Intel 8086-8088", "HOTEL 2019-2020", "携帯電話 2015-2019年モデル")) {
            assertThat(found(text, PiiType.PHONE)).as(text).isEmpty();
        }
        String form = "氏名｜山田太郎\n住所｜東京都千代田区丸の内1-9-1\n電話｜03-1234-5678\n";
        assertThat(found(form, PiiType.PERSON)).containsExactly("山田太郎");
        String codes = "name,送付先番号\n山田,A0012\n佐藤,10023\n";
        assertThat(found(codes, PiiType.ADDRESS)).isEmpty();
        for (String text : List.of("担当者も首をひねった。", "資金繰りに頭を痛めている。", "被災地の様子に胸を痛めた。", "人工透析の診療報酬が改定された。")) {
            assertThat(found(text, PiiType.SENSITIVE_HEALTH)).as(text).isEmpty();
        }
        Detector cards = Detector.of(java.util.EnumSet.of(PiiType.CREDIT_CARD), Detector.DEFAULT_MIN_CONFIDENCE);
        assertThat(cards.detect("注文番号,氏名\n4111111111111111,山田\n4242424242424242,佐藤\n", cards.contextFor("注文番号"))).isEmpty();
    }

    @Test
    void aFormWithABlankBetweenEveryCharacterIsReadClosedUp() { // session 40: a vertical 委任状 as a PDF's text layer gives it
        String form = "代 理 人\n住 所 　 千 葉 県 船 橋 市 本 町 四 丁 目 十 二 番 五 号\n氏 名 　 長 谷 川 　 誠\n"
                + "電 話 　 〇 四 七 （ 四 三 一 ） 八 八 二 〇\n"
                + "（ 理 由 ） 私 は 脳 梗 塞 の 後 遺 症 に よ り 身 体 障 害 者 手 帳 二 級 を 受 け て お り\n";
        assertThat(found(form, PiiType.ADDRESS)).containsExactly("千 葉 県 船 橋 市 本 町 四 丁 目 十 二 番 五 号");
        assertThat(found(form, PiiType.SENSITIVE_HEALTH)).containsExactly("脳 梗 塞 の 後 遺 症");
        assertThat(found(form, PiiType.SENSITIVE_OTHER)).containsExactly("身 体 障 害 者 手 帳 二 級");
        assertThat(found(form, PiiType.PERSON)).containsExactly("長 谷 川 　 誠"); // not 四 七 from the phone's digits
        assertThat(found(form, PiiType.PHONE)).containsExactly("〇 四 七 （ 四 三 一 ） 八 八 二 〇"); // read in digits
        // each finding's span is where its characters are in the text as written
        for (Finding f : ALL.detect(form, ALL.freeText())) {
            assertThat(form.substring(f.start(), f.end())).isEqualTo(f.value());
        }
        // spaced digits are the identifier rules' (a card's number in boxes), and a short spaced run is a name's or a heading's
        assertThat(Rereading.spaced("口座番号 2 1 8 8 4 3 5 1")).isNull();
        assertThat(Rereading.spaced("生 年 月 日　昭和26年5月9日")).isNull();
        assertThat(Rereading.spaced("東京都港区芝公園4丁目2番8号")).isNull();
    }

    @Test
    void aParagraphBrokenAtAFixedWidthIsReadWithItsBreaksInsideWordsTakenOut() { // session 40: a PDF's column, a news page
        String news = "　勤務先の介護施設で入所者の女性を殴り、けが\nをさせたとして傷害の罪に問われた元介護職員、鈴木\n"
                + "健太被告（34）の判決公判が20日、静岡地裁であり、中川\n恵裁判官は懲役2年6月、執行猶予4年を言い渡した。\n"
                + "　判決によると、鈴木被告は今年5月、施設の居室で、\n認知症で入所していた女性（87）の顔を殴った。\n";
        // a name broken over two lines is found, a piece on each line
        assertThat(found(news, PiiType.PERSON)).contains("中川", "恵", "鈴木");
        // a form's lines, each of its own length, are not joined: the address does not run on into the next field's label
        String form = "住所：〒492-2592　沖縄県那覇市久茂地七丁目27番18号　ヴィラ緑ヶ丘9階\n電話番号：080-5201-5834\n"
                + "勤務先：松本商事㈱（勤続10年、年収522万円）\n";
        assertThat(Rereading.unwrapped(form)).isNull();
        assertThat(found(form, PiiType.ADDRESS)).containsExactly("沖縄県那覇市久茂地七丁目27番18号　ヴィラ緑ヶ丘9階");
        // nor a table's rows of one width
        String rows = "福岡 弘樹　ふくおか ひろき　52　自民　現3　党市支部幹事長\n平和 由香里　ひらわ ゆかり　44　立憲　新　NPO職員長\n"
                + "岡山 翔　おかやま しょう　39　無所属　新　会社員の書記\n";
        assertThat(Rereading.unwrapped(rows)).isNull();
    }

    @Test
    void aPhoneAndAPostalCodeInKanjiNumeralsAreReadInDigits() { // session 40: a vertical death notice's and 委任状's numbers
        assertThat(found("電話　〇四七（四三一）八八二〇", PiiType.PHONE)).containsExactly("〇四七（四三一）八八二〇");
        assertThat(found("〒二七三－〇〇〇五", PiiType.POSTAL_CODE)).containsExactly("二七三－〇〇〇五");
        // numbers with their units are an address's, and a year's: left as they are
        assertThat(Rereading.numerals("船橋市本町四丁目十二番五号")).isNull();
        assertThat(Rereading.numerals("昭和二十六年五月九日")).isNull();
        assertThat(Rereading.numerals("電話　〇四七（四三）")).isNull(); // five numerals: no phone's
    }

    @Test
    void aFormsPlaceholdersInKanjiNumeralsAreNoNumbers() { // session 40's review: 〇〇 in 記入例 and templates
        assertThat(Rereading.numerals("〒〇〇〇－〇〇〇〇　東京都〇〇区〇〇町")).isNull();
        assertThat(Rereading.numerals("マイナンバー：〇〇〇〇〇〇〇〇〇〇〇〇")).isNull();
        assertThat(Rereading.numerals("携帯　〇九〇－〇〇〇〇－〇〇〇〇")).isNull();
        assertThat(Rereading.numerals("漢数字：〇一二三四五六七八九")).isNull();
        assertThat(Rereading.numerals("第一二三四五六七八九")).isNull();
        // a phone's label right before its numerals, a vertical form's blanks closed up, and the dash vertical text uses
        assertThat(found("電 話 〇 四 七 四 三 一 八 八 二 〇", PiiType.PHONE)).containsExactly("〇 四 七 四 三 一 八 八 二 〇");
        assertThat(found("電話　〇四七―四三一―八八二〇", PiiType.PHONE)).containsExactly("〇四七―四三一―八八二〇");
    }

    @Test
    void aNameBesideASpacedHeadingIsFoundWhole() { // session 40's review: the first reading's 長　山田 gives way, not the name
        assertThat(found("代 表 取 締 役 社 長　山田 太郎", PiiType.PERSON)).containsExactly("山田 太郎");
    }
}
