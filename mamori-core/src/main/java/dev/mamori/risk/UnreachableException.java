package dev.mamori.risk;

import java.util.ArrayList;
import java.util.List;

/**
 * The privacy model cannot be met by any transformation of the lattice, not even the most
 * general one, within the suppression limit — or, with a limit that lets every record go, only by
 * removing them all (an empty table is no answer). {@link #bestReachableK()} is the largest k the most
 * general transformation reaches under the same limit; the message says what to relax.
 */
public final class UnreachableException extends RiskException {
    private static final long serialVersionUID = 1L;
    private final int bestReachableK;

    UnreachableException(dev.mamori.report.Message message, int bestReachableK) {
        super(message);
        this.bestReachableK = bestReachableK;
    }

    /** The largest k reachable under the suppression limit (0 when even l-diversity fails everywhere). */
    public int bestReachableK() {
        return bestReachableK;
    }

    /** The exception for a model the most general transformation (classes {@code top}) fails. */
    static UnreachableException of(ClassTable top, int[] lRequired, PrivacyModel model, int rows) {
        long budget = NodeFigures.allowed(model, rows);
        List<Integer> sizes = new ArrayList<>();
        long forced = 0;
        for (int c = 0; c < top.size(); c++) {
            if (NodeFigures.diverse(top, c, lRequired)) {
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
        dev.mamori.report.Message what = bestK == 0
                ? new dev.mamori.report.Message("l-多様性 " + model.l() + " は、最も一般化した変換でも削除の上限の範囲では満たせません。"
                  + "l を下げるか、削除の上限を上げるか、l の条件を外してください",
                  "l-diversity " + model.l() + " cannot be met even by the most general transformation within the "
                  + "suppression limit; lower l, raise the suppression limit or drop the l requirement")
                : new dev.mamori.report.Message("k=" + model.k() + " は削除の上限 " + model.suppressionLimit() + "（" + budget
                  + " 件）の範囲では達成できません。達成できる最大の k は " + bestK + " です。k を " + bestK
                  + " に下げるか、削除の上限を上げるか、階層のレベルを加えてください",
                  "k=" + model.k() + " cannot be reached within the suppression limit of "
                  + model.suppressionLimit() + " (" + budget + " records); the best reachable k is " + bestK
                  + "; lower k to " + bestK + ", raise the suppression limit, or add hierarchy levels");
        return new UnreachableException(what, bestK);
    }

    /**
     * The exception for a suppression limit that lets every record go and a model no class of even the most general
     * transformation (classes {@code top}) meets: the result would be an empty table.
     */
    static UnreachableException everyRecord(ClassTable top, int[] lRequired, PrivacyModel model) {
        int largest = 0;
        boolean diverse = false;
        for (int c = 0; c < top.size(); c++) {
            if (NodeFigures.diverse(top, c, lRequired)) {
                diverse = true;
                largest = Math.max(largest, top.count(c));
            }
        }
        dev.mamori.report.Message what = !diverse
                ? new dev.mamori.report.Message("l-多様性 " + model.l() + " は、最も一般化した変換でもどのクラスも満たさず、すべてのレコードが削除されます。"
                  + "l を下げるか、l の条件を外してください",
                  "l-diversity " + model.l() + " is met by no class even of the most general transformation, so every record "
                  + "would be removed; lower l or drop the l requirement")
                : new dev.mamori.report.Message("k=" + model.k() + " では、最も一般化した変換でもすべてのレコードが削除されます（最大のクラスは "
                  + largest + " 件）。k を " + largest + " 以下に下げるか、階層のレベルを加えてください",
                  "with k=" + model.k() + " every record would be removed, even by the most general transformation (its largest "
                  + "class holds " + largest + " records); lower k to " + largest + " or less, or add hierarchy levels");
        return new UnreachableException(what, diverse ? largest : 0);
    }
}
