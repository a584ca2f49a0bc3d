package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The 重点項目評価書 and 全項目評価書: they load, a fully answered form reads back without a problem, what does not apply
 * (no entrustment, no provision) is left out of the score, the hearing and review are recorded with their dates (and are
 * no 変更箇所) while a change to the recorded items is one to file beforehand, and the threshold result names the forms a
 * 事務 must fill.
 */
class PiaFormsTest {

    /** Every question answered that applies: the first choice, or "no" where yes/no decides what applies; text and dates. */
    static Map<String, Answer> answerAll(Questionnaire q, Map<String, String> chosen) {
        Map<String, Answer> out = new LinkedHashMap<>();
        Map<String, Response> so = new LinkedHashMap<>();
        for (Question x : q.questions().values()) {
            if (!Assessment.applies(x, so)) {
                continue;
            }
            Response r = switch (x.type()) {
                case CHOICE -> new Response.Chosen(chosen.getOrDefault(x.id(), x.answerSet().choices().get(0).key()));
                case MULTI -> new Response.Checked(List.of(x.answerSet().choices().get(0).key()));
                case DATE -> new Response.Written("2026-04-01");
                case NUMBER -> new Response.Written("1");
                case TEXT -> new Response.Written("記載（" + x.id() + "）");
            };
            so.put(x.id(), r);
            out.put(x.id(), new Answer(x.id(), r, null, null, 0, 0));
        }
        return out;
    }

    static Answers roundTrip(Questionnaire q, Map<String, Answer> answers) {
        String yaml = Assessment.write(q, new Answers.Meta("例示市", "住民基本台帳システム", "2026-04-01", "市民課", null, null, "ja"), answers, List.of(), "ja");
        return Assessment.read("full.yaml", yaml, q, false);
    }

    @Test
    void theFullFormAnsweredWholeScoresWhatAppliesOnly() {
        Questionnaire q = Questionnaire.bundled("pia-full");
        assertThat(q.areas()).extracting(Area::id)
                .containsExactly("cover", "I", "II", "III-2", "III-3", "III-4", "III-5", "III-6", "III-7", "III-8", "IV", "V", "VI");
        Map<String, String> chosen = Map.of("entrusted", "no", "provided", "no", "linkage", "implement", "threshold_result", "basic_full",
                "st_incidents", "no");
        Answers a = roundTrip(q, answerAll(q, chosen));
        ScoreSheet s = Assessment.score(a);
        // no entrustment and no provision: III-4 and III-5 are not scored; every rating answered "special effort" scores 100 %
        assertThat(s.areas()).filteredOn(x -> x.id().equals("III-4")).extracting(AreaScore::max).containsExactly(0.0);
        assertThat(s.areas()).filteredOn(x -> x.id().equals("III-5")).extracting(AreaScore::max).containsExactly(0.0);
        assertThat(s.total().percent()).isEqualTo(100.0);
        assertThat(s.findings()).isEmpty();
        assertThat(q.question("review_date").orElseThrow().source()).contains("指針 第5 3(3)");
    }

    @Test
    void theHearingAndReviewDatesChangeAfterTheFactAndTheRecordedItemsBefore() {
        Questionnaire q = Questionnaire.bundled("pia-full");
        Map<String, String> chosen = Map.of("entrusted", "yes", "provided", "no", "linkage", "not_implement", "threshold_result", "basic_full");
        Map<String, Answer> first = answerAll(q, chosen);
        Map<String, Answer> second = new LinkedHashMap<>(first);
        second.put("review_date", new Answer("review_date", new Response.Written("2026-06-30"), null, null, 0, 0));
        second.put("file_items", new Answer("file_items", new Response.Written("氏名、住所、個人番号、世帯情報"), null, null, 0, 0));
        List<ChangeEntry> changes = Assessment.changes(roundTrip(q, first), roundTrip(q, second), "ja");
        assertThat(changes).extracting(ChangeEntry::timing).contains(Question.Timing.BEFORE);
        // the review's date is recorded, but is no 変更箇所 (on_change: ignore)
        assertThat(changes).filteredOn(c -> c.item().contains("Ⅵ-3")).isEmpty();
        assertThat(changes).filteredOn(c -> c.item().contains("II-2 ④")).extracting(ChangeEntry::timing).containsExactly(Question.Timing.BEFORE);
        // entrusted: the contractor items apply and are scored
        assertThat(Assessment.score(roundTrip(q, first)).areas()).filteredOn(x -> x.id().equals("III-4")).extracting(AreaScore::max)
                .containsExactly(2.0);
    }

    @Test
    void theFocusedFormReadsBackAndWarnsWhenTheThresholdAsksForAFullOne() {
        Questionnaire q = Questionnaire.bundled("pia-focused");
        Answers a = roundTrip(q, answerAll(q, Map.of("threshold_result", "basic_full", "entrusted", "no", "provided", "no")));
        assertThat(Assessment.score(a).findings()).extracting(Check::id).containsExactly("threshold_not_focused");
    }

    @Test
    void theThresholdResultNamesTheFormsToFill() {
        // 指針 第5 2 with 500 handlers or more: under 1,000 none; under 10,000 basic; under 100,000 focused; then full
        assertThat(Assessment.threshold(500, 600, false).forms()).isEmpty();
        assertThat(Assessment.threshold(5_000, 600, false).forms()).containsExactly("pia-basic");
        assertThat(Assessment.threshold(50_000, 600, false).forms()).containsExactly("pia-basic", "pia-focused");
        assertThat(Assessment.threshold(350_000, 120, false).forms()).containsExactly("pia-basic", "pia-full");
        // fewer handlers and no incident: 50,000 persons need the basic assessment only
        assertThat(Assessment.threshold(50_000, 120, false).forms()).containsExactly("pia-basic");
        for (String f : List.of("pia-basic", "pia-focused", "pia-full")) {
            assertThat(Questionnaire.bundled(f).kind()).isEqualTo("form");
        }
    }
}
