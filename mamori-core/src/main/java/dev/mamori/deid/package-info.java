/**
 * De-identification: the column {@link dev.mamori.deid.Transform}s and the {@link dev.mamori.deid.KeyStore}
 * that holds their keys.
 *
 * <p>仮名加工情報 (個人情報保護法2条5項, 施行規則31条) replaces or deletes 記述等 and 個人識別符号 so that a
 * person cannot be identified without other information; the means to undo that, here the keys of
 * {@link dev.mamori.deid.KeyedPseudonym}, {@link dev.mamori.deid.Tokenize} and
 * {@link dev.mamori.deid.FormatPreserving}, are 削除情報等 (法41条2項, 施行規則32条). 匿名加工情報
 * (法2条6項, 施行規則34条) must not be restorable at all; the keys and rules used to make it are
 * 加工方法等情報 (法43条2項, 施行規則35条). Both kinds of secret are kept in a key store outside the
 * output, never in data, logs or exception messages.
 *
 * <p>Keys are 256-bit; each transform derives its own sub-key with HKDF-SHA-256. Pseudonyms are
 * HMAC-SHA-256, tokens AES-SIV (RFC 5297, Google Tink), format-preserving encryption FF1
 * (NIST SP 800-38G, Bouncy Castle). Generalisation by hierarchy and record suppression belong to
 * {@code dev.mamori.risk}; {@link dev.mamori.deid.JapaneseHierarchies} builds the hierarchies for
 * Japanese columns (address, postal code, date of birth, age, sex) that come without a hierarchy file.
 */
package dev.mamori.deid;
