package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The CSV fallback reads the input again from a line: the line it gets must be that line, whatever the line ends. */
class RewindTest {

    /** Hands out a few chars at a time, as a slow stream would. */
    private static Reader trickle(String s, Random rnd) {
        StringReader in = new StringReader(s);
        return new Reader() {
            @Override
            public int read(char[] cbuf, int off, int len) throws IOException {
                return in.read(cbuf, off, Math.min(len, 1 + rnd.nextInt(9000)));
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void fromALineGivesThatLineAndEverythingAfterIt() throws IOException {
        Random rnd = new Random(9);
        String[] ends = {"\n", "\r\n", "\r"};
        for (int round = 0; round < 20; round++) {
            StringBuilder text = new StringBuilder();
            List<Integer> starts = new ArrayList<>(); // starts.get(k) = offset of line k + 1
            for (int line = 0; line < 6000; line++) {
                starts.add(text.length());
                text.append("line ").append(line + 1).append(",x".repeat(rnd.nextInt(12)));
                text.append(ends[rnd.nextInt(ends.length)]);
            }
            String s = text.toString();
            Rewind r = new Rewind(trickle(s, rnd));
            int target = 1000 + rnd.nextInt(4900);
            char[] buf = new char[8192];
            int read = 0;
            long released = 1;
            // read well past the target line, releasing lines behind as a parser would
            while (read < starts.get(Math.min(starts.size() - 1, target + 50))) {
                int n = r.read(buf, 0, buf.length);
                if (n < 0) {
                    break;
                }
                read += n;
                released = Math.max(released, Math.min(target, lineAt(starts, read) - 3));
                r.release(released);
            }
            Reader again = r.from(target);
            StringBuilder got = new StringBuilder();
            int n;
            while ((n = again.read(buf, 0, buf.length)) > 0) {
                got.append(buf, 0, n);
            }
            assertThat(got.toString()).as("round %d, line %d", round, target).isEqualTo(s.substring(starts.get(target - 1)));
        }
    }

    /** The 1-based line that the char at {@code offset} is on. */
    private static long lineAt(List<Integer> starts, int offset) {
        int i = java.util.Collections.binarySearch(starts, offset);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
