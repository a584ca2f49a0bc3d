package dev.mamori.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Scores the detector against labelled text, one to one: each label is matched by at most one
 * finding of its type and each finding by at most one label. Identifiers and other structured types
 * ({@link #exact(PiiType)}) match only on the exact span; names, addresses and 要配慮 facts match on
 * overlap, the pair with the longest overlap first. Besides precision and recall it measures
 * <em>masking coverage</em> — the share of labelled characters that a finding of any type covers,
 * that is, what a masked output hides — and counts findings of check-digit types whose check digit
 * fails. Documents may belong to groups (a genre, "real" or "form") that are scored apart as well as
 * together. Not thread-safe: feed it from one thread.
 */
public final class Evaluation {

    /** A labelled span: String offsets into the document's text. */
    public record Label(int start, int end, PiiType type) {
    }

    /** A mistake: a finding with no label (false positive) or a label with no finding (false negative). */
    public record Miss(String docId, PiiType type, int start, int end, String text, boolean falsePositive) {
        /** Never the text: it is personal information, or looks like it. */
        @Override
        public String toString() {
            return "Miss[" + (falsePositive ? "false positive " : "false negative ") + type + " " + start + ".." + end
                    + " in " + docId + ", masked " + Masking.mask(type, text) + "]";
        }
    }

    /**
     * Counts for one type, or overall when {@code type} is null. Matching is one to one, so
     * {@code labelsFound == findingsRight}; both are kept for readers of the JSON report.
     */
    public record Score(PiiType type, long labels, long labelsFound, long findings, long findingsRight) {
        public double precision() {
            return findings == 0 ? Double.NaN : (double) findingsRight / findings;
        }

        public double recall() {
            return labels == 0 ? Double.NaN : (double) labelsFound / labels;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            if (Double.isNaN(p) || Double.isNaN(r)) {
                return Double.NaN;
            }
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        public long falsePositives() {
            return findings - findingsRight;
        }

        public long falseNegatives() {
            return labels - labelsFound;
        }
    }

    /**
     * A label that a masked output would leave partly or wholly visible: {@code visible} of its characters are covered by
     * no finding; {@code view} is its text with the hidden characters written █ (it shows the visible ones).
     */
    public record Exposed(String docId, PiiType type, int start, int end, String text, int visible, String view) {
    }

    /** Labelled characters, and how many of them some finding (of any type) covers: what masking hides. */
    public record Coverage(long labelledChars, long hiddenChars) {
        public double share() {
            return labelledChars == 0 ? Double.NaN : (double) hiddenChars / labelledChars;
        }
    }

    /** Types matched on the exact span: a phone number cut short or run on is wrong, not half right. */
    private static final Set<PiiType> OVERLAP_TYPES = EnumSet.of(PiiType.PERSON, PiiType.ADDRESS, PiiType.SENSITIVE_HEALTH,
            PiiType.SENSITIVE_CRIME, PiiType.SENSITIVE_CREED, PiiType.SENSITIVE_OTHER);

    /** True when findings of {@code type} must match a label's span exactly. */
    public static boolean exact(PiiType type) {
        return !OVERLAP_TYPES.contains(type);
    }

    /** Counts of one group of documents (or of all). */
    private static final class Tally {
        final long[] labels = new long[PiiType.values().length];
        final long[] matched = new long[PiiType.values().length];
        final long[] findings = new long[PiiType.values().length];
        long labelledChars;
        long hiddenChars;
        long unlabelledChars;
        long unlabelledHidden;
        final long[] typeLabelled = new long[PiiType.values().length];
        final long[] typeHidden = new long[PiiType.values().length];
        long documents;
    }

    private final Detector detector;
    private final MaskScope scope;
    private final Tally all = new Tally();
    private final Map<String, Tally> groups = new TreeMap<>();
    private final List<Miss> misses = new ArrayList<>();
    private final List<Exposed> exposed = new ArrayList<>();
    private long checksumFailures;

    public Evaluation(Detector detector) {
        this(detector, MaskScope.SPAN);
    }

    /** Masking coverage measured as if 要配慮 findings hid their {@code scope} (clause, sentence) rather than their span. */
    public Evaluation(Detector detector, MaskScope scope) {
        this.detector = detector;
        this.scope = scope;
    }

    /** {@link #add(String, Collection, String, List)} in no group. */
    public void add(String docId, String text, List<Label> spans) {
        add(docId, List.of(), text, spans);
    }

    /**
     * Scans one document and counts its hits and misses, overall and in each of {@code inGroups}.
     * Labels of types the detector does not report are ignored.
     *
     * @throws IllegalArgumentException when a label is not a span of the text (outside it, or empty);
     *                                  nothing is counted then
     */
    public void add(String docId, Collection<String> inGroups, String text, List<Label> spans) {
        for (Label l : spans) {
            if (l.start < 0 || l.end > text.length() || l.start >= l.end) {
                boolean empty = l.start >= l.end && l.start >= 0 && l.end <= text.length();
                String span = l.type + " " + l.start + ".." + l.end;
                throw new dev.mamori.report.Message.Problem("ラベル " + span + " は" + (empty ? "空です" : "テキストの外です")
                        + "（テキストは " + text.length() + " 文字。位置は UTF-16 の添字で、終わりは含みません）",
                        "label " + span + " is " + (empty ? "empty" : "outside the text")
                        + " (the text has " + text.length() + " chars; offsets are UTF-16 indices, end exclusive)");
            }
        }
        List<Finding> found = detector.detect(text, detector.freeText());
        List<Label> wanted = spans.stream().filter(l -> detector.types().contains(l.type)).toList();
        List<Tally> tallies = new ArrayList<>(inGroups.size() + 1);
        tallies.add(all);
        for (String g : inGroups) {
            tallies.add(groups.computeIfAbsent(g, k -> new Tally()));
        }

        boolean[] labelMatched = new boolean[wanted.size()];
        boolean[] findingMatched = new boolean[found.size()];
        match(wanted, found, labelMatched, findingMatched);
        boolean[] hidden = hidden(text, found, scope);
        long[] coverage = coverage(text.length(), wanted, hidden);
        long[] typeLabelled = new long[PiiType.values().length];
        long[] typeHidden = new long[PiiType.values().length];
        for (Label l : wanted) {
            int visible = 0;
            for (int i = l.start; i < l.end; i++) {
                visible += hidden[i] ? 0 : 1;
            }
            typeLabelled[l.type.ordinal()] += l.end - l.start;
            typeHidden[l.type.ordinal()] += l.end - l.start - visible;
            if (visible > 0) {
                StringBuilder view = new StringBuilder(l.end - l.start);
                for (int i = l.start; i < l.end; i++) {
                    view.append(hidden[i] ? '█' : text.charAt(i));
                }
                exposed.add(new Exposed(docId, l.type, l.start, l.end, text.substring(l.start, l.end), visible, view.toString()));
            }
        }
        for (Tally t : tallies) {
            t.documents++;
            t.labelledChars += coverage[0];
            t.hiddenChars += coverage[1];
            t.unlabelledChars += text.length() - coverage[0];
            t.unlabelledHidden += coverage[2];
            for (int i = 0; i < typeLabelled.length; i++) {
                t.typeLabelled[i] += typeLabelled[i];
                t.typeHidden[i] += typeHidden[i];
            }
            for (int i = 0; i < wanted.size(); i++) {
                int ty = wanted.get(i).type.ordinal();
                t.labels[ty]++;
                if (labelMatched[i]) {
                    t.matched[ty]++;
                }
            }
            for (Finding f : found) {
                t.findings[f.type().ordinal()]++;
            }
        }
        for (int i = 0; i < found.size(); i++) {
            Finding f = found.get(i);
            if (!checkDigitHolds(f)) {
                checksumFailures++;
            }
            if (!findingMatched[i]) {
                misses.add(new Miss(docId, f.type(), f.start(), f.end(), f.value(), true));
            }
        }
        for (int i = 0; i < wanted.size(); i++) {
            if (!labelMatched[i]) {
                Label l = wanted.get(i);
                misses.add(new Miss(docId, l.type, l.start, l.end, text.substring(l.start, l.end), false));
            }
        }
    }

    /** Pairs labels and findings of the same type one to one: exact spans, or the longest overlaps first. */
    private static void match(List<Label> labels, List<Finding> found, boolean[] labelMatched, boolean[] findingMatched) {
        record Pair(int label, int finding, int overlap) {
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            for (int j = 0; j < found.size(); j++) {
                Finding f = found.get(j);
                if (f.type() != l.type) {
                    continue;
                }
                int overlap = Math.min(l.end, f.end()) - Math.max(l.start, f.start());
                boolean same = exact(l.type) ? l.start == f.start() && l.end == f.end() : overlap > 0;
                if (same) {
                    pairs.add(new Pair(i, j, overlap));
                }
            }
        }
        pairs.sort((a, b) -> Integer.compare(b.overlap, a.overlap));
        for (Pair p : pairs) {
            if (!labelMatched[p.label] && !findingMatched[p.finding]) {
                labelMatched[p.label] = true;
                findingMatched[p.finding] = true;
            }
        }
    }

    /** Which characters of the text a masked output hides: each finding's span, widened by {@code scope}. */
    private static boolean[] hidden(String text, List<Finding> found, MaskScope scope) {
        boolean[] hidden = new boolean[text.length()];
        for (Finding f : found) {
            java.util.Arrays.fill(hidden, scope.start(text, f.type(), f.start()), scope.end(text, f.type(), f.end()), true);
        }
        return hidden;
    }

    /** {labelled characters, of which hidden, unlabelled characters hidden}. */
    private static long[] coverage(int length, List<Label> labels, boolean[] hidden) {
        boolean[] labelled = new boolean[length];
        for (Label l : labels) {
            java.util.Arrays.fill(labelled, l.start, l.end, true);
        }
        long n = 0;
        long h = 0;
        long beyond = 0;
        for (int i = 0; i < length; i++) {
            if (labelled[i]) {
                n++;
                h += hidden[i] ? 1 : 0;
            } else {
                beyond += hidden[i] ? 1 : 0;
            }
        }
        return new long[] {n, h, beyond};
    }

    /** False for a finding of a check-digit type whose digits fail their check: a near miss reported. */
    static boolean checkDigitHolds(Finding f) {
        if (f.type() != PiiType.MY_NUMBER && f.type() != PiiType.CORPORATE_NUMBER && f.type() != PiiType.CREDIT_CARD) {
            return true;
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < f.value().length(); i++) {
            char c = f.value().charAt(i);
            int d = Character.isDigit(c) ? Character.digit(c, 10) : DateParser.kanjiDigit(c); // 四三六七 as a 個人番号 is read
            if (d >= 0 && d <= 9) {
                s.append((char) ('0' + d));
            }
        }
        String digits = s.toString();
        return switch (f.type()) {
            case MY_NUMBER -> Validators.isMyNumber(digits);
            case CORPORATE_NUMBER -> Validators.isCorporateNumber(digits);
            default -> Validators.passesLuhn(digits);
        };
    }

    public long documents() {
        return all.documents;
    }

    /** The groups documents were added in, sorted by name. */
    public List<String> groups() {
        return List.copyOf(groups.keySet());
    }

    /** Documents in {@code group}. */
    public long documents(String group) {
        return tally(group).documents;
    }

    /** Scores per type, for the types that had labels or findings. */
    public Map<PiiType, Score> byType() {
        return byType(all);
    }

    /** Scores per type in {@code group}. */
    public Map<PiiType, Score> byType(String group) {
        return byType(tally(group));
    }

    private static Map<PiiType, Score> byType(Tally t) {
        Map<PiiType, Score> m = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            int i = type.ordinal();
            if (t.labels[i] + t.findings[i] > 0) {
                m.put(type, new Score(type, t.labels[i], t.matched[i], t.findings[i], t.matched[i]));
            }
        }
        return m;
    }

    /** Micro-averaged over all types. */
    public Score overall() {
        return overall(all);
    }

    /** Micro-averaged over all types in {@code group}. */
    public Score overall(String group) {
        return overall(tally(group));
    }

    private static Score overall(Tally t) {
        long l = 0;
        long m = 0;
        long f = 0;
        for (int i = 0; i < t.labels.length; i++) {
            l += t.labels[i];
            m += t.matched[i];
            f += t.findings[i];
        }
        return new Score(null, l, m, f, m);
    }

    /** Masking coverage over all documents. */
    public Coverage coverage() {
        return new Coverage(all.labelledChars, all.hiddenChars);
    }

    /**
     * The text no label covers, and how much of it a masked output hides as well (what masking costs a reader: a name's
     * honorific, a clause around a 要配慮 fact, or a false finding).
     */
    public Coverage beyondLabels() {
        return new Coverage(all.unlabelledChars, all.unlabelledHidden);
    }

    /** Masking coverage in {@code group}. */
    public Coverage coverage(String group) {
        Tally t = tally(group);
        return new Coverage(t.labelledChars, t.hiddenChars);
    }

    /** Masking coverage per labelled type over all documents: which kinds of label a masked output leaves visible. */
    public Map<PiiType, Coverage> coverageByType() {
        Map<PiiType, Coverage> m = new EnumMap<>(PiiType.class);
        for (PiiType type : PiiType.values()) {
            if (all.typeLabelled[type.ordinal()] > 0) {
                m.put(type, new Coverage(all.typeLabelled[type.ordinal()], all.typeHidden[type.ordinal()]));
            }
        }
        return m;
    }

    /** The labels a masked output leaves partly visible, the most visible characters first. */
    public List<Exposed> exposed() {
        List<Exposed> l = new ArrayList<>(exposed);
        l.sort(java.util.Comparator.comparingInt(Exposed::visible).reversed());
        return l;
    }

    /** Findings of 個人番号, 法人番号 or card numbers whose check digit fails (should be none). */
    public long checksumFailures() {
        return checksumFailures;
    }

    private Tally tally(String group) {
        Tally t = groups.get(group);
        if (t == null) {
            throw new IllegalArgumentException("no documents in group " + group);
        }
        return t;
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }
}
