package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** PERSON in the real-text genres of issue 12: the sentences of {@code person-genres.tsv} and a few span checks. */
class NameGenresTest {

    private static final Detector PERSON = Detector.of(EnumSet.of(PiiType.PERSON), Detector.DEFAULT_MIN_CONFIDENCE);

    static List<Finding> persons(String text) {
        return PERSON.detect(text, PERSON.freeText());
    }

    @TestFactory
    Stream<DynamicTest> everySentenceGivesExactlyItsNames() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (InputStream in = NameGenresTest.class.getResourceAsStream("person-genres.tsv")) {
            assertThat(in).as("person-genres.tsv").isNotNull();
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                int tab = line.lastIndexOf('\t');
                String text = line.substring(0, tab).replace("\\t", "\t").replace("\\n", "\n");
                String names = line.substring(tab + 1);
                List<String> want = names.isEmpty() ? List.of() : List.of(names.split("\\|"));
                tests.add(DynamicTest.dynamicTest("line " + n + ": " + text, () ->
                        assertThat(persons(text)).extracting(Finding::value).as(text).containsExactlyElementsOf(want)));
            }
        }
        assertThat(tests).hasSizeGreaterThan(80);
        return tests.stream();
    }

    @Test
    void aBracketedReadingIsItsOwnSpanWithoutTheBrackets() {
        String text = "受賞した石川 義則（いしかわ・よしのり）さん";
        List<Finding> fs = persons(text);
        assertThat(fs).hasSize(2);
        assertThat(text.substring(fs.get(0).start(), fs.get(0).end())).isEqualTo("石川 義則");
        assertThat(text.substring(fs.get(1).start(), fs.get(1).end())).isEqualTo("いしかわ・よしのり");
        assertThat(fs).allMatch(f -> f.confidence() >= 0.85);
    }

    @Test
    void aNameIsCoveredWholeEvenWhenTheDictionarySplitsTheGivenName() {
        for (String name : List.of("松本大翔", "木村悠真", "吉井 和明", "山本真由美", "佐藤颯真")) {
            String text = "担当の" + name + "さんから連絡があった。";
            assertThat(persons(text)).extracting(Finding::value).as(text).containsExactly(name);
        }
    }

    @Test
    void aFullNameMarksTheLaterBareSurname() {
        String text = "千葉翔太容疑者（34）を逮捕した。調べに対し千葉は「覚えていない」と話している。";
        assertThat(persons(text)).extracting(Finding::value).containsExactly("千葉翔太", "千葉");
        assertThat(persons("調べに対し千葉は「覚えていない」と話している。")).isEmpty();
    }

    @Test
    void aNameAfterALabelMarksTheLaterBareSurnameAndAFamilyMembersWholeName() { // session 58
        // found by the label alone (no split of its own before): its surname still marks the later mention
        assertThat(persons("担当：高梨 穂乃果\n\nお見舞金は人事課の高梨までお願いします。")).extracting(Finding::value)
                .containsExactly("高梨 穂乃果", "高梨");
        // the same surname with another given name after a blank: the relative's whole name, not the surname alone
        assertThat(persons("氏名　鷹科　圭吾　　性別　男\n緊急連絡先　鷹科 美穂（妻）　080-1129-5538")).extracting(Finding::value)
                .contains("鷹科　圭吾", "鷹科 美穂");
        // a speaker's kin word before a given name is no surname to mark (父 浩: 父 stays unmarked)
        assertThat(persons("19:20 父 浩: 了解\n19:21 母: 父は明日休み")).extracting(Finding::value).doesNotContain("父");
    }

    @Test
    void namesABusinessDocumentGivesByItsOwnShapes() { // session 58, from a review's business documents
        // a surname alone as the staff of a firm's mail: what they do, or their post
        assertThat(persons("当日は山田が伺います。")).extracting(Finding::value).containsExactly("山田");
        assertThat(persons("田中から折り返しご連絡します。")).extracting(Finding::value).containsExactly("田中");
        assertThat(persons("後任は加藤です。")).extracting(Finding::value).containsExactly("加藤");
        assertThat(persons("詳細は加藤までご連絡ください。")).extracting(Finding::value).containsExactly("加藤");
        // not a word, a firm's place or a city (a review of the rule): 佐伯 too, a city as well as a surname, is left alone
        for (String t : List.of("上司から電話があり", "来週は福岡まで出張", "熊本から参りました", "詳細は佐伯までご連絡ください。")) {
            assertThat(persons(t)).as(t).isEmpty();
        }
        assertThat(persons("山田から東京まで電車で2時間です。")).isEmpty();
        // a colleague in a chat: absent, or what only a person has after の
        assertThat(persons("あと吉岡が今日休みです。")).extracting(Finding::value).containsExactly("吉岡");
        assertThat(persons("石井の住所変わったので更新お願いします")).extracting(Finding::value).containsExactly("石井");
        assertThat(persons("山田の携帯にかけて")).extracting(Finding::value).containsExactly("山田");
        assertThat(persons("東京の住所は本社です")).isEmpty();
        // an event's or a memorial's name is no one's
        assertThat(persons("上杉まつりが３日開幕した。")).isEmpty();
        assertThat(persons("夏目漱石生誕記念展が開催中。")).isEmpty();
        assertThat(persons("山田太郎さんが祭りに参加した")).extracting(Finding::value).containsExactly("山田太郎");
        // a given name after a relation and ・ or a colon; a chat's speaker and her words are not one
        assertThat(persons("同居家族　妻・恵子（42）")).extracting(Finding::value).containsExactly("恵子");
        assertThat(persons("妻：恵子、長男：大翔")).extracting(Finding::value).containsExactly("恵子", "大翔");
        assertThat(persons("母：そうそう、９時半。")).isEmpty();
        assertThat(persons("配偶者：有　子：無")).isEmpty(); // a form's answers
        assertThat(persons("妻：保育士")).isEmpty();
        assertThat(persons("佐藤健一氏が就任")).extracting(Finding::value).containsExactly("佐藤健一");
        assertThat(persons("氏名：山田まつり")).extracting(Finding::value).containsExactly("山田まつり");
        assertThat(persons("（文山田太郎）")).extracting(Finding::value).containsExactly("山田太郎");
        // a couple's second given name; a surname that is a common word too, before the given name
        assertThat(persons("山田太郎・花子ご夫妻")).extracting(Finding::value).containsExactly("山田太郎", "花子");
        assertThat(persons("氏名　神宮寺　剛")).extracting(Finding::value).containsExactly("神宮寺　剛");
        // a surname alone signing a mail after its closing words, or filling a stamp's field
        assertThat(persons("よろしくお願いいたします。\n石田\n")).extracting(Finding::value).containsExactly("石田");
        assertThat(persons("以上です。\n\n営業部\n")).isEmpty();
        assertThat(persons("承認　佐々木　印")).extracting(Finding::value).containsExactly("佐々木");
        // two names after a label of people, though one is a city's name too; the next item after a name and its title
        assertThat(persons("出席者：田中、佐伯")).extracting(Finding::value).containsExactly("田中", "佐伯");
        assertThat(persons("開催地：上野、新宿")).isEmpty();
        assertThat(persons("出席者：田中部長、加藤")).extracting(Finding::value).containsExactly("田中", "加藤");
        // a qualification before the name, and an honorific before the next field, are no names
        assertThat(persons("記録者：社会福祉士 高野 一郎")).extracting(Finding::value).containsExactly("高野 一郎");
        assertThat(persons("患者氏名：鬼塚 政信 様　男　昭和45年8月2日生")).extracting(Finding::value).containsExactly("鬼塚 政信");
    }

    @Test
    void aRareNameBeforeAnHonorificAndAnAgeIsTakenWhole() { // session 58: 鳥居|塚 to the dictionary
        assertThat(persons("近くに住む会社員鳥居塚湊斗さん（35）は「ブレーキ音がしなかった」と話した。")).extracting(Finding::value)
                .containsExactly("鳥居塚湊斗");
        assertThat(persons("被告人の姉、五百旗頭節子さん（70）が出廷した。")).extracting(Finding::value).contains("五百旗頭節子");
        assertThat(persons("同市の会社役員さん（35）")).isEmpty();
        // a rare surname the dictionary reads as a place's or another proper noun whole, or after one stray kanji: not cut
        assertThat(persons("垣内田篤志さんは自宅にいた。")).extracting(Finding::value).containsExactly("垣内田篤志");
        assertThat(persons("喪主は長男の東中川篤志さん。")).extracting(Finding::value).containsExactly("東中川篤志");
        assertThat(persons("２位　堂安翔太（さくら小）")).extracting(Finding::value).containsExactly("堂安翔太");
        assertThat(persons("会社員藤ケ谷勇人さん（４５）")).extracting(Finding::value).containsExactly("藤ケ谷勇人");
        assertThat(persons("故山田太郎さん")).extracting(Finding::value).containsExactly("山田太郎");
        assertThat(persons("同市内田町の内田篤志さん")).extracting(Finding::value).containsExactly("内田篤志");
        assertThat(persons("投手の大谷翔平が好投した。")).extracting(Finding::value).containsExactly("大谷翔平"); // 翔|平が to the dictionary
        // a rare surname with its reading before the given name: three spans, and the later surname
        assertThat(persons("無職大豆生田（おおまめうだ）健二容疑者（４５）を逮捕した。調べに対し、大豆生田容疑者は容疑を認めている。"))
                .extracting(Finding::value).containsExactly("大豆生田", "おおまめうだ", "健二", "大豆生田");
        assertThat(persons("東京（とうきょう）駅さん")).isEmpty();
        assertThat(persons("会社員鳥居塚湊斗さん（35）は話した。\n無職大豆生田（おおまめうだ）健二容疑者（45）")) // a bracket before it
                .extracting(Finding::value).contains("大豆生田", "おおまめうだ", "健二");
        // a defendant named in full after the role, a surname the dictionary does not know
        assertThat(persons("被告人浜砂大吾は、令和5年3月1日、窃盗をした。")).extracting(Finding::value).containsExactly("浜砂大吾");
        for (String t : List.of("被告人供述調書によれば", "被告人名義口座に", "被告人自宅内で", "被告人本人尋問の")) {
            assertThat(persons(t)).as(t).isEmpty();
        }
    }

    @Test
    void aSurnameAloneAfterAProfessionOrAPost() { // session 59, from reviews of care, health and welfare records
        String note = "記録：Ns 本多\nPT小田切より：歩行訓練実施\nDr.宇田川へ報告\n薬剤師 宮坂\nこんにちは\nOT白鳥、ST川畑\n";
        assertThat(persons(note)).extracting(Finding::value).containsExactly("本多", "小田切", "宇田川", "宮坂", "白鳥", "川畑");
        assertThat(persons("出席：北小学校（校長 村瀬）、保健センター（保健師 高橋）")).extracting(Finding::value).containsExactly("村瀬", "高橋");
        for (String t : List.of("ST 2の結果", "PT比は高い", "医師 会の", "監督 官庁に届け出る", "夜勤 良眠", "日勤 清拭", "班長 確認済",
                "リハビリ室・PT室・OT室", "Dr.中 指示あり", "看護師 宅")) {
            assertThat(persons(t)).as(t).isEmpty();
        }
    }

    @Test
    void aOneKanjiSurnameOfAFullNameFoundAgainAsASubject() { // session 59, from a review of welfare records
        assertThat(persons("内縁の夫（堀 翔吾、29歳）が出入りしている。\n堀は暴行の前歴あり。")).extracting(Finding::value)
                .containsExactly("堀 翔吾", "堀");
        assertThat(persons("内縁の夫（堀 翔吾、29歳）が出入りしている。城の堀は深い。")).extracting(Finding::value).containsExactly("堀 翔吾");
        assertThat(persons("東 太郎が担当。東は晴れ、西は雨。")).extracting(Finding::value).containsExactly("東 太郎"); // a direction
    }

    @Test
    void aMarriedNameWithTheMaidenNameInBrackets() { // session 59, from a review of rosters
        assertThat(persons("鈴木（中村）恵子")).extracting(Finding::value).containsExactly("鈴木", "中村", "恵子");
        assertThat(persons("井上（旧姓　坂本）真理")).extracting(Finding::value).containsExactly("井上", "坂本", "真理");
        assertThat(persons("村田聡子（旧・岡）")).extracting(Finding::value).containsExactly("村田聡子", "岡");
        assertThat(persons("東京（本社）営業部")).isEmpty();
    }

    @Test
    void surnamesAloneInARostersLayouts() { // session 59, from a review of 連絡網, 回覧板, 当番表 and 座席表
        assertThat(persons("長谷川（070-1234-0981）→ 宮本（090-3390-1221）→ 担任へ")).extracting(Finding::value).containsExactly("長谷川", "宮本");
        assertThat(persons("回覧順　竹下 → 吉永 → 原田 → 梅原\n確認印　竹下 ㊞　吉永 ㊞\n")).extracting(Finding::value)
                .containsExactly("竹下", "吉永", "原田", "梅原", "竹下", "吉永");
        assertThat(persons("当番表　月：田中　火：佐藤　水：鈴木")).extracting(Finding::value).containsExactly("田中", "佐藤", "鈴木");
        assertThat(persons("窓側　岩崎　中島　小西")).extracting(Finding::value).containsExactly("岩崎", "中島", "小西");
        for (String t : List.of("東京 → 大阪 → 名古屋", "申込 → 審査 → 契約", "会議室　本館　別館　新館", "月：晴れ　火：雨",
                "次男さんが来ました。", "三男様がお見えです。", // a relation with an honorific is no name
                "主治医診断書：適応障害。", "主治医の診断：発達障害")) { // a doctor's diagnosis under a label that holds 主治医
            assertThat(persons(t)).as(t).isEmpty();
        }
    }

    @Test
    void aOneKanjiGivenNameAfterAReadingAndBeforeTheCourtsWord() { // session 59, from a review of court news
        assertThat(persons("無職東風谷（こちや）潤被告（３１）に判決が言い渡された。")).extracting(Finding::value)
                .containsExactly("東風谷", "こちや", "潤");
        Detector all = Detector.all();
        assertThat(all.detect("無職東風谷（こちや）潤受刑者（３１）が仮釈放された。", all.freeText())).extracting(Finding::value)
                .containsExactly("東風谷", "こちや", "潤", "受刑者（３１）が仮釈放"); // the fact after the name is kept
    }

    @Test
    void aChildsNameInHiraganaWithABlankBeforeTheHonorific() { // session 59, from a review of nursery class lists
        assertThat(persons("・たなか　ゆいな　ちゃん\nすずき　そうま　くん\n")).extracting(Finding::value)
                .containsExactly("たなか　ゆいな", "すずき　そうま");
    }

    @Test
    void anOldWomansKatakanaGivenNameBeforeHerAgeInACareList() { // session 59, from a review of care records
        assertThat(persons("501号室　福永キヌ　92歳　誤嚥性肺炎")).extracting(Finding::value).containsExactly("福永キヌ");
        assertThat(persons("花畑ビル　3階")).isEmpty();
        // session 60: a surname that is a place's name too (Okinawa's), before an age
        assertThat(persons("比嘉カマド　98歳　老衰")).extracting(Finding::value).containsExactly("比嘉カマド");
        assertThat(persons("宮城ウシ（95）")).extracting(Finding::value).containsExactly("宮城ウシ");
    }

    @Test
    void aMunicipalitysNameEndsWithItsSuffixNotWithAVillageInsideIt() { // session 60: 東村山市 was read as 東村 (stem 東)
        assertThat(NameAnchors.get().isMunicipality("東村山市")).isTrue();
        assertThat(NameAnchors.get().isMunicipality("大村市")).isTrue();
        assertThat(NameAnchors.get().isMunicipality("四日市市")).isTrue();
        assertThat(NameAnchors.get().isMunicipality("札幌市")).isTrue();
        assertThat(NameAnchors.get().isPlaceName("武蔵")).isFalse(); // the stem of 武蔵村山市 is 武蔵村山
    }

    @Test
    void aGivenNameGluedAfterARelationWithAnAge() { // session 59, from a review of 児相 and DV records
        assertThat(persons("長男湊斗（６）は一時保護された。")).extracting(Finding::value).containsExactly("湊斗");
        assertThat(persons("妻恵子（42）と同居。")).extracting(Finding::value).containsExactly("恵子");
        assertThat(persons("長男大学（3年）")).isEmpty();
    }

    @Test
    void aSurnameWrittenWithTsuBetweenItsKanji() { // session 59, from a review of court news
        assertThat(persons("会社員、三ッ谷翼容疑者（２０）を逮捕した。")).extracting(Finding::value).containsExactly("三ッ谷翼");
        assertThat(persons("三ツ井容疑者は認めている。")).extracting(Finding::value).containsExactly("三ツ井");
        assertThat(persons("喪主は長男三ツ木茂さん")).extracting(Finding::value).containsExactly("三ツ木茂");
        assertThat(persons("管理会社：三ツ沢コミュニティ管理")).isEmpty();
        assertThat(persons("三ツ星レストランで食事")).isEmpty();
    }

    @Test
    void aPlaceBeforeAnOfficeIsNotASurnameButASurnameBeforeItIs() {
        assertThat(persons("千葉市長と横浜市長が会談した。")).isEmpty();
        assertThat(persons("鈴木市長と千葉県知事が会談した。")).extracting(Finding::value).containsExactly("鈴木");
    }

    @Test
    void anEnumerationGivesOneFindingPerName() {
        String text = "山田、佐藤の両名が出席した。";
        List<Finding> fs = persons(text);
        assertThat(fs).extracting(Finding::value).containsExactly("山田", "佐藤");
        assertThat(fs.get(0).end()).isLessThan(fs.get(1).start());
    }
}
