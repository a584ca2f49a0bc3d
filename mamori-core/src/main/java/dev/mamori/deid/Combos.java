package dev.mamori.deid;

import java.util.Arrays;

/**
 * Distinct combinations of value numbers (tuples of {@code width} ints), each with a count, numbered in the order they
 * were first added: open addressing over flat arrays. By hand because a JDK map needs a key object per row, and
 * finding those objects (a hash, then the key and its array elsewhere in memory) took a third of the two passes' time.
 * While every value number fits in {@code 64 / width} bits (6 quasi-identifiers with up to 1,024 values each), a
 * combination is also packed into one long and found by comparing that long: adding the blocks' combinations into the
 * whole file's took a quarter second of a cold 1M-row run with the ints compared.
 */
final class Combos {

    private final int width;
    private int[] tuples; // combination i is tuples[i * width, (i + 1) * width)
    private int[] counts;
    private long[] slots; // a combination's hash in the high half, its number + 1 in the low half; 0 for empty
    private int size;
    /**
     * While every value number fits in {@link #bits} bits, each combination also packed into one long ({@link #packed}),
     * so that finding one compares a long instead of {@code width} ints elsewhere in memory; null once a value does not.
     */
    private long[] packed;
    private final int bits;

    Combos(int width) {
        this.width = width;
        this.tuples = new int[16 * Math.max(1, width)];
        this.counts = new int[16];
        this.slots = new long[64];
        this.bits = width == 0 ? 0 : 64 / width;
        this.packed = bits >= 4 && bits < 32 ? new long[16] : null;
    }

    /** Adds {@code n} to the count of combination {@code k} (added when new); returns its number. */
    int add(int[] k, int n) {
        long key = key(k);
        int h = hash(k, key);
        int i = find(k, key, h);
        if (i < 0) {
            i = insert(k, key, h);
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
        long key = key(k);
        return find(k, key, hash(k, key));
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

    private int find(int[] k, long key, int h) {
        int mask = slots.length - 1;
        if (packed != null) {
            if (key < 0) {
                return -1; // a value too large to pack was never added while packing
            }
            for (int s = h & mask; ; s = (s + 1) & mask) {
                long e = slots[s];
                if (e == 0) {
                    return -1;
                }
                if (packed[(int) e - 1] == key) {
                    return (int) e - 1;
                }
            }
        }
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

    /** {@code k} packed in one long while the table packs ({@link #pack}), else -1. */
    private long key(int[] k) {
        return packed == null ? -1 : pack(k);
    }

    /** {@code k} packed in one long, {@link #bits} bits a value; -1 when a value does not fit. */
    private long pack(int[] k) {
        long key = 0;
        for (int j = 0; j < width; j++) {
            int v = k[j];
            if (v >>> bits != 0) {
                return -1;
            }
            key = key << bits | v;
        }
        return key;
    }

    private int insert(int[] k, long key, int h) {
        if (packed != null && key < 0) { // a value too large to pack: compare the ints from now on
            packed = null;
            long[] old = slots;
            slots = new long[old.length];
            for (long e : old) {
                if (e != 0) {
                    int i = (int) e - 1;
                    place((long) hashInts(tuples, i * width) << 32 | (i + 1));
                }
            }
            h = hashInts(k, 0);
        }
        if (size == counts.length) {
            counts = Arrays.copyOf(counts, size * 2);
            tuples = Arrays.copyOf(tuples, size * 2 * Math.max(1, width));
            if (packed != null) {
                packed = Arrays.copyOf(packed, size * 2);
            }
        }
        System.arraycopy(k, 0, tuples, size * width, width);
        if (packed != null) {
            packed[size] = key;
        }
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

    /** The hash of {@code k}: of its packed {@code key} while the table packs, else of its ints. */
    private int hash(int[] k, long key) {
        if (key < 0) {
            return hashInts(k, 0);
        }
        long h = key * 0x9E3779B97F4A7C15L;
        h ^= h >>> 31;
        return (int) (h ^ h >>> 32);
    }

    /** Mixed, not {@link Arrays#hashCode}: with small value numbers its base 31 makes many combinations collide. */
    private int hashInts(int[] a, int from) {
        long h = 0;
        for (int j = 0; j < width; j++) {
            h = (h + a[from + j]) * 0x9E3779B97F4A7C15L;
            h ^= h >>> 31;
        }
        return (int) (h ^ h >>> 32);
    }
}
