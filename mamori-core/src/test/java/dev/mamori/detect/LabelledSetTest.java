package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector's quality on the labelled set (eval/labeled-ja.jsonl) must not fall below what
 * docs/detection-eval.md reports, less a small margin: a regression in any recognizer shows here.
 */
class LabelledSetTest {

    private static Evaluation eval;

    @BeforeAll
    static void scoreTheSet() throws IOException {
        eval = new Evaluation(Detector.all());
        for (LabelledSet.Doc d : LabelledSet.read(Path.of("..", "eval", "labeled-ja.jsonl"))) {
            eval.add(d.id(), d.groups(), d.text(), d.labels());
        }
    }

    @Test
    void overallScoresHold() {
        assertThat(eval.documents()).isEqualTo(406);
        assertThat(eval.overall().labels()).isEqualTo(2254);
        assertThat(eval.overall().precision()).isGreaterThan(0.98);
        assertThat(eval.overall().recall()).isGreaterThan(0.98);
        assertThat(eval.checksumFailures()).isZero();
    }

    @Test
    void identifiersAndContactDetailsStayNearPerfect() {
        Map<PiiType, Evaluation.Score> byType = eval.byType();
        for (PiiType t : EnumSet.of(PiiType.POSTAL_CODE, PiiType.PHONE, PiiType.EMAIL, PiiType.MY_NUMBER,
                PiiType.CORPORATE_NUMBER, PiiType.DRIVERS_LICENSE, PiiType.PASSPORT, PiiType.PENSION_NUMBER,
                PiiType.RESIDENCE_CARD, PiiType.RESIDENT_RECORD_CODE, PiiType.CREDIT_CARD, PiiType.BANK_ACCOUNT,
                PiiType.DATE_OF_BIRTH, PiiType.HEALTH_INSURANCE)) {
            assertThat(byType.get(t).f1()).as(t.name()).isGreaterThan(0.95);
        }
    }

    @Test
    void namesAddressesAndSpecialCareHold() {
        Map<PiiType, Evaluation.Score> byType = eval.byType();
        assertThat(byType.get(PiiType.PERSON).precision()).isGreaterThan(0.98);
        assertThat(byType.get(PiiType.PERSON).recall()).isGreaterThan(0.98);
        assertThat(byType.get(PiiType.ADDRESS).f1()).isGreaterThan(0.97);
        for (PiiType t : EnumSet.of(PiiType.SENSITIVE_HEALTH, PiiType.SENSITIVE_CRIME, PiiType.SENSITIVE_CREED)) {
            assertThat(byType.get(t).recall()).as(t.name()).isGreaterThan(0.97);
        }
        assertThat(byType.get(PiiType.SENSITIVE_OTHER).recall()).isGreaterThan(0.9);
    }

    /** Care words, role nouns and general statements are not reported as 要配慮個人情報 (issue 12). */
    @Test
    void specialCareIsPrecise() {
        Map<PiiType, Evaluation.Score> byType = eval.byType();
        for (PiiType t : EnumSet.of(PiiType.SENSITIVE_HEALTH, PiiType.SENSITIVE_CRIME, PiiType.SENSITIVE_CREED, PiiType.SENSITIVE_OTHER)) {
            assertThat(byType.get(t).precision()).as(t.name()).isGreaterThan(0.9);
        }
    }
}
