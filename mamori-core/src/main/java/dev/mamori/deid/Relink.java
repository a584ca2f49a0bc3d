package dev.mamori.deid;

import dev.mamori.report.Message;
import dev.mamori.table.ReadSummary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The key holder restores the token and fpe columns of 仮名加工情報 (a use the law reserves to the
 * business that holds the 削除情報等, 個人情報保護法41条). Right or refused, never wrong:
 * <ul>
 *   <li>a token carries the version of the key it was made with ({@code T2.…}), and AES-SIV proves it:
 *       each token is restored with its own version, so data made before any number of rotations
 *       comes back, and a wrong key or an altered token stops the run;</li>
 *   <li>FF1 output is digits only and cannot carry anything, so fpe columns are restored only with the
 *       processing record of the run that made them ({@code DATA.record.json}): the record names the key
 *       and version and holds the key's check value, which must match the key store, and its
 *       {@code output_sha256} must match the data (unless the caller says the data was only filtered
 *       after processing).</li>
 * </ul>
 * The key is checked before any row is written; the output appears whole or not at all.
 */
public final class Relink {

    /**
     * What to restore.
     *
     * @param tokens      columns made with transform token (empty: those the record names)
     * @param fpe         columns made with transform fpe (empty: those the record names)
     * @param keyName     the key's name, or null to take it from the record
     * @param record      the processing record, or null when there is none
     * @param trustRecord the data was filtered or reordered after processing, so its SHA-256 no longer
     *                    matches the record's: restore fpe columns with the record's key anyway
     */
    public record Request(List<String> tokens, List<String> fpe, String keyName, Path record, boolean trustRecord) {
        public Request {
            tokens = List.copyOf(tokens);
            fpe = List.copyOf(fpe);
        }
    }

    /**
     * @param rows    rows restored
     * @param columns column → what was used, for people ("fpe, key customers v2" / "fpe（鍵 customers v2）")
     * @param read    how the input was read
     */
    public record Result(long rows, Map<String, dev.mamori.report.Message> columns, ReadSummary read) {
    }

    private Relink() {
    }

    /** The record {@code mamori deid} writes beside its output: {@code DATA.record.json}. */
    public static Path defaultRecord(Path data) {
        return data.resolveSibling(data.getFileName() + ".record.json");
    }

    /**
     * Restores the columns into {@code output}.
     *
     * @throws IllegalArgumentException when the key, the record or the data does not match; nothing is written then
     */
    public static Result run(Path data, Output output, KeyStore store, Request req) throws IOException {
        try {
            return restore(data, output, store, req);
        } catch (IllegalArgumentException e) {
            String ja = e instanceof Message.Localized l ? l.message("ja") : e.getMessage();
            String en = e instanceof Message.Localized l ? l.message("en") : e.getMessage();
            throw new Message.Problem(ja.endsWith("何も書き出していません") ? ja : ja + "。何も書き出していません",
                    en.endsWith("nothing was written") ? en : en + "; nothing was written");
        }
    }

    private static Result restore(Path data, Output output, KeyStore store, Request req) throws IOException {
        ProcessingRecord.Keyed rec = req.record() == null ? null : ProcessingRecord.readKeyed(req.record());
        Map<String, String> wanted = columns(req, rec);
        Map<String, UnaryOperator<String>> restorers = new LinkedHashMap<>();
        Map<String, dev.mamori.report.Message> used = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : wanted.entrySet()) {
            String column = e.getKey();
            if (e.getValue().equals("fpe")) {
                Key key = verifiedFpeKey(column, rec, req, store, data);
                FormatPreserving ff1 = new FormatPreserving(key);
                restorers.put(column, ff1::decrypt);
                used.put(column, new dev.mamori.report.Message("fpe（鍵 " + key.name() + " v" + key.version() + "）",
                        "fpe, key " + key.name() + " v" + key.version()));
            } else {
                String name = keyName(column, rec, req);
                TokenRing ring = new TokenRing(store, name, rec == null ? null : rec.keyed().get(column));
                restorers.put(column, ring::detokenize);
                used.put(column, new dev.mamori.report.Message("token（鍵 " + name + "、トークンごとの版）", "token, key " + name
                        + " (each token's own version)"));
            }
        }
        ReadSummary[] read = {null};
        long[] rows = {0};
        output.progress().pass(1, 1);
        try (CsvOutput out = TableStream.output(data, output, true, read)) {
            TableStream.read(data, new TableStream.Rows() {
                UnaryOperator<String>[] ops;
                List<String> header;

                @Override
                @SuppressWarnings("unchecked")
                public void table(String sheet, List<String> h) {
                    header = List.copyOf(h);
                    ops = new UnaryOperator[h.size()];
                    restorers.forEach((c, op) -> {
                        int i = h.indexOf(c);
                        if (i < 0) {
                            throw new Message.Problem(data + ": 列「" + c + "」がありません。列は " + h + " です",
                                    data + ": no column '" + c + "'; its columns are " + h);
                        }
                        ops[i] = op;
                    });
                    write(out, h);
                }

                @Override
                public void row(long row, long line, List<String> cells) {
                    String[] o = new String[Math.max(cells.size(), header.size())];
                    for (int c = 0; c < o.length; c++) {
                        String v = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
                        try {
                            o[c] = c < ops.length && ops[c] != null && !v.isEmpty() ? ops[c].apply(v) : v;
                        } catch (IllegalArgumentException e) {
                            String why = e instanceof Message.Localized l ? l.message("ja") : e.getMessage();
                            throw new Message.Problem(data + ": " + line + " 行目、列「" + header.get(c) + "」: " + why,
                                    data + ": line " + line + ", column '" + header.get(c) + "': " + e.getMessage());
                        }
                    }
                    write(out, List.of(o));
                    rows[0]++;
                }
            }, output.progress());
            out.commit();
        }
        return new Result(rows[0], used, read[0]);
    }

    /** column → "token" or "fpe": as asked, checked against the record; or every keyed column the record names. */
    private static Map<String, String> columns(Request req, ProcessingRecord.Keyed rec) {
        Map<String, String> wanted = new LinkedHashMap<>();
        req.tokens().forEach(c -> wanted.put(c, "token"));
        for (String c : req.fpe()) {
            if (wanted.put(c, "fpe") != null) {
                throw new Message.Problem("列「" + c + "」が --token と --fpe の両方に指定されています",
                        "column '" + c + "' is named with both --token and --fpe");
            }
        }
        if (rec != null) {
            if (wanted.isEmpty()) {
                rec.keyed().forEach((c, t) -> {
                    if (t.getKey().equals("token") || t.getKey().equals("fpe")) {
                        wanted.put(c, t.getKey());
                    }
                });
            }
            wanted.forEach((c, t) -> {
                Map.Entry<String, ColumnAction.KeyReference> r = rec.keyed().get(c);
                if (r != null && !r.getKey().equals(t)) {
                    throw new Message.Problem("列「" + c + "」は " + t + " ではなく " + r.getKey() + " で加工されています（加工の記録による）",
                            "column '" + c + "' was made with transform " + r.getKey() + " (says the processing record), not " + t);
                }
            });
        }
        if (wanted.isEmpty()) {
            throw new Message.Problem("戻す列がありません: --token か --fpe で列を指定するか、それを記した加工の記録（DATA.record.json）を指定してください",
                    "nothing to restore: name columns with --token or --fpe, or give the processing record (DATA.record.json) that names them");
        }
        return wanted;
    }

    private static String keyName(String column, ProcessingRecord.Keyed rec, Request req) {
        Map.Entry<String, ColumnAction.KeyReference> r = rec == null ? null : rec.keyed().get(column);
        if (r != null && req.keyName() != null && !req.keyName().equals(r.getValue().name())) {
            throw new Message.Problem("列「" + column + "」は鍵「" + req.keyName() + "」ではなく「" + r.getValue().name()
                    + "」で加工されています（加工の記録による）",
                    "column '" + column + "' was made with key '" + r.getValue().name() + "' (says the processing record), not '"
                            + req.keyName() + "'");
        }
        String name = r != null ? r.getValue().name() : req.keyName();
        if (name == null) {
            throw new Message.Problem("列「" + column + "」: --key で鍵を指定するか、加工の記録を指定してください",
                    "column '" + column + "': name the key with --key, or give the processing record");
        }
        return name;
    }

    /** The key an fpe column was made with, proven by the record's check value and bound to this data. */
    private static Key verifiedFpeKey(String column, ProcessingRecord.Keyed rec, Request req, KeyStore store, Path data)
            throws IOException {
        if (rec == null) {
            throw new Message.Problem("列「" + column + "」は FF1 で暗号化されています。FF1 の数字は鍵の版も検査値も持たないため、"
                    + "それを作った実行の加工の記録が必要です（データの横の " + defaultRecord(data).getFileName() + "、または --record FILE）",
                    "column '" + column + "' is FF1-encrypted: FF1 digits carry no key version or check, so relink needs the processing"
                            + " record of the run that made them (" + defaultRecord(data).getFileName() + " beside the data, or --record FILE)");
        }
        Map.Entry<String, ColumnAction.KeyReference> r = rec.keyed().get(column);
        if (r == null) {
            throw new Message.Problem("加工の記録に列「" + column + "」の鍵がありません",
                    "the processing record names no key for column '" + column + "'");
        }
        String name = keyName(column, rec, req);
        if (!req.trustRecord()) {
            String actual = ProcessingRecord.sha256(data);
            if (rec.outputSha256() == null || !rec.outputSha256().equals(actual)) {
                throw new Message.Problem(data + " は加工の記録が記すファイルではありません（SHA-256 が"
                        + (rec.outputSha256() == null ? "記録にありません" : "違います") + "）。別の実行の記録なら、その鍵の版では誤った数字に戻ります。"
                        + "加工の後に行を絞り込んだり並べ替えたりしただけなら --trust-record を付けてください",
                        data + " is not the file the processing record describes (its SHA-256 "
                        + (rec.outputSha256() == null ? "is not in the record" : "differs") + "): the record may belong to another"
                        + " run, whose key version would restore wrong numbers. If the rows were only filtered or reordered"
                        + " after processing, give --trust-record");
            }
        }
        Key key = store.get(name, r.getValue().version());
        if (!key.fingerprint().equals(r.getValue().fingerprint())) {
            throw new Message.Problem("鍵ストアの鍵「" + name + "」v" + key.version() + " の検査値は " + key.fingerprint() + " ですが、列「"
                    + column + "」は検査値 " + r.getValue().fingerprint() + " の鍵で加工されています: 同じ鍵ではありません（別の計算機の鍵ストア？）",
                    "key '" + name + "' v" + key.version() + " in the key store has check value " + key.fingerprint() + ", but column '"
                            + column + "' was made with check value " + r.getValue().fingerprint()
                            + ": not the same key (a store restored from another machine?)");
        }
        return key;
    }

    /** Every version of one key, each token restored with the version it names. */
    private static final class TokenRing {
        private final KeyStore store;
        private final String name;
        private final ColumnAction.KeyReference recorded;
        private final Map<Integer, Tokenize> byVersion = new HashMap<>();

        TokenRing(KeyStore store, String name, Map.Entry<String, ColumnAction.KeyReference> recorded) {
            this.store = store;
            this.name = name;
            this.recorded = recorded == null ? null : recorded.getValue();
            store.get(name); // an unknown key name is refused before any row
        }

        String detokenize(String token) {
            int v = Tokenize.versionOf(token);
            return byVersion.computeIfAbsent(v, x -> {
                Key k = store.get(name, x);
                if (recorded != null && recorded.version() == x && !recorded.fingerprint().equals(k.fingerprint())) {
                    throw new Message.Problem("鍵ストアの鍵「" + name + "」v" + x + " の検査値は " + k.fingerprint() + " で、加工の記録の "
                            + recorded.fingerprint() + " と違います: 同じ鍵ではありません",
                            "key '" + name + "' v" + x + " in the key store has check value " + k.fingerprint() + ", not "
                                    + recorded.fingerprint() + " as in the processing record: not the same key");
                }
                return new Tokenize(k);
            }).detokenize(token);
        }
    }

    private static void write(CsvOutput out, List<String> record) {
        try {
            out.write(record);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
