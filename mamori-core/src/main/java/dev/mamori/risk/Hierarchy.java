package dev.mamori.risk;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A generalisation hierarchy for one column: for each original value, its generalisation at
 * levels {@code 0..height()}, level 0 being the value itself. The set of original values is the
 * hierarchy's domain; the loss metric measures generalisation against it.
 *
 * <p>{@link #readCsv} reads ARX's hierarchy format: {@code ;}-separated, one row per original
 * value, one column per level.
 */
public final class Hierarchy {
    private final String column;
    private final List<String[]> rows;
    private final Map<String, Integer> index;

    private Hierarchy(String column, List<String[]> rows, String source) {
        if (rows.isEmpty()) {
            throw new RiskException("列 '" + column + "' の一般化階層（" + source + "）に行がありません",
                    "hierarchy for column '" + column + "' (" + source + ") has no rows");
        }
        int width = rows.get(0).length;
        Map<String, Integer> idx = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            if (r.length != width) {
                throw new RiskException("列 '" + column + "' の一般化階層（" + source + "）の " + (i + 1) + " 行目はレベルが "
                        + r.length + " 個ですが、1 行目は " + width + " 個です。どの行も同じレベルの数にしてください",
                        "hierarchy for column '" + column + "' (" + source + "), row " + (i + 1)
                        + ": " + r.length + " levels, but row 1 has " + width + "; every row needs the same levels");
            }
            Integer before = idx.putIfAbsent(r[0], i);
            if (before != null) {
                throw new RiskException("列 '" + column + "' の一般化階層（" + source + "）: 値 '" + r[0] + "' が " + (before + 1)
                        + " 行目と " + (i + 1) + " 行目にあります。1 つにしてください", "hierarchy for column '" + column + "' ("
                        + source + "): value '" + r[0] + "' appears in rows " + (before + 1) + " and " + (i + 1) + "; keep one");
            }
        }
        this.column = column;
        this.rows = List.copyOf(rows);
        this.index = idx;
    }

    /** A hierarchy from rows of levels, each row starting with the original value. */
    public static Hierarchy of(String column, List<List<String>> rows) {
        List<String[]> copy = new ArrayList<>(rows.size());
        for (List<String> r : rows) {
            copy.add(r.toArray(String[]::new));
        }
        return new Hierarchy(column, copy, "given rows");
    }

    /** Reads an ARX hierarchy CSV (UTF-8, {@code ;}-separated) for {@code column}. */
    public static Hierarchy readCsv(String column, Path file) {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return readCsv(column, in, file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read hierarchy " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads an ARX hierarchy CSV from {@code in}; {@code source} names it in error messages. */
    public static Hierarchy readCsv(String column, Reader in, String source) {
        List<String[]> rows = new ArrayList<>();
        for (CsvRecord r : CsvReader.builder().fieldSeparator(';').skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).ofCsvRecord(in)) {
            rows.add(r.getFields().toArray(String[]::new));
        }
        return new Hierarchy(column, rows, source);
    }

    /** The column this hierarchy generalises. */
    public String column() {
        return column;
    }

    /** The highest level; levels run from 0 (the value itself) to {@code height()}. */
    public int height() {
        return rows.get(0).length - 1;
    }

    /** Number of original values (the domain the loss metric measures against). */
    public int domainSize() {
        return rows.size();
    }

    /** Whether {@code value} is one of the hierarchy's original values. */
    public boolean contains(String value) {
        return index.containsKey(value);
    }

    /**
     * The generalisation of {@code value} at {@code level}; a value not in the hierarchy is refused
     * with a message naming it and the column.
     */
    public String generalize(String value, int level) {
        if (level < 0 || level > height()) {
            throw new IllegalArgumentException("level " + level + " outside 0.." + height() + " for column '" + column + "'");
        }
        Integer i = index.get(value);
        if (i == null) {
            throw new RiskException("列 '" + column + "' の値 '" + value + "' が一般化階層にありません",
                    "value '" + value + "' of column '" + column + "' is not in its hierarchy");
        }
        return rows.get(i)[level];
    }

    /** Original value number {@code code} (the row of the hierarchy), for dictionary encoding. */
    String valueAt(int code, int level) {
        return rows.get(code)[level];
    }

    /** The row (code) of an original value, or -1. */
    int codeOf(String value) {
        Integer i = index.get(value);
        return i == null ? -1 : i;
    }
}
