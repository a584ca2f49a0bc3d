package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The open-addressing table counts what a map of lists counts, numbers combinations in order of arrival, and grows. */
class CombosTest {

    @Test
    void countsAndNumbersAsAMapDoes() {
        Random rnd = new Random(3);
        for (int width : new int[] {1, 3, 6}) {
            Combos combos = new Combos(width);
            Map<List<Integer>, Integer> counts = new HashMap<>();
            Map<List<Integer>, Integer> numbers = new HashMap<>();
            for (int n = 0; n < 200_000; n++) {
                int[] k = new int[width];
                List<Integer> key = new ArrayList<>();
                for (int j = 0; j < width; j++) {
                    k[j] = rnd.nextInt(j == 0 ? 40 : 9); // up to 40 * 9^5 combinations, most of them met
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
            never[0] = 1_000;
            assertThat(combos.find(never)).isEqualTo(-1);
        }
    }
}
