package dev.mamori.detect;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the detector against labelled text. A finding is a true positive when it overlaps a label
 * of the same type; a label is found when some finding of its type overlaps it. Precision counts
 * findings, recall counts labels. Not thread-safe: feed it from one thread.
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
     * Counts for one type, or overall when {@code type} is null. Precision counts findings (a
     * finding is right when it overlaps a label of its type), recall counts labels (a label is found
     * when a finding of its type overlaps it); one long finding may cover two labels, so the two
     * sides are counted separately.
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

    private final Detector detector;
    private final long[] labels = new long[PiiType.values().length];
    private final long[] labelsFound = new long[PiiType.values().length];
    private final long[] findings = new long[PiiType.values().length];
    private final long[] findingsRight = new long[PiiType.values().length];
    private final List<Miss> misses = new ArrayList<>();
    private long documents;

    public Evaluation(Detector detector) {
        this.detector = detector;
    }

    /**
     * Scans one document and counts its hits and misses. Labels of types not detected are ignored.
     *
     * @throws IllegalArgumentException when a label is not a span of the text (outside it, or empty);
     *                                  nothing is counted then
     */
    public void add(String docId, String text, List<Label> spans) {
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
        documents++;
        List<Finding> found = detector.detect(text, detector.freeText());
        List<Label> wanted = spans.stream().filter(l -> detector.types().contains(l.type)).toList();
        for (Finding f : found) {
            findings[f.type().ordinal()]++;
            if (wanted.stream().anyMatch(l -> l.type == f.type() && overlaps(l.start, l.end, f.start(), f.end()))) {
                findingsRight[f.type().ordinal()]++;
            } else {
                misses.add(new Miss(docId, f.type(), f.start(), f.end(), f.value(), true));
            }
        }
        for (Label l : wanted) {
            labels[l.type.ordinal()]++;
            if (found.stream().anyMatch(f -> l.type == f.type() && overlaps(l.start, l.end, f.start(), f.end()))) {
                labelsFound[l.type.ordinal()]++;
            } else {
                misses.add(new Miss(docId, l.type, l.start, l.end, safeSlice(text, l.start, l.end), false));
            }
        }
    }

    private static boolean overlaps(int s1, int e1, int s2, int e2) {
        return s1 < e2 && s2 < e1;
    }

    private static String safeSlice(String text, int s, int e) {
        int a = Math.max(0, Math.min(s, text.length()));
        int b = Math.max(a, Math.min(e, text.length()));
        return text.substring(a, b);
    }

    public long documents() {
        return documents;
    }

    /** Scores per type, for the types that had labels or findings. */
    public Map<PiiType, Score> byType() {
        Map<PiiType, Score> m = new EnumMap<>(PiiType.class);
        for (PiiType t : PiiType.values()) {
            int i = t.ordinal();
            if (labels[i] + findings[i] > 0) {
                m.put(t, new Score(t, labels[i], labelsFound[i], findings[i], findingsRight[i]));
            }
        }
        return m;
    }

    /** Micro-averaged over all types. */
    public Score overall() {
        long l = 0;
        long lf = 0;
        long f = 0;
        long fr = 0;
        for (int i = 0; i < labels.length; i++) {
            l += labels[i];
            lf += labelsFound[i];
            f += findings[i];
            fr += findingsRight[i];
        }
        return new Score(null, l, lf, f, fr);
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }
}
