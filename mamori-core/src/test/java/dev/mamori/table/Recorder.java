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
}
