package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvaluationTest {

    /** A recognizer that reports fixed spans, so the scoring is tested without the real rules. */
    private record Fixed(List<Finding> findings) implements Recognizer {
        @Override
        public Set<PiiType> types() {
            return EnumSet.allOf(PiiType.class);
        }

        @Override
        public void find(String text, ScanContext context, List<Finding> out) {
            out.addAll(findings);
        }
    }

    private static Evaluation scoring(Finding... findings) {
        return new Evaluation(Detector.of(EnumSet.allOf(PiiType.class), 0.4, List.of(new Fixed(List.of(findings))), true));
    }

    private static Finding f(PiiType t, int s, int e, String text) {
        return new Finding(t, s, e, 0.9, false, text.substring(s, e));
    }

    @Test
    void structuredTypesMatchOnlyTheExactSpan() {
        String text = "TEL 03-1234-5678 と 090-1111-2222";
        Evaluation e = scoring(f(PiiType.PHONE, 4, 15, text), f(PiiType.PHONE, 19, 32, text)); // the first cut short by one
        e.add("d", text, List.of(new Evaluation.Label(4, 16, PiiType.PHONE), new Evaluation.Label(19, 32, PiiType.PHONE)));
        assertThat(e.overall().labelsFound()).isEqualTo(1);
        assertThat(e.overall().falsePositives()).isEqualTo(1);
        assertThat(e.overall().falseNegatives()).isEqualTo(1);
    }

    @Test
    void oneLongFindingOverTwoNamesFindsOnlyOne() {
        String text = "山田太郎、佐藤花子";
        Evaluation e = scoring(f(PiiType.PERSON, 0, 9, text));
        e.add("d", text, List.of(new Evaluation.Label(0, 4, PiiType.PERSON), new Evaluation.Label(5, 9, PiiType.PERSON)));
        assertThat(e.overall().labelsFound()).isEqualTo(1);
        assertThat(e.overall().findingsRight()).isEqualTo(1);
        assertThat(e.overall().falseNegatives()).isEqualTo(1);
        assertThat(e.coverage().share()).isEqualTo(1.0); // masked, both names are hidden all the same
    }

    @Test
    void aNameCutShortIsFoundButLeavesCharactersVisible() {
        String text = "担当は山本真由美です";
        Evaluation e = scoring(f(PiiType.PERSON, 3, 6, text));
        e.add("d", text, List.of(new Evaluation.Label(3, 8, PiiType.PERSON)));
        assertThat(e.overall().recall()).isEqualTo(1.0);
        assertThat(e.coverage()).isEqualTo(new Evaluation.Coverage(5, 3));
    }

    @Test
    void aFindingOfAnotherTypeStillHidesTheCharacters() {
        String text = "東京都港区芝公園4-2-8";
        Evaluation e = scoring(f(PiiType.PERSON, 0, 13, text));
        e.add("d", text, List.of(new Evaluation.Label(0, 13, PiiType.ADDRESS)));
        assertThat(e.overall().recall()).isZero();
        assertThat(e.coverage().share()).isEqualTo(1.0);
    }

    @Test
    void groupsAreScoredApartAndTogether() {
        String text = "090-1111-2222";
        Evaluation e = scoring(f(PiiType.PHONE, 0, 13, text));
        e.add("a", List.of("genre:mail", "kind:real"), text, List.of(new Evaluation.Label(0, 13, PiiType.PHONE)));
        e.add("b", List.of("genre:forms", "kind:form"), text, List.of());
        assertThat(e.groups()).containsExactly("genre:forms", "genre:mail", "kind:form", "kind:real");
        assertThat(e.overall("kind:real").precision()).isEqualTo(1.0);
        assertThat(e.overall("kind:form").precision()).isZero();
        assertThat(e.overall().precision()).isEqualTo(0.5);
        assertThat(e.documents("genre:mail")).isEqualTo(1);
        assertThatThrownBy(() -> e.overall("genre:news")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void findingsWhoseCheckDigitFailsAreCounted() {
        String text = "個人番号 123456789018 と 123456789012";
        Evaluation e = scoring(f(PiiType.MY_NUMBER, 5, 17, text), f(PiiType.MY_NUMBER, 20, 32, text));
        e.add("d", text, List.of());
        assertThat(Evaluation.checkDigitHolds(f(PiiType.MY_NUMBER, 5, 17, text))).isTrue();
        assertThat(e.checksumFailures()).isEqualTo(1);
    }

    @Test
    void aNumberWrittenInKanjiIsCheckedByItsDigits() {
        String text = "個人番号は一二三四　五六七八　九〇一八です"; // 123456789018 holds; 123456789012 does not
        assertThat(Evaluation.checkDigitHolds(f(PiiType.MY_NUMBER, 5, 19, text))).isTrue();
        String wrong = "個人番号は一二三四　五六七八　九〇一二です";
        assertThat(Evaluation.checkDigitHolds(f(PiiType.MY_NUMBER, 5, 19, wrong))).isFalse();
    }

    @Test
    void markedTextGivesTheTextAndItsLabels(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("news.txt");
        Files.writeString(f, """
                # Written for the tests.
                # kind: real
                === news-1 split=dev
                ⟦PERSON:山田太郎⟧（⟦PERSON:やまだ・たろう⟧）さん
                TEL ⟦PHONE:03-1234-5678⟧

                === news-2 split=test
                なし
                """, StandardCharsets.UTF_8);
        List<LabelledSet.Doc> docs = LabelledSet.read(dir);
        assertThat(docs).hasSize(2);
        LabelledSet.Doc d = docs.get(0);
        assertThat(d.text()).isEqualTo("山田太郎（やまだ・たろう）さん\nTEL 03-1234-5678");
        assertThat(d.genre()).isEqualTo("news");
        assertThat(d.kind()).isEqualTo("real");
        assertThat(d.split()).isEqualTo("dev");
        assertThat(d.labels()).extracting(l -> d.text().substring(l.start(), l.end()))
                .containsExactly("山田太郎", "やまだ・たろう", "03-1234-5678");
        assertThat(docs.get(1).split()).isEqualTo("test");
        assertThat(docs.get(1).labels()).isEmpty();
    }

    @Test
    void badMarkedTextIsNamedByFileLineAndColumn(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("mail.txt");
        Files.writeString(f, "# kind: real\n=== m-1 split=dev\nFrom: ⟦PERSON:山田\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledSet.read(f)).hasMessage(f + ":3, column 7: ⟦ is not closed on its line");
        Files.writeString(f, "# kind: real\n=== m-1 split=dev\n⟦NAME:山田⟧\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledSet.read(f)).hasMessage(f + ":3, column 1: unknown type \"NAME\"");
        Files.writeString(f, "=== m-1 split=dev\nx\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledSet.read(f)).hasMessageContaining(f + ":1: \"# kind: real\" or \"# kind: form\"");
        Files.writeString(f, "# kind: form\n=== m-1\nx\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledSet.read(f)).hasMessageContaining(f + ":2: a document heading");
        Files.writeString(f, "# kind: form\n=== m-1 split=dev\nx\n=== m-1 split=test\ny\n", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelledSet.read(f)).hasMessage(f + ":4: document id m-1 appears twice");
    }

    @Test
    void aRecognizerThatThrowsIsCountedOrFailsTheCall() {
        Recognizer broken = new Recognizer() {
            @Override
            public Set<PiiType> types() {
                return EnumSet.of(PiiType.PERSON);
            }

            @Override
            public void find(String text, ScanContext context, List<Finding> out) {
                out.add(new Finding(PiiType.PERSON, 0, 1, 0.9, false, text.substring(0, 1)));
                throw new IllegalStateException("secret " + text);
            }
        };
        Fixed phone = new Fixed(List.of(new Finding(PiiType.PHONE, 0, 3, 0.9, false, "abc")));
        Detector counting = Detector.of(EnumSet.allOf(PiiType.class), 0.4, List.of(broken, phone), false);
        assertThat(counting.detect("abc", counting.freeText())).extracting(Finding::type).containsExactly(PiiType.PHONE);
        assertThat(counting.failures()).isEqualTo(1);
        Detector failing = Detector.of(EnumSet.allOf(PiiType.class), 0.4, List.of(broken, phone), true);
        assertThatThrownBy(() -> failing.detect("abc", failing.freeText()))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("secret").hasMessageContaining("3 chars");
    }
}
