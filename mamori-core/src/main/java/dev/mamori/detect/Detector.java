package dev.mamori.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/**
 * Finds personal information in one piece of text: runs the recognizers the requested types need
 * and settles overlaps. Thread-safe; build one and share it.
 *
 * <p>Recognizers that need morphological analysis (Kuromoji) are only built when a requested type
 * needs them, so {@code --types PHONE,EMAIL} never loads the dictionary.
 */
public final class Detector {

    /** Each thread's list for the recognizers' raw findings, so a call that finds nothing allocates nothing. */
    private static final ThreadLocal<List<Finding>> SCRATCH = ThreadLocal.withInitial(() -> new ArrayList<>(16));

    /** Findings below this confidence are dropped unless the caller asks otherwise. */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.4;

    private final Set<PiiType> types;
    private final double minConfidence;
    private final List<Recognizer> recognizers;
    private final ScanContext freeText;
    private final boolean failFast;
    private final LongAdder failures = new LongAdder();
    /** Failures on each thread, of any detector: for a detector shared by tasks that each run on a thread (Spark's). */
    private static final ThreadLocal<long[]> THREAD_FAILURES = ThreadLocal.withInitial(() -> new long[1]);

    private Detector(Set<PiiType> types, double minConfidence, List<Recognizer> recognizers, boolean failFast) {
        this.types = Collections.unmodifiableSet(EnumSet.copyOf(types));
        this.minConfidence = minConfidence;
        this.recognizers = List.copyOf(recognizers);
        this.freeText = new ScanContext(Set.of(), types);
        this.failFast = failFast;
    }

    /** A detector for every type. */
    public static Detector all() {
        return of(EnumSet.allOf(PiiType.class), DEFAULT_MIN_CONFIDENCE);
    }

    /** A detector for the given types, dropping findings under {@code minConfidence}. */
    public static Detector of(Set<PiiType> types, double minConfidence) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no types to detect");
        }
        if (!(minConfidence >= 0 && minConfidence <= 1)) { // NaN too
            throw new IllegalArgumentException("minConfidence must be a number from 0 to 1, not " + minConfidence);
        }
        return of(types, minConfidence, Recognizers.forTypes(types), Boolean.getBoolean(FAIL_FAST));
    }

    /**
     * When this system property is true a recognizer that throws fails the call (the test suite sets
     * it); otherwise the failure is counted, the text keeps the other recognizers' findings and the
     * scan goes on.
     */
    static final String FAIL_FAST = "mamori.detect.failFast";

    static Detector of(Set<PiiType> types, double minConfidence, List<Recognizer> recognizers, boolean failFast) {
        return new Detector(types, minConfidence, recognizers, failFast);
    }

    /**
     * How many times a recognizer threw (a bug: recognizers must not throw on any input) since this
     * detector was built. Each failure lost that recognizer's findings in one text; scans report it.
     */
    public long failures() {
        return failures.sum();
    }

    /**
     * How many times a recognizer of any detector threw on this thread so far: where one detector serves tasks on
     * several threads at once, the difference across a task tells that task's failures.
     */
    public static long threadFailures() {
        return THREAD_FAILURES.get()[0];
    }

    /** The types whose cells a UTF-8 table scan may leave undecoded ({@link #cellSkip}). */
    private static final Set<PiiType> SKIPPABLE = EnumSet.of(PiiType.POSTAL_CODE, PiiType.PHONE, PiiType.EMAIL, PiiType.MY_NUMBER,
            PiiType.CORPORATE_NUMBER, PiiType.CREDIT_CARD);

    /**
     * For a scan of UTF-8 tables for identifiers only (postal code, phone, e-mail, My Number, corporate number, card): the
     * cells in which nothing can be found, told on their bytes, which the reader then does not decode
     * ({@link IdentifierRecognizer#mayFind}); null for any other set of types, whose recognizers need the text.
     */
    public dev.mamori.table.CellSkip cellSkip() {
        if (!SKIPPABLE.containsAll(types) || recognizers.size() != 1 || !(recognizers.get(0) instanceof IdentifierRecognizer)) {
            return null;
        }
        boolean email = types.contains(PiiType.EMAIL);
        return (b, from, to) -> !IdentifierRecognizer.mayFind(b, from, to, email);
    }

    /** The types this detector reports. */
    public Set<PiiType> types() {
        return types;
    }

    /** A context for a cell of a column with this header, restricted to this detector's types. */
    public ScanContext contextFor(String header) {
        return new ScanContext(ColumnHints.get().forHeader(header), without(types, ColumnHints.get().against(header)));
    }

    /** {@code types} less {@code against}: the identifiers a column's header says its cells are not. */
    private static Set<PiiType> without(Set<PiiType> types, Set<PiiType> against) {
        if (against.isEmpty()) {
            return types;
        }
        EnumSet<PiiType> t = EnumSet.noneOf(PiiType.class); // not copyOf: it refuses an empty set that is not an EnumSet
        t.addAll(types);
        t.removeAll(against);
        return t;
    }

    /**
     * The contexts of a table's columns, one per header: as {@link #contextFor} each, and with what a header means
     * beside its neighbours (記号 and 番号 next to 保険者番号 are a health-insurance card's, {@link ColumnHints#forHeaders}).
     */
    public List<ScanContext> contextsFor(List<String> headers) {
        List<ScanContext> out = new ArrayList<>(headers.size());
        List<Set<PiiType>> hints = ColumnHints.get().forHeaders(headers);
        for (int c = 0; c < hints.size(); c++) {
            out.add(new ScanContext(hints.get(c), without(types, ColumnHints.get().against(headers.get(c))),
                    ColumnHints.get().cardField(headers.get(c), hints.get(c))));
        }
        return out;
    }

    /** A context for free text. */
    public ScanContext freeText() {
        return freeText;
    }

    /**
     * The findings in {@code text}, sorted by start, without overlaps. In free text (a context without column hints), a
     * table pasted into the text ({@link TextTables}) is scanned cell by cell with its header's context, as a CSV file is.
     */
    public List<Finding> detect(String text, ScanContext context) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        if (text.length() > 2 * WINDOW && (text.length() > LONGEST_WHOLE || longestLine(text) > WINDOW)) {
            return windowed(text, context);
        }
        List<Finding> found = detectAsWritten(text, context);
        // text another system reshaped (a PDF's layer, a hard-wrapping mailer), read again as it was written
        for (Rereading again : new Rereading[] {Rereading.spaced(text), Rereading.unwrapped(text), Rereading.numerals(text)}) {
            if (again != null) {
                found = again.merge(text, found, detectAsWritten(again.text(), context));
            }
        }
        return found;
    }

    /** {@link #detect} on the text as it is written: no second reading ({@link Rereading}), no windows. */
    private List<Finding> detectAsWritten(String text, ScanContext context) {
        List<Finding> raw = SCRATCH.get();
        raw.clear();
        List<TextTables.Block> tables = context.columnHints().isEmpty() && TextTables.mayHold(text)
                ? TextTables.find(text, ColumnHints.get()) : List.of();
        if (tables.isEmpty()) {
            find(text, context, raw);
        } else {
            findWithTables(text, context, tables, raw);
        }
        if (raw.isEmpty()) {
            return List.of();
        }
        if (raw.size() == 1) { // the common case: one finding in a cell
            Finding f = raw.get(0);
            raw.clear();
            return f.confidence() >= minConfidence && types.contains(f.type()) ? List.of(f) : List.of();
        }
        List<Finding> kept = new ArrayList<>(raw.size());
        for (Finding f : raw) {
            if (f.confidence() >= minConfidence && types.contains(f.type())) {
                kept.add(f);
            }
        }
        raw.clear();
        return settle(kept);
    }

    /**
     * The findings of consecutive lines of a text file, one list per line with offsets into that line. The lines are
     * scanned as one text, so what one line says gives context to the next: a table's header to its rows
     * ({@link TextTables}), a full name to the bare surname later on, a city to a later 同市. A finding that runs over
     * a line break is cut at it, a piece on each line. For a reader that delivers a text file line by line.
     */
    public List<List<Finding>> detectLines(List<String> lines) {
        StringBuilder joined = new StringBuilder();
        int[] starts = new int[lines.size()];
        for (int i = 0; i < lines.size(); i++) {
            starts[i] = joined.length();
            joined.append(lines.get(i) == null ? "" : lines.get(i)).append('\n');
        }
        List<List<Finding>> out = new ArrayList<>(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            out.add(new ArrayList<>(0));
        }
        for (Finding f : detect(joined.toString(), freeText)) {
            int line = Arrays.binarySearch(starts, f.start());
            line = line >= 0 ? line : -line - 2;
            for (int l = line; l < lines.size() && starts[l] < f.end(); l++) {
                int length = lines.get(l) == null ? 0 : lines.get(l).length();
                int from = Math.max(f.start(), starts[l]) - starts[l];
                int to = Math.min(f.end(), starts[l] + length) - starts[l];
                if (to > from) {
                    out.get(l).add(from == f.start() - starts[l] && to == f.end() - starts[l] ? f.shifted(-starts[l])
                            : new Finding(f.type(), from, to, f.confidence(), f.validated(), lines.get(l).substring(from, to)));
                }
            }
        }
        for (int i = 0; i < out.size(); i++) {
            out.set(i, out.get(i).isEmpty() ? List.of() : List.copyOf(out.get(i)));
        }
        return out;
    }

    /**
     * Runs every recognizer on {@code text}, appending to {@code raw}; in a cell of a 被保険者証's 記号 column, the card's rule
     * after them ({@link #cardCell}). A recognizer that throws fails the call when
     * {@link #FAIL_FAST} is set; otherwise the failure is counted and that recognizer's findings in this text dropped.
     */
    private void find(String text, ScanContext context, List<Finding> raw) {
        int first = raw.size();
        for (Recognizer r : recognizers) {
            int before = raw.size();
            try {
                r.find(text, context, raw);
            } catch (RuntimeException | StackOverflowError e) {
                if (failFast) {
                    raw.clear();
                    // the class and the length only: the exception's own message may quote the text
                    IllegalStateException fail = new IllegalStateException(r.getClass().getSimpleName() + " failed on a text of "
                            + text.length() + " chars: " + e.getClass().getName());
                    fail.setStackTrace(e.getStackTrace()); // where it failed, without its message
                    throw fail;
                }
                failures.increment();
                THREAD_FAILURES.get()[0]++;
                raw.subList(before, raw.size()).clear(); // what it found before failing is not trusted
            }
        }
        if (context.cardField() != ScanContext.CardField.NONE && context.wants(PiiType.HEALTH_INSURANCE)) {
            cardCell(text, context, raw, first);
        }
    }

    /**
     * A cell of a 被保険者証's 記号 column or 記号・番号 column ({@link ScanContext#cardField}): the card's code
     * ({@link CardColumns#cell}: ＫＴ, 世田谷ほ, 「12・345」) in place of what the recognizers read in it, unless they read a
     * person, a contact, a health fact or a date there, which a row out of line can put in the column (山田様より電話あり,
     * 090-1234-5678, 糖尿病). A place is not such a reading: 世田谷ほ is a 国保's 記号, not an address.
     */
    private static void cardCell(String text, ScanContext context, List<Finding> raw, int first) {
        for (int i = first; i < raw.size(); i++) {
            if (CARD_CELL_YIELDS_TO.contains(raw.get(i).type())) {
                return;
            }
        }
        List<Finding> card = new ArrayList<>(3);
        if (CardColumns.cell(text, context, card)) {
            raw.subList(first, raw.size()).clear();
            raw.addAll(card);
        }
    }

    private static final Set<PiiType> CARD_CELL_YIELDS_TO = EnumSet.of(PiiType.PERSON, PiiType.PHONE, PiiType.EMAIL,
            PiiType.DATE_OF_BIRTH, PiiType.MY_NUMBER, PiiType.CREDIT_CARD, PiiType.BANK_ACCOUNT, PiiType.SENSITIVE_HEALTH,
            PiiType.SENSITIVE_CRIME, PiiType.SENSITIVE_CREED, PiiType.SENSITIVE_OTHER, PiiType.LOCATION);

    /**
     * Scans each cell of the tables on its own with its header's types as hints, moving the cells' findings to their place
     * in the text; then the text with the tables' data rows blanked out (so offsets stay) but for the names the cells gave.
     */
    private void findWithTables(String text, ScanContext context, List<TextTables.Block> tables, List<Finding> raw) {
        char[] rest = text.toCharArray();
        for (TextTables.Block b : tables) {
            for (TextTables.Cell c : b.cells()) {
                Arrays.fill(rest, c.start(), c.end(), ' ');
            }
            // the header line too: its column names are no text about anyone (氏名⇥月⇥火…⇥金: 金 is no surname here)
            Arrays.fill(rest, b.start(), b.headerEnd(), ' ');
        }
        int cellFindings = raw.size();
        List<Finding> cell = new ArrayList<>(4);
        Map<List<Object>, ScanContext> contexts = new HashMap<>();
        for (TextTables.Block b : tables) {
            for (TextTables.Cell c : b.cells()) {
                ScanContext ctx = contexts.computeIfAbsent(List.of(c.hints(), c.against(), c.cardField()),
                        h -> new ScanContext(c.hints(), without(context.enabled(), c.against()), c.cardField()));
                String value = text.substring(c.start(), c.end());
                cell.clear();
                find(value, ctx, cell);
                for (Finding f : cell) {
                    raw.add(f.shifted(c.start()));
                }
            }
        }
        // the names found in the cells stay in the text around them, so that the text's later bare surname is known
        // (鮫島 大和 in the roster, 鮫島：脳振とうの経過観察中 under it)
        for (int i = cellFindings; i < raw.size(); i++) {
            Finding f = raw.get(i);
            if (f.type() == PiiType.PERSON && f.confidence() >= minConfidence) {
                text.getChars(f.start(), f.end(), rest, f.start());
            }
        }
        int textFindings = raw.size();
        find(new String(rest), context, raw);
        fullNamesAgain(text, raw, cellFindings, textFindings);
    }

    /**
     * A full name found in a table's cell (いおきべ 美恵 under 氏名), written again in the text around the table (注）いおきべ
     * 美恵氏の戸籍上の氏名は…): the same person, whatever the text's own rules made of it. Only names with a blank inside,
     * four characters or more, not inside a longer word, where no finding of the text starts before and ends after them.
     * The copy has the cell's confidence, or that of a name the text found inside it (美恵氏) if higher.
     */
    private void fullNamesAgain(String text, List<Finding> raw, int from, int to) {
        Map<String, Double> names = new HashMap<>();
        for (int i = from; i < to; i++) {
            Finding f = raw.get(i);
            String v = f.value();
            if (f.type() == PiiType.PERSON && f.confidence() >= minConfidence && v.length() >= 4
                    && (v.indexOf(' ') > 0 || v.indexOf('\u3000') > 0)) {
                names.merge(v, f.confidence(), Math::max);
            }
        }
        for (Map.Entry<String, Double> n : names.entrySet()) {
            String v = n.getKey();
            for (int a = text.indexOf(v); a >= 0; a = text.indexOf(v, a + 1)) {
                int b = a + v.length();
                if (a > 0 && Character.isLetter(text.charAt(a - 1)) && Character.UnicodeScript.of(text.charAt(a - 1))
                        == Character.UnicodeScript.of(v.charAt(0))) {
                    continue; // inside a longer word
                }
                boolean inside = false; // the cell itself, a name found there already, or a longer finding around it
                double conf = n.getValue();
                for (int i = from; i < raw.size() && !inside; i++) {
                    Finding f = raw.get(i);
                    inside = f.start() <= a && b <= f.end() && (f.start() < a || b < f.end() || f.type() == PiiType.PERSON);
                    if (f.type() == PiiType.PERSON && a <= f.start() && f.end() <= b) {
                        conf = Math.max(conf, f.confidence());
                    }
                }
                if (!inside) {
                    raw.add(new Finding(PiiType.PERSON, a, b, conf, false, v));
                }
            }
        }
    }

    private static final Comparator<Finding> STRONGER = Comparator
            .comparing(Finding::validated)
            .thenComparingDouble(Finding::confidence)
            .thenComparingInt(f -> f.end() - f.start());

    private static final Comparator<Finding> BY_POSITION = Comparator.comparingInt(Finding::start).thenComparingInt(f -> -f.end());

    /**
     * A text longer than twice this many characters with a line longer than this (a line of a minified export, a huge
     * cell), or longer than {@link #LONGEST_WHOLE}, is scanned in windows of this size: some rules compare each finding with
     * those found before it in the same text, which is quadratic in a text holding a hundred thousand findings. Every text
     * a text file's lines make is shorter (a run of lines, or a batch of them, is at most 64 KiB and a line), so the
     * windows change nothing there.
     */
    static final int WINDOW = 1 << 16;
    /**
     * A text of many lines is read whole up to this many characters, so that a table's header and a name found once give
     * their context to the end of it (the caller that reads a file hands over far less at a time); longer, in windows.
     */
    private static final int LONGEST_WHOLE = 16 * WINDOW;

    private static int longestLine(String text) {
        int longest = 0;
        for (int s = 0; s < text.length(); ) {
            int nl = text.indexOf('\n', s);
            int e = nl < 0 ? text.length() : nl;
            longest = Math.max(longest, e - s);
            s = e + 1;
        }
        return longest;
    }

    /** Characters two windows share; a finding is taken from the window in which it starts before the middle of them. */
    private static final int WINDOW_OVERLAP = 512;
    /** How far back from a window's end a line break or a sentence's end is looked for, to cut there. */
    private static final int CUT_REACH = 4096;

    private List<Finding> windowed(String text, ScanContext context) {
        List<Finding> all = new ArrayList<>();
        int from = 0;
        int keepFrom = 0;
        while (from < text.length()) {
            int to = text.length() - from <= WINDOW ? text.length() : cut(text, from + WINDOW);
            int keepTo = to == text.length() ? Integer.MAX_VALUE : to - WINDOW_OVERLAP / 2;
            for (Finding f : detect(text.substring(from, to), context)) {
                Finding g = f.shifted(from);
                if (g.start() >= keepFrom && g.start() < keepTo) {
                    all.add(g);
                }
            }
            if (to == text.length()) {
                break;
            }
            keepFrom = keepTo;
            from = to - WINDOW_OVERLAP;
        }
        return settle(all);
    }

    /**
     * A 要配慮 phrase that starts with a name (潤受刑者（31）が仮釈放, the phrase taking the run of kanji before its role word)
     * starts after it, so that both are kept: the name and the fact.
     */
    private static void trimSensitiveAfterNames(List<Finding> raw) {
        boolean person = false;
        boolean sensitive = false;
        for (Finding f : raw) {
            person |= f.type() == PiiType.PERSON;
            sensitive |= f.type().category() == LegalCategory.SPECIAL_CARE_REQUIRED;
        }
        if (!person || !sensitive) {
            return; // most cells and texts: no map to build
        }
        java.util.Map<Integer, Finding> names = new java.util.HashMap<>();
        for (Finding f : raw) {
            if (f.type() == PiiType.PERSON) {
                names.merge(f.start(), f, (a, b) -> a.end() >= b.end() ? a : b);
            }
        }
        for (int i = 0; i < raw.size(); i++) {
            Finding f = raw.get(i);
            Finding name = f.type().category() == LegalCategory.SPECIAL_CARE_REQUIRED ? names.get(f.start()) : null;
            if (name != null && name.end() + 2 <= f.end()) {
                int s = name.end();
                raw.set(i, new Finding(f.type(), s, f.end(), f.confidence(), f.validated(), f.value().substring(s - f.start())));
            }
        }
    }

    /** Where a window that may run to {@code end} ends: after the last line break or 。 before it (within reach), else at it. */
    private static int cut(String text, int end) {
        for (int i = end - 1; i > end - CUT_REACH; i--) {
            char c = text.charAt(i);
            if (c == '\n' || c == '。') {
                return i + 1;
            }
        }
        return end;
    }

    /** Keeps, of overlapping findings, the validated, then the more confident, then the longer one. */
    static List<Finding> settle(List<Finding> raw) {
        if (raw.size() <= 1) {
            return raw;
        }
        trimSensitiveAfterNames(raw);
        raw.sort(BY_POSITION);
        List<Finding> out = new ArrayList<>(raw.size());
        for (Finding f : raw) {
            int last = out.size() - 1;
            if (last >= 0 && out.get(last).end() > f.start()) {
                if (STRONGER.compare(f, out.get(last)) > 0) {
                    out.set(last, f);
                }
            } else {
                out.add(f);
            }
        }
        return out;
    }
}
