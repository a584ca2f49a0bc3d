package dev.mamori.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/** The tests' one Spark session (local[2], as the issue asks) and their data. */
final class Spark {

    static final Path ADULT = Path.of("../mamori-core/src/test/resources/dev/mamori/risk/adult");
    static final List<String> QIS = dev.mamori.risk.PerturbedAdult.QIS;

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

    /** {@code rows} perturbed adult records with an id first ({@link dev.mamori.risk.PerturbedAdult}, as the benchmarks make them). */
    static Path perturbedAdult(Path file, int rows) throws IOException {
        Path adult = file.resolveSibling("adult-source.csv");
        if (!Files.exists(adult)) {
            Files.write(adult, String.join("\n", adultLines()).getBytes(StandardCharsets.UTF_8));
        }
        dev.mamori.risk.PerturbedAdult.write(adult, file, rows, 20261203L);
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
