package dev.mamori.deid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Json;
import dev.mamori.risk.RiskReport;
import dev.mamori.risk.SearchResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The record of what was done (加工の記録): when, to which input (name and SHA-256), under which policy
 * (SHA-256 of its canonical text), in which mode, to each column, with how many rows in, out and
 * suppressed, the re-identification risk before and after, and the generalisation the search chose.
 * It shows that the 加工 met 施行規則31条 (仮名加工情報) or 34条 (匿名加工情報), and is what a privacy
 * officer keeps beside the {@link PublicationNotice}.
 *
 * <p>It never holds a key or any other 削除情報等 / 加工方法等情報 (法41条2項, 43条2項, 施行規則32条・35条):
 * keys appear as name, version and fingerprint only ({@link ColumnAction.KeyReference}).
 *
 * @param processedAt  when the processing ran
 * @param inputFile    the input's file name (without its folder)
 * @param inputSha256  SHA-256 of the input's bytes, lower-case hex ({@link #sha256(Path)})
 * @param policySha256 SHA-256 of the policy's canonical text ({@link #sha256(String)})
 * @param mode         pseudonymous or anonymous
 * @param columns      what was done to each column, in input order
 * @param rowsIn       records read
 * @param rowsOut      records written
 * @param suppressed   records removed (record suppression)
 * @param riskBefore   risk of the input, or {@code null} when not measured
 * @param riskAfter    risk of the output, or {@code null}
 * @param search       the generalisation chosen, or {@code null} when no search ran
 * @param outputSha256 SHA-256 of the output's bytes, or {@code null}: binds the record to the data it
 *                     describes, so relink can tell that a record belongs to the file it is given
 */
public record ProcessingRecord(Instant processedAt, String inputFile, String inputSha256, String policySha256, Mode mode,
                               List<ColumnAction> columns, long rowsIn, long rowsOut, long suppressed,
                               RiskReport riskBefore, RiskReport riskAfter, SearchResult search, String outputSha256) {

    private static final ZoneId JST = ZoneId.of("Asia/Tokyo");

    public ProcessingRecord {
        Objects.requireNonNull(processedAt, "processedAt");
        Objects.requireNonNull(inputFile, "inputFile");
        Objects.requireNonNull(mode, "mode");
        checkHash("inputSha256", inputSha256);
        checkHash("policySha256", policySha256);
        if (outputSha256 != null) {
            checkHash("outputSha256", outputSha256);
        }
        columns = List.copyOf(columns);
        if (rowsIn < 0 || rowsOut < 0 || suppressed < 0 || rowsOut + suppressed > rowsIn) {
            throw new IllegalArgumentException("row counts do not add up: in " + rowsIn + ", out " + rowsOut
                    + ", suppressed " + suppressed);
        }
    }

    private static void checkHash(String field, String hex) {
        if (hex == null || !hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException(field + " must be 64 lower-case hex digits (SHA-256)");
        }
    }

    /** SHA-256 of a file's bytes, lower-case hex. */
    public static String sha256(Path file) throws IOException {
        MessageDigest md = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), md)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** SHA-256 of a text's UTF-8 bytes, lower-case hex: the caller gives the policy's canonical text. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** The record as JSON (snake_case fields, as in the {@code --report-json} of {@code mamori deid}). */
    public String toJson() {
        ObjectNode root = Json.object();
        root.put("processed_at", processedAt.toString());
        root.put("input_file", inputFile);
        root.put("input_sha256", inputSha256);
        root.put("policy_sha256", policySha256);
        root.put("output_sha256", outputSha256);
        root.put("mode", mode.name().toLowerCase(Locale.ROOT));
        ArrayNode cols = root.putArray("columns");
        for (ColumnAction c : columns) {
            ObjectNode n = cols.addObject().put("column", c.column()).put("role", c.role()).put("transform", c.method())
                    .put("action", c.action());
            if (c.key() != null) {
                n.putObject("key").put("name", c.key().name()).put("version", c.key().version())
                        .put("fingerprint", c.key().fingerprint());
            }
        }
        root.putObject("rows").put("in", rowsIn).put("out", rowsOut).put("suppressed", suppressed);
        ObjectNode risk = root.putObject("risk");
        risk.set("before", riskBefore == null ? null : risk(riskBefore));
        risk.set("after", riskAfter == null ? null : risk(riskAfter));
        if (search != null) {
            ObjectNode s = root.putObject("search");
            ObjectNode levels = s.putObject("levels");
            search.levels().forEach(levels::put);
            s.put("loss", search.loss()).put("suppressed", search.suppressed()).put("min_class_size", search.minClassSize())
                    .put("classes", search.classes()).put("nodes_evaluated", search.nodesEvaluated())
                    .put("elapsed_ms", search.elapsedMs());
        } else {
            root.putNull("search");
        }
        return Json.write(root);
    }

    private static ObjectNode risk(RiskReport r) {
        return (ObjectNode) Json.tree(r);
    }

    /** A short summary in Japanese Markdown, for the privacy officer. */
    public String toMarkdown() {
        StringBuilder md = new StringBuilder("# 加工の記録\n\n");
        md.append("- 日時: ").append(DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss").format(processedAt.atZone(JST)))
                .append(" (JST)\n");
        md.append("- 加工の種類: ").append(mode == Mode.ANONYMOUS ? "匿名加工情報" : "仮名加工情報").append('\n');
        md.append("- 入力ファイル: ").append(PublicationNotice.md(inputFile)).append(" (SHA-256 `").append(inputSha256)
                .append("`)\n");
        md.append("- 加工方針 (SHA-256): `").append(policySha256).append("`\n");
        if (outputSha256 != null) {
            md.append("- 出力ファイル (SHA-256): `").append(outputSha256).append("`\n");
        }
        md.append("- 件数: 入力 ").append(rowsIn).append("件, 出力 ").append(rowsOut).append("件, 削除したレコード ")
                .append(suppressed).append("件\n\n");
        md.append("## 項目ごとの加工\n\n| 項目 | 役割 | 加工 |\n|---|---|---|\n");
        for (ColumnAction c : columns) {
            md.append("| ").append(PublicationNotice.md(c.column())).append(" | ").append(PublicationNotice.md(c.role())).append(" | ")
                    .append(PublicationNotice.md(c.action())).append(" |\n");
        }
        if (riskBefore != null || riskAfter != null) {
            md.append("\n## 再識別リスク\n\n| 指標 | 加工前 | 加工後 |\n|---|---|---|\n");
            row(md, "最小の同値クラスの大きさ (k)", riskBefore == null ? null : "" + riskBefore.minClassSize(),
                    riskAfter == null ? null : "" + riskAfter.minClassSize());
            row(md, "一意なレコードの割合", pct(riskBefore == null ? null : riskBefore.uniqueShare()),
                    pct(riskAfter == null ? null : riskAfter.uniqueShare()));
            row(md, "最大の再識別リスク", num(riskBefore == null ? null : riskBefore.highestProsecutorRisk()),
                    num(riskAfter == null ? null : riskAfter.highestProsecutorRisk()));
            row(md, "平均の再識別リスク", num(riskBefore == null ? null : riskBefore.averageProsecutorRisk()),
                    num(riskAfter == null ? null : riskAfter.averageProsecutorRisk()));
        }
        if (search != null) {
            md.append("\n## 一般化\n\n- 水準: ");
            int i = 0;
            for (Map.Entry<String, Integer> e : search.levels().entrySet()) {
                md.append(i++ == 0 ? "" : ", ").append(PublicationNotice.md(e.getKey())).append('=').append(e.getValue());
            }
            md.append("\n- 情報損失: ").append(String.format(Locale.ROOT, "%.5f", search.loss())).append('\n');
        }
        return md.toString();
    }

    private static void row(StringBuilder md, String label, String before, String after) {
        md.append("| ").append(label).append(" | ").append(before == null ? "-" : before).append(" | ")
                .append(after == null ? "-" : after).append(" |\n");
    }

    private static String pct(Double d) {
        return d == null ? null : String.format(Locale.ROOT, "%.2f%%", d * 100);
    }

    private static String num(Double d) {
        return d == null ? null : String.format(Locale.ROOT, "%.4f", d);
    }

    /**
     * What relink needs from a record written by {@link #toJson()}: the output's SHA-256 and, for each
     * column made with a key, its transform and key reference. Nothing else is trusted from the file.
     *
     * @param outputSha256 the SHA-256 of the data the record describes, or null in records from before it was kept
     * @param keyed        column → (transform, key) for columns made with a key, in the record's order
     */
    public record Keyed(String outputSha256, Map<String, Map.Entry<String, ColumnAction.KeyReference>> keyed) {
    }

    /** Reads the keyed columns of a record file; a file that is not a Mamori processing record is refused. */
    public static Keyed readKeyed(Path recordFile) throws IOException {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = Json.mapper().readTree(recordFile.toFile());
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "?" : String.valueOf(e.getLocation().getLineNr());
            throw new dev.mamori.report.Message.Problem(
                    recordFile + ": 加工の記録ではありません（JSON として読めません。" + line + " 行目付近）",
                    recordFile + ": not a processing record (not JSON, near line " + line + ")");
        }
        if (root == null || !root.path("columns").isArray() || !root.has("policy_sha256")) {
            throw new dev.mamori.report.Message.Problem(recordFile + ": mamori deid が書いた加工の記録ではありません",
                    recordFile + ": not a processing record written by mamori deid");
        }
        Map<String, Map.Entry<String, ColumnAction.KeyReference>> keyed = new java.util.LinkedHashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode c : root.get("columns")) {
            com.fasterxml.jackson.databind.JsonNode k = c.path("key");
            if (k.isObject()) {
                keyed.put(c.path("column").asText(), Map.entry(c.path("transform").asText(""),
                        new ColumnAction.KeyReference(k.path("name").asText(), k.path("version").asInt(), k.path("fingerprint").asText())));
            }
        }
        String sha = root.path("output_sha256").isTextual() ? root.get("output_sha256").asText() : null;
        return new Keyed(sha, keyed);
    }

    /** Writes {@link #toJson()} to {@code target} atomically. */
    public void writeJson(Path target) throws IOException {
        AtomicFiles.writeString(target, toJson());
    }

    /** Writes {@link #toMarkdown()} to {@code target} atomically. */
    public void writeMarkdown(Path target) throws IOException {
        AtomicFiles.writeString(target, toMarkdown());
    }
}
