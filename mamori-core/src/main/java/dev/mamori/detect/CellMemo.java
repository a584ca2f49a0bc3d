package dev.mamori.detect;

import java.util.List;

/**
 * A scan job's recent short cells with their findings. A column repeats its values (a code, a gender, a prefecture, a
 * remark written the same way each time), and a cell's findings depend only on its text and its column's context, so a
 * repeated value is looked up instead of detected again. Direct-mapped: a new value takes its slot from the old one,
 * so the memory is fixed. A column whose values do not repeat (an ID, a phone number, an e-mail address) stops being
 * looked up after a trial: there the look-up, the copy and the slot's memory traffic would only add to the detection.
 * The trial is counted by column position over the job (a workbook's sheets share it); the entries are told apart by
 * their column's context as well as their text.
 *
 * <p>Shared by a job's workers without a lock. An entry is immutable (its fields final), so a race costs at most one
 * detection done twice; the trial's counts are plain integers, and an update lost to a race only lengthens a trial or
 * ends a column's look-ups early — speed, never findings. A cell whose detection counted a recognizer's failure (in any
 * thread, as {@link Detector#failures} counts them) is not kept, so each failure is still counted where it happens.
 */
public final class CellMemo {
    /** Longer cells are free text, which rarely repeats whole. */
    static final int LONGEST = 64;
    /** A column's first cells are all looked up; after them, it stays in only if one in {@link #REPEATS} was a repeat. */
    static final int TRIAL = 2048;
    private static final int REPEATS = 8;
    private static final int SLOTS = 4096;
    private static final int COLUMNS = 1024;

    private record Entry(String text, ScanContext context, List<Finding> found) {
    }

    private final Entry[] slots = new Entry[SLOTS];
    private final int[] lookups = new int[COLUMNS];
    private final int[] repeats = new int[COLUMNS];
    private final Detector detector;

    /** A memo for one scan job (or one Spark partition) over {@code detector}. */
    public CellMemo(Detector detector) {
        this.detector = detector;
    }

    /** {@link Detector#detect} of a cell of column {@code column}, the same findings in an unmodifiable list. */
    public List<Finding> detect(String cell, ScanContext context, int column) {
        if (cell.length() > LONGEST || column >= COLUMNS || !worthLookingUp(column)) {
            return detector.detect(cell, context);
        }
        int h = cell.hashCode() * 31 + System.identityHashCode(context);
        int slot = (h ^ h >>> 16) & SLOTS - 1;
        Entry e = slots[slot];
        if (e != null && e.context == context && e.text.equals(cell)) {
            repeats[column]++;
            return e.found;
        }
        long failed = detector.failures();
        List<Finding> found = List.copyOf(detector.detect(cell, context));
        if (detector.failures() == failed) {
            slots[slot] = new Entry(cell, context, found);
        }
        return found;
    }

    private boolean worthLookingUp(int column) {
        int n = lookups[column];
        if (n < TRIAL) {
            lookups[column] = n + 1;
            return true;
        }
        return repeats[column] * REPEATS >= n;
    }
}
