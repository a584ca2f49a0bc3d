package dev.mamori.detect;

import java.util.List;

/**
 * A table's recent short cells with their findings. A column repeats its values (a code, a gender, a prefecture, a
 * remark written the same way each time), and a cell's findings depend only on its text and its column's context, so a
 * repeated value is looked up instead of detected again. Direct-mapped: a new value takes its slot from the old one,
 * so the memory is fixed. Shared by a job's workers without a lock: an entry is immutable (its fields final), and a
 * race costs no more than one detection done twice. A cell whose detection counted a recognizer's failure is not kept,
 * so each failure is still counted where it happens.
 */
final class CellMemo {
    /** Longer cells are free text, which rarely repeats whole. */
    static final int LONGEST = 64;
    private static final int SLOTS = 4096;

    private record Entry(String text, ScanContext context, List<Finding> found) {
    }

    private final Entry[] slots = new Entry[SLOTS];
    private final Detector detector;

    CellMemo(Detector detector) {
        this.detector = detector;
    }

    /** {@link Detector#detect}, the same findings in an unmodifiable list. */
    List<Finding> detect(String cell, ScanContext context) {
        if (cell.length() > LONGEST) {
            return detector.detect(cell, context);
        }
        int h = cell.hashCode() * 31 + System.identityHashCode(context);
        int slot = (h ^ h >>> 16) & SLOTS - 1;
        Entry e = slots[slot];
        if (e != null && e.context == context && e.text.equals(cell)) {
            return e.found;
        }
        long failed = detector.failures();
        List<Finding> found = List.copyOf(detector.detect(cell, context));
        if (detector.failures() == failed) {
            slots[slot] = new Entry(cell, context, found);
        }
        return found;
    }
}
