package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.risk.Hierarchy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Postal code, date of birth, age and sex hierarchies of {@link JapaneseHierarchies}. */
class HierSimpleTest {

    /** All rows of a hierarchy, in its order. */
    static List<List<String>> rows(Hierarchy h, List<String> values) {
        List<List<String>> out = new ArrayList<>();
        for (String v : values) {
            List<String> row = new ArrayList<>();
            for (int level = 0; level <= h.height(); level++) {
                row.add(h.generalize(v, level));
            }
            out.add(row);
        }
        return out;
    }

    @Test
    void postalCodesInEveryWritingGoToThreeAndOneDigits() {
        List<String> in = List.of("1000013", "100-0013", "〒100-0013", "〒１００－００１３", "530-0001", "5300001",
                "12345", "", "100-0013");
        Hierarchy h = JapaneseHierarchies.postalCode("zip", in);
        assertThat(h.domainSize()).isEqualTo(8);
        assertThat(h.height()).isEqualTo(4);
        assertThat(rows(h, List.of("1000013", "〒１００－００１３", "530-0001", "12345", ""))).containsExactly(
                List.of("1000013", "100-0013", "100", "1", "*"),
                List.of("〒１００－００１３", "100-0013", "100", "1", "*"),
                List.of("530-0001", "530-0001", "530", "5", "*"),
                List.of("12345", "*", "*", "*", "*"),
                List.of("", "*", "*", "*", "*"));
    }

    @Test
    void datesOfBirthInWesternAndEraFormsGoToMonthYearAndBands() {
        LocalDate asOf = LocalDate.of(2026, 11, 23);
        List<String> in = List.of("1985-04-01", "昭和60年4月1日", "１９８７年１２月３日", "S62.12.3", "1990年",
                "1936-11-23", "1936-11-24", "2030-01-01", "昨日", "");
        Hierarchy h = JapaneseHierarchies.dateOfBirth("dob", in, asOf);
        assertThat(h.height()).isEqualTo(5);
        assertThat(rows(h, in)).containsExactly(
                List.of("1985-04-01", "1985年4月", "1985年", "1985–1989年", "1980年代", "*"),
                List.of("昭和60年4月1日", "1985年4月", "1985年", "1985–1989年", "1980年代", "*"),
                List.of("１９８７年１２月３日", "1987年12月", "1987年", "1985–1989年", "1980年代", "*"),
                List.of("S62.12.3", "1987年12月", "1987年", "1985–1989年", "1980年代", "*"),
                List.of("1990年", "1990年", "1990年", "1990–1994年", "1990年代", "*"),
                List.of("1936-11-23", "90歳以上", "90歳以上", "90歳以上", "90歳以上", "*"),
                List.of("1936-11-24", "1936年11月", "1936年", "1935–1939年", "1930年代", "*"),
                List.of("2030-01-01", "*", "*", "*", "*", "*"),
                List.of("昨日", "*", "*", "*", "*", "*"),
                List.of("", "*", "*", "*", "*", "*"));
    }

    @Test
    void agesGoToFiveTenAndTwentyYearBandsWithNinetyAndOverTopCoded() {
        List<String> in = List.of("0", "34", "34歳", "３４才", "79", "85", "89", "90", "104", "-1", "34.5", "不明");
        Hierarchy h = JapaneseHierarchies.age("age", in);
        assertThat(h.height()).isEqualTo(4);
        assertThat(rows(h, in)).containsExactly(
                List.of("0", "0–4歳", "0–9歳", "0–19歳", "*"),
                List.of("34", "30–34歳", "30–39歳", "20–39歳", "*"),
                List.of("34歳", "30–34歳", "30–39歳", "20–39歳", "*"),
                List.of("３４才", "30–34歳", "30–39歳", "20–39歳", "*"),
                List.of("79", "75–79歳", "70–79歳", "60–79歳", "*"),
                List.of("85", "85–89歳", "80–89歳", "80–89歳", "*"),
                List.of("89", "85–89歳", "80–89歳", "80–89歳", "*"),
                List.of("90", "90歳以上", "90歳以上", "90歳以上", "*"),
                List.of("104", "90歳以上", "90歳以上", "90歳以上", "*"),
                List.of("-1", "*", "*", "*", "*"),
                List.of("34.5", "*", "*", "*", "*"),
                List.of("不明", "*", "*", "*", "*"));
    }

    @Test
    void sexHasTwoLevelsEveryValueToStar() {
        List<String> in = List.of("男", "女", "男性", "女性", "M", "F", "male", "female", "その他", "不明", "男");
        Hierarchy h = JapaneseHierarchies.sex("sex", in);
        assertThat(h.height()).isEqualTo(1);
        assertThat(h.domainSize()).isEqualTo(10);
        for (String v : in) {
            assertThat(h.generalize(v, 0)).isEqualTo(v);
            assertThat(h.generalize(v, 1)).isEqualTo("*");
        }
    }

    @Test
    void outputIsSortedAndTheSameWhateverTheInputOrder() {
        List<String> a = Arrays.asList("30", "20", "25", "20");
        List<String> b = Arrays.asList("25", "20", "30");
        assertThat(rows(JapaneseHierarchies.age("age", a), List.of("20", "25", "30")))
                .isEqualTo(rows(JapaneseHierarchies.age("age", b), List.of("20", "25", "30")));
        assertThat(JapaneseHierarchies.age("age", a).domainSize()).isEqualTo(3);
    }

    @Test
    void nullAndEmptyInputAreRefusedWithTheColumn() {
        assertThatThrownBy(() -> JapaneseHierarchies.sex("sex", Arrays.asList("男", null)))
                .hasMessageContaining("'sex'").hasMessageContaining("null");
        assertThatThrownBy(() -> JapaneseHierarchies.sex("sex", List.of()))
                .hasMessageContaining("'sex'");
    }
}
