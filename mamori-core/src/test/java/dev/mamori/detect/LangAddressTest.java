package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LangAddressTest {

    private static final AddressRecognizer R = new AddressRecognizer();
    private static final ScanContext ADDRESS_COLUMN = new ScanContext(Set.of(PiiType.ADDRESS), Set.of(PiiType.values()));

    static List<Finding> find(String text, ScanContext ctx) {
        List<Finding> out = new ArrayList<>();
        R.find(text, ctx, out);
        return out;
    }

    /** What the engine keeps: confidence at least 0.4. */
    static List<String> addresses(String text) {
        return find(text, ScanContext.freeText()).stream().filter(f -> f.confidence() >= 0.4).map(Finding::value).toList();
    }

    @Test
    void aTownAfterAnAddressLabelWithoutItsMunicipality() { // session 50: a list under its ward's heading
        assertThat(addresses("\u3000住所 港南台3-20-5-102\u3000電話 080-2231-9904")).containsExactly("港南台3-20-5-102");
        assertThat(addresses("住所：本町二丁目5番3号")).containsExactly("本町二丁目5番3号");
        assertThat(addresses("住所 港南台47番地")).containsExactly("港南台47番地"); // block numbers as the recognizer's BLOCK reads them
        assertThat(addresses("住所変更 2件")).isEmpty();
        assertThat(addresses("住所：不明 3-4")).isEmpty();
        assertThat(addresses("住所欄12番")).isEmpty(); // a number, not a town's block numbers
        for (String part : List.of("住所 本社3-2階", "所在地：会議室2-3", "住所 別紙3-1", "所在地 倉庫3-2")) { // the review of session 50
            assertThat(addresses(part)).as(part).isEmpty(); // common nouns before the numbers: a building's part, a document's
        }
        // an area code a blank after the block numbers is no room: 046(822)4107 is the phone
        assertThat(addresses("横須賀市米が浜通1-12\u3000046(822)4107")).containsExactly("横須賀市米が浜通1-12");
    }

    @Test
    void aTownFoundWithItsMunicipalityIsFoundAgainWithoutIt() { // session 50: a 町内会's roster under its heading
        String roster = "（八千代市さくら台3丁目\u3000取扱注意）\n会長\u3000長谷部 光男\u3000さくら台3-4-12\u3000047-458-2203\n"
                + "副会長\u3000小野 明\u3000さくら台3-9-1 グランディール八千代203\n班長\u3000森 一\u3000さくら台の公園前\n";
        assertThat(addresses(roster)).containsExactly("八千代市さくら台3丁目", "さくら台3-4-12", "さくら台3-9-1 グランディール八千代203");
        // a town inside a longer word, or with a number that is no block, is not
        assertThat(addresses("八千代市さくら台3丁目\n新さくら台3-4\nさくら台2024年\n")).containsExactly("八千代市さくら台3丁目");
    }

    @Test
    void aDeathNoticeWrittenWithEqualsSigns() { // session 50: the age, the place, the day
        String notices = "≪花巻市≫\n▽照井武（てるい・たけし）82歳＝石鳥谷町八幡第4地割＝14日、肺がん。\n▽高橋ヨシ 88歳＝花巻市＝3日\n";
        assertThat(addresses(notices)).containsExactly("石鳥谷町八幡第4地割"); // not the municipality alone
    }

    @Test
    void kyotosWayFromACrossingInHiraganaAndABuildingsLetter() { // session 58, from a review's business documents
        assertThat(addresses("住所　京都市中京区烏丸通四条上る笋町691")).containsExactly("京都市中京区烏丸通四条上る笋町691");
        assertThat(addresses("京都市上京区今出川通烏丸東入る相国寺門前町701")).containsExactly("京都市上京区今出川通烏丸東入る相国寺門前町701");
        assertThat(addresses("住所　川崎市麻生区百合丘1-19-2-A201")).containsExactly("川崎市麻生区百合丘1-19-2-A201");
        assertThat(addresses("東京都港区芝5-1-2-Bに住む")).containsExactly("東京都港区芝5-1-2-B");
        assertThat(addresses("東京都港区芝5-1-2-ABC")).containsExactly("東京都港区芝5-1-2");
        // one blank typed between the town and its block numbers; not a phone or a date after it
        assertThat(addresses("住所：港区六本木 6-10-1")).containsExactly("港区六本木 6-10-1");
        assertThat(addresses("自宅は福岡市東区箱崎 3-2-1 です")).containsExactly("福岡市東区箱崎 3-2-1");
        assertThat(addresses("東京都港区六本木 03-1234-5678")).containsExactly("東京都港区六本木");
        assertThat(addresses("港区六本木 2024-12-01に開店")).containsExactly("港区六本木");
        assertThat(addresses("東京都港区六本木 100-0001")).containsExactly("東京都港区六本木"); // a postal code's shape
    }

    @Test
    void blanksTypedBetweenAnAddresssParts() { // session 59, from a review's chats and tickets
        assertThat(addresses("住所：東京都 新宿区 西新宿 2-8-1")).containsExactly("東京都 新宿区 西新宿 2-8-1");
        assertThat(addresses("東京都　千代田区　丸の内１－１－１")).containsExactly("東京都　千代田区　丸の内１－１－１");
        assertThat(addresses("送り先は 神奈川県 横浜市 西区 みなとみらい 2-2-1 です")).containsExactly("神奈川県 横浜市 西区 みなとみらい 2-2-1");
        assertThat(addresses("大阪府 大阪市北区 梅田1-2-3")).containsExactly("大阪府 大阪市北区 梅田1-2-3");
        assertThat(addresses("横浜市 港北区 日吉本町1-2-3")).containsExactly("横浜市 港北区 日吉本町1-2-3");
        assertThat(addresses("弘前市 受給者番号 21-00487")).isEmpty(); // a label and its number, not a town
        assertThat(addresses("東京都 新宿区 03-1234-5678")).isEmpty();
        // a rural lot's four digits, a 番地 after the blank, kanji numerals joined by a hyphen, units a blank apart
        assertThat(addresses("静岡県磐田市見付 2989-3")).containsExactly("静岡県磐田市見付 2989-3");
        assertThat(addresses("上田市下之郷 812番地3")).containsExactly("上田市下之郷 812番地3");
        assertThat(addresses("仙台市太白区長町五丁目三－二")).containsExactly("仙台市太白区長町五丁目三－二");
        assertThat(addresses("住所　仙台市太白区長町五－三－二")).containsExactly("仙台市太白区長町五－三－二");
        assertThat(addresses("住所　船橋市　宮本　２丁目　３番　５号")).containsExactly("船橋市　宮本　２丁目　３番　５号");
        assertThat(addresses("東京都港区六本木 2024-12-01")).containsExactly("東京都港区六本木");
        assertThat(addresses("港区六本木 3番線")).containsExactly("港区六本木");
        // a town in kana after an address's label, with its 団地 and room (a welfare record's)
        assertThat(addresses("住所：みどり台2丁目団地5-304")).containsExactly("みどり台2丁目団地5-304");
        assertThat(addresses("住所：なし")).isEmpty();
        // four groups after a word are a table's or a step's number as often as a room (表2-1-3-1, 手順3-1-2-1)
        assertThat(addresses("表2-1-3-1に示すとおり")).isEmpty();
        // a town in hiragana that starts with a particle's kana
        assertThat(addresses("高知市はりまや町2-5-2")).containsExactly("高知市はりまや町2-5-2");
        assertThat(addresses("旭川市ときわ町1-2-3")).containsExactly("旭川市ときわ町1-2-3");
        // an association named after its area is no one's home
        assertThat(addresses("藤沢市 辻堂元町三丁目 自治会　会長")).isEmpty();
        assertThat(addresses("仙台市青葉区柏木二丁目町内会")).isEmpty();
    }

    @Test
    void theTownAfterAnAgeInADeathNoticesList() { // session 58: おくやみ under the municipality's heading
        assertThat(addresses("【十和田市】\n小笠原タケ（９４）東一番町\n苫米地正三（８７）三本木字里ノ沢\n"))
                .containsExactly("東一番町", "三本木字里ノ沢");
        assertThat(addresses("青森市・山田ハナさん（９２）浪岡大字女鹿沢")).contains("浪岡大字女鹿沢");
        assertThat(addresses("田中選手（23）東京都出身")).isEmpty();
        assertThat(addresses("山田（25）町立病院に勤務")).isEmpty();
    }

    @Test
    void fullAddressWithKanjiChome() {
        String text = "所在地は東京都千代田区霞が関一丁目2番2号です。";
        List<Finding> fs = find(text, ScanContext.freeText());
        assertThat(fs).hasSize(1);
        Finding f = fs.get(0);
        assertThat(f.value()).isEqualTo("東京都千代田区霞が関一丁目2番2号");
        assertThat(f.start()).isEqualTo(4);
        assertThat(f.end()).isEqualTo(text.indexOf("です"));
        assertThat(f.confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void addressesReadInKanaFromThePrefecture() {
        assertThat(addresses("住所（ﾌﾘｶﾞﾅ） ﾐﾔｷﾞｹﾝ ｾﾝﾀﾞｲｼ ﾐﾔｷﾞﾉｸ ﾆｼｷﾁｮｳ 1-3-9\n電話 022"))
                .containsExactly("ﾐﾔｷﾞｹﾝ ｾﾝﾀﾞｲｼ ﾐﾔｷﾞﾉｸ ﾆｼｷﾁｮｳ 1-3-9");
        assertThat(addresses("ジュウショ：トウキョウト セタガヤク キタザワ 2-14-7 サクラハイツ 203（自宅）"))
                .containsExactly("トウキョウト セタガヤク キタザワ 2-14-7 サクラハイツ 203");
        assertThat(addresses("ホッカイドウ サッポロシ チュウオウク キタ1ジョウ 2-3")).containsExactly("ホッカイドウ サッポロシ チュウオウク キタ1ジョウ 2-3");
        assertThat(addresses("フリガナ　サトウ ケンタ")).isEmpty();
        // a prefecture's reading alone, a name read チバ ケン, hiragana prose: no address
        assertThat(addresses("出身はチバケンです")).isEmpty();
        assertThat(addresses("氏名（カナ） チバ ケン")).isEmpty();
        assertThat(addresses("ちばけんでくらしています")).isEmpty();
    }

    @Test
    void cityWithoutPrefectureAndABuilding() {
        assertThat(addresses("送付先：大阪市北区梅田1-1-1 梅田ビル3F まで")).containsExactly("大阪市北区梅田1-1-1 梅田ビル3F");
    }

    @Test
    void buildingsAndRoomsWrittenInOtherWays() { // session 41
        assertThat(addresses("住所: 埼玉県川口市芝新町4-18 第2さくら荘 103号 です")).containsExactly("埼玉県川口市芝新町4-18 第2さくら荘 103号");
        assertThat(addresses("青森県弘前市元寺町小路六番地二　グランシャリオ元寺町五〇一号"))
                .containsExactly("青森県弘前市元寺町小路六番地二　グランシャリオ元寺町五〇一号");
        assertThat(addresses("京都市中京区壬生相合町44番地 フラット壬生 2B")).containsExactly("京都市中京区壬生相合町44番地 フラット壬生 2B");
        // not a count after a 番地, nor a word's kanji
        assertThat(addresses("京都市中京区壬生相合町44番地二人で訪問")).containsExactly("京都市中京区壬生相合町44番地");
        assertThat(addresses("京都市中京区壬生相合町44番地 三人 2B")).containsExactly("京都市中京区壬生相合町44番地");
    }

    @Test
    void aFloorAfterABuildingInKanjiStays() { // session 41's review: the guard for 2B is not one for 3F
        assertThat(addresses("札幌市中央区大通西20丁目3-15 大通中央 3F")).containsExactly("札幌市中央区大通西20丁目3-15 大通中央 3F");
    }

    @Test
    void aTownWhoseNameHoldsGa() { // session 41: 緑が丘, with no municipality before it
        assertThat(addresses("中島弘美（緑が丘3丁目12-5　サンハイツ緑が丘205）")).containsExactly("緑が丘3丁目12-5　サンハイツ緑が丘205");
        assertThat(addresses("田中（自由が丘2-3-4）")).containsExactly("自由が丘2-3-4");
        assertThat(addresses("私が北町2丁目の係です")).doesNotContain("私が北町2丁目");
        assertThat(addresses("自宅（横浜市青葉区美しが丘2-31-5）で！")).containsExactly("横浜市青葉区美しが丘2-31-5");
    }

    @Test
    void aHokkaidoTownsJoWithNoMunicipalityBeforeIt() { // session 41
        assertThat(addresses("最後に見かけられた場所　永山4条12丁目付近のスーパー駐車場")).containsExactly("永山4条12丁目");
        assertThat(addresses("北町二丁目自治会の総会")).isEmpty();
    }

    @Test
    void postalCodeIsNotPartOfTheAddress() {
        String text = "〒100-8914 東京都千代田区永田町1-6-1";
        assertThat(addresses(text)).containsExactly("東京都千代田区永田町1-6-1");
        assertThat(find(text, ScanContext.freeText()).get(0).start()).isEqualTo(10);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "住所：北海道札幌市中央区北1条西2丁目1番地、連絡は|北海道札幌市中央区北1条西2丁目1番地",
        "神奈川県横浜市港北区日吉３－１４－１にて|神奈川県横浜市港北区日吉３－１４－１",
        "京都府京都市左京区吉田本町 TEL 075-753-7531|京都府京都市左京区吉田本町",
        "石狩郡当別町白樺町58番地9|石狩郡当別町白樺町58番地9",
        "福岡県福岡市博多区博多駅前二丁目1番1号 電話092|福岡県福岡市博多区博多駅前二丁目1番1号",
        "長野県北佐久郡軽井沢町大字軽井沢1323-1|長野県北佐久郡軽井沢町大字軽井沢1323-1",
        "東京都港区芝公園4-2-8電話03-3433-5111|東京都港区芝公園4-2-8",
        "東京都新宿区西新宿2-8-1 都庁第一本庁舎 12階|東京都新宿区西新宿2-8-1",
        "愛知県名古屋市中区三の丸三丁目1番2号|愛知県名古屋市中区三の丸三丁目1番2号",
        "大阪府東大阪市荒本北一丁目1番1号|大阪府東大阪市荒本北一丁目1番1号",
        "千葉県浦安市舞浜1-1 ハイツ舞浜 201号室。|千葉県浦安市舞浜1-1 ハイツ舞浜 201号室",
        "千葉県船橋市本町9丁目2-1 グランサンプル船橋305号室の桜井です。|千葉県船橋市本町9丁目2-1 グランサンプル船橋305号室",
        "同人が令和5年3月以降さいたま市浦和区高砂3丁目の警察署に相談した|さいたま市浦和区高砂3丁目",
        "ご自宅 みどり台3丁目14-2）|みどり台3丁目14-2",
        "静岡県下田市白浜の海水浴場で|静岡県下田市白浜",
        "長野市篠ノ井御幣川の球団事務所で|長野市篠ノ井御幣川",
        "茨城県常総市水海道諏訪町付近道路で無免許運転をし|茨城県常総市水海道諏訪町",
        "愛知県稲沢市平和町下三宅付近道路において|愛知県稲沢市平和町下三宅",
        "札幌市中央区大通西２０丁目３−１５ グランメール円山 ５０２。|札幌市中央区大通西２０丁目３−１５ グランメール円山 ５０２",
        "大阪市北区梅田3-1-1 グランフロント 1203号室|大阪市北区梅田3-1-1 グランフロント 1203号室",
        "大阪市北区梅田3-1-1 グランフロント 12 個|大阪市北区梅田3-1-1",
        // a building named without a building word and its room, with what follows a blank after it
        "〒662-0832 兵庫県西宮市甲風園1丁目8-11 ラ・ルーチェ甲風園 605 矢吹 真央|兵庫県西宮市甲風園1丁目8-11 ラ・ルーチェ甲風園 605",
        "札幌市中央区南１４条西９丁目３－１８　ｸﾞﾗﾝﾂ南14条 1003。|札幌市中央区南１４条西９丁目３－１８　ｸﾞﾗﾝﾂ南14条 1003",
        "練馬区豊玉北5-17-3 コーポ豊玉 1F-C。|練馬区豊玉北5-17-3 コーポ豊玉 1F-C",
        "千葉県船橋市本町７丁目１１番３号 コーポ本町 二〇一。|千葉県船橋市本町７丁目１１番３号 コーポ本町 二〇一",
        "熊本県菊池郡菊陽町光の森三丁目２２番地１２　ライオンズ光の森　E棟-312（長男方）|熊本県菊池郡菊陽町光の森三丁目２２番地１２　ライオンズ光の森　E棟-312",
        "大阪市北区梅田3-1-1 グランフロント 300 円|大阪市北区梅田3-1-1",
        "送付先：東京都港区芝5-33-1 山田太郎 090 1234 5678|東京都港区芝5-33-1",
        "東京都千代田区丸の内1-1-1 先着 100 組|東京都千代田区丸の内1-1-1",
        // what a town is to a person is not part of its name
        "新潟県小千谷市大字真人町生まれ。|新潟県小千谷市大字真人町",
        "東京都港区赤坂在住の会社員|東京都港区赤坂",
    })
    void addressesInSentencesHaveExactSpans(String text, String expected) {
        assertThat(addresses(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"東京オリンピック", "大阪に行った", "京都大学の先生", "東京都知事が会見", "北海道は広い", "横浜市の人口", "港区",
        "松本市役所の前で", "仙台市消防局の発表によると", "札幌市教育委員会の担当者"})
    void placeNamesAloneAreNotAddresses(String text) {
        assertThat(addresses(text)).isEmpty();
    }

    @Test
    void prefectureAndCityWithoutBlockNumbersIsAWeakAddress() {
        assertThat(addresses("大阪府大阪市に住んでいます")).containsExactly("大阪府大阪市");
        assertThat(find("住所：横浜市", ScanContext.freeText()).get(0).confidence()).isGreaterThan(0.3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"東京都千代田区丸の内1-9-1", "〒530-0001 大阪府大阪市北区梅田3丁目1番1号", "梅田3丁目1番1号 梅田ビル", "札幌市中央区北1条西2丁目"})
    void hintedCellsAreAcceptedWhole(String cell) {
        List<Finding> fs = find(cell + " ", ADDRESS_COLUMN);
        assertThat(fs).hasSize(1);
        assertThat(fs.get(0).value()).isEqualTo(cell.startsWith("〒") ? cell.substring(cell.indexOf(' ') + 1) : cell);
        assertThat(fs.get(0).confidence()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void hintedCellWithoutAddressShapeIsScannedAsFreeText() {
        assertThat(find("不明", ADDRESS_COLUMN)).isEmpty();
    }

    @Test
    void lexiconCoversTheCountry() {
        assertThat(R.lexiconSize()).isGreaterThanOrEqualTo(1900);
        for (String city : List.of("那覇市", "札幌市", "石垣市", "稚内市", "奄美市", "八丈町", "小笠原村", "那珂川市", "富谷市", "浜松市浜名区", "さいたま市岩槻区")) {
            assertThat(addresses(city + "1-2-3")).as(city).containsExactly(city + "1-2-3");
        }
    }

    @Test
    void disabledTypeFindsNothing() {
        List<Finding> out = new ArrayList<>();
        R.find("東京都千代田区霞が関一丁目2番2号", new ScanContext(Set.of(), Set.of(PiiType.PERSON)), out);
        assertThat(out).isEmpty();
    }

    @Test
    void neverThrowsOnOddInput() {
        String[] inputs = {"\uD800", "東京都\uD800", "東京都千代田区\uDC00１－", "大阪市北区梅田1-", "大阪市" + "1-".repeat(10000), "東京都".repeat(10000), "\u0000東京都港区"};
        for (String s : inputs) {
            for (Finding f : find(s, ScanContext.freeText())) {
                assertThat(s.substring(f.start(), f.end())).isEqualTo(f.value());
            }
            find(s, ADDRESS_COLUMN);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "本社は滋賀県大津市にある。支店は同市浜大津1-2-3にある。|同市浜大津1-2-3",
        "静岡県に住む。同県浜松市中央区元城町103-2の自宅で|同県浜松市中央区元城町103-2",
        "北海道石狩郡当別町白樺町58番地9の男性と、同町太美町1481番地の女性|同町太美町1481番地",
        "大阪市北区梅田1-1-1、同区中崎西2-4-12|同区中崎西2-4-12",
        "東京都足立区梅田3丁目のアパートで、住人の男性（24）＝同所7番地＝の顔を殴った|同所7番地", // session 39
        "店は遠野市土淵町土淵第6地割28番地。|遠野市土淵町土淵第6地割28番地", // a 地割 numbered with 第
    })
    void sameCityOrPrefectureAfterOneNamedEarlierIsAnAddressFromDou(String text, String expected) {
        assertThat(addresses(text)).contains(expected);
        Finding f = find(text, ScanContext.freeText()).stream().filter(x -> x.value().equals(expected)).findFirst().orElseThrow();
        assertThat(f.type()).isEqualTo(PiiType.ADDRESS);
        assertThat(text.substring(f.start(), f.end())).isEqualTo(expected);
    }

    @Test
    void aTownEndingInMachiWithItsBlockNumbersAfterABracketOrABlank() { // session 39: a donation list, a death notice
        assertThat(addresses("車いす2台　西岡昭・和子（中島町4-11）")).containsExactly("中島町4-11");
        assertThat(addresses("＝本町3番5号＝")).containsExactly("本町3番5号");
        assertThat(addresses("第3町2-1の試合")).isEmpty();
        // a platform, an exit, a team; a post or a hospital before 、 in a death notice; 同所 with a floor (a review, session 39)
        assertThat(addresses("乗り場（大手町2番線）はこちら\n集合場所：大手町1番出口\n班編成：緑町1-3班、桜町2-1班\n（本町2番目の交差点を左折）"))
                .isEmpty();
        assertThat(addresses("田中一郎さん（80）元町議、1日死去\n鈴木花子さん（90）町立病院、5日死去\n高橋三郎さん（82）町内会長、4日死去"))
                .isEmpty();
        assertThat(addresses("東京都千代田区丸の内1-1の本社で行う。同所2階の大会議室に集合。")).containsExactly("東京都千代田区丸の内1-1");
        assertThat(addresses("町内会だより\n西岡昭・和子（中島町4-11）")).containsExactly("中島町4-11"); // 町 first in the text
        // any town with three block numbers joined by hyphens, after a blank (a chat without the municipality)
        assertThat(addresses("今井さんって 緑ヶ丘3-14-3 ｺｰﾎﾟ緑202 ですよね？")).containsExactly("緑ヶ丘3-14-3 ｺｰﾎﾟ緑202");
        assertThat(addresses("型番 ABC3-14-3\n集合 2024-05-01\n第3-1-2条")).isEmpty();
        assertThat(addresses("（大町2024年度）")).isEmpty();
    }

    @Test
    void aRostersHomeAfterAReadingOrAnAge() { // session 43: a list under a municipality's heading
        assertThat(addresses("副会長　大和田 美千代（おおわだ みちよ）緑町4-12-1　　090-0000-2281")).containsExactly("緑町4-12-1");
        assertThat(addresses("関口 貞夫（せきぐち さだお）78歳　高岩1172\n新井 久雄（あらい ひさお）72歳　千駄野420-3\n"))
                .containsExactly("高岩1172", "千駄野420-3");
        // a measure, an era's year, an ordinal after an age are no homes
        assertThat(addresses("山田 太郎 45歳 身長170\n田中 一郎 70歳　昭和12\n佐藤 花子 35歳 第3\n")).isEmpty();
        // the review's (helper-92): no reading before the age; a note's bracket before a figure's number
        assertThat(addresses("長男 8歳　小3\n山田 花子 35歳　勤続12\n35歳　体温37\n利用者 85歳　要介護2\n")).isEmpty();
        assertThat(addresses("（注）図6-9-9を参照\n（出典：総務省）表3-1-2\n詳しくは（別紙）資料1-2-3のとおり")).isEmpty();
        assertThat(addresses("【枕崎市】鮫島 イシ（さめしま・いし）さん　101歳　寿町12　30日死去")).containsExactly("寿町12");
    }

    @Test
    void aHomeRightAfterAReading() { // session 44: おくやみ lists under a municipality's heading
        assertThat(addresses("▽工藤 清（くどう・きよし）みたけ二丁目4の27、元県職員、81歳。")).containsExactly("みたけ二丁目4の27");
        assertThat(addresses("▽菊池 ハツヨ（きくち・はつよ＝旧姓高橋）石鳥谷町好地第7地割88、88歳。")).containsExactly("石鳥谷町好地第7地割88");
        assertThat(addresses("▽及川 勝男（おいかわ・かつお）水沢佐倉河字東広町45の2、農業、76歳。")).containsExactly("水沢佐倉河字東広町45の2");
        // 通り written with its kana
        assertThat(addresses("葬儀は水沢東中通り二丁目3の1の奥州セレモニーホールで。")).containsExactly("水沢東中通り二丁目3の1");
        // a town all in kana only after a reading; no numbers, no home
        assertThat(addresses("それから二丁目まで歩いた。会場は　みたけ二丁目の公民館")).isEmpty();
        assertThat(addresses("山田 太郎（やまだ・たろう）元会長、81歳。")).isEmpty();
        assertThat(addresses("（くどう・きよし）同2、元県職員")).isEmpty();
        // a score or a count after a reading is no home (the review's, helper-94); a home may end the line
        assertThat(addresses("大谷翔平（おおたに・しょうへい）本塁打44、打点95\n山田 太郎（やまだ・たろう）当選5、得票数1200 ")).isEmpty();
        assertThat(addresses("▽菊池 ハツヨ（きくち・はつよ）石鳥谷町好地第7地割88\n")).containsExactly("石鳥谷町好地第7地割88");
        assertThat(addresses("皆さん、昨日3丁目の堰端さん宅が被害に")).isEmpty(); // a time word before 丁目 is no town
    }

    @ParameterizedTest
    @ValueSource(strings = {"同市の人口は増えた", "同県警によると", "共同市場で", "合同町内会", "同市長は会見で", "同市内の学校", "同所において現金を窃取", "同所で", "同県豊田市の高校2年", "高松市選挙区（定数15）", "岩手県山田町派遣の職員",
        "逮捕されたのは三沢市上下水道部の主査", "北秋田市阿仁地区では"})
    void douWithoutAnAddressAfterItIsNot(String text) {
        assertThat(addresses("横浜市と静岡県の話。" + text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "東京都千代田区霞ケ関1-2-3|東京都千代田区霞ケ関1-2-3",
        "東京都千代田区霞ヶ関1-2-3|東京都千代田区霞ヶ関1-2-3",
        "東京都千代田区霞ガ関一丁目2番|東京都千代田区霞ガ関一丁目2番",
        "鎌ヶ谷市道野辺中央2-1-10|鎌ヶ谷市道野辺中央2-1-10",
        "鶴ケ島市大字三ツ木16-1|鶴ケ島市大字三ツ木16-1",
        "横浜市保土ヶ谷区川辺町2-9|横浜市保土ヶ谷区川辺町2-9",
        "茅ケ崎市茅ヶ崎1-1-1|茅ケ崎市茅ヶ崎1-1-1",
    })
    void keAndGaVariantsOfMunicipalitiesAndTowns(String text, String expected) {
        assertThat(addresses(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "埼玉県浦和市高砂3-15-1|埼玉県浦和市高砂3-15-1",
        "浦和市高砂3-15-1|浦和市高砂3-15-1",
        "静岡県清水市旭町6-8|静岡県清水市旭町6-8",
        "東京都保谷市中町1-5-1|東京都保谷市中町1-5-1",
    })
    void formerMunicipalitiesAfterMergersAreStillAddresses(String text, String expected) {
        assertThat(addresses(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"大阪府総務部市町村課に問い合わせた", "総務省自治行政局市町村課", "県総務部市町村課の担当",
        "福岡県総務部市町村支援課長", "東京都総務局行政部市町村課", "北海道総合政策部地域行政局市町村課", "広島県地域政策局市町振興課"})
    void departmentsAreNotAddresses(String text) {
        assertThat(addresses(text)).isEmpty();
    }

    @Test
    void departmentAfterAnAddressIsNotPartOfIt() {
        assertThat(addresses("横浜市中区港町1-1 市民局区政支援部地域支援課")).containsExactly("横浜市中区港町1-1");
        assertThat(addresses("大阪府大阪市中央区大手前2丁目1-22 総務部人事課")).containsExactly("大阪府大阪市中央区大手前2丁目1-22");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "長野県長野市長池1-2-3|長野県長野市長池1-2-3",
        "大阪府大阪市中央区内本町2丁目4番|大阪府大阪市中央区内本町2丁目4番",
        "愛知県名古屋市中区錦3-1-1|愛知県名古屋市中区錦3-1-1",
        "東京都江東区民町3-2-1|東京都江東区民町3-2-1",
        "富山県富山市立山町1-2|富山県富山市立山町1-2",
    })
    void townsThatStartWithAStopCharacterAreNotCut(String text, String expected) {
        assertThat(addresses(text)).containsExactly(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "東京都港区芝公園4-2-8令和3年に転居|東京都港区芝公園4-2-8",
        "大阪府堺市堺区南瓦町3-1平成20年4月|大阪府堺市堺区南瓦町3-1",
        "神奈川県横浜市中区2020年から|神奈川県横浜市中区",
        "東京都条例第3号により|東京都",
        "東京都千代田区霞が関の会社員、山田|東京都千代田区霞が関",
        "横浜市中区山下町の会社員|横浜市中区山下町",
        "千葉県浦安市舞浜1-1 ハイツ舞浜 201号|千葉県浦安市舞浜1-1 ハイツ舞浜 201号",
        "名古屋市昭和区御器所3-1-1|名古屋市昭和区御器所3-1-1",
        "大阪市大正区千島2-7-95|大阪市大正区千島2-7-95",
    })
    void anAddressStopsAtErasYearsCitationsAndOccupations(String text, String expected) {
        assertThat(find(text, ScanContext.freeText()).stream().map(Finding::value)).startsWith(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "神奈川県警港北署は12日、横浜市港北区日吉本町、無職の男を|横浜市港北区日吉本町",
        "逮捕された京都市伏見区深草の中学3年の男子生徒|京都市伏見区深草",
        "▽小澤ハル（98）長野市篠ノ井布施高田、2日|長野市篠ノ井布施高田",
        "被災した輪島市町野町および珠洲市宝立町の住民|輪島市町野町",
        "元県警本部刑事部長　盛岡市みたけ5丁目|盛岡市みたけ5丁目",
        "福岡市▽福岡トミさん（97）博多区千代4丁目、5日死去|博多区千代4丁目",
        "会長　大島正人　北町2丁目5-12　0584-73-2290|北町2丁目5-12",
        "▽喪主 妻 今泉7丁目、19日死去|今泉7丁目",
        "長野県木曽郡上松町小川の男性と同郡王滝村の女性|長野県木曽郡上松町小川",
        "長野県木曽郡上松町小川の男性と同郡王滝村の女性|同郡王滝村",
        "▽齋藤トシさん（91）＝宇都宮市今泉町＝19日死去|宇都宮市今泉町",
        // session 32: a town that is a former municipality of the city, a death notice's entry, kanji block numbers, ☎
        "長男及び長女を連れて鹿児島市吉野町の実家に転居した。|鹿児島市吉野町",
        "髙橋 ちよさん（100）花巻市石鳥谷町好地・3日死去＝喪主 孫髙橋 大輔さん|花巻市石鳥谷町好地",
        "会長　早瀬 勝利　桜ケ丘三丁目十二番地の四　０４２－３７５－２２１８|桜ケ丘三丁目十二番地の四",
        "・牧師館　西東京市ひばりが丘北2-9-17　☎042-421-6608|西東京市ひばりが丘北2-9-17",
    })
    void townNamesWithoutNumbersAfterAMunicipalityAndChomeWithoutOne(String text, String expected) {
        assertThat(addresses(text)).contains(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"28歳　長野県松本市出身", "令和7年度 北町二丁目自治会 役員名簿", "福岡市博物館で", "京都市営地下鉄", "横浜市中央卸売市場",
        "同市教委によると", "同市職員の男", "札幌市立小学校",
        "松本市チームが優勝", "須坂市生まれ", "各市町村の長", "都道府県及び市町村は"})
    void birthplacesFacilitiesAndAssociationsAreNot(String text) {
        assertThat(addresses(text)).isEmpty();
    }

    @Test
    void aKanjiNumeralThatStartsAWordIsNoBlockNumber() { // session 40: 15号の三浦 康介方 (三浦 a surname, not 号の三)
        assertThat(addresses("福岡市東区香椎駅前一丁目7番15号の三浦 康介方に侵入し")).containsExactly("福岡市東区香椎駅前一丁目7番15号");
        assertThat(addresses("名取市増田五丁目三ノ十")).containsExactly("名取市増田五丁目三ノ十");
        assertThat(addresses("上田市常田2番地の三")).containsExactly("上田市常田2番地の三");
    }

    @Test
    void theRestOfAnAddressThatALineBreakCutIsAnAddressToo() { // session 40: a PDF's table, a vertical notice, a hard wrap
        assertThat(addresses("V-003　保坂 勉　甲府市住吉4丁目\n2-33　055-226-7781\n")).containsExactly("甲府市住吉4丁目", "2-33");
        assertThat(addresses("告別式は\n名取市増田\n五丁目三ノ十\n自宅にて\n")).containsExactly("名取市増田", "五丁目三ノ十");
        assertThat(addresses("東京都足立区西新井栄町2-5-11 シティハイツ西新井\n404\n")).containsExactly(
                "東京都足立区西新井栄町2-5-11 シティハイツ西新井", "404");
        // not a count, a year or a phone on the next line, nor a room under an address that has its numbers
        assertThat(addresses("甲府市住吉4丁目\n2026年度\n")).containsExactly("甲府市住吉4丁目");
        assertThat(addresses("甲府市住吉4丁目\n055-226-7781\n")).containsExactly("甲府市住吉4丁目");
        assertThat(addresses("東京都足立区西新井栄町2-5-11\n404\n")).containsExactly("東京都足立区西新井栄町2-5-11");
    }

    @Test
    void aLineUnderAnAddressThatGoesOnWithOtherWordsHoldsNoRestOfIt() { // session 40's review
        assertThat(addresses("東京都港区芝公園4-2-8 芝パークビル\n2024 年度 事業計画\n")).containsExactly("東京都港区芝公園4-2-8 芝パークビル");
        assertThat(addresses("東京都港区芝公園4-2-8 芝パークビル\n300 名（定員）\n")).containsExactly("東京都港区芝公園4-2-8 芝パークビル");
        assertThat(addresses("東京都港区芝公園4-2-8 芝パークビル\n0120 123 456（フリーダイヤル）\n"))
                .containsExactly("東京都港区芝公園4-2-8 芝パークビル");
        assertThat(addresses("大阪府大阪市北区梅田\n2-1 申込方法\n")).containsExactly("大阪府大阪市北区梅田");
        assertThat(addresses("東京都新宿区西新宿3-7-1 グランメール千代ビル\n503号室 受付\n")).containsExactly(
                "東京都新宿区西新宿3-7-1 グランメール千代ビル", "503号室");
    }
}
