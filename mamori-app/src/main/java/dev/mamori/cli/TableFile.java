package dev.mamori.cli;

import dev.mamori.risk.Dataset;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.DocumentVisitor;
import dev.mamori.table.ReadException;
import dev.mamori.table.ReadProblem;
import dev.mamori.table.ReadSummary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole table in memory, for the commands that need every row at once (risk, deid), and how it was
 * read. Any problem met while reading (undecodable bytes, a record, line or sheet that could not be
 * read) stops the command with a usage error naming it: de-identification must not go on with damaged
 * input. A table without a header row (detected, see the core's header sniffing) has columns named
 * {@code 列1}, {@code 列2}, ….
 */
record TableFile(Dataset dataset, ReadSummary summary) {

    /** The table's header and rows, read with encoding and delimiter detection (first sheet of an XLSX). */
    static TableFile read(Path file) {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        ReadSummary summary;
        try {
            summary = new DocumentReader(null).read(file, new DocumentVisitor() {
                private boolean first = true;
                private boolean done;

                @Override
                public void text(long line, int offset, int overlap, String chunk) {
                    if (!problems.isEmpty()) { // a CSV record that could not be read comes as text: say why
                        throw damaged(problems);
                    }
                    throw new Main.UsageProblem(file + ": not a table (read as plain text); give a CSV, TSV, XLSX or JSON Lines file");
                }

                @Override
                public void table(String sheet, List<String> h) {
                    done = !first && sheet != null; // XLSX: the first sheet only
                    if (first) {
                        header.addAll(h);
                    } else if (!done) {
                        header.clear();
                        header.addAll(h); // JSON Lines: keys grew
                    }
                    first = false;
                }

                @Override
                public void row(long row, long line, List<String> cells) {
                    if (!done) {
                        String[] r = new String[header.size()];
                        for (int i = 0; i < r.length && i < cells.size(); i++) {
                            r[i] = cells.get(i) == null ? "" : cells.get(i);
                        }
                        for (int i = cells.size(); i < r.length; i++) {
                            r[i] = "";
                        }
                        rows.add(r);
                    }
                }

                @Override
                public void labeled(long line, String docId, String text) {
                    throw new Main.UsageProblem(file + ": labelled documents are not a table");
                }

                @Override
                public void problem(ReadProblem p) {
                    problems.add(p);
                }
            });
        } catch (ReadException e) {
            throw new Main.UsageProblem(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw damaged(problems);
        }
        return new TableFile(new Dataset(header, rows), summary);
    }

    private static Main.UsageProblem damaged(List<ReadProblem> problems) {
        return new Main.UsageProblem(problems.get(0).message() + (problems.size() > 1 ? " (and " + (problems.size() - 1)
                + " more problems)" : "") + "; the input must be read whole before it is processed");
    }
}
