package dev.mamori.risk;

import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HierarchyTest {

    static Hierarchy read(String column, String csv) {
        return Hierarchy.readCsv(column, new StringReader(csv), "test.csv");
    }

    @Test
    void readsArxFormatLevelsPerValue() {
        Hierarchy h = read("age", "17;15-19;10-19;*\n18;15-19;10-19;*\n25;25-29;20-29;*\n");
        assertThat(h.height()).isEqualTo(3);
        assertThat(h.domainSize()).isEqualTo(3);
        assertThat(h.generalize("18", 0)).isEqualTo("18");
        assertThat(h.generalize("18", 1)).isEqualTo("15-19");
        assertThat(h.generalize("25", 2)).isEqualTo("20-29");
        assertThat(h.generalize("25", 3)).isEqualTo("*");
    }

    @Test
    void readsTheAdultAgeHierarchy() {
        Hierarchy h = Hierarchy.readCsv("age", AdultData.dir().resolve("adult_hierarchy_age.csv"));
        assertThat(h.domainSize()).isEqualTo(100); // ages 1..100
        assertThat(h.height()).isEqualTo(4);
        assertThat(h.generalize("39", 4)).isEqualTo("*");
    }

    @Test
    void valueMissingFromHierarchyNamesValueColumnAndRow() {
        Dataset data = new Dataset(List.of("id", "sex"), List.of(
                new String[] {"1", "Male"}, new String[] {"2", "Female"}, new String[] {"3", "Divers"}));
        Hierarchy sex = read("sex", "Male;*\nFemale;*\n");
        assertThatThrownBy(() -> LatticeSearch.of(data, List.of(sex)))
                .isInstanceOf(RiskException.class)
                .hasMessageContaining("'Divers'").hasMessageContaining("'sex'").hasMessageContaining("data row 3");
        assertThatThrownBy(() -> sex.generalize("Divers", 1)).isInstanceOf(RiskException.class)
                .hasMessageContaining("'Divers'").hasMessageContaining("'sex'");
    }

    @Test
    void raggedRowsAreRefusedWithTheRow() {
        assertThatThrownBy(() -> read("zip", "100;10;*\n101;10\n"))
                .isInstanceOf(RiskException.class).hasMessageContaining("row 2").hasMessageContaining("test.csv");
    }

    @Test
    void duplicateValuesAreRefused() {
        assertThatThrownBy(() -> read("zip", "100;10;*\n100;11;*\n"))
                .isInstanceOf(RiskException.class).hasMessageContaining("'100'").hasMessageContaining("rows 1 and 2");
    }

    @Test
    void aHierarchyThatIsNotATreeIsRefused() {
        Hierarchy h = read("zip", "100;10;A\n101;10;B\n");
        Dataset data = new Dataset(List.of("zip"), List.<String[]>of(new String[] {"100"}));
        assertThatThrownBy(() -> LatticeSearch.of(data, List.of(h)))
                .isInstanceOf(RiskException.class).hasMessageContaining("tree");
    }

    @Test
    void unknownColumnListsTheColumnsThatExist() {
        Dataset data = new Dataset(List.of("zip", "age"), List.<String[]>of(new String[] {"100", "3"}));
        assertThatThrownBy(() -> LatticeSearch.of(data, List.of(read("sex", "M;*\n"))))
                .isInstanceOf(RiskException.class).hasMessageContaining("'sex'").hasMessageContaining("[zip, age]");
    }
}
