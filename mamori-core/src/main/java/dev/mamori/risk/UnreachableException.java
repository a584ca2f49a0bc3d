package dev.mamori.risk;

/**
 * The privacy model cannot be met by any transformation of the lattice, not even the most
 * general one, within the suppression limit. {@link #bestReachableK()} is the largest k the most
 * general transformation reaches under the same limit; the message says what to relax.
 */
public final class UnreachableException extends RiskException {
    private static final long serialVersionUID = 1L;
    private final int bestReachableK;

    UnreachableException(String message, int bestReachableK) {
        super(message);
        this.bestReachableK = bestReachableK;
    }

    /** The largest k reachable under the suppression limit (0 when even l-diversity fails everywhere). */
    public int bestReachableK() {
        return bestReachableK;
    }
}
