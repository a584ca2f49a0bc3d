package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The open-addressing table counts what a map of lists counts, numbers combinations in order of arrival, and grows;
 * packed into one long a combination while its values fit, and compared as ints once one does not.
 */
class CombosTest {

    @Test
    void countsAndNumbersAsAMapDoes() {
        for (int width : new int[] {1, 3, 6}) {
            fill(width, 200_000, 0);
        }
    }

    @Test
    void keepsCountingWhenAValueNoLongerFitsThePackedKey() {
        // width 6 packs 10 bits a value: from the 100,000th combination on, column 2 takes values up to 4,999
        fill(6, 200_000, 100_000);
        fill(3, 50_000, 20_000); // 21 bits a value: 4,999 still fits, the table stays packed
    }

    /** Adds {@code n} random combinations (large values in column 2 from the {@code large}th on, if above 0) and checks. */
    private static void fill(int width, int n, int large) {
        Random rnd = new Random(3);
        Combos combos = new Combos(width);
        Map<List<Integer>, Integer> counts = new HashMap<>();
        Map<List<Integer>, Integer> numbers = new HashMap<>();
        for (int r = 0; r < n; r++) {
            int[] k = new int[width];
            List<Integer> key = new ArrayList<>();
            for (int j = 0; j < width; j++) {
                k[j] = j == 2 && large > 0 && r >= large ? rnd.nextInt(5_000) : rnd.nextInt(j == 0 ? 40 : 9);
                key.add(k[j]);
            }
            int add = 1 + rnd.nextInt(3);
            int number = combos.add(k, add);
            counts.merge(key, add, Integer::sum);
            assertThat(numbers.computeIfAbsent(key, x -> numbers.size())).isEqualTo(number);
        }
        assertThat(combos.size()).isEqualTo(counts.size());
        for (Map.Entry<List<Integer>, Integer> e : numbers.entrySet()) {
            int i = e.getValue();
            int[] k = e.getKey().stream().mapToInt(Integer::intValue).toArray();
            assertThat(combos.find(k)).isEqualTo(i);
            assertThat(combos.count(i)).isEqualTo(counts.get(e.getKey()));
            for (int j = 0; j < width; j++) {
                assertThat(combos.code(i, j)).isEqualTo(k[j]);
            }
        }
        assertThat(combos.find(new int[width])).isEqualTo(numbers.getOrDefault(java.util.Collections.nCopies(width, 0), -1));
        int[] never = new int[width];
        never[0] = 1_000_000;
        assertThat(combos.find(never)).isEqualTo(-1);
    }
}
