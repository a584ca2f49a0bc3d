package dev.mamori.cli.scan;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.detect.Detector;
import dev.mamori.detect.Evaluation;
import dev.mamori.detect.Masking;
import dev.mamori.detect.PiiType;
import dev.mamori.report.Json;
import dev.mamori.report.Terminal;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori eval-detect}: precision, recall and F1 of the detector on labelled text. */
@Command(name = "eval-detect", resourceBundle = "dev.mamori.cli.scan.Help",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Score the detector against labelled text and print precision, recall and F1 per type and overall.",
                "",
                "LABELS is JSON Lines: {\"doc_id\": \"...\", \"text\": \"...\", \"spans\": [{\"start\": 0, \"end\": 4, \"type\": \"PERSON\"}]}. Offsets are Java String (UTF-16) indices; a finding counts when it overlaps a label of the same type.",
                "",
                "Example (the bundled labelled data):",
                "  mamori eval-detect eval/labeled-ja.jsonl",
                ""})
public final class EvalDetectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LABELS", descriptionKey = "labels", description = "The labelled JSON Lines file.")
    Path labels;

    @picocli.CommandLine.Mixin
    DetectorOptions detection = new DetectorOptions();

    @Option(names = "--errors", paramLabel = "N", description = "Also list up to N false positives and false negatives.")
    int errors;

    @Option(names = "--show-values", description = "Show the text of listed errors unmasked.")
    boolean showValues;

    enum Format { text, json }

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    Format format = Format.text;

    Lang lang = Lang.current();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Detector detector = Detector.of(detection.types(), detection.minConfidence());
        Evaluation eval = new Evaluation(detector);
        ObjectMapper json = new ObjectMapper(); // reads the labels; the report is written with Json
        long t0 = System.nanoTime();
        try (BufferedReader r = Files.newBufferedReader(labels, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode doc;
                try {
                    doc = json.readTree(line);
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    // Jackson's message quotes the offending token: say where, not what
                    String at = labels + ":" + n;
                    int col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
                    throw new Main.UsageProblem(at + (col < 0 ? "" : " " + col + " 桁目") + ": JSON として正しくありません",
                            at + (col < 0 ? "" : ", column " + col) + ": not valid JSON");
                }
                String text = doc.path("text").isTextual() ? doc.path("text").asText() : null;
                if (text == null) {
                    throw new Main.UsageProblem(labels + ":" + n + ": 文字列の \"text\" がありません", labels + ":" + n + ": no \"text\" string");
                }
                String docId = doc.path("doc_id").asText(String.valueOf(n));
                String where = labels + ":" + n + lang.t("（文書 " + docId + "）", " (doc " + docId + ")");
                List<Evaluation.Label> ls = new ArrayList<>();
                int i = 0;
                for (JsonNode s : doc.path("spans")) {
                    i++;
                    String type = s.path("type").asText("");
                    PiiType t;
                    try {
                        t = PiiType.valueOf(type);
                    } catch (IllegalArgumentException e) {
                        throw new Main.UsageProblem(where + ": " + i + " 番目のスパンの型 \"" + type + "\" を知りません",
                                where + ": span " + i + " has an unknown type \"" + type + "\"");
                    }
                    if (!s.path("start").canConvertToInt() || !s.path("start").isIntegralNumber()
                            || !s.path("end").canConvertToInt() || !s.path("end").isIntegralNumber()) {
                        throw new Main.UsageProblem(where + ": " + i + " 番目のスパンには整数の \"start\" と \"end\" が必要です",
                                where + ": span " + i + " needs integer \"start\" and \"end\"");
                    }
                    ls.add(new Evaluation.Label(s.path("start").asInt(), s.path("end").asInt(), t));
                }
                try {
                    eval.add(docId, text, ls);
                } catch (IllegalArgumentException e) {
                    throw new Main.UsageProblem(where + ": " + (e instanceof dev.mamori.report.Message.Localized l
                            ? l.message(lang.name()) : e.getMessage()));
                }
            }
        } catch (NoSuchFileException e) {
            throw new Main.UsageProblem(labels + ": ファイルがありません", labels + ": no such file");
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            printJson(out, eval);
        } else {
            printText(out, eval, secs);
        }
        return 0;
    }

    private void printText(PrintWriter out, Evaluation eval, double secs) {
        out.println(lang.t(String.format("文書 %d 件、%.2f 秒", eval.documents(), secs),
                String.format("%d documents, %.2f s", eval.documents(), secs)));
        out.println(Text.pad(lang.t("型", "type"), 22) + " " + Text.right(lang.t("適合率", "precision"), 9) + " "
                + Text.right(lang.t("再現率", "recall"), 9) + " " + Text.right("F1", 9) + " " + Text.right(lang.t("ラベル", "labels"), 8)
                + " " + Text.right(lang.t("検出", "findings"), 8) + " " + Text.right(lang.t("誤検出", "FP"), 6) + " "
                + Text.right(lang.t("見逃し", "FN"), 6));
        for (Map.Entry<PiiType, Evaluation.Score> e : eval.byType().entrySet()) {
            row(out, e.getKey().name(), e.getValue());
        }
        out.print(Text.pad(lang.t("全体 (micro)", "OVERALL (micro)"), 22));
        row(out, "", eval.overall());
        if (errors > 0) {
            List<Evaluation.Miss> ms = eval.misses();
            out.println();
            out.println(lang.t("誤検出:", "False positives:"));
            ms.stream().filter(Evaluation.Miss::falsePositive).limit(errors).forEach(m -> miss(out, m));
            out.println(lang.t("見逃し:", "False negatives:"));
            ms.stream().filter(m -> !m.falsePositive()).limit(errors).forEach(m -> miss(out, m));
        }
    }

    private void miss(PrintWriter out, Evaluation.Miss m) {
        out.printf("  %-16s %-20s %5d-%-5d %s%n", Terminal.safe(m.docId()), m.type(), m.start(), m.end(),
                Terminal.safe(showValues ? m.text() : Masking.mask(m.type(), m.text())));
    }

    private static void row(PrintWriter out, String name, Evaluation.Score s) {
        out.printf((name.isEmpty() ? "%s" : "%-22s") + " %9s %9s %9s %8d %8d %6d %6d%n", name, pct(s.precision()), pct(s.recall()), pct(s.f1()),
                s.labels(), s.findings(), s.falsePositives(), s.falseNegatives());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3f", v);
    }

    private static void printJson(PrintWriter out, Evaluation eval) {
        var root = Json.object();
        root.put("documents", eval.documents());
        var types = root.putObject("types");
        eval.byType().forEach((t, s) -> put(types.putObject(t.name()), s));
        put(root.putObject("overall"), eval.overall());
        out.print(Json.write(root));
    }

    private static void put(com.fasterxml.jackson.databind.node.ObjectNode n, Evaluation.Score s) {
        n.put("precision", s.precision());
        n.put("recall", s.recall());
        n.put("f1", s.f1());
        n.put("labels", s.labels());
        n.put("labels_found", s.labelsFound());
        n.put("findings", s.findings());
        n.put("findings_right", s.findingsRight());
        n.put("fp", s.falsePositives());
        n.put("fn", s.falseNegatives());
    }
}
