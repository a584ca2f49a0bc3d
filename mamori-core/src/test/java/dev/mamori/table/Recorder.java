package dev.mamori.table;

import java.util.ArrayList;
import java.util.List;

/** Records what a reader delivers, as readable lines. */
class Recorder implements DocumentVisitor {

    final List<String> events = new ArrayList<>();
    final List<ReadProblem> problems = new ArrayList<>();
    final List<String[]> chunks = new ArrayList<>();
    final List<List<String>> rows = new ArrayList<>();

    @Override
    public void text(long line, int offset, int overlap, String chunk) {
        chunks.add(new String[] {Long.toString(line), Integer.toString(offset), Integer.toString(overlap), chunk});
        if (chunk.length() < 200) {
            events.add("text " + line + " " + offset + " " + overlap + " " + chunk);
        }
    }

    @Override
    public void table(String sheet, List<String> header) {
        events.add("table " + sheet + " " + header);
    }

    @Override
    public void row(long row, long line, List<String> cells) {
        rows.add(cells);
        events.add("row " + row + " " + line + " " + cells);
    }

    @Override
    public void labeled(long line, String docId, String text) {
        events.add("labeled " + line + " " + docId + " " + text);
    }

    @Override
    public void problem(ReadProblem problem) {
        problems.add(problem);
    }

    /** Reads a file with the default options. */
    static Recorder read(java.nio.file.Path file) throws java.io.IOException {
        Recorder r = new Recorder();
        new DocumentReader(null).read(file, r);
        return r;
    }

    /** The text lines delivered, without their numbers (a blank line delivers nothing). */
    static List<String> lines(Recorder r) {
        List<String> out = new ArrayList<>();
        for (String[] c : r.chunks) {
            out.add(c[3]);
        }
        return out;
    }
}
