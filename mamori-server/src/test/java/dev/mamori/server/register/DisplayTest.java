package dev.mamori.server.register;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class DisplayTest {

    @Test
    void numbersAreGroupedByThreeAsStringFormatDoes() {
        for (long n : new long[] {0, 7, -7, 12, 123, 999, 1000, -1000, 12345, 123456, 1234567, -1234567, 1000000, Long.MAX_VALUE,
                Long.MIN_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(Display.grouped(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 10_000; i++) {
            long n = r.nextLong() >> r.nextInt(64);
            assertThat(Display.grouped(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }
}
