package dev.mamori.deid;

/**
 * A transform of one column's values: the closed family of 加工 (processing) steps Mamori applies
 * to a cell. Each is a small immutable value that checks its settings when built and then maps one
 * cell to one cell; {@code null} stays {@code null} and the empty string stays empty.
 *
 * <p>What the law asks and which transforms answer it:
 * <ul>
 *   <li>仮名加工情報 (個人情報保護法施行規則31条): 個人識別符号 and descriptions (記述等) that identify a person
 *       are deleted or replaced by descriptions from which they cannot be restored (1号・2号:
 *       {@link Delete}, {@link KeyedPseudonym}, {@link Tokenize}, {@link FormatPreserving}; inside free text
 *       {@link RedactText}); items whose misuse could cause financial damage are
 *       deleted (3号: {@link Delete}).</li>
 *   <li>匿名加工情報 (施行規則34条): identifying descriptions (1号) and 個人識別符号 (2号) deleted or replaced
 *       without a way back, linking codes replaced (3号), outliers (特異な記述, 4号) coded away
 *       ({@link TopBottomCode}), and quasi-identifiers made coarser as the database requires (5号:
 *       {@link DateCoarsen}, {@link NumericBand}; hierarchies and suppression live in {@code risk}). Keyed replacements made with a stored key
 *       are reversible by the key holder and so do not serve 匿名加工情報 for linking IDs; use
 *       {@link KeyedPseudonym} with {@link Key#ephemeral(String)} there.</li>
 * </ul>
 * Keys are 削除情報等 (法41条2項, 施行規則32条) or 加工方法等情報 (法43条2項, 施行規則35条) and live in a
 * {@link KeyStore}, never beside the data.
 *
 * <p>Errors are {@link IllegalArgumentException}s whose messages name the problem but never
 * contain the cell's value or any key material.
 */
public sealed interface Transform
        permits Delete, Mask, KeyedPseudonym, Tokenize, FormatPreserving, TopBottomCode, DateCoarsen, NumericBand,
                RedactText {

    /** The processed value; {@code null} for {@code null} and {@code ""} for {@code ""}. */
    String apply(String value);
}
