package dev.mamori.risk;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class RiskAnalyzerTest {
    // classes over (zip, age): (A,30) ×3, (B,40) ×2, (C,50) ×1
    static final Dataset TABLE = new Dataset(List.of("zip", "age", "disease"), List.of(
            new String[] {"A", "30", "flu"},
            new String[] {"A", "30", "cold"},
            new String[] {"B", "40", "flu"},
            new String[] {"A", "30", "flu"},
            new String[] {"B", "40", "hiv"},
            new String[] {"C", "50", "flu"}));

    @Test
    void figuresOfAHandMadeTable() {
        RiskReport r = RiskAnalyzer.analyze(TABLE, List.of("zip", "age"), List.of("disease"), 0.4);
        assertThat(r.records()).isEqualTo(6);
        assertThat(r.classes()).isEqualTo(3);
        assertThat(r.minClassSize()).isEqualTo(1);
        assertThat(r.classSizes()).containsExactly(Map.entry(1, 1), Map.entry(2, 1), Map.entry(3, 1));
        assertThat(r.uniqueShare()).isCloseTo(1.0 / 6, within(1e-12));
        assertThat(r.highestProsecutorRisk()).isEqualTo(1.0);
        assertThat(r.averageProsecutorRisk()).isCloseTo(0.5, within(1e-12));
        assertThat(r.recordsAboveThreshold()).isEqualTo(3); // sizes 1 and 2: risks 1 and 0.5 > 0.4
        assertThat(r.distinctL()).containsExactly(Map.entry("disease", 1));
    }

    @Test
    void fewerQuasiIdentifiersMergeClasses() {
        RiskReport r = RiskAnalyzer.analyze(TABLE, List.of("age"), List.of("disease"), 0.5);
        assertThat(r.minClassSize()).isEqualTo(1);
        RiskReport noQi = RiskAnalyzer.analyze(TABLE, List.of("disease"), List.of("zip"), 0.5);
        assertThat(noQi.classSizes()).containsExactly(Map.entry(1, 2), Map.entry(4, 1)); // flu ×4, cold, hiv
        assertThat(noQi.highestProsecutorRisk()).isEqualTo(1.0);
        assertThat(noQi.recordsAboveThreshold()).isEqualTo(2);
        assertThat(noQi.distinctL()).containsExactly(Map.entry("zip", 1)); // cold and hiv classes hold one zip
    }

    @Test
    void thresholdEqualToRiskIsNotAbove() {
        RiskReport r = RiskAnalyzer.analyze(TABLE, List.of("zip", "age"), List.of(), 0.5);
        assertThat(r.recordsAboveThreshold()).isEqualTo(1); // size 2 has risk 0.5, not above 0.5
        assertThat(r.distinctL()).isEmpty();
    }

    @Test
    void reportIsImmutable() {
        RiskReport r = RiskAnalyzer.analyze(TABLE, List.of("zip"), List.of("disease"), 0.5);
        assertThatThrownBy(() -> r.classSizes().put(9, 9)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void badThresholdAndUnknownColumnAreRefused() {
        assertThatThrownBy(() -> RiskAnalyzer.analyze(TABLE, List.of("zip"), List.of(), 0))
                .isInstanceOf(RiskException.class).hasMessageContaining("threshold");
        assertThatThrownBy(() -> RiskAnalyzer.analyze(TABLE, List.of("postcode"), List.of(), 0.2))
                .isInstanceOf(RiskException.class).hasMessageContaining("'postcode'").hasMessageContaining("zip");
    }
}
