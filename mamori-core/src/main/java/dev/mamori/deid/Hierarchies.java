package dev.mamori.deid;

import dev.mamori.risk.Dataset;
import dev.mamori.risk.Hierarchy;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;

/** Finds the hierarchy a policy names for a quasi-identifier: a built-in Japanese one, or a CSV file. */
final class Hierarchies {

    private Hierarchies() {
    }

    static Hierarchy resolve(String column, String spec, Dataset data, int col, Path baseDir) {
        if (spec == null) {
            throw new IllegalArgumentException("column '" + column + "': a quasi-identifier needs a hierarchy");
        }
        if (spec.startsWith("builtin:")) {
            Set<String> values = new TreeSet<>();
            for (String[] r : data.rows()) {
                values.add(r[col] == null ? "" : r[col]);
            }
            return switch (spec) {
                case "builtin:address" -> JapaneseHierarchies.address(column, values);
                case "builtin:postal_code" -> JapaneseHierarchies.postalCode(column, values);
                case "builtin:date_of_birth" -> JapaneseHierarchies.dateOfBirth(column, values, LocalDate.now());
                case "builtin:age" -> JapaneseHierarchies.age(column, values);
                case "builtin:sex" -> JapaneseHierarchies.sex(column, values);
                case "builtin:mesh" -> JapaneseHierarchies.mesh(column, values);
                case "builtin:mesh_latitude" -> JapaneseHierarchies.meshLatitude(column, values);
                case "builtin:mesh_longitude" -> JapaneseHierarchies.meshLongitude(column, values);
                default -> throw new IllegalArgumentException("column '" + column + "': no built-in hierarchy " + spec
                        + "; there are builtin:address, builtin:postal_code, builtin:date_of_birth, builtin:age, builtin:sex,"
                        + " builtin:mesh (a latitude,longitude pair), builtin:mesh_latitude and builtin:mesh_longitude");
            };
        }
        Path p = Path.of(spec);
        return Hierarchy.readCsv(column, baseDir == null || p.isAbsolute() ? p : baseDir.resolve(p));
    }
}
