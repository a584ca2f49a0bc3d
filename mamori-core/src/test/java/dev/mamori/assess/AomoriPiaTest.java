package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Seed 000 reproduced: the prefecture's 基礎項目評価書, transcribed in examples/assess, gives the
 * seed's threshold result and risk ratings, and its two latest versions give the seed's latest
 * 変更箇所 entries (事前, with the stated reason).
 */
class AomoriPiaTest {

    static final Path EXAMPLES = Path.of("..", "examples", "assess");
    /** Seed 000, copied into the test resources (see the README there). */
    static final String SEED = "seed-000-aomori-pia.txt";

    static Answers open(String name) throws IOException {
        return Assessment.open(EXAMPLES.resolve(name), null, false);
    }

    @Test
    void thresholdResultAndRiskRatingsAreTheSeeds() throws IOException {
        ScoreSheet s = Assessment.score(open("pia-aomori-2023.yaml"));
        assertThat(s.computed().get("threshold_result").label().ja()).isEqualTo("基礎項目評価及び全項目評価の実施が義務付けられる");
        Map<String, String> ratings = s.answers().answers().values().stream()
                .filter(a -> a.response() instanceof Response.Chosen)
                .collect(Collectors.toMap(Answer::questionId,
                        a -> Render.response(s.questionnaire().question(a.questionId()).orElseThrow(), a.response(), "ja")));
        assertThat(ratings).containsEntry("acquisition", "特に力を入れている").containsEntry("linking", "十分である")
                .containsEntry("unauthorised_use", "特に力を入れている").containsEntry("entrustment", "特に力を入れている")
                .containsEntry("provision", "十分である").containsEntry("storage", "特に力を入れている")
                .containsEntry("training", "特に力を入れて行っている").containsEntry("assessment_kind", "基礎項目評価書及び全項目評価書");
        // IV-6: not connected either way, so neither network question applies or counts
        assertThat(ratings).doesNotContainKeys("network_acquisition", "network_provision");
        AreaScore iv = s.areas().stream().filter(a -> a.id().equals("IV")).findFirst().orElseThrow();
        assertThat(iv.max()).isEqualTo(14);
        assertThat(iv.score()).isEqualTo(12);
        assertThat(iv.nominalMax()).isEqualTo(18);
        assertThat(s.deficiencies()).isEmpty();
    }

    @Test
    void theLatestRevisionGivesTheSeedsChangeEntries() throws IOException {
        List<ChangeEntry> changes = Assessment.changes(open("pia-aomori-2021.yaml"), open("pia-aomori-2023.yaml"), "ja");
        List<String> seedItems = List.of("表紙 評価書名", "表紙 個人のプライバシー等の権利利益の保護の宣言", "I-1 ①事務の名称",
                "I-1 ②事務の概要", "I-1 ③システムの名称", "I-2", "I-3");
        List<ChangeEntry> filedBefore = changes.stream().filter(c -> c.timing() == Question.Timing.BEFORE).toList();
        assertThat(filedBefore).extracting(ChangeEntry::item).containsExactlyElementsOf(seedItems);
        assertThat(filedBefore).allSatisfy(c -> {
            assertThat(c.date()).isEqualTo("令和5年12月21日");
            assertThat(c.timingLabel("ja")).isEqualTo("事前");
            assertThat(c.explanation()).contains("デジタル手続法").endsWith("住民基本台帳法の一部改正に伴う変更のため。");
        });
        // The form's own counts moved from 令和4年 to 令和5年 in this revision, which the seed's table does not list;
        // Mamori files them 事後 as 時点修正, as the seed does for every earlier count update.
        assertThat(changes.stream().filter(c -> c.timing() == Question.Timing.AFTER)).extracting(ChangeEntry::item, ChangeEntry::before,
                ChangeEntry::after, ChangeEntry::explanation).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Ⅱ しきい値判断項目 1. 対象人数 いつ時点の計数か", "令和4年1月1日", "令和5年1月1日", "時点修正"),
                org.assertj.core.groups.Tuple.tuple("Ⅱ しきい値判断項目 2. 取扱者数 いつ時点の計数か", "令和4年1月1日", "令和5年1月1日", "時点修正"));
        ChangeEntry name = filedBefore.get(0);
        assertThat(name.before()).isEqualTo("住民基本台帳ネットワークに係る本人確認情報の管理及び提供等に関する事務 基礎項目評価書");
        assertThat(name.after()).isEqualTo("住民基本台帳ネットワークに関する事務 基礎項目評価書");
    }

    /** The before and after texts are the seed's own (ignoring its page breaks and markup). */
    @Test
    void beforeAndAfterTextsMatchTheSeed() throws IOException {
        String seed;
        try (var in = AomoriPiaTest.class.getResourceAsStream(SEED)) {
            assertThat(in).as("test resource " + SEED).isNotNull();
            seed = norm(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        for (ChangeEntry c : Assessment.changes(open("pia-aomori-2021.yaml"), open("pia-aomori-2023.yaml"), "ja")) {
            if (c.timing() == Question.Timing.BEFORE) {
                assertThat(seed).as(c.item() + " before").contains(norm(c.before()).substring(0, Math.min(200, norm(c.before()).length())));
                assertThat(seed).as(c.item() + " after").contains(norm(c.after()).substring(0, Math.min(200, norm(c.after()).length())));
            }
        }
    }

    private static String norm(String s) {
        return s.replaceAll("</?p>", "").replaceAll("\\s+", "");
    }

    @Test
    void submittingLessThanTheThresholdRequiresIsFound() throws IOException {
        assertThat(Assessment.score(open("pia-aomori-2023.yaml")).findings()).isEmpty();
        String text = Files.readString(EXAMPLES.resolve("pia-aomori-2023.yaml"), StandardCharsets.UTF_8)
                .replace("assessment_kind: basic_full", "assessment_kind: basic_focused");
        ScoreSheet s = Assessment.score(Assessment.read("less.yaml", text, null, false));
        assertThat(s.findings()).extracting(Check::id).containsExactly("kind_below_threshold");
        assertThat(ReportJson.score(s)).contains("\"findings\"").contains("kind_below_threshold");
        assertThat(ReportHtml.score(s, "ja")).contains("要確認: IV-1 の提出する評価書の種類");
    }

    @Test
    void aRisingThresholdResultIsFiledBefore() throws IOException {
        Answers older = open("pia-aomori-2021.yaml");
        String text = Files.readString(EXAMPLES.resolve("pia-aomori-2021.yaml"), StandardCharsets.UTF_8)
                .replace("persons: p_300k_plus", "persons: p_10k_100k");
        Answers smaller = Assessment.read("smaller.yaml", text, null, false);
        List<ChangeEntry> up = Assessment.changes(smaller, older, "ja");
        assertThat(up).filteredOn(c -> c.item().equals("Ⅲ しきい値判断結果")).singleElement().satisfies(c -> {
            assertThat(c.before()).isEqualTo("基礎項目評価の実施が義務付けられる");
            assertThat(c.after()).isEqualTo("基礎項目評価及び全項目評価の実施が義務付けられる");
            assertThat(c.timing()).isEqualTo(Question.Timing.BEFORE);
        });
        List<ChangeEntry> down = Assessment.changes(older, smaller, "ja");
        assertThat(down).filteredOn(c -> c.item().equals("Ⅲ しきい値判断結果")).singleElement()
                .satisfies(c -> assertThat(c.timing()).isEqualTo(Question.Timing.AFTER));
    }
}
