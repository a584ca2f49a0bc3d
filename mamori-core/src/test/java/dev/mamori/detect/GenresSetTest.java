package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The detector on the real-genre passages (eval/genres, issue 12), held-out test split and dev split
 * apart: each figure must stay at the issue's target, or at what docs/detection-eval.md reports less a
 * small margin where the target is not reached yet (masking coverage).
 */
class GenresSetTest {

    private static Evaluation test;
    private static Evaluation dev;

    @BeforeAll
    static void scoreTheSplits() throws IOException {
        test = new Evaluation(Detector.all());
        dev = new Evaluation(Detector.all());
        for (LabelledSet.Doc d : LabelledSet.read(Path.of("..", "eval", "genres"))) {
            (d.split().equals("test") ? test : dev).add(d.id(), d.groups(), d.text(), d.labels());
        }
    }

    @Test
    void bothSplitsAreWhole() {
        assertThat(test.documents()).isEqualTo(160);
        assertThat(dev.documents()).isEqualTo(248);
        assertThat(test.groups()).contains("kind:real", "kind:form", "genre:news", "genre:judgments", "genre:chat", "genre:tables");
    }

    @Test
    void heldOutPassagesReachTheIssuesTargets() {
        assertThat(test.overall().f1()).as("micro-F1, test split").isGreaterThanOrEqualTo(0.90);
        assertThat(test.overall("kind:real").f1()).as("micro-F1, real genres").isGreaterThanOrEqualTo(0.85);
        assertThat(test.byType().get(PiiType.PERSON).f1()).as("PERSON F1").isGreaterThanOrEqualTo(0.88);
        assertThat(test.checksumFailures()).isZero();
        assertThat(test.coverage().share()).as("masking coverage (target 0.97, not reached; measured 0.893)").isGreaterThan(0.89);
    }

    @Test
    void structuredTypesAreNearlyExact() {
        for (Evaluation e : new Evaluation[] {test, dev}) {
            Map<PiiType, Evaluation.Score> byType = e.byType();
            for (PiiType t : EnumSet.of(PiiType.POSTAL_CODE, PiiType.PHONE, PiiType.EMAIL, PiiType.DATE_OF_BIRTH, PiiType.MY_NUMBER,
                    PiiType.CORPORATE_NUMBER, PiiType.CREDIT_CARD, PiiType.BANK_ACCOUNT, PiiType.HEALTH_INSURANCE, PiiType.LOCATION)) {
                assertThat(byType.get(t).f1()).as(t.name()).isGreaterThanOrEqualTo(0.95);
            }
        }
    }

    @Test
    void devSplitHolds() {
        // 168 dev passages since cov2 added 48 written before their detector output was seen; with the rules tuned on
        // them the 168 measure F1 0.987, coverage 0.972, PERSON 0.993 (the rules before cov2: 0.962 / 0.911 / 0.956)
        assertThat(dev.overall().f1()).isGreaterThan(0.975);
        assertThat(dev.coverage().share()).isGreaterThan(0.94);
        assertThat(dev.byType().get(PiiType.PERSON).f1()).isGreaterThan(0.98);
    }
}
