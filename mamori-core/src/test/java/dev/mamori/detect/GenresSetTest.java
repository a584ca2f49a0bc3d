package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
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
        // 160 held-out passages: the first 120 and 40 of a second set of writers (2026-12-03); docs/detection-eval.md
        assertThat(test.overall().f1()).as("micro-F1, test split (measured 0.934)").isGreaterThanOrEqualTo(0.925);
        assertThat(test.overall("kind:real").f1()).as("micro-F1, real genres (0.914)").isGreaterThanOrEqualTo(0.85);
        assertThat(test.byType().get(PiiType.PERSON).f1()).as("PERSON F1 (0.937)").isGreaterThanOrEqualTo(0.925);
        assertThat(test.checksumFailures()).isZero();
        assertThat(test.coverage().share()).as("masking coverage (target 0.97, not reached; measured 0.896)").isGreaterThan(0.885);
    }

    @Test
    void structuredTypesAreNearlyExact() {
        for (Evaluation e : new Evaluation[] {test, dev}) {
            Map<PiiType, Evaluation.Score> byType = e.byType();
            for (PiiType t : EnumSet.of(PiiType.POSTAL_CODE, PiiType.PHONE, PiiType.EMAIL, PiiType.CORPORATE_NUMBER,
                    PiiType.CREDIT_CARD, PiiType.BANK_ACCOUNT, PiiType.RESIDENCE_CARD, PiiType.LOCATION)) {
                assertThat(byType.get(t).f1()).as(t.name()).isGreaterThanOrEqualTo(0.95);
            }
            // below issue 12's 0.95 on the second set of passages until session 24 (0.920 / 0.924); now 0.944 (test) and
            // 0.993 (dev): kanji numerals, a place between the year and 生まれ, a heading of birthdays
            assertThat(byType.get(PiiType.DATE_OF_BIRTH).f1()).as("DATE_OF_BIRTH").isGreaterThanOrEqualTo(0.94);
            for (PiiType t : EnumSet.of(PiiType.MY_NUMBER, PiiType.DRIVERS_LICENSE, PiiType.PASSPORT, PiiType.PENSION_NUMBER,
                    PiiType.HEALTH_INSURANCE)) {
                assertThat(byType.get(t).f1()).as(t.name()).isGreaterThanOrEqualTo(0.65);
            }
        }
    }

    @Test
    void devSplitHolds() {
        // 248 dev passages: the 168 of sessions 19-20 (F1 0.987, coverage 0.973, as before) and 80 of the second set, on
        // which the rules of 2026-12-03 were tuned (coverage 0.739 -> 0.805); all 248: F1 0.947, coverage 0.908, PERSON 0.947
        assertThat(dev.overall().f1()).isGreaterThan(0.94);
        assertThat(dev.coverage().share()).isGreaterThan(0.90);
        assertThat(dev.byType().get(PiiType.PERSON).f1()).isGreaterThan(0.94);
    }

    /**
     * Every labelled My Number, 法人番号 and card number of every set passes its check digit: a label that fails is the
     * writer's mistake (the eleventh set's writer got 8 of 9 My Numbers wrong; they were corrected in session 32), and the
     * detector rejects such numbers by design. Only the count of failures is reported, not the numbers.
     */
    @Test
    void everyLabelledCheckDigitHolds() throws IOException {
        List<Path> sets = new java.util.ArrayList<>(List.of(Path.of("..", "eval", "labeled-ja.jsonl")));
        try (var dirs = java.nio.file.Files.list(Path.of("..", "eval"))) {
            dirs.filter(d -> d.getFileName().toString().startsWith("genres")).sorted().forEach(sets::add);
        }
        assertThat(sets).hasSizeGreaterThanOrEqualTo(11);
        for (Path set : sets) {
            int labels = 0;
            int failing = 0;
            for (LabelledSet.Doc d : LabelledSet.read(set)) {
                for (Evaluation.Label l : d.labels()) {
                    Finding f = new Finding(l.type(), l.start(), l.end(), 1, false, d.text().substring(l.start(), l.end()));
                    long digits = f.value().chars().filter(Character::isDigit).count();
                    boolean whole = l.type() == PiiType.MY_NUMBER ? digits == 12 : l.type() == PiiType.CORPORATE_NUMBER ? digits == 13 : digits >= 13;
                    // a number given in two pieces (a chat's two messages: 1889 1265 ⏎ 7590, a card's ３５２８－００６５ ⏎ ６３３４－９０６１)
                    // is two labels, neither whole
                    if (whole && (l.type() == PiiType.MY_NUMBER || l.type() == PiiType.CORPORATE_NUMBER || l.type() == PiiType.CREDIT_CARD)) {
                        labels++;
                        failing += Evaluation.checkDigitHolds(f) ? 0 : 1;
                    }
                }
            }
            assertThat(failing).as(set + ": labels of " + labels + " whose check digit fails").isZero();
        }
    }

    /**
     * The third, fourth, sixth, eighth, eleventh, thirteenth, fourteenth, sixteenth, nineteenth, twenty-sixth, twenty-eighth,
     * thirtieth, thirty-sixth and thirty-eighth sets (eval/genres3, genres4, genres6, genres8, genres11, genres13, genres14,
     * genres16, genres19, genres26, genres28, genres30, genres36, genres38): held out, written by writers who saw only the
     * conventions; and the fifth, seventh, ninth, tenth, twelfth, fifteenth, seventeenth, eighteenth, twentieth to
     * twenty-fifth, twenty-seventh, twenty-ninth, thirty-first to thirty-fifth, thirty-seventh, thirty-ninth, fortieth and
     * forty-first (eval/genres5, genres7, genres9, genres10, genres12, genres15, genres17, genres18, genres20 to genres25,
     * genres27, genres29, genres31 to genres35, genres37, genres39 to genres41), written the same way and tuned on since
     * sessions 30 to 51.
     */
    @Test
    void theLaterSetsStayWhereTheyWereScored() throws IOException {
        // measured at the end of session 30: genres3 F1 0.921, coverage 0.843; genres4 0.915, 0.900; genres6 (its first
        // scoring) 0.900, 0.881; genres5 (dev) 0.946, 0.926. At the end of session 31: genres3 0.921, 0.843; genres4 0.920,
        // 0.903; genres6 0.905, 0.885; genres8 (its first scoring) 0.910, 0.891; genres5 0.949, 0.932; genres7 (dev) 0.965, 0.949;
        // then, after the ninth set's rules: genres6 0.906, genres8 0.912, 0.892; genres7 0.968; genres9 (dev) 0.928, 0.920.
        // At the end of session 32: genres3 0.929, 0.857; genres4 0.929, 0.910; genres6 0.907, 0.892; genres8 0.914, 0.900;
        // genres11 (held out, its first scoring after its My Numbers' check digits were corrected) 0.934, 0.945; genres5 0.955,
        // 0.941; genres7 0.972, 0.959; genres9 0.940, 0.940; genres10 (dev; its first scoring 0.894, 0.816) 0.932, 0.879.
        // At the end of session 33: genres3 0.930, 0.860; genres4 0.931, 0.912; genres6 0.908, 0.892; genres8 0.915, 0.902;
        // genres11 0.936, 0.949; genres13 (held out, its first scoring) 0.917, 0.908; genres5 0.957, 0.954; genres7 0.972,
        // 0.961; genres9 0.941, 0.950; genres10 0.940, 0.912; genres12 (dev; its first scoring 0.906, 0.898) 0.930, 0.931
        // At the end of session 34: genres3 0.932, 0.866; genres4 0.933, 0.914; genres6 0.910, 0.897; genres8 0.915, 0.903;
        // genres11 0.937, 0.952; genres13 0.918, 0.910; genres14 (held out, its first scoring; session 33's jar 0.887, 0.868)
        // 0.891, 0.880; genres5 0.959, 0.958; genres7 0.973, 0.962; genres9 0.945, 0.957; genres10 0.946, 0.927; genres12 0.933,
        // 0.939; genres15 (dev; its first scoring 0.876, 0.764 once its My Numbers were corrected) 0.920, 0.839
        // At the end of session 35: genres16 (held out, its first scoring; session 34's jar 0.913, 0.877) 0.915, 0.882;
        // genres17 (dev; its first scoring 0.884, 0.704: its labels reach furthest) 0.895, 0.719
        // Session 36 (development sets of structured identifiers, location data and hard house styles; first scorings with
        // session 35's jar): genres18 0.908, 0.906 -> 0.969, 0.986; genres20 0.891, 0.882 -> 0.948, 0.959; genres21 0.869,
        // 0.869 -> 0.925, 0.915; genres19 (held out, structured identifiers, its first scoring; session 35's jar 0.922,
        // 0.892) 0.946, 0.935
        // Session 38: genres22 (dev, structured identifiers again; its first scoring with session 37's jar 0.892, 0.891)
        // 0.931, 0.966; genres21 0.927, 0.919 -> 0.943, 0.948; genres19 0.946, 0.935 -> 0.948, 0.944; genres23 (dev, the
        // weakest structured types; first scorings 0.890, 0.854 with session 37's jar, 0.893, 0.864 with this session's) 0.946, 0.965
        // Session 39 (masking coverage in prose): genres24 (dev; its first scoring with session 38's jar 0.936, 0.892) 0.956,
        // 0.915; genres25 (dev; first scorings 0.932, 0.930 and 0.935, 0.932) 0.948, 0.943; genres26 (held out, scored once
        // with each jar: session 38's 0.910, 0.940; session 39's 0.919, 0.948)
        // Session 40: genres27 (dev, text that other systems reshaped; its first scoring with session 39's rules 0.933, 0.916)
        // 0.951, 0.952; genres29 (dev, chats and judgments; first scoring 0.910, 0.887) 0.921, 0.896; genres28 (held out, the
        // same theme as genres27; scored with session 39's rules 0.910, 0.902, and this session's 0.928, 0.931); genres30 (held
        // out, chats and judgments; 0.888, 0.864 and 0.895, 0.866)
        // Session 42: genres31 (dev, identifiers in uncommon shapes; first scoring with session 41's rules 0.914, 0.934) 0.952,
        // 0.962; genres32 (dev, the long spans of prose; first scoring 0.943, 0.880) 0.947, 0.883
        // Session 43: genres33 (dev, whole documents with long spans; first scoring with session 42's rules 0.898, 0.740)
        // 0.915, 0.757; genres32 0.962, 0.906
        // Session 44: genres34 (dev, whole documents of the six genres; first scoring with session 43's rules 0.893, 0.754)
        // 0.930, 0.787; genres33 0.919, 0.762
        // Session 45: genres35 (dev, the health-insurance card's numbers, birth dates and corporate numbers in many house
        // styles; first scoring with session 44's rules 0.894, 0.909) 0.916, 0.931
        // Session 47: genres36 (held out, the eight genres; scored with session 46's rules 0.901, 0.897, and this session's
        // 0.905, 0.902); genres37 (dev, names dictionaries do not know; first scoring 0.847, 0.841) 0.923, 0.916
        // Session 48: a 記号 and 番号 joined by a hyphen are two findings, as eval/README.md's conventions and genres35 label
        // them; genres23, whose writer labelled 3018-0072 as one, 0.952 -> 0.935 (floor 0.935 -> 0.93)
        // Session 49: genres38 (held out, the eight genres; scored with session 48's rules 0.929, 0.908)
        // Session 50: genres39 (dev, the eight genres with every structured type and 111 card numbers; first scoring with
        // session 49's rules 0.950, 0.934) 0.963, 0.954; genres40 (dev, the eight genres, the brief of genres38; first
        // scoring 0.939, 0.924) 0.955, 0.945
        // Session 51: genres41 (dev, the eight genres as users paste them; first scoring with session 50's rules 0.944, 0.955,
        // with this session's rules written before it arrived 0.949, 0.958) 0.957, 0.963
        record Floor(String set, int documents, double f1, double coverage) {
        }
        for (Floor f : List.of(new Floor("genres3", 48, 0.915, 0.845), new Floor("genres4", 48, 0.915, 0.90),
                new Floor("genres6", 48, 0.895, 0.88), new Floor("genres5", 64, 0.945, 0.93), new Floor("genres8", 48, 0.90, 0.89),
                new Floor("genres7", 64, 0.96, 0.945), new Floor("genres9", 48, 0.93, 0.93), new Floor("genres10", 64, 0.92, 0.865),
                new Floor("genres11", 48, 0.92, 0.935), new Floor("genres12", 64, 0.92, 0.92), new Floor("genres13", 48, 0.91, 0.90),
                new Floor("genres14", 48, 0.88, 0.87), new Floor("genres15", 48, 0.91, 0.83), new Floor("genres16", 48, 0.90, 0.865),
                new Floor("genres17", 48, 0.88, 0.70), new Floor("genres18", 48, 0.95, 0.97), new Floor("genres20", 48, 0.93, 0.94),
                new Floor("genres21", 48, 0.93, 0.94), new Floor("genres22", 32, 0.925, 0.96), new Floor("genres23", 32, 0.93, 0.955),
                new Floor("genres19", 48, 0.94, 0.935), new Floor("genres24", 64, 0.95, 0.91), new Floor("genres25", 64, 0.94, 0.935),
                new Floor("genres26", 48, 0.91, 0.94), new Floor("genres27", 64, 0.945, 0.945), new Floor("genres28", 48, 0.92, 0.92),
                new Floor("genres29", 48, 0.915, 0.89), new Floor("genres30", 32, 0.89, 0.86), new Floor("genres31", 32, 0.945, 0.955),
                new Floor("genres32", 30, 0.955, 0.90), new Floor("genres33", 36, 0.915, 0.755),
                new Floor("genres34", 36, 0.92, 0.78), new Floor("genres35", 40, 0.91, 0.92), new Floor("genres36", 48, 0.90, 0.895),
                new Floor("genres37", 48, 0.915, 0.91), new Floor("genres38", 48, 0.92, 0.90),
                new Floor("genres39", 48, 0.95, 0.94), new Floor("genres40", 48, 0.94, 0.925), new Floor("genres41", 48, 0.95, 0.955))) {
            Evaluation e = new Evaluation(Detector.all());
            for (LabelledSet.Doc d : LabelledSet.read(Path.of("..", "eval", f.set()))) {
                e.add(d.id(), d.groups(), d.text(), d.labels());
            }
            assertThat(e.documents()).as(f.set()).isEqualTo(f.documents());
            assertThat(e.overall().f1()).as(f.set() + " micro-F1").isGreaterThanOrEqualTo(f.f1());
            assertThat(e.coverage().share()).as(f.set() + " masking coverage").isGreaterThan(f.coverage());
        }
    }
}
