package dev.mamori.risk;

import java.util.Map;

/**
 * The transformation a {@link LatticeSearch} chose, or one it evaluated on request.
 *
 * @param levels         the generalisation level of each QI column, in QI order
 * @param loss           information loss (the loss metric as ARX computes its default "Loss"; see
 *                       {@link LatticeSearch})
 * @param suppressed     records suppressed because their class failed k or l
 * @param minClassSize   smallest class among the records kept (the k reached); 0 when none is kept
 * @param classes        equivalence classes among the records kept
 * @param nodesEvaluated requests for a lattice node's classes (rolled up, or found among the
 *                       recently rolled-up), the chosen node's final figures included
 * @param elapsedMs      wall time of the search (encoding of the strings excluded)
 */
public record SearchResult(Map<String, Integer> levels, double loss, int suppressed, int minClassSize,
                           int classes, int nodesEvaluated, long elapsedMs) {
}
