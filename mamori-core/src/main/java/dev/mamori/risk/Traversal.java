package dev.mamori.risk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the lattice search (see {@link LatticeSearch} for the method). Keeps the classes of
 * recently evaluated nodes, up to a budget of classes, as sources for roll-ups.
 */
final class Traversal {
    private static final long MAX_NODES = 5_000_000L;
    private static final long CACHE_CLASSES = 2_000_000L;
    private static final double EPS = 1e-12;

    private final Encoding enc;
    private final PrivacyModel model;
    private final int[] lRequired;
    private final int d;
    private final int[] radix;
    private final ClassTable bottom;
    private final LinkedHashMap<Long, ClassTable> cache = new LinkedHashMap<>(64, 0.75f, true);
    private long cachedClasses;
    private int evaluated;
    private static final byte UNKNOWN = 0;
    private static final byte FEASIBLE = 1;
    private static final byte INFEASIBLE = 2;
    private static final byte EVALUATED = 3;
    private final int[] stride;
    private byte[] state;
    private int bestIndex;
    private double bestLoss;

    Traversal(Encoding enc, List<int[]> sensitive, PrivacyModel model) {
        this.enc = enc;
        this.model = model;
        this.d = enc.dimensions();
        this.radix = new int[d];
        for (int j = 0; j < d; j++) {
            radix[j] = enc.height(j) + 1;
        }
        this.stride = new int[d];
        int st = 1;
        for (int j = d - 1; j >= 0; j--) {
            stride[j] = st;
            st *= radix[j];
        }
        this.lRequired = model.l().values().stream().mapToInt(Integer::intValue).toArray();
        this.bottom = ClassTable.group(enc.codes, enc.n, enc.weights, sensitive, null);
    }

    int evaluated() {
        return evaluated;
    }

    /** The optimal node, or {@link UnreachableException}. */
    int[] run() {
        long total = 1;
        for (int r : radix) {
            total *= r;
            if (total > MAX_NODES) {
                throw new RiskException("変換の束が " + MAX_NODES + " 個を超えます。準識別子か階層のレベルを減らしてください",
                        "the lattice has more than " + MAX_NODES + " transformations; use fewer quasi-identifiers or hierarchy levels");
            }
        }
        int n = (int) total;
        state = new byte[n];
        int[] top = new int[d];
        for (int j = 0; j < d; j++) {
            top[j] = radix[j] - 1;
        }
        ClassTable topClasses = classes(top);
        NodeFigures topFigures = NodeFigures.of(topClasses, top, enc, lRequired, model);
        if (enc.rows > 0 && topFigures.classes() == 0 && topFigures.suppressed() <= NodeFigures.allowed(model, enc.rows)) {
            throw UnreachableException.everyRecord(topClasses, lRequired, model); // no class passes at the top, nor below it
        }
        if (!topFigures.feasible()) {
            throw UnreachableException.of(topClasses, lRequired, model, enc.rows);
        }
        bestIndex = (int) index(top);
        bestLoss = Double.POSITIVE_INFINITY;
        record(bestIndex, top, topFigures);
        double[] bound = bounds(n);
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = Double.compare(bound[a], bound[b]);
            return c != 0 ? c : Integer.compare(levelSum(a), levelSum(b));
        });
        boolean exactBound = model.suppressionLimit() == 0;
        for (int i : order) {
            if (bound[i] > bestLoss + EPS) {
                break;
            }
            if (state[i] == UNKNOWN) {
                resolve(i);
            }
            if (state[i] == INFEASIBLE) {
                continue;
            }
            if (state[i] == FEASIBLE) {
                if (exactBound) {
                    consider(i, bound[i]); // nothing suppressed: the bound is the loss
                } else {
                    int[] v = decode(i, new int[d]);
                    record(i, v, NodeFigures.of(classes(v), v, enc, lRequired, model));
                }
            }
        }
        return decode(bestIndex, new int[d]);
    }

    /**
     * Decides node i's feasibility by a binary search along a chain from i to the top: each
     * evaluated node marks its whole down-set (failing) or up-set (passing).
     */
    private void resolve(int i) {
        int[] v = decode(i, new int[d]);
        List<int[]> path = new ArrayList<>();
        path.add(v.clone());
        int[] w = v.clone();
        boolean moved = true;
        while (moved) {
            moved = false;
            for (int j = 0; j < d; j++) {
                if (w[j] < radix[j] - 1) {
                    w[j]++;
                    path.add(w.clone());
                    moved = true;
                }
            }
        }
        int lo = 0;
        int hi = path.size() - 1;
        while (lo < hi && state[i] == UNKNOWN) {
            int mid = (lo + hi) >>> 1;
            int[] m = path.get(mid);
            int mi = (int) index(m);
            if (state[mi] == UNKNOWN) {
                record(mi, m, NodeFigures.of(classes(m), m, enc, lRequired, model));
            }
            if (state[mi] != INFEASIBLE) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (state[i] == UNKNOWN) { // not reached: the chain's lowest passing node decides i
            record(i, v, NodeFigures.of(classes(v), v, enc, lRequired, model));
        }
    }

    /** Stores an evaluated node's feasibility (propagated by monotonicity) and loss. */
    private void record(int i, int[] v, NodeFigures f) {
        if (f.feasible()) {
            mark(i, FEASIBLE, +1);
            consider(i, f.loss());
        } else {
            mark(i, INFEASIBLE, -1);
        }
        state[i] = f.feasible() ? EVALUATED : INFEASIBLE;
    }

    private void consider(int i, double loss) {
        if (loss < bestLoss - EPS || (loss <= bestLoss + EPS && levelSum(i) < levelSum(bestIndex))) {
            bestLoss = loss;
            bestIndex = i;
        }
    }

    /** Marks node i and, transitively, its generalisations (dir +1) or specialisations (dir -1). */
    private void mark(int i, byte to, int dir) {
        int[] stack = new int[64];
        int top = 0;
        stack[top++] = i;
        while (top > 0) {
            int x = stack[--top];
            for (int j = 0; j < d; j++) {
                int level = (x / stride[j]) % radix[j];
                if (dir > 0 ? level + 1 < radix[j] : level > 0) {
                    int y = x + dir * stride[j];
                    if (state[y] == UNKNOWN) {
                        state[y] = to;
                        if (top == stack.length) {
                            stack = Arrays.copyOf(stack, top * 2);
                        }
                        stack[top++] = y;
                    }
                }
            }
        }
    }

    private double[] bounds(int n) {
        double[][] perLevel = new double[d][];
        for (int j = 0; j < d; j++) {
            perLevel[j] = new double[radix[j]];
            for (int l = 0; l < radix[j]; l++) {
                perLevel[j][l] = enc.generalisationLoss(j, l);
            }
        }
        double[] bound = new double[n];
        int[] node = new int[d];
        double[] parts = new double[d];
        for (int i = 0; i < n; i++) {
            decode(i, node);
            for (int j = 0; j < d; j++) {
                parts[j] = perLevel[j][node[j]];
            }
            bound[i] = NodeFigures.combine(parts);
        }
        return bound;
    }

    NodeFigures figures(int[] levels) {
        return NodeFigures.of(classes(levels), levels, enc, lRequired, model);
    }

    /** The classes of a node, rolled up from the least-populated cached node below it. */
    private ClassTable classes(int[] levels) {
        evaluated++;
        long key = index(levels);
        ClassTable hit = cache.get(key);
        if (hit != null) {
            return hit;
        }
        ClassTable source = bottom;
        int[] from = new int[d];
        int[] tmp = new int[d];
        for (Map.Entry<Long, ClassTable> e : cache.entrySet()) {
            decode(e.getKey(), tmp);
            if (e.getValue().size() < source.size() && leq(tmp, levels)) {
                source = e.getValue();
                System.arraycopy(tmp, 0, from, 0, d);
            }
        }
        int[][] maps = new int[d][];
        for (int j = 0; j < d; j++) {
            maps[j] = levels[j] == from[j] ? null : enc.map[j][levels[j]];
        }
        long expected = 1;
        for (int j = 0; j < d; j++) {
            expected = Math.min(Integer.MAX_VALUE, expected * enc.groups[j][levels[j]]);
        }
        ClassTable t = source.rollUp(maps, expected);
        cache.put(key, t);
        cachedClasses += t.size();
        Iterator<ClassTable> it = cache.values().iterator();
        while (cachedClasses > CACHE_CLASSES && it.hasNext()) {
            ClassTable old = it.next();
            if (old != t) {
                cachedClasses -= old.size();
                it.remove();
            }
        }
        return t;
    }

    private int levelSum(int i) {
        int s = 0;
        for (int j = d - 1; j >= 0; j--) {
            s += i % radix[j];
            i /= radix[j];
        }
        return s;
    }

    private long index(int[] v) {
        long i = 0;
        for (int j = 0; j < d; j++) {
            i = i * radix[j] + v[j];
        }
        return i;
    }

    private int[] decode(long i, int[] into) {
        for (int j = d - 1; j >= 0; j--) {
            into[j] = (int) (i % radix[j]);
            i /= radix[j];
        }
        return into;
    }

    private static boolean leq(int[] a, int[] b) {
        for (int j = 0; j < a.length; j++) {
            if (a[j] > b[j]) {
                return false;
            }
        }
        return true;
    }
}
