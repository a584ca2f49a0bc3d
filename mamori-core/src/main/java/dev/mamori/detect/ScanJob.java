package dev.mamori.detect;

import dev.mamori.table.Block;
import dev.mamori.table.DocumentVisitor;
import dev.mamori.table.ReadProblem;
import dev.mamori.table.ReadSummary;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One file's scan: receives what the reader decodes, groups it into batches, detects (inline or on
 * worker threads), then hands findings to the listener and counts them per column, in input order.
 */
final class ScanJob implements DocumentVisitor, Block.Sink {

    private static final int BATCH_UNITS = 256;
    private static final int BATCH_CHARS = 1 << 16;
    /**
     * Lines (not blank) read before a batch's or a block's cut as context: as many as a label above its value is looked for
     * ({@link ContextWords#LINES_ABOVE}), so that such a finding does not depend on where a cut falls.
     */
    private static final int CONTEXT_BEFORE = ContextWords.LINES_ABOVE;
    /** Lines read after a cut as context (as {@code mamori redact} reads its windows). */
    private static final int CONTEXT_AFTER = 3;
    /** The context on either side of a cut stops at this many characters (bytes, in a block): a long line is none. */
    private static final int MAX_CONTEXT = 4096;
    /**
     * A run of lines read as one text ends at the first blank line after this many characters: what one paragraph says
     * gives context to the next (a full name to the later bare surname, a label to the value under a blank line), and
     * the cost stays that of a few paragraphs. Some recognizers try their patterns over the whole text once one of their
     * words is in it: over a whole block (64 KiB) the free-text scan took 25–35 % longer; at 2,048 characters, about 10 %
     * (docs/benchmarks.md).
     */
    private static final int SECTION = 2048;
    /** Blank lines kept between two lines of a text: a paragraph's break, however many there are. */
    private static final int MAX_BLANKS = 2;

    /** A piece of input to scan; built on the reading thread, scanned by a worker. */
    private sealed interface Unit permits Text, Row, Doc, Header {
    }

    /** What was found in a table's header cells (found on the reading thread: the names are masked as the table is made). */
    private record Header(Table table, List<List<Finding>> found) implements Unit {
    }

    private record Text(long line, int offset, String text) implements Unit {
        @Override
        public String toString() {
            return "Text[line " + line + ", offset " + offset + ", " + text.length() + " chars]";
        }
    }

    private record Row(Table table, long row, long line, List<String> cells) implements Unit {
        @Override
        public String toString() {
            return "Row[row " + row + ", line " + line + ", " + cells.size() + " cells]";
        }
    }

    private record Doc(long line, String docId, String text) implements Unit {
        @Override
        public String toString() {
            return "Doc[line " + line + ", " + text.length() + " chars]";
        }
    }

    private final String file;
    private final Detector detector;
    private final CellMemo memo;
    private final ExecutorService workers;
    private final int window;
    private final ScanListener listener;
    private final ScanListener.Encoder encoder;
    /** The cells of UTF-8 CSV blocks the detector has no use for, left undecoded; null when it needs them all. */
    private final dev.mamori.table.CellSkip skip;

    /**
     * Scanned units, their findings (aligned), the findings' encoding (null without an encoder) and
     * the problems met while reading them (blocks only).
     */
    private record Batch(List<Unit> units, List<List<LocatedFinding>> found, Encoded encoded, List<Tally> tallies,
                         List<ReadProblem> problems) {
    }

    /** Findings encoded at a time: their bytes stay well under half a G1 region (no humongous arrays). */
    private static final int ENCODED_SLICE = 256;

    /**
     * The findings of a batch encoded in slices of {@link #ENCODED_SLICE}: finding k is in
     * bytes[k / SLICE], from the end of the finding before it in that slice (or 0) to ends[k].
     */
    private record Encoded(byte[][] bytes, int[] ends) {
        byte[] array(int k) {
            return bytes[k / ENCODED_SLICE];
        }

        int from(int k) {
            return k % ENCODED_SLICE == 0 ? 0 : ends[k - 1];
        }
    }

    private final ArrayDeque<Future<Batch>> inFlight = new ArrayDeque<>();
    private List<Unit> batch = new ArrayList<>(BATCH_UNITS);
    private int batchChars;
    /** The last lines of the batch handed over before this one: context for its first lines. */
    private List<Text> lead = List.of();
    /** A text block held until the next arrives (whose first lines are its context after), and the block before it. */
    private Block heldBlock;
    private Block blockBefore;

    private List<LocatedFinding> held = List.of();
    private Encoded heldEncoded;
    private int heldBase; // index in heldEncoded of held.get(0)
    private long heldLine = -1;
    private final List<Table> tables = new ArrayList<>();
    private Table table;
    private final long[] counts = new long[PiiType.values().length];
    private long problems;
    private long unread;

    ScanJob(String file, Detector detector, ExecutorService workers, int threads, ScanListener listener) {
        this.file = file;
        this.detector = detector;
        this.memo = new CellMemo(detector);
        this.workers = workers;
        this.window = 2 * threads;
        this.listener = listener;
        this.encoder = listener.encoder();
        this.skip = detector.cellSkip();
    }

    @Override
    public void text(long line, int offset, int overlap, String chunk) {
        add(new Text(line, offset, chunk), chunk.length());
    }

    @Override
    public void table(String sheet, List<String> header) {
        if (table != null && java.util.Objects.equals(table.sheet, sheet) && startsWith(header, table.header)) {
            drain(); // the rows before count into the table's figures, which the wider table takes over
            table = table.widened(header, detector); // JSON Lines met new keys: same table, more columns
            tables.set(tables.size() - 1, table);
        } else {
            // a header that holds personal data: its findings are reported, without a row, and the columns are shown
            // by masked names (HeaderCells)
            HeaderCells cells = HeaderCells.of(header, detector);
            table = new Table(sheet, header, cells.shown(), detector);
            tables.add(table);
            if (cells.any()) {
                add(new Header(table, cells.found()), 0);
            }
        }
    }


    @Override
    public void row(long row, long line, List<String> cells) {
        int chars = 0;
        for (String c : cells) {
            chars += c == null ? 0 : c.length();
        }
        if (table == null) {
            table(null, List.of());
        }
        add(new Row(table, row, line, cells), chars);
    }

    @Override
    public void labeled(long line, String docId, String text) {
        add(new Doc(line, docId, text), text.length());
    }

    @Override
    public void progress(long bytesRead) {
        listener.progress(bytesRead);
    }

    @Override
    public void problem(ReadProblem problem) {
        problems++;
        unread += problem.unread() ? 1 : 0;
        listener.problem(problem);
    }

    private void add(Unit u, int chars) {
        batch.add(u);
        batchChars += chars;
        if (batch.size() >= BATCH_UNITS + CONTEXT_AFTER || batchChars >= BATCH_CHARS) {
            // the last lines stay for the next batch, read now as this one's context after it
            int k = batch.size() - CONTEXT_AFTER;
            cut(k > 0 && !context(batch.subList(k, batch.size()), false).isEmpty() ? k : batch.size());
        }
    }

    /** Hands over everything gathered. */
    private void flush() {
        cut(batch.size());
    }

    /** Hands over the first {@code k} units gathered, with the lines around them as context. */
    private void cut(int k) {
        if (k == 0) {
            return;
        }
        List<Unit> units = new ArrayList<>(batch.subList(0, k));
        List<Text> before = lead;
        List<Text> after = context(batch.subList(k, batch.size()), false);
        batch = new ArrayList<>(batch.subList(k, batch.size()));
        batchChars = 0;
        for (Unit u : batch) {
            batchChars += u instanceof Text t ? t.text.length() : 0;
        }
        lead = context(units.subList(Math.max(0, k - CONTEXT_BEFORE), k), true);
        if (workers == null) {
            emit(scan(units, before, after, List.of()));
            return;
        }
        submit(() -> scan(units, before, after, List.of()));
    }

    /**
     * The units as context lines: those nearest the cut (the last ones {@code before} it, else the first) that are whole
     * lines of a text, within {@link #MAX_CONTEXT} characters; none when the nearest is not.
     */
    private static List<Text> context(List<Unit> units, boolean before) {
        java.util.ArrayDeque<Text> out = new java.util.ArrayDeque<>(units.size());
        int chars = 0;
        for (int i = 0; i < units.size(); i++) {
            Unit u = units.get(before ? units.size() - 1 - i : i);
            if (!(u instanceof Text t) || t.offset != 0 || (chars += t.text.length() + 1) > MAX_CONTEXT) {
                break;
            }
            if (before) {
                out.addFirst(t);
            } else {
                out.addLast(t);
            }
        }
        return List.copyOf(out);
    }

    /** The lines of a text block's edge as context, or none. */
    private static List<Text> edge(Block b, boolean last) {
        if (b == null) {
            return List.of();
        }
        List<Text> out = new ArrayList<>();
        for (Block.Line l : b.edge(last, last ? CONTEXT_BEFORE : CONTEXT_AFTER, MAX_CONTEXT)) {
            out.add(new Text(l.number(), 0, l.text()));
        }
        return out;
    }

    /**
     * A block of a large CSV or text input: read, parsed and scanned on a worker (or here, without workers). A text block
     * is held until the next one comes, so that the lines on each side of its cuts are read with it as context.
     */
    @Override
    public void block(Block block) {
        flush();
        lead = List.of();
        if (!block.text()) { // a CSV block: its rows need no lines of context
            submitBlock(null, block, null);
            return;
        }
        Block held = heldBlock;
        heldBlock = block;
        if (held != null) {
            submitBlock(blockBefore, held, block);
            blockBefore = held;
        }
    }

    /** Hands over the held block, whose next is {@code next} (null at the end of the blocks). */
    private void submitBlock(Block before, Block block, Block next) {
        Table t = table;
        java.util.function.Supplier<Batch> work = () -> {
            List<Unit> units = new ArrayList<>();
            List<ReadProblem> problems = new ArrayList<>();
            block.read(new DocumentVisitor() {
                @Override
                public void text(long line, int offset, int overlap, String chunk) {
                    units.add(new Text(line, offset, chunk));
                }

                @Override
                public void table(String sheet, List<String> header) {
                    throw new IllegalStateException("a block has no header");
                }

                @Override
                public void row(long row, long line, List<String> cells) {
                    units.add(new Row(t, row, line, cells));
                }

                @Override
                public void labeled(long line, String docId, String text) {
                    units.add(new Doc(line, docId, text));
                }

                @Override
                public void problem(ReadProblem problem) {
                    problems.add(problem);
                }
            }, skip);
            return scan(units, edge(before, true), edge(next, false), problems);
        };
        if (workers != null) {
            submit(work::get);
        } else {
            emit(work.get());
        }
    }

    /** Finishes every batch and block handed over so far. */
    @Override
    public void drain() {
        flush();
        if (heldBlock != null) {
            submitBlock(blockBefore, heldBlock, null);
            heldBlock = null;
            blockBefore = null;
        }
        while (!inFlight.isEmpty()) {
            emitNext();
        }
    }

    private void submit(java.util.concurrent.Callable<Batch> work) {
        inFlight.add(workers.submit(work));
        while (inFlight.size() > window) {
            emitNext();
        }
    }

    private void emitNext() {
        try {
            emit(inFlight.poll().get());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("scan interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error err) {
                throw err; // out of memory, stack overflow: not a defect of this file's
            }
            throw new IllegalStateException("detection failed in " + file + ": " + e.getCause(), e.getCause());
        }
    }

    /**
     * Runs on a worker: the findings of each unit, located, aligned with {@code units}. The lines of a text are detected
     * together (blank lines kept), so that each gives context to the others, with the lines {@code before} and
     * {@code after} the units as context only: a fact over a batch's or a block's cut is found whole, and each line's
     * findings come from the one batch that holds it.
     */
    private List<List<LocatedFinding>> detect(List<Unit> units, List<Text> before, List<Text> after) {
        List<List<LocatedFinding>> out = new ArrayList<>(units.size());
        for (int k = 0; k < units.size(); k++) {
            Unit u = units.get(k);
            int run = wholeLines(units, k);
            List<Text> pre = k == 0 && run > 0 ? before : List.of();
            List<Text> post = k + run == units.size() && run > 0 ? after : List.of();
            if (run > 1 || !pre.isEmpty() || !post.isEmpty()) {
                List<String> lines = new ArrayList<>(pre.size() + run + post.size() + 8);
                int[] at = new int[run];
                long last = -1;
                for (Text t : pre) {
                    if (t.line < ((Text) u).line) {
                        last = addLine(lines, last, t);
                    }
                }
                for (int i = 0; i < run; i++) {
                    last = addLine(lines, last, (Text) units.get(k + i));
                    at[i] = lines.size() - 1;
                }
                for (Text t : post) {
                    if (t.line > last) {
                        last = addLine(lines, last, t);
                    }
                }
                List<List<Finding>> perLine = detector.detectLines(lines);
                for (int i = 0; i < run; i++) {
                    List<Finding> fs = perLine.get(at[i]);
                    Location loc = fs.isEmpty() ? null : Location.text(file, ((Text) units.get(k + i)).line);
                    List<LocatedFinding> found = new ArrayList<>(fs.size());
                    for (Finding f : fs) {
                        found.add(new LocatedFinding(loc, f));
                    }
                    out.add(found.isEmpty() ? List.of() : found);
                }
                k += run - 1;
                continue;
            }
            List<LocatedFinding> found = new ArrayList<>(4);
            if (u instanceof Text t) {
                List<Finding> fs = detector.detect(t.text, detector.freeText());
                Location at = fs.isEmpty() ? null : Location.text(file, t.line);
                for (Finding f : fs) {
                    found.add(new LocatedFinding(at, f.shifted(t.offset)));
                }
            } else if (u instanceof Row r) {
                List<String> cells = r.cells;
                for (int i = 0; i < cells.size(); i++) {
                    String cell = cells.get(i);
                    if (cell == null || cell.isEmpty() || cell == dev.mamori.table.CellSkip.SKIPPED) {
                        continue; // SKIPPED: a cell the detector could find nothing in, not decoded (counted as not blank)
                    }
                    List<Finding> fs = memo.detect(cell, r.table.context(i), i);
                    Location at = fs.isEmpty() ? null : Location.cell(file, r.line, r.row, r.table.sheet, r.table.name(i), i);
                    for (Finding f : fs) {
                        found.add(new LocatedFinding(at, f));
                    }
                }
            } else if (u instanceof Header h) {
                for (int i = 0; i < h.found.size(); i++) {
                    Location at = Location.cell(file, 0, 0, h.table.sheet, h.table.name(i), i);
                    for (Finding f : h.found.get(i)) {
                        found.add(new LocatedFinding(at, f));
                    }
                }
            } else if (u instanceof Doc d) {
                List<Finding> fs = detector.detect(d.text, detector.freeText());
                Location at = fs.isEmpty() ? null : Location.doc(file, d.line, d.docId);
                for (Finding f : fs) {
                    found.add(new LocatedFinding(at, f));
                }
            }
            out.add(found.isEmpty() ? List.of() : found);
        }
        return out;
    }

    /**
     * How many units from {@code k} on are whole lines of a text, in order, blank lines between them or not (a long line
     * read in overlapping chunks is not whole: its chunks are scanned alone, as before).
     */
    private static int wholeLines(List<Unit> units, int k) {
        int n = 0;
        long line = -1;
        int chars = 0;
        for (int i = k; i < units.size(); i++) {
            if (!(units.get(i) instanceof Text t) || t.offset != 0 || t.line <= line
                    || i + 1 < units.size() && units.get(i + 1) instanceof Text next && next.line == t.line
                    || chars >= SECTION && t.line > line + 1) {
                break;
            }
            line = t.line;
            chars += t.text.length() + 1;
            n++;
        }
        return n;
    }

    /** Adds line {@code t} after line {@code last} (or first, with -1), with the blank lines between (at most a few). */
    private static long addLine(List<String> lines, long last, Text t) {
        for (long b = last < 0 ? t.line : Math.max(last + 1, t.line - MAX_BLANKS); b < t.line; b++) {
            lines.add("");
        }
        lines.add(t.text);
        return t.line;
    }

    /** Runs on a worker: the listener's encoding of the findings, or null without an encoder or findings. */
    private Encoded encode(List<List<LocatedFinding>> found) {
        if (encoder == null) {
            return null;
        }
        List<LocatedFinding> all = new ArrayList<>();
        for (List<LocatedFinding> fs : found) {
            all.addAll(fs);
        }
        if (all.isEmpty()) {
            return null;
        }
        int[] ends = new int[all.size()];
        byte[][] bytes = new byte[(all.size() + ENCODED_SLICE - 1) / ENCODED_SLICE][];
        int[] sliceEnds = new int[ENCODED_SLICE];
        try {
            for (int s = 0; s < bytes.length; s++) {
                int from = s * ENCODED_SLICE;
                int to = Math.min(all.size(), from + ENCODED_SLICE);
                bytes[s] = encoder.encode(all.subList(from, to), sliceEnds);
                System.arraycopy(sliceEnds, 0, ends, from, to - from);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // into memory: only the encoder's own failure
        }
        return new Encoded(bytes, ends);
    }

    /** Runs on a worker (or the reading thread, without workers): detects, encodes and tallies a batch. */
    private Batch scan(List<Unit> units, List<Text> before, List<Text> after, List<ReadProblem> problems) {
        List<List<LocatedFinding>> found = detect(units, before, after);
        return new Batch(units, found, encode(found), Tally.of(units, found), problems);
    }

    private void emit(Batch b) {
        for (ReadProblem p : b.problems) {
            problem(p);
        }
        emit(b.units, b.found, b.encoded);
        for (Tally t : b.tallies) {
            t.addTo();
        }
    }

    /**
     * Runs on the reading thread, in input order. The findings of a text chunk are held until the
     * next unit arrives: when it continues the same long line, it covers the overlap again with more
     * context after it, so the held findings that start inside the overlap are dropped as duplicates.
     */
    private void emit(List<Unit> units, List<List<LocatedFinding>> found, Encoded encoded) {
        int k = 0; // index of the unit's first finding among the batch's
        for (int u = 0; u < units.size(); u++) {
            List<LocatedFinding> fs = found.get(u);
            if (units.get(u) instanceof Text t) {
                release(t.offset > 0 && t.line == heldLine ? t.offset : Long.MAX_VALUE);
                held = fs;
                heldEncoded = encoded;
                heldBase = k;
                heldLine = t.line;
                k += fs.size();
                continue;
            }
            release(Long.MAX_VALUE);
            for (int i = 0; i < fs.size(); i++) {
                deliver(fs.get(i), encoded, k + i);
            }
            k += fs.size();
        }
    }

    /** Delivers the held findings of the previous text chunk that start before {@code before}. */
    private void release(long before) {
        for (int i = 0; i < held.size(); i++) {
            LocatedFinding lf = held.get(i);
            if (lf.finding().start() < before) {
                deliver(lf, heldEncoded, heldBase + i);
            }
        }
        held = List.of();
        heldEncoded = null;
        heldLine = -1;
    }

    /** Hands a finding to the listener, with its encoding ({@code encoded}'s k-th) when there is one. */
    private void deliver(LocatedFinding lf, Encoded encoded, int k) {
        counts[lf.finding().type().ordinal()]++;
        if (encoded == null) {
            listener.finding(lf);
        } else {
            listener.encoded(lf, encoded.array(k), encoded.from(k), encoded.ends[k]);
        }
    }

    /**
     * What a batch's rows add to their table's column statistics — rows, non-blank cells, and cells holding each type —
     * counted on the worker and added to the table on the reading thread (sums: the order does not matter).
     */
    private static final class Tally {
        private static final long[] NONE = new long[0];
        private final Table table;
        private long rows;
        private long[] cells = NONE;
        private long[][] hits = new long[0][];

        private Tally(Table table) {
            this.table = table;
        }

        static List<Tally> of(List<Unit> units, List<List<LocatedFinding>> found) {
            List<Tally> out = new ArrayList<>(1);
            Tally cur = null;
            for (int u = 0; u < units.size(); u++) {
                if (units.get(u) instanceof Row r) {
                    if (cur == null || cur.table != r.table) {
                        cur = new Tally(r.table);
                        out.add(cur);
                    }
                    cur.add(r.cells, found.get(u));
                }
            }
            return out;
        }

        /** Findings come in cell order. */
        private void add(List<String> row, List<LocatedFinding> fs) {
            rows++;
            if (cells.length < row.size()) {
                cells = java.util.Arrays.copyOf(cells, row.size());
            }
            for (int i = 0; i < row.size(); i++) {
                String c = row.get(i);
                if (c != null && !c.isBlank()) {
                    cells[i]++;
                }
            }
            int lastCol = -1;
            long seen = 0;
            for (LocatedFinding lf : fs) {
                int col = lf.where().columnIndex();
                if (col != lastCol) {
                    lastCol = col;
                    seen = 0;
                }
                int type = lf.finding().type().ordinal();
                if ((seen & 1L << type) == 0) {
                    seen |= 1L << type;
                    if (hits.length <= col) {
                        hits = java.util.Arrays.copyOf(hits, col + 1);
                    }
                    if (hits[col] == null) {
                        hits[col] = new long[PiiType.values().length];
                    }
                    hits[col][type]++;
                }
            }
        }

        /** Reading thread. */
        void addTo() {
            table.rows += rows;
            for (int i = 0; i < cells.length; i++) {
                if (cells[i] > 0) {
                    table.column(i).cells += cells[i];
                }
            }
            for (int i = 0; i < hits.length; i++) {
                if (hits[i] != null) {
                    long[] h = table.column(i).hits;
                    for (int t = 0; t < h.length; t++) {
                        h[t] += hits[i][t];
                    }
                }
            }
        }
    }

    FileReport finish(ReadSummary summary, long elapsedNanos) {
        drain();
        release(Long.MAX_VALUE);
        Map<PiiType, Long> byType = new EnumMap<>(PiiType.class);
        EnumSet<PiiType> found = EnumSet.noneOf(PiiType.class);
        for (PiiType t : PiiType.values()) {
            if (counts[t.ordinal()] > 0) {
                byType.put(t, counts[t.ordinal()]);
                found.add(t);
            }
        }
        List<TableReport> reports = new ArrayList<>();
        for (Table t : tables) {
            reports.add(t.report());
        }
        return new FileReport(file, summary, byType, reports, Classification.of(found), problems, unread, elapsedNanos);
    }

    /** Cancels batches still in flight after the reader failed. */
    void abandon() {
        inFlight.forEach(f -> f.cancel(true));
        inFlight.clear();
    }

    private static boolean startsWith(List<String> longer, List<String> prefix) {
        return !prefix.isEmpty() && longer.size() > prefix.size() && longer.subList(0, prefix.size()).equals(prefix);
    }
}
