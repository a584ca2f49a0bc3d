package dev.mamori.risk;

import java.util.Arrays;

/**
 * Equivalence classes of one transformation: per class its key (one int code per QI column), its
 * size and, per sensitive column, the set of sensitive codes it holds (a bit set). Built once from
 * the rows, then rolled up: the classes of a more general transformation are computed from these
 * classes by mapping each key column through a code map, never from the rows again.
 */
final class ClassTable {
    private final int width;
    private final int[] sensWords;
    private int size;
    private int[] keys;
    private int[] counts;
    private long[][] sens;
    private int[] slots;

    private ClassTable(int width, int[] sensWords, int expected) {
        this.width = width;
        this.sensWords = sensWords;
        int cap = Math.max(16, Integer.highestOneBit(Math.max(1, expected)) << 1);
        keys = new int[cap * width];
        counts = new int[cap];
        sens = new long[sensWords.length][];
        for (int s = 0; s < sensWords.length; s++) {
            sens[s] = new long[cap * sensWords[s]];
        }
        slots = new int[cap * 2];
        Arrays.fill(slots, -1);
    }

    /**
     * Groups rows, each standing for {@code weights[row]} records (null: one): {@code columns[j][row]} is the key code of QI column j,
     * {@code sensitive[s][row]} the code of sensitive column s in {@code 0..sensDomains[s]-1}.
     */
    static ClassTable group(int[][] columns, int rows, int[] weights, int[][] sensitive, int[] sensDomains) {
        return group(columns, rows, weights, sensitive, sensDomains, null);
    }

    /**
     * As {@link #group(int[][], int, int[], int[][], int[], int[])}, the sensitive columns given as their codes by row
     * with the domain's size in the last slot (as {@code LatticeSearch} makes them).
     */
    static ClassTable group(int[][] columns, int rows, int[] weights, java.util.List<int[]> sensitive, int[] classOf) {
        int[][] sens = new int[sensitive.size()][];
        int[] domains = new int[sens.length];
        for (int s = 0; s < sens.length; s++) {
            sens[s] = sensitive.get(s);
            domains[s] = sens[s][sens[s].length - 1];
        }
        return group(columns, rows, weights, sens, domains, classOf);
    }

    /** As {@link #group(int[][], int, int[], int[][], int[])}, putting each row's class in {@code classOf[row]} (when not null). */
    static ClassTable group(int[][] columns, int rows, int[] weights, int[][] sensitive, int[] sensDomains, int[] classOf) {
        ClassTable t = new ClassTable(columns.length, words(sensDomains), Math.min(rows, 1 << 16));
        int[] key = new int[columns.length];
        for (int r = 0; r < rows; r++) {
            for (int j = 0; j < key.length; j++) {
                key[j] = columns[j][r];
            }
            int c = t.slotFor(key);
            if (classOf != null) {
                classOf[r] = c;
            }
            t.counts[c] += weights == null ? 1 : weights[r];
            for (int s = 0; s < sensitive.length; s++) {
                int v = sensitive[s][r];
                t.sens[s][c * t.sensWords[s] + (v >>> 6)] |= 1L << v;
            }
        }
        return t;
    }

    /**
     * The classes after mapping key column j through {@code maps[j]} (null: unchanged);
     * {@code expected} sizes the new table (it grows when needed).
     */
    ClassTable rollUp(int[][] maps, long expected) {
        ClassTable t = new ClassTable(width, sensWords, (int) Math.min(size, expected));
        int[] key = new int[width];
        for (int c = 0; c < size; c++) {
            int base = c * width;
            for (int j = 0; j < width; j++) {
                int v = keys[base + j];
                key[j] = maps[j] == null ? v : maps[j][v];
            }
            int into = t.slotFor(key);
            t.counts[into] += counts[c];
            for (int s = 0; s < sens.length; s++) {
                int w = sensWords[s];
                long[] from = sens[s];
                long[] to = t.sens[s];
                for (int i = 0; i < w; i++) {
                    to[into * w + i] |= from[c * w + i];
                }
            }
        }
        return t;
    }

    int size() {
        return size;
    }

    int count(int c) {
        return counts[c];
    }

    int key(int c, int column) {
        return keys[c * width + column];
    }

    /** Number of distinct codes of sensitive column s in class c. */
    int distinct(int c, int s) {
        int w = sensWords[s];
        int n = 0;
        for (int i = 0; i < w; i++) {
            n += Long.bitCount(sens[s][c * w + i]);
        }
        return n;
    }

    private int slotFor(int[] key) {
        int h = 1;
        for (int v : key) {
            h = h * 0x9E3779B1 + v;
        }
        h ^= h >>> 15;
        int mask = slots.length - 1;
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int c = slots[i];
            if (c < 0) {
                return add(key, i);
            }
            if (sameKey(c, key)) {
                return c;
            }
        }
    }

    private boolean sameKey(int c, int[] key) {
        int base = c * width;
        for (int j = 0; j < width; j++) {
            if (keys[base + j] != key[j]) {
                return false;
            }
        }
        return true;
    }

    private int add(int[] key, int slot) {
        if (size == counts.length) {
            grow();
            return slotFor(key);
        }
        int c = size++;
        System.arraycopy(key, 0, keys, c * width, width);
        slots[slot] = c;
        return c;
    }

    private void grow() {
        int cap = counts.length * 2;
        keys = Arrays.copyOf(keys, cap * width);
        counts = Arrays.copyOf(counts, cap);
        for (int s = 0; s < sens.length; s++) {
            sens[s] = Arrays.copyOf(sens[s], cap * sensWords[s]);
        }
        slots = new int[cap * 2];
        Arrays.fill(slots, -1);
        int mask = slots.length - 1;
        for (int c = 0; c < size; c++) {
            int h = 1;
            for (int j = 0; j < width; j++) {
                h = h * 0x9E3779B1 + keys[c * width + j];
            }
            h ^= h >>> 15;
            int i = h & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = c;
        }
    }

    private static int[] words(int[] domains) {
        int[] w = new int[domains.length];
        for (int s = 0; s < domains.length; s++) {
            w[s] = Math.max(1, (domains[s] + 63) >>> 6);
        }
        return w;
    }
}
