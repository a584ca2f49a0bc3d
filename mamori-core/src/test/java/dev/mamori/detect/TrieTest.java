package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TrieTest {

    private static Trie<Boolean> of(String... words) {
        Trie<Boolean> t = new Trie<>();
        for (String w : words) {
            t.put(w, Boolean.TRUE);
        }
        return t;
    }

    @Test
    void findsTheLongestWordAtAPosition() {
        Trie<Boolean> t = of("法名", "法名院", "釋");
        assertThat(t.longest("法名院釋", 0)).isEqualTo(3);
        assertThat(t.longest("法名院釋", 3)).isEqualTo(1);
        assertThat(t.longest("法", 0)).isZero(); // a prefix of a word is not a word
        assertThat(t.get("x法名", 1, 2)).isTrue();
    }

    @Test
    void tellsWhetherAnyWordOccursAnywhere() {
        Trie<Boolean> t = of("釈尼", "居士");
        assertThat(t.occursIn("慈光院釋宗仁")).isFalse();
        assertThat(t.occursIn("法名 釈尼妙鶴")).isTrue();
        assertThat(t.occursIn("一言居士")).isTrue(); // at the very end
        assertThat(t.occursIn("釈放された")).isFalse(); // 釈 starts 釈尼 but the word does not follow
        assertThat(t.occursIn("")).isFalse();
    }

    @Test
    void aLookUpStaysWithinItsBounds() {
        Trie<Boolean> t = of("法", "法名");
        assertThat(t.longest("法名", 0, 1)).isEqualTo(1); // 法名 does not end by 1
        assertThat(t.longest("法名", 0, 0)).isZero();
        assertThat(t.longest("名法", 1)).isEqualTo(1);
        assertThat(t.startsSomeWord('法')).isTrue();
        assertThat(t.startsSomeWord('名')).isFalse();
    }
}
