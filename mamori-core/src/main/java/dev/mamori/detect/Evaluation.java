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
    }

    /** Counts for one type, or overall when {@code type} is null. */
    public record Score(PiiType type, long truePositives, long falsePositives, long falseNegatives) {
        public double precision() {
            long d = truePositives + falsePositives;
            return d == 0 ? Double.NaN : (double) truePositives / d;
        }

        public double recall() {
            long d = truePositives + falseNegatives;
            return d == 0 ? Double.NaN : (double) truePositives / d;
        }

        public double f1() {
            double p = precision();
            double r = recall();
            if (Double.isNaN(p) || Double.isNaN(r)) {
                return Double.NaN;
            }
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        /** Labels of this type: true positives plus false negatives. */
        public long support() {
            return truePositives + falseNegatives;
        }
    }

    private final Detector detector;
    private final long[] tp = new long[PiiType.values().length];
    private final long[] fp = new long[PiiType.values().length];
    private final long[] fn = new long[PiiType.values().length];
    private final List<Miss> misses = new ArrayList<>();
    private long documents;

    public Evaluation(Detector detector) {
        this.detector = detector;
    }

    /** Scans one document and counts its hits and misses. Labels of types not detected are ignored. */
    public void add(String docId, String text, List<Label> labels) {
        documents++;
        List<Finding> found = detector.detect(text, detector.freeText());
        List<Label> wanted = labels.stream().filter(l -> detector.types().contains(l.type)).toList();
        for (Finding f : found) {
            boolean hit = wanted.stream().anyMatch(l -> l.type == f.type() && overlaps(l.start, l.end, f.start(), f.end()));
            if (hit) {
                tp[f.type().ordinal()]++;
            } else {
                fp[f.type().ordinal()]++;
                misses.add(new Miss(docId, f.type(), f.start(), f.end(), f.value(), true));
            }
        }
        for (Label l : wanted) {
            boolean hit = found.stream().anyMatch(f -> l.type == f.type() && overlaps(l.start, l.end, f.start(), f.end()));
            if (!hit) {
                fn[l.type.ordinal()]++;
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
            if (tp[i] + fp[i] + fn[i] > 0) {
                m.put(t, new Score(t, tp[i], fp[i], fn[i]));
            }
        }
        return m;
    }

    /** Micro-averaged over all types. */
    public Score overall() {
        long a = 0;
        long b = 0;
        long c = 0;
        for (int i = 0; i < tp.length; i++) {
            a += tp[i];
            b += fp[i];
            c += fn[i];
        }
        return new Score(null, a, b, c);
    }

    public List<Miss> misses() {
        return List.copyOf(misses);
    }
}
