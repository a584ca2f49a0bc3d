package dev.mamori.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the project's versioned rule and lexicon files (law and lexicons as data: the detectors' rules and lexicons,
 * the processing standards' column rules, the ledger's legal periods): UTF-8, one entry a line, fields separated by
 * tabs, '#' starts a comment line. Each file names in its header the law or standard its entries come from.
 */
public final class DataFile {

    /** One non-comment line: its fields and its 1-based line number (for error messages). */
    public record Row(String file, int line, String[] fields) {
        /** Field {@code i}, stripped; a missing field is an error naming the file and line. */
        public String field(int i) {
            if (i >= fields.length) {
                throw new IllegalStateException(file + ":" + line + ": expected at least " + (i + 1) + " tab-separated fields");
            }
            return fields[i].strip();
        }

        /** Field {@code i}, stripped, or {@code fallback} when it is missing or blank. */
        public String fieldOr(int i, String fallback) {
            return i < fields.length && !fields[i].isBlank() ? fields[i].strip() : fallback;
        }
    }

    private DataFile() {
    }

    /** The rows of the resource {@code name} beside {@code owner}'s class file. */
    public static List<Row> read(Class<?> owner, String name) {
        String resource = owner.getPackageName().replace('.', '/') + "/" + name;
        try (InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing data file " + resource);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Row> rows = new ArrayList<>();
            String s;
            int n = 0;
            while ((s = r.readLine()) != null) {
                n++;
                if (s.isBlank() || s.stripLeading().startsWith("#")) {
                    continue;
                }
                rows.add(new Row(name, n, s.split("\t", -1)));
            }
            return List.copyOf(rows);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read data file " + resource, e);
        }
    }
}
