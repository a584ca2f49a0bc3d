package dev.mamori.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Throughput of {@link ReceivedParser} over the 144 SpamAssassin vectors. Not a unit test: run with
 * {@code java -cp target/classes:target/test-classes dev.mamori.mail.ReceivedParserSpeed [rounds]}
 * (default 20,000 rounds). Single thread; prints Received lines parsed per second after a warm-up.
 */
public final class ReceivedParserSpeed {

    private ReceivedParserSpeed() {
    }

    public static void main(String[] args) throws IOException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        List<String> values = new ArrayList<>();
        try (InputStream in = ReceivedParserSpeed.class.getResourceAsStream("sa-rcvd-parser-vectors.tsv")) {
            if (in == null) {
                throw new IOException("sa-rcvd-parser-vectors.tsv not on the class path");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            r.readLine(); // header row
            String l;
            while ((l = r.readLine()) != null) {
                values.add(l.substring(0, l.lastIndexOf('\t')));
            }
        }
        String[] v = values.toArray(new String[0]);
        long sink = 0;
        for (int i = 0; i < 2_000; i++) { // warm-up
            for (String s : v) {
                sink += ReceivedParser.parse(s).hashCode();
            }
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            for (String s : v) {
                sink += ReceivedParser.parse(s).hashCode();
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        long lines = (long) rounds * v.length;
        System.out.printf("%d Received lines in %.2f s: %.0f lines/s (%.0f messages/s at 5 lines each) [%d]%n", lines, secs,
                lines / secs, lines / secs / 5, sink & 1);
    }
}
