package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The PPC's threshold rule (特定個人情報保護評価指針 第5 2) for all 5 × 2 × 2 combinations, in the form's wording. */
class ThresholdRuleTest {

    static final String NONE = "特定個人情報保護評価の実施が義務付けられない";
    static final String BASIC = "基礎項目評価の実施が義務付けられる";
    static final String FOCUSED = "基礎項目評価及び重点項目評価の実施が義務付けられる";
    static final String FULL = "基礎項目評価及び全項目評価の実施が義務付けられる";

    /** persons (a count inside each band), handlers ≥ 500, serious incident, expected result. */
    static Stream<Arguments> table() {
        return Stream.of(
                Arguments.of(999, false, false, NONE), Arguments.of(999, false, true, NONE),
                Arguments.of(999, true, false, NONE), Arguments.of(999, true, true, NONE),
                Arguments.of(1_000, false, false, BASIC), Arguments.of(1_000, false, true, BASIC),
                Arguments.of(9_999, true, false, BASIC), Arguments.of(9_999, true, true, BASIC),
                Arguments.of(10_000, false, false, BASIC), Arguments.of(10_000, false, true, FOCUSED),
                Arguments.of(99_999, true, false, FOCUSED), Arguments.of(99_999, true, true, FOCUSED),
                Arguments.of(100_000, false, false, FOCUSED), Arguments.of(100_000, false, true, FULL),
                Arguments.of(299_999, true, false, FULL), Arguments.of(299_999, true, true, FULL),
                Arguments.of(300_000, false, false, FULL), Arguments.of(300_000, false, true, FULL),
                Arguments.of(12_000_000, true, false, FULL), Arguments.of(12_000_000, true, true, FULL));
    }

    @ParameterizedTest(name = "{0} persons, 500+ handlers {1}, incident {2} → {3}")
    @MethodSource("table")
    void ruleTable(long persons, boolean manyHandlers, boolean incident, String expected) {
        ThresholdAssessment t = Assessment.threshold(persons, manyHandlers ? 500 : 499, incident);
        assertThat(t.result().label().ja()).isEqualTo(expected);
        assertThat(t.handlersBand().key()).isEqualTo(manyHandlers ? "ge500" : "lt500");
    }

    @Test
    void bandsFollowTheFormsBoundaries() {
        assertThat(Assessment.threshold(0, 0, false).personsBand().label().ja()).isEqualTo("1,000人未満（任意実施）");
        assertThat(Assessment.threshold(99_999, 0, false).personsBand().label().ja()).isEqualTo("1万人以上10万人未満");
        assertThat(Assessment.threshold(100_000, 0, false).personsBand().label().ja()).isEqualTo("10万人以上30万人未満");
        assertThat(Assessment.threshold(300_000, 0, false).personsBand().label().ja()).isEqualTo("30万人以上");
        assertThatThrownBy(() -> Assessment.threshold(-1, 0, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
