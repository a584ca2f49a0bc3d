/**
 * Re-identification risk and k-anonymity: {@link dev.mamori.risk.RiskAnalyzer} reports the risk
 * figures of a table's equivalence classes ({@link dev.mamori.risk.RiskReport});
 * {@link dev.mamori.risk.LatticeSearch} finds the optimal full-domain generalisation under a
 * {@link dev.mamori.risk.PrivacyModel} (k-anonymity, distinct l-diversity, suppression limit) over
 * {@link dev.mamori.risk.Hierarchy} levels, reporting a {@link dev.mamori.risk.SearchResult}.
 * Input is a {@link dev.mamori.risk.Dataset}; problems raise a {@link dev.mamori.risk.RiskException}
 * ({@link dev.mamori.risk.UnreachableException} when no transformation meets the model).
 *
 * <p>This package knows nothing of {@code detect} or {@code deid}. Inside, strings are encoded once
 * ({@code Encoding}); equivalence classes ({@code ClassTable}) are grouped from the rows once per
 * search and rolled up between lattice nodes ({@code Traversal}).
 */
package dev.mamori.risk;
