package dev.mamori.deid;

import java.util.Arrays;

/**
 * Distinct combinations of value numbers (tuples of {@code width} ints), each with a count, numbered in the order they
 * were first added: open addressing over flat arrays. By hand because a JDK map needs a key object per row, and
 * finding those objects (a hash, then the key and its array elsewhere in memory) took a third of the two passes' time.
 */
final class Combos {

    private final int width;
    private int[] tuples; // combination i is tuples[i * width, (i + 1) * width)
    private int[] counts;
    private long[] slots; // a combination's hash in the high half, its number + 1 in the low half; 0 for empty
    private int size;

    Combos(int width) {
        this.width = width;
        this.tuples = new int[16 * Math.max(1, width)];
        this.counts = new int[16];
        this.slots = new long[64];
    }

    /** Adds {@code n} to the count of combination {@code k} (added when new); returns its number. */
    int add(int[] k, int n) {
        int h = hash(k);
        int i = find(k, h);
        if (i < 0) {
            i = insert(k, h);
        }
        counts[i] += n;
        return i;
    }

    /**
     * Adds every combination of {@code other} with its count, each value number {@code v} of column {@code j} read as
     * {@code to[j][v]} (another table's numbering translated into this one's).
     */
    void addAll(Combos other, int[][] to) {
        int[] k = new int[width];
        for (int i = 0; i < other.size; i++) {
            for (int j = 0; j < width; j++) {
                k[j] = to[j][other.tuples[i * width + j]];
            }
            add(k, other.counts[i]);
        }
    }

    /** The number of combination {@code k}, or -1 when it was never added. */
    int find(int[] k) {
        return find(k, hash(k));
    }

    int size() {
        return size;
    }

    /** The count of combination {@code i}. */
    int count(int i) {
        return counts[i];
    }

    /** The value number of column {@code j} in combination {@code i}. */
    int code(int i, int j) {
        return tuples[i * width + j];
    }

    private int find(int[] k, int h) {
        int mask = slots.length - 1;
        for (int s = h & mask; ; s = (s + 1) & mask) {
            long e = slots[s];
            if (e == 0) {
                return -1;
            }
            int i = (int) e - 1;
            if ((int) (e >>> 32) == h && Arrays.equals(tuples, i * width, i * width + width, k, 0, width)) {
                return i;
            }
        }
    }

    private int insert(int[] k, int h) {
        if (size == counts.length) {
            counts = Arrays.copyOf(counts, size * 2);
            tuples = Arrays.copyOf(tuples, size * 2 * Math.max(1, width));
        }
        System.arraycopy(k, 0, tuples, size * width, width);
        size++;
        if (size * 2 > slots.length) {
            long[] old = slots;
            slots = new long[old.length * 2];
            for (long e : old) {
                if (e != 0) {
                    place(e);
                }
            }
        }
        place((long) h << 32 | size);
        return size - 1;
    }

    private void place(long e) {
        int mask = slots.length - 1;
        int s = (int) (e >>> 32) & mask;
        while (slots[s] != 0) {
            s = (s + 1) & mask;
        }
        slots[s] = e;
    }

    /** Mixed, not {@link Arrays#hashCode}: with small value numbers its base 31 makes many combinations collide. */
    private int hash(int[] k) {
        long h = 0;
        for (int j = 0; j < width; j++) {
            h = (h + k[j]) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 31;
        }
        return (int) (h ^ h >>> 32);
    }
}
