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
    private static final long MAX_NODES = 20_000_000L;
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

    Traversal(Encoding enc, List<int[]> sensitive, PrivacyModel model) {
        this.enc = enc;
        this.model = model;
        this.d = enc.dimensions();
        this.radix = new int[d];
        for (int j = 0; j < d; j++) {
            radix[j] = enc.height(j) + 1;
        }
        this.lRequired = model.l().values().stream().mapToInt(Integer::intValue).toArray();
        int[][] sens = new int[sensitive.size()][];
        int[] domains = new int[sensitive.size()];
        for (int s = 0; s < sens.length; s++) {
            sens[s] = sensitive.get(s);
            domains[s] = sens[s][sens[s].length - 1];
        }
        this.bottom = ClassTable.group(enc.codes, enc.rows, sens, domains);
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
                throw new RiskException("the lattice has more than " + MAX_NODES
                        + " transformations; use fewer quasi-identifiers or hierarchy levels");
            }
        }
        int[] top = new int[d];
        for (int j = 0; j < d; j++) {
            top[j] = radix[j] - 1;
        }
        ClassTable topClasses = classes(top);
        if (!NodeFigures.of(topClasses, top, enc, lRequired, model).feasible()) {
            throw unreachable(topClasses);
        }
        double[][] perLevel = new double[d][];
        for (int j = 0; j < d; j++) {
            perLevel[j] = new double[radix[j]];
            for (int l = 0; l < radix[j]; l++) {
                perLevel[j][l] = enc.generalisationLoss(j, l);
            }
        }
        int n = (int) total;
        double[] bound = new double[n];
        long[] order = new long[n];
        int[] node = new int[d];
        double[] parts = new double[d];
        for (int i = 0; i < n; i++) {
            decode(i, node);
            int sum = 0;
            for (int j = 0; j < d; j++) {
                parts[j] = perLevel[j][node[j]];
                sum += node[j];
            }
            bound[i] = NodeFigures.combine(parts);
            order[i] = i;
        }
        Long[] boxed = Arrays.stream(order).boxed().toArray(Long[]::new);
        Arrays.sort(boxed, (a, b) -> {
            int c = Double.compare(bound[(int) (long) a], bound[(int) (long) b]);
            return c != 0 ? c : Integer.compare(levelSum((int) (long) a), levelSum((int) (long) b));
        });
        List<int[]> failing = new ArrayList<>();
        List<int[]> passing = new ArrayList<>();
        int[] best = top;
        double bestLoss = NodeFigures.of(topClasses, top, enc, lRequired, model).loss();
        for (Long boxedIndex : boxed) {
            int i = (int) (long) boxedIndex;
            if (bound[i] > bestLoss + EPS) {
                break;
            }
            int[] v = decode(i, new int[d]);
            if (below(v, failing)) {
                continue;
            }
            double loss;
            if (model.suppressionLimit() == 0 && above(v, passing)) {
                loss = bound[i]; // feasible with nothing suppressed: the bound is the loss
            } else {
                NodeFigures f = NodeFigures.of(classes(v), v, enc, lRequired, model);
                if (!f.feasible()) {
                    failing.removeIf(m -> leq(m, v));
                    failing.add(v);
                    continue;
                }
                passing.add(v);
                loss = f.loss();
            }
            if (loss < bestLoss - EPS) {
                bestLoss = loss;
                best = v;
            }
        }
        return best;
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
        ClassTable t = source.rollUp(maps);
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

    private UnreachableException unreachable(ClassTable top) {
        long budget = NodeFigures.allowed(model, enc.rows);
        List<Integer> sizes = new ArrayList<>();
        long forced = 0;
        for (int c = 0; c < top.size(); c++) {
            boolean diverse = true;
            for (int s = 0; s < lRequired.length; s++) {
                diverse &= top.distinct(c, s) >= lRequired[s];
            }
            if (diverse) {
                sizes.add(top.count(c));
            } else {
                forced += top.count(c);
            }
        }
        sizes.sort(null);
        int bestK = 0;
        if (forced <= budget) {
            long used = forced;
            for (int size : sizes) {
                if (used + size > budget) {
                    bestK = size;
                    break;
                }
                used += size;
            }
        }
        String what = bestK == 0
                ? "l-diversity " + model.l() + " cannot be met even by the most general transformation within the "
                  + "suppression limit; lower l, raise the suppression limit or drop the l requirement"
                : "k=" + model.k() + " cannot be reached within the suppression limit of "
                  + model.suppressionLimit() + " (" + budget + " records); the best reachable k is " + bestK
                  + "; lower k to " + bestK + ", raise the suppression limit, or add hierarchy levels";
        return new UnreachableException(what, bestK);
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

    private static boolean below(int[] v, List<int[]> nodes) {
        for (int[] m : nodes) {
            if (leq(v, m)) {
                return true;
            }
        }
        return false;
    }

    private static boolean above(int[] v, List<int[]> nodes) {
        for (int[] m : nodes) {
            if (leq(m, v)) {
                return true;
            }
        }
        return false;
    }
}
