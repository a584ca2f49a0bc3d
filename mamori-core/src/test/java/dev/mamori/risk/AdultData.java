package dev.mamori.risk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The adult benchmark table and its ARX hierarchies: the copy in the test resources (dev/mamori/risk/adult, see its
 * README), or another folder given with -Dmamori.adult.
 */
public final class AdultData {
    public static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education",
            "native-country", "workclass", "occupation");

    private AdultData() {
    }

    private static Path extracted;

    /** The folder with adult.csv and the hierarchies (the resources are unpacked to a temporary folder once). */
    public static synchronized Path dir() {
        String given = System.getProperty("mamori.adult");
        if (given != null) {
            return Path.of(given);
        }
        if (extracted == null) {
            try {
                Path d = Files.createTempDirectory("mamori-adult");
                try (var in = new java.util.zip.GZIPInputStream(resource("adult.csv.gz"))) {
                    Files.copy(in, d.resolve("adult.csv"));
                }
                for (String q : QIS) {
                    try (var in = resource("adult_hierarchy_" + q + ".csv")) {
                        Files.copy(in, d.resolve("adult_hierarchy_" + q + ".csv"));
                    }
                }
                d.toFile().deleteOnExit();
                try (var files = Files.list(d)) {
                    files.forEach(f -> f.toFile().deleteOnExit());
                }
                extracted = d;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        return extracted;
    }

    private static java.io.InputStream resource(String name) {
        java.io.InputStream in = AdultData.class.getResourceAsStream("adult/" + name);
        if (in == null) {
            throw new IllegalStateException("test resource dev/mamori/risk/adult/" + name + " is missing");
        }
        return in;
    }

    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve("adult.csv"));
    }

    static Dataset data(Path dir) {
        try {
            return Dataset.read(dir.resolve("adult.csv"));
        } catch (dev.mamori.table.ReadException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<Hierarchy> hierarchies(Path dir) {
        List<Hierarchy> out = new ArrayList<>();
        for (String q : QIS) {
            out.add(Hierarchy.readCsv(q, dir.resolve("adult_hierarchy_" + q + ".csv")));
        }
        return out;
    }
}
