package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LatinNamesTest {

    private static List<String> names(String text) {
        return LatinNames.find(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void aGivenNameAndASurnameInEitherOrder() {
        assertThat(names("3位 Lucas Ferreira（初段）")).containsExactly("Lucas Ferreira");
        assertThat(names("3位 Alexei Volkov（初段）")).isEmpty(); // Volkov is in no list (Datafaker's Russian names are in Cyrillic)
        assertThat(names("お客様：KOBAYASHI HARUNA です")).containsExactly("KOBAYASHI HARUNA");
        assertThat(names("主任　Nguyen Thi Lan（グエン・ティ・ラン）")).containsExactly("Nguyen Thi Lan");
        assertThat(names("Lee, Ji-woo (外部) 14:01")).isEmpty(); // Ji-woo is not in the lists
        assertThat(names("Ogawa, Shota (16:02): 了解")).containsExactly("Ogawa, Shota");
        assertThat(names("写真・Aoife O'Brien）")).containsExactly("Aoife O'Brien");
        assertThat(names("当教会員（Elizabeth Mitsuko Howard、1941年")).containsExactly("Elizabeth Mitsuko Howard");
        assertThat(names("相手方 Aki Kadowaki Moreau（二女）")).containsExactly("Aki Kadowaki Moreau");
        assertThat(names("Tomás Herrera")).containsExactly("Tomás Herrera");
        assertThat(names("：Kobayashi Haruna、：Lucas Ferreira")).containsExactly("Kobayashi Haruna", "Lucas Ferreira");
        assertThat(names("I met Daniel Okafor and Takeru Higa at the station.")).containsExactly("Takeru Higa");
        assertThat(names("Yesterday, Lucas Ferreira said")).containsExactly("Lucas Ferreira");
        assertThat(names("Kato, Lucas Ferreira, Mia Wong")).containsExactly("Lucas Ferreira", "Mia Wong");
        assertThat(names("Đặng Thu, Łukasz Nowak, Søren Hansen")).contains("Łukasz Nowak", "Søren Hansen");
        assertThat(names("Lucas Ferreira's report")).containsExactly("Lucas Ferreira's");
        assertThat(names("Park Ji-ho, John Smith")).contains("John Smith");
        // a middle initial between the names (session 27); initials are not words of a name
        assertThat(names("John F. Kennedy and Mary K. Smith attended.")).containsExactly("John F. Kennedy", "Mary K. Smith");
        assertThat(names("the U. S. Army, the Washington D. C. office")).isEmpty();
        // a code after the name ends it (session 41); a code in place of the second word still makes no name
        assertThat(names("なつみ: OKADA NATSUMI TZ0952264 生年月日")).containsExactly("OKADA NATSUMI");
        assertThat(names("OKADA TZ0952264")).isEmpty();
    }

    @Test
    void fourWordsParticlesAndHyphenedGivenNames() { // session 34
        assertThat(names("送信者：Nguyen Thi Thu Trang です")).containsExactly("Nguyen Thi Thu Trang");
        assertThat(names("NGUYEN THI THU TRANG")).containsExactly("NGUYEN THI THU TRANG");
        assertThat(names("故 Maria Aparecida Fujimoto da Silva さん")).containsExactly("Maria Aparecida Fujimoto da Silva");
        assertThat(names("担当 Mary Joy Dela Cruz です")).containsExactly("Mary Joy Dela Cruz");
        assertThat(names("PARK Seo-yeon、Chen Yu-Ting")).containsExactly("PARK Seo-yeon", "Chen Yu-Ting");
        assertThat(names("The Van Gogh Museum")).isEmpty();
        assertThat(names("Take Control Of Smith")).isEmpty();
        assertThat(names("Taylor Swift Eras Tourのチケット")).isEmpty();
        assertThat(names("Nguyen Van Linh Parkway")).isEmpty();
        assertThat(names("John Smith Mary Brown共演")).containsExactly("John Smith", "Mary Brown"); // two people
        assertThat(names("Please use the Park Drop-off area")).isEmpty();
        assertThat(names("Lee Hi-Fiオーディオ")).isEmpty();
    }

    private static List<String> loose(String text) {
        return LatinNames.findGivenAndUnknown(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void aGivenNameAndAWordTheListsLackOnlyAmidJapanese() {
        assertThat(loose("担当：Priya Ramanです")).containsExactly("Priya Raman");
        assertThat(loose("Priya Ramanさんから連絡")).containsExactly("Priya Raman");
        assertThat(loose("Priya Raman  10:05\n了解です")).containsExactly("Priya Raman");
        // no person's mark: as often a product or a place (the review's)
        assertThat(loose("担当のPriya Ramanです")).isEmpty();
        assertThat(loose("Earl Greyの紅茶が好きです。")).isEmpty();
        assertThat(loose("Mario Kartで遊ぶ")).isEmpty();
        assertThat(loose("Hikari Tsushinの株価")).isEmpty();
        assertThat(loose("故 John W. Harrington 氏")).containsExactly("John W. Harrington");
        assertThat(loose("Priya Raman said hello")).isEmpty(); // English: capitalised words are as often titles
        assertThat(loose("Per Section 301, Paragraph (A)")).isEmpty();
        assertThat(loose("ANA Mileage Club の会員")).isEmpty(); // an acronym
        assertThat(loose("Victoria Station から")).isEmpty();
        assertThat(loose("Disney World, Busch Gardens へ")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Toyota Motor Corporation", "Tokyo Station", "Microsoft Teams", "Best Regards", "Thank You",
        "Long Beach", "Grace Period", "Page Down", "Privacy Policy", "Customer Service", "Mori Building", "Honda Motor",
        "daniel.okafor@example.com", "https://example.com/Takeru/Higa", "@Takeru_Higa", "Takeru", "TAKERU",
        "The Quick Brown Fox Jumps", "Sato Kenta Hiroshi Tanaka Yuki", "Annual Report Of The Board Sato Kenta", "Kenta2 Sato", "Dear Sir", "On Thu, Dec 4, 2025", "Los Angeles", "Beverly Hills", "GO TO", "No HOS", "Hong Kong", "Sumitomo Mitsui Banking",
        "Naka Meguro", "Hi Lucas", "UI Dev", "Monte Carlo"})
    void notNames(String text) {
        assertThat(names(text)).isEmpty();
    }

    private static List<String> kana(String text) {
        return LatinNames.findKana(text).stream().map(s -> text.substring(s[0], s[1])).toList();
    }

    @Test
    void aSurnameAndAGivenNameInKana() {
        assertThat(kana("【金賞】＜小学校1・2年＞ひろせ ゆうき（みどり小1年）たちばな みお（同）")).containsExactly("ひろせ ゆうき", "たちばな みお");
        assertThat(kana("金本 正淑（かねもと・まさよし、本名")).containsExactly("かねもと・まさよし");
        assertThat(kana("氏名 サトウ タロウ")).containsExactly("サトウ タロウ");
        assertThat(kana("ぼくは がっこうへ いきました")).isEmpty();
        assertThat(kana("そうすけ・りお　ゆいな・大雅")).isEmpty(); // two given names, not a surname and a given name
        assertThat(kana("エリザベス・ミツコ・ハワード")).isEmpty(); // three parts
        assertThat(kana("ひろせゆうき")).isEmpty(); // no blank: the morphological rules' business
        assertThat(kana("コーヒー ショップ")).isEmpty();
        assertThat(kana("ともだち ひろせ ゆうき")).containsExactly("ひろせ ゆうき");
    }

    @Test
    void theNameRecognizerReportsThem() {
        String text = "15:23 お客様：KOBAYASHI HARUNA です";
        assertThat(Detector.all().detect(text, ScanContext.freeText()).stream()
                .filter(f -> f.type() == PiiType.PERSON).map(f -> text.substring(f.start(), f.end()))).contains("KOBAYASHI HARUNA");
    }
}
