package dev.mamori.detect;

import dev.mamori.data.DataFile;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class LangSensitiveTest {

    private static final SensitiveRecognizer R = new SensitiveRecognizer();

    static List<Finding> kept(String text) {
        List<Finding> out = new ArrayList<>();
        R.find(text, ScanContext.freeText(), out);
        return out.stream().filter(f -> f.confidence() >= 0.4).toList();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "患者は糖尿病で通院中|糖尿病で通院中|SENSITIVE_HEALTH",
        "本人はうつ病と診断された|うつ病と診断された|SENSITIVE_HEALTH",
        "肺がんの治療|肺がんの治療|SENSITIVE_HEALTH",
        "山田様はがんが見つかった|がん|SENSITIVE_HEALTH",
        "既往歴：HIV陽性|HIV陽性|SENSITIVE_HEALTH",
        "健康診断結果を送付します|健康診断結果|SENSITIVE_HEALTH",
        "鈴木氏には前科がある|前科|SENSITIVE_CRIME",
        "田中さんは創価学会の会員|創価学会の会員|SENSITIVE_CREED",
        "本人の支持政党|支持政党|SENSITIVE_CREED",
        "本人は身体障害者手帳を所持|身体障害者手帳|SENSITIVE_OTHER",
        "同和地区出身であることを|同和地区出身|SENSITIVE_OTHER",
        "容疑者として逮捕された|逮捕|SENSITIVE_CRIME",
        "少年は家庭裁判所送致となった|家庭裁判所送致|SENSITIVE_CRIME",
        "本人は犯罪被害者である|犯罪被害者|SENSITIVE_OTHER",
        "本人は発達障害の診断を受けた|発達障害|SENSITIVE_OTHER",
    })
    void termsAreFoundWithTheirType(String text, String term, PiiType type) {
        List<Finding> fs = kept(text);
        assertThat(fs).anySatisfy(f -> {
            assertThat(f.value()).isEqualTo(term);
            assertThat(f.type()).isEqualTo(type);
            assertThat(f.start()).isEqualTo(text.indexOf(term));
            assertThat(f.end()).isEqualTo(text.indexOf(term) + term.length());
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"がんばる", "明日もがんばろう", "しっかりがんばってね", "ガンダムを見た", "システム障害が発生", "通信障害のお知らせ", "障害物競走",
        "サーバーの障害により停止", "国籍：中国", "外国人の社員", "中小企業診断士の資格", "耐震診断を実施", "SHIVA", "ALSOK"})
    void noHitsOnOrdinaryWords(String text) {
        assertThat(kept(text)).isEmpty();
    }

    @Test
    void personNearbyRaisesConfidence() {
        List<Finding> plain = kept("キリスト教の歴史");
        List<Finding> person = kept("山田様はキリスト教の信者");
        // the creed with how it is held (キリスト教の信者); 信者 alone is a generic word (sensitive-terms.tsv)
        assertThat(person).extracting(Finding::value).contains("キリスト教の信者").doesNotContain("信者");
        double withPerson = person.stream().filter(f -> f.value().equals("キリスト教の信者")).findFirst().orElseThrow().confidence();
        assertThat(withPerson).isGreaterThan(plain.isEmpty() ? 0.45 : plain.get(0).confidence());
    }

    @Test
    void onlyEnabledTypesAreReported() {
        List<Finding> out = new ArrayList<>();
        R.find("患者は糖尿病で前科がある", new ScanContext(Set.of(), Set.of(PiiType.SENSITIVE_CRIME)), out);
        assertThat(out).extracting(Finding::type).containsOnly(PiiType.SENSITIVE_CRIME);
        out.clear();
        R.find("患者は糖尿病", new ScanContext(Set.of(), Set.of(PiiType.PERSON)), out);
        assertThat(out).isEmpty();
    }

    @Test
    void everyTermNamesItsProvision() {
        for (DataFile.Row r : DataFile.read(SensitiveRecognizer.class, "sensitive-terms.tsv")) {
            assertThat(r.field(2)).as(r.file() + ":" + r.line()).matches("(法2条3項|施行令2条[1-5]号|PPCガイドライン|規約\\(issue 12).*");
        }
        assertThat(R.lexiconSize()).isGreaterThan(300);
    }

    @Test
    void neverThrowsOnOddInput() {
        for (String s : new String[] {"\uD800がん", "がん\uDC00", "が", "ん", "HIV".repeat(10000), "がん".repeat(5000), "\u0000障害"}) {
            List<Finding> out = new ArrayList<>();
            R.find(s, ScanContext.freeText(), out);
            for (Finding f : out) {
                assertThat(s.substring(f.start(), f.end())).isEqualTo(f.value());
            }
        }
    }
}
