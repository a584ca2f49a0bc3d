package dev.mamori.assess;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextChangeTest {

    static final String LONG = "青森県は、住民基本台帳ネットワークに関する特定個人情報ファイルの取扱いに当たり、特定個人情報ファイルの取扱いが"
            + "個人のプライバシー等の権利利益に影響を及ぼしかねないことを認識し、適切な措置を講じています。";

    @Test
    void aChangeAtTheEndIsShownWithItsContextNotTwoIdenticalCuts() {
        TextChange c = TextChange.of(LONG, LONG.replace("講じています。", "講じ、定期的に見直しています。"));
        String before = c.window(false, 60);
        String after = c.window(true, 60);
        assertThat(before).isNotEqualTo(after).startsWith("…").endsWith("講じています。");
        assertThat(after).startsWith("…").contains("定期的に見直しています。");
        assertThat(c.removed()).isEmpty();
        assertThat(c.added()).isEqualTo("、定期的に見直し");
    }

    @Test
    void aChangeInTheMiddleKeepsContextOnBothSides() {
        TextChange c = TextChange.of(LONG, LONG.replace("プライバシー", "秘密"));
        String before = c.window(false, 60);
        String after = c.window(true, 60);
        assertThat(before).startsWith("…").endsWith("…").contains("プライバシー");
        assertThat(after).startsWith("…").endsWith("…").contains("個人の秘密等の権利");
        assertThat(before.codePointCount(0, before.length())).isLessThanOrEqualTo(60);
    }

    @Test
    void aShortTextIsShownWholeAndALongChangeIsCutInItsMiddle() {
        assertThat(TextChange.of("はい", "いいえ").window(true, 60)).isEqualTo("いいえ");
        assertThat(TextChange.of("a\nb", "a\nc").window(false, 60)).isEqualTo("a b");
        TextChange whole = TextChange.of("x".repeat(100), "y".repeat(100));
        String w = whole.window(true, 60);
        assertThat(w).contains("…").startsWith("y").endsWith("y");
        assertThat(w.length()).isLessThanOrEqualTo(60);
    }

    @Test
    void surrogatePairsAreNeverSplit() {
        String kichi = "\uD842\uDFB7"; // 𠮷
        String shikaru = "\uD842\uDF9F"; // 𠮟: the same high surrogate
        String other = "\uD844\uDFB7"; // U+213B7: the same low surrogate
        TextChange head = TextChange.of("あ".repeat(40) + kichi + "い", "あ".repeat(40) + shikaru + "い");
        assertThat(head.removed()).isEqualTo(kichi);
        assertThat(head.added()).isEqualTo(shikaru);
        TextChange tail = TextChange.of("あ" + kichi + "い".repeat(40), "あ" + other + "い".repeat(40));
        assertThat(tail.removed()).isEqualTo(kichi);
        assertThat(tail.added()).isEqualTo(other);
        for (TextChange c : new TextChange[] {head, tail}) {
            for (String w : new String[] {c.window(false, 20), c.window(true, 20)}) {
                assertThat(w.codePoints().noneMatch(cp -> cp >= 0xD800 && cp <= 0xDFFF)).as(w).isTrue();
            }
        }
    }
}
