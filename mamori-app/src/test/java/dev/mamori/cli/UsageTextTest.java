package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** picocli's complaints about a command line, said in the run's language with what to do next. */
class UsageTextTest {

    @Test
    void anUnknownOptionIsNamedInJapaneseWithASuggestion() {
        CliTest.Run r = CliTest.run("--lang", "ja", "scan", "--formt", "json", "x.csv");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "mamori: 不明なオプションです: '--formt'",
                "もしかして: --format",
                "使い方は 'mamori scan --help' で確かめてください。");
    }

    @Test
    void aMisspeltCommandGetsASuggestion() {
        CliTest.Run r = CliTest.run("--lang", "ja", "scn", "x.csv");
        assertThat(r.err()).contains("余分な引数です: 'scn'").contains("もしかして: scan").doesNotContain("Unmatched");
    }

    @Test
    void missingOptionsParametersAndValuesAreSaidInJapanese() {
        assertThat(CliTest.run("--lang", "ja", "risk", "t.csv").err()).startsWith("mamori: 必須のオプションがありません: '--qi=COLUMN'");
        assertThat(CliTest.run("--lang", "ja", "scan").err()).startsWith("mamori: 必須の引数がありません: 'PATH'");
        assertThat(CliTest.run("--lang", "ja", "scan", "x.csv", "--format").err())
                .startsWith("mamori: オプション '--format' に値がありません（FORMAT を指定してください）");
        assertThat(CliTest.run("--lang", "ja", "scan", "--output", "a", "--output", "b", "x").err())
                .startsWith("mamori: オプション '--output' は 1 回しか指定できません");
    }

    @Test
    void aWrongValueSaysWhatIsExpected() {
        assertThat(CliTest.run("--lang", "ja", "scan", "--threads", "abc", "x").err())
                .startsWith("mamori: '--threads' の値 'abc' は使えません: 整数を指定してください");
        assertThat(CliTest.run("--lang", "ja", "scan", "--format", "xml", "x").err())
                .startsWith("mamori: '--format' の値 'xml' は使えません: 使える値は summary, json, jsonl です");
        assertThat(CliTest.run("--lang", "ja", "scan", "--min-confidence", "high", "x").err())
                .startsWith("mamori: '--min-confidence' の値 'high' は使えません: 数値を指定してください");
        assertThat(CliTest.run("--lang", "ja", "scan", "--input-format", "docs", "x").err())
                .startsWith("mamori: '--input-format' の値 'docs' は使えません: 'docs' は入力の形式ではありません");
        assertThat(CliTest.run("--lang", "ja", "deid", "--qi", "age").err())
                .startsWith("mamori: '--qi' の値は COLUMN=HIERARCHY.csv の形で指定してください: 'age'");
    }

    @Test
    void englishKeepsPicoclisWordsAndOneLanguagePerRun() {
        CliTest.Run r = CliTest.run("--lang", "en", "scan", "--formt", "json", "x.csv");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err().lines().toList()).containsExactly(
                "mamori: Unknown option: '--formt'",
                "Did you mean: --format?",
                "Try 'mamori scan --help' for more information.");
        CliTest.Run ja = CliTest.run("--lang", "ja", "scan", "--threads", "abc", "x");
        assertThat(ja.err()).doesNotContain("Invalid value").doesNotContain("Try '");
    }
}
