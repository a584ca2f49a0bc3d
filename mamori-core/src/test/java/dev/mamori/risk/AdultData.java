package dev.mamori.risk;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The adult benchmark table and its ARX hierarchies, from /work/shared/data/adult or -Dmamori.adult. */
final class AdultData {
    static final List<String> QIS = List.of("sex", "age", "race", "marital-status", "education",
            "native-country", "workclass", "occupation");

    private AdultData() {
    }

    static Path dir() {
        return Path.of(System.getProperty("mamori.adult", "../../shared/data/adult"));
    }

    static boolean present(Path dir) {
        return Files.isRegularFile(dir.resolve("adult.csv"));
    }

    static Dataset data(Path dir) {
        return Dataset.readCsv(dir.resolve("adult.csv"), ';');
    }

    static List<Hierarchy> hierarchies(Path dir) {
        List<Hierarchy> out = new ArrayList<>();
        for (String q : QIS) {
            out.add(Hierarchy.readCsv(q, dir.resolve("adult_hierarchy_" + q + ".csv")));
        }
        return out;
    }
}
