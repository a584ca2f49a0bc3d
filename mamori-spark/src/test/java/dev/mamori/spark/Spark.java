package dev.mamori.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.SparkSession;

/** The tests' one Spark session (local[2], as the issue asks) and their data. */
final class Spark {

    static final Path ADULT = Path.of("../mamori-core/src/test/resources/dev/mamori/risk/adult");
    static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education", "native-country");

    private static SparkSession session;

    private Spark() {
    }

    /** Small partitions (4 MB), so that a test's table of a few MB is still read in several. */
    static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSession.builder().master("local[2]").appName("mamori tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.sql.shuffle.partitions", "4")
                    .config("spark.sql.files.maxPartitionBytes", String.valueOf(4 << 20))
                    .config("spark.sql.files.openCostInBytes", "0")
                    .getOrCreate();
            session.sparkContext().setLogLevel("ERROR");
        }
        return session;
    }

    /** The adult rows (header first), ';'-separated, from the copy in mamori-core's test resources. */
    static List<String> adultLines() {
        try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(ADULT.resolve("adult.csv.gz")))) {
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code rows} perturbed adult records with an id first (as {@code mamori bench deid} makes them: a fifth of the
     * quasi-identifier values from another record, ages jittered by ±5), so that rare combinations exist to suppress.
     */
    static Path perturbedAdult(Path file, int rows) throws IOException {
        List<String> lines = adultLines();
        String[] in = lines.subList(1, lines.size()).stream().filter(l -> !l.isBlank()).toArray(String[]::new);
        SplittableRandom rnd = new SplittableRandom(20261203L);
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id;" + lines.get(0).strip() + "\n");
            StringBuilder b = new StringBuilder(128);
            for (int i = 0; i < rows; i++) {
                String[] f = in[rnd.nextInt(in.length)].strip().split(";", -1);
                for (int q = 0; q < QIS.size(); q++) {
                    if (rnd.nextInt(5) == 0) {
                        f[q] = in[rnd.nextInt(in.length)].strip().split(";", -1)[q];
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
        }
        return file;
    }

    /** The part files of an output directory put together, each part's header (but the first's) left out. */
    static byte[] joined(Path dir, int headerBytes) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (var files = Files.list(dir)) {
            List<Path> parts = files.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().toList();
            for (int i = 0; i < parts.size(); i++) {
                byte[] b = Files.readAllBytes(parts.get(i));
                out.write(b, i == 0 ? 0 : headerBytes, b.length - (i == 0 ? 0 : headerBytes));
            }
        }
        return out.toByteArray();
    }
}
