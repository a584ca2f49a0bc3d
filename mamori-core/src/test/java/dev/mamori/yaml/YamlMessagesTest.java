package dev.mamori.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.report.Message;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The YAML reader says what is wrong in Japanese and English; the one-language API keeps working. */
class YamlMessagesTest {

    @Test
    void anUnknownKeyInBothLanguages() {
        YamlNode root = YamlNode.parse("f.yaml", "mode: x\nmod: y\n");
        assertThatThrownBy(() -> root.only(Set.of("mode", "purpose"), new Message("方針", "a policy")))
                .isInstanceOfSatisfying(YamlException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("f.yaml:2:1: unknown field \"mod\" in a policy (did you mean mode? allowed: mode, purpose)");
                    assertThat(e.message("ja")).isEqualTo("f.yaml:2:1: 方針に不明な項目「mod」があります（mode のことですか？ 使える項目: mode, purpose）");
                    assertThat(e.problemMessage().ja()).isEqualTo("方針に不明な項目「mod」があります");
                });
    }

    @Test
    void anErrorAtANodeIsPlacedAndSaidInBothLanguages() {
        YamlNode root = YamlNode.parse("f.yaml", "k: [1]\n");
        YamlException e = root.get("k").error(new Message("問題", "a problem"), new Message("提案", "a suggestion"));
        assertThat(e.getMessage()).isEqualTo("f.yaml:1:4: a problem (a suggestion)");
        assertThat(e.message("ja")).isEqualTo("f.yaml:1:4: 問題（提案）");
        assertThat(new YamlException("f.yaml", 0, 0, new Message("問", "p"), null).getMessage()).isEqualTo("f.yaml: p");
        assertThatThrownBy(() -> root.only(Set.of("x"), new Message("もの", "a thing"))).hasMessageContaining("unknown field \"k\" in a thing");
    }

    @Test
    void theReadersOwnRefusalsInBothLanguages() {
        YamlNode root = YamlNode.parse("f.yaml", "n: many\nk: 1\nk: 2\n");
        assertThatThrownBy(() -> root.number("n")).isInstanceOfSatisfying(YamlException.class, e -> {
            assertThat(e.message("en")).contains("\"n\" must be a number, not \"many\"");
            assertThat(e.message("ja")).contains("「n」は数値で書きます（「many」ではなく）");
        });
        assertThatThrownBy(root::entries).isInstanceOfSatisfying(YamlException.class, e -> {
            assertThat(e.line()).isEqualTo(3);
            assertThat(e.message("ja")).contains("「k」が 2 回書かれています");
        });
        assertThatThrownBy(() -> YamlNode.parse("f.yaml", "a: [\n")).isInstanceOfSatisfying(YamlException.class,
                e -> assertThat(e.message("ja")).contains("YAML として読めません"));
        assertThat(Suggest.didYouMean("handlrs", Set.of("handlers"))).isEqualTo(new Message("handlers のことですか？", "did you mean handlers?"));
    }

    @Test
    void theKeyOfAnEmptyValueHasItsOwnLine() {
        YamlNode answers = YamlNode.parse("f.yaml", "answers:\n  # a comment\n  \"a\":\n  # another\n  \"b\":\n").get("answers");
        assertThat(answers.keyOf("a").line()).isEqualTo(3);
        assertThat(answers.keyOf("b").line()).isEqualTo(5);
        assertThat(answers.keyOf("c").line()).isEqualTo(answers.line());
        assertThat(answers.get("a").missing()).isTrue();
    }
}
