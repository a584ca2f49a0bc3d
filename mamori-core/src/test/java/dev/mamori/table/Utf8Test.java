package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8#valid} says what the JDK's strict decoder says. */
class Utf8Test {

    private static boolean jdk(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void agreesWithTheJdkOnRandomBytesNearEveryBoundary() {
        // lead and continuation bytes at the edges of the ranges RFC 3629 allows, ASCII runs, and valid characters
        int[] interesting = {0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED,
            0xEE, 0xEF, 0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xFF};
        Random rnd = new Random(3);
        int valid = 0;
        for (int round = 0; round < 200_000; round++) {
            byte[] b = new byte[rnd.nextInt(20)];
            for (int i = 0; i < b.length; i++) {
                b[i] = (byte) (rnd.nextInt(4) == 0 ? 'a' : interesting[rnd.nextInt(interesting.length)]);
            }
            if (round % 3 == 0) { // mostly valid text with one change
                byte[] ok = ("ab山田𠮷c" + "x".repeat(rnd.nextInt(12))).getBytes(StandardCharsets.UTF_8);
                if (rnd.nextBoolean()) {
                    ok[rnd.nextInt(ok.length)] = (byte) interesting[rnd.nextInt(interesting.length)];
                }
                b = ok;
            }
            boolean expected = jdk(b);
            valid += expected ? 1 : 0;
            assertThat(Utf8.valid(b)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(expected);
            byte[] framed = new byte[b.length + 2]; // a range judged on its own, between a dangling lead byte and a bad byte
            framed[0] = (byte) 0xE3;
            framed[framed.length - 1] = (byte) 0xFF;
            System.arraycopy(b, 0, framed, 1, b.length);
            assertThat(Utf8.valid(framed, 1, 1 + b.length)).as(java.util.HexFormat.of().formatHex(b)).isEqualTo(expected);
        }
        assertThat(valid).isBetween(20_000, 180_000);
    }
}
