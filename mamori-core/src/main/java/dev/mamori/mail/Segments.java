package dev.mamori.mail;

import java.util.Arrays;
import java.util.PriorityQueue;

/**
 * Disjoint, sorted segments of the number line (inclusive 128-bit bounds as pairs of unsigned 64-bit
 * halves; IPv4 and AS numbers use the low half only), each owned by one range: built from ranges that
 * may overlap by {@link #flatten}, searched by {@link #find} and {@link #find128}.
 */
final class Segments {

    final LongList sHi = new LongList();
    final LongList sLo = new LongList();
    final LongList eHi = new LongList();
    final LongList eLo = new LongList();
    final IntList owner = new IntList();
    int n;

    void add(long aHi, long aLo, long bHi, long bLo, int who) {
        if (n > 0 && owner.a[n - 1] == who) {
            long lastHi = eHi.a[n - 1];
            long lastLo = eLo.a[n - 1];
            long nextLo = lastLo + 1;
            long nextHi = lastLo == -1L ? lastHi + 1 : lastHi;
            if (nextHi == aHi && nextLo == aLo) {
                eHi.a[n - 1] = bHi;
                eLo.a[n - 1] = bLo;
                return;
            }
        }
        sHi.add(aHi);
        sLo.add(aLo);
        eHi.add(bHi);
        eLo.add(bLo);
        owner.add(who);
        n++;
    }

    /**
     * Disjoint, sorted segments from inclusive 128-bit ranges that may overlap: each point goes to
     * the smallest range containing it, between equal sizes to the range with the higher index.
     * Sweep over the start and end+1 points with a heap of the ranges open at each point.
     */
    static Segments flatten(long[] sHi, long[] sLo, long[] eHi, long[] eLo, int n) {
        long[] sizeHi = new long[n];
        long[] sizeLo = new long[n];
        long[] zHi = new long[n]; // end + 1
        long[] zLo = new long[n];
        boolean[] endless = new boolean[n]; // end is the very last address: no end + 1
        for (int k = 0; k < n; k++) {
            sizeLo[k] = eLo[k] - sLo[k];
            sizeHi[k] = eHi[k] - sHi[k] - (Long.compareUnsigned(eLo[k], sLo[k]) < 0 ? 1 : 0);
            zLo[k] = eLo[k] + 1;
            zHi[k] = eLo[k] == -1L ? eHi[k] + 1 : eHi[k];
            endless[k] = eLo[k] == -1L && eHi[k] == -1L;
        }
        Integer[] byStart = new Integer[n];
        Integer[] byEnd = new Integer[n];
        for (int k = 0; k < n; k++) {
            byStart[k] = k;
            byEnd[k] = k;
        }
        Arrays.sort(byStart, (a, b) -> cmp128(sHi[a], sLo[a], sHi[b], sLo[b]));
        Arrays.sort(byEnd, (a, b) -> endless[a] != endless[b] ? (endless[a] ? 1 : -1)
                : cmp128(zHi[a], zLo[a], zHi[b], zLo[b]));
        PriorityQueue<Integer> open = new PriorityQueue<>(Math.max(1, Math.min(n, 64)), (a, b) -> {
            int c = cmp128(sizeHi[a], sizeLo[a], sizeHi[b], sizeLo[b]);
            return c != 0 ? c : Integer.compare(b, a);
        });
        boolean[] closed = new boolean[n];
        Segments out = new Segments();
        int i = 0;
        int j = 0;
        while (true) {
            boolean moreStarts = i < n;
            boolean moreEnds = j < n && !endless[byEnd[j]];
            if (!moreStarts && !moreEnds) {
                break;
            }
            long pHi;
            long pLo;
            if (moreStarts && (!moreEnds
                    || cmp128(sHi[byStart[i]], sLo[byStart[i]], zHi[byEnd[j]], zLo[byEnd[j]]) <= 0)) {
                pHi = sHi[byStart[i]];
                pLo = sLo[byStart[i]];
            } else {
                pHi = zHi[byEnd[j]];
                pLo = zLo[byEnd[j]];
            }
            while (j < n && !endless[byEnd[j]] && zHi[byEnd[j]] == pHi && zLo[byEnd[j]] == pLo) {
                closed[byEnd[j++]] = true;
            }
            while (i < n && sHi[byStart[i]] == pHi && sLo[byStart[i]] == pLo) {
                open.add(byStart[i++]);
            }
            while (!open.isEmpty() && closed[open.peek()]) {
                open.poll();
            }
            if (open.isEmpty()) {
                continue;
            }
            int best = open.peek();
            long qHi;
            long qLo;
            moreStarts = i < n;
            moreEnds = j < n && !endless[byEnd[j]];
            if (!moreStarts && !moreEnds) {
                qHi = -1L; // up to the last address
                qLo = -1L;
            } else {
                long nHi;
                long nLo;
                if (moreStarts && (!moreEnds
                        || cmp128(sHi[byStart[i]], sLo[byStart[i]], zHi[byEnd[j]], zLo[byEnd[j]]) <= 0)) {
                    nHi = sHi[byStart[i]];
                    nLo = sLo[byStart[i]];
                } else {
                    nHi = zHi[byEnd[j]];
                    nLo = zLo[byEnd[j]];
                }
                qLo = nLo - 1; // next point - 1
                qHi = nLo == 0 ? nHi - 1 : nHi;
            }
            out.add(pHi, pLo, qHi, qLo, best);
        }
        return out;
    }

    /** For each segment of {@code s}, the record of the range that owns it ({@code rangeRecord}: range → record). */
    static int[] owners(Segments s, IntList rangeRecord) {
        int[] r = new int[s.n];
        for (int k = 0; k < s.n; k++) {
            r[k] = rangeRecord.a[s.owner.a[k]];
        }
        return r;
    }

    /** Index of the segment containing {@code x} (segments sorted, disjoint, values unsigned 32-bit), or -1. */
    static int find(long[] starts, long[] ends, long x) {
        int lo = 0;
        int hi = starts.length - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (starts[mid] <= x) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return k >= 0 && x <= ends[k] ? k : -1;
    }

    /** Index of the segment containing the 128-bit value {@code xHi:xLo} (segments sorted, disjoint), or -1. */
    static int find128(long[] startHi, long[] startLo, long[] endHi, long[] endLo, long xHi, long xLo) {
        int lo = 0;
        int hi = startHi.length - 1;
        int k = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (cmp128(startHi[mid], startLo[mid], xHi, xLo) <= 0) {
                k = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return k >= 0 && cmp128(xHi, xLo, endHi[k], endLo[k]) <= 0 ? k : -1;
    }

    static int cmp128(long aHi, long aLo, long bHi, long bLo) {
        int c = Long.compareUnsigned(aHi, bHi);
        return c != 0 ? c : Long.compareUnsigned(aLo, bLo);
    }

    static final class LongList {
        long[] a = new long[256];
        int n;

        void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }

    static final class IntList {
        int[] a = new int[256];
        int n;

        void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }
    }
}
