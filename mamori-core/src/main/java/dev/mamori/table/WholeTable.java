package dev.mamori.table;

import dev.mamori.report.Message;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * A whole table in memory, for the jobs that need every row at once (risk measurement, de-identification
 * of tables that fit), read like any input: encoding and delimiter detected, CSV/TSV, the first sheet of
 * an XLSX, or JSON Lines. Any problem met while reading (undecodable bytes, a record, line or sheet that
 * could not be read) refuses the table: processing must not go on with damaged input. A table without
 * a header row (see {@link HeaderSniffer}) has columns named {@code 列1}, {@code 列2}, ….
 *
 * @param header  the column names
 * @param rows    every row, as wide as the header (missing cells are "")
 * @param summary how it was read: format, encoding, delimiter
 */
public record WholeTable(List<String> header, List<String[]> rows, ReadSummary summary) {

    public WholeTable {
        header = List.copyOf(header);
        rows = java.util.Collections.unmodifiableList(rows);
    }

    /**
     * Reads the table in {@code file}.
     *
     * @throws ReadException if the file cannot be read, is not a table, or was not read whole
     */
    public static WholeTable read(Path file) throws ReadException {
        return read(file, bytes -> { });
    }

    /**
     * Reads the table in {@code file}, telling {@code progress} from time to time how many bytes of it
     * have been read.
     *
     * @throws ReadException if the file cannot be read, is not a table, or was not read whole
     */
    public static WholeTable read(Path file, LongConsumer progress) throws ReadException {
        List<String> header = new ArrayList<>();
        List<String[]> rows = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        ReadSummary summary;
        try {
            summary = read(file, header, rows, problems, progress);
        } catch (Refused e) {
            throw new ReadException(e.text);
        }
        if (!problems.isEmpty()) {
            throw new ReadException(damaged(problems));
        }
        return new WholeTable(header, rows, summary);
    }

    private static ReadSummary read(Path file, List<String> header, List<String[]> rows, List<ReadProblem> problems,
                                    LongConsumer progress) throws ReadException {
        return new DocumentReader(null).read(file, new DocumentVisitor() {
            private boolean first = true;
            private boolean done;

            @Override
            public void text(long line, int offset, int overlap, String chunk) {
                if (!problems.isEmpty()) { // a CSV record that could not be read comes as text: say why
                    throw new Refused(damaged(problems));
                }
                throw new Refused(new Message(file + ": 表ではありません（テキストとして読みました）。CSV・TSV・XLSX・JSON Lines のファイルを指定してください",
                        file + ": not a table (read as plain text); give a CSV, TSV, XLSX or JSON Lines file"));
            }

            @Override
            public void table(String sheet, List<String> h) {
                done = !first && sheet != null; // XLSX: the first sheet only
                if (first || !done) {
                    header.clear();
                    header.addAll(h); // JSON Lines: the keys grew
                }
                first = false;
            }

            @Override
            public void row(long row, long line, List<String> cells) {
                if (!done) {
                    String[] r = new String[header.size()];
                    for (int i = 0; i < r.length; i++) {
                        r[i] = i < cells.size() && cells.get(i) != null ? cells.get(i) : "";
                    }
                    rows.add(r);
                }
            }

            @Override
            public void labeled(long line, String docId, String text) {
                throw new Refused(new Message(file + ": ラベル付きの文書は表ではありません", file + ": labelled documents are not a table"));
            }

            @Override
            public void problem(ReadProblem p) {
                problems.add(p);
            }

            @Override
            public void progress(long bytesRead) {
                progress.accept(bytesRead);
            }
        });
    }

    private static Message damaged(List<ReadProblem> problems) {
        int more = problems.size() - 1;
        return problems.get(0).text().plus((more > 0 ? "（ほかに " + more + " 件の問題）" : "") + "。入力は全部読めてからでないと処理しません",
                (more > 0 ? " (and " + more + " more problems)" : "") + "; the input must be read whole before it is processed");
    }

    /** Carries a refusal out of the visitor. */
    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final transient Message text;

        Refused(Message text) {
            super(text.en(), null, false, false);
            this.text = text;
        }
    }
}
