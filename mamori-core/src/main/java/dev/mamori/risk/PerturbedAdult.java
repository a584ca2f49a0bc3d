package dev.mamori.risk;

import dev.mamori.report.AtomicFiles;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The scale benchmarks' table: any number of rows made from the adult data set (ARX's form, ';'-separated) — an id,
 * then the nine adult columns, each of the six quasi-identifier values (sex, age, race, marital-status, education,
 * native-country) taken from another random record with probability 1/5 and ages jittered by ±5, so that rare
 * combinations exist to suppress at any size. The same seed gives the same file.
 */
public final class PerturbedAdult {

    /** The quasi-identifiers the benchmarks generalise, in the file's order. */
    public static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education", "native-country");

    private PerturbedAdult() {
    }

    /** Writes {@code rows} rows to {@code out} (atomically) from the records of {@code adultCsv}. */
    public static void write(Path adultCsv, Path out, long rows, long seed) throws IOException {
        List<String> lines = Files.readAllLines(adultCsv, StandardCharsets.UTF_8);
        String[][] in = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).map(l -> l.strip().split(";", -1))
                .toArray(String[][]::new);
        SplittableRandom rnd = new SplittableRandom(seed);
        try (AtomicFiles.Pending p = AtomicFiles.open(out);
             BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.stream(), StandardCharsets.UTF_8), 1 << 16)) {
            w.write("id;" + lines.get(0).strip());
            w.write('\n');
            StringBuilder b = new StringBuilder(128);
            String[] f = new String[in[0].length];
            for (long i = 0; i < rows; i++) {
                System.arraycopy(in[rnd.nextInt(in.length)], 0, f, 0, f.length);
                for (int q = 0; q < QIS.size(); q++) {
                    if (rnd.nextInt(5) == 0) {
                        f[q] = in[rnd.nextInt(in.length)][q];
                    }
                }
                int age = Math.max(17, Math.min(90, Integer.parseInt(f[1]) + rnd.nextInt(11) - 5));
                b.setLength(0);
                b.append(i + 1).append(';').append(f[0]).append(';').append(age);
                for (int c = 2; c < f.length; c++) {
                    b.append(';').append(f[c]);
                }
                w.append(b).append('\n');
            }
            w.flush();
            p.commit();
        }
    }
}
