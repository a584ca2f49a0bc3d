package dev.mamori.cli.scan;

import dev.mamori.cli.Main;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.detect.Detector;
import dev.mamori.detect.Evaluation;
import dev.mamori.detect.Masking;
import dev.mamori.detect.PiiType;
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
@Command(name = "eval-detect",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Score the detector against labelled text and print precision, recall and F1 per type and overall.",
                "",
                "LABELS is JSON Lines: {\"doc_id\": \"...\", \"text\": \"...\", \"spans\": [{\"start\": 0, \"end\": 4, \"type\": \"PERSON\"}]}. Offsets are Java String (UTF-16) indices; a finding counts when it overlaps a label of the same type.",
                "",
                "Example:",
                "  mamori eval-detect eval/labeled-ja.jsonl",
                ""})
public final class EvalDetectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LABELS", description = "The labelled JSON Lines file.")
    Path labels;

    @picocli.CommandLine.Mixin
    DetectorOptions detection = new DetectorOptions();

    @Option(names = "--errors", paramLabel = "N", description = "Also list up to N false positives and false negatives.")
    int errors;

    @Option(names = "--show-values", description = "Show the text of listed errors unmasked.")
    boolean showValues;

    @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
    String format = "text";

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Detector detector = Detector.of(detection.types(), detection.minConfidence());
        Evaluation eval = new Evaluation(detector);
        ObjectMapper json = new ObjectMapper();
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
                    throw new Main.UsageProblem(labels + ":" + n + (e.getLocation() == null ? "" : ", column "
                            + e.getLocation().getColumnNr()) + ": not valid JSON");
                }
                String text = doc.path("text").isTextual() ? doc.path("text").asText() : null;
                if (text == null) {
                    throw new Main.UsageProblem(labels + ":" + n + ": no \"text\" string");
                }
                String docId = doc.path("doc_id").asText(String.valueOf(n));
                String where = labels + ":" + n + " (doc " + docId + ")";
                List<Evaluation.Label> ls = new ArrayList<>();
                int i = 0;
                for (JsonNode s : doc.path("spans")) {
                    i++;
                    String type = s.path("type").asText("");
                    PiiType t;
                    try {
                        t = PiiType.valueOf(type);
                    } catch (IllegalArgumentException e) {
                        throw new Main.UsageProblem(where + ": span " + i + " has an unknown type \"" + type + "\"");
                    }
                    if (!s.path("start").canConvertToInt() || !s.path("start").isIntegralNumber()
                            || !s.path("end").canConvertToInt() || !s.path("end").isIntegralNumber()) {
                        throw new Main.UsageProblem(where + ": span " + i + " needs integer \"start\" and \"end\"");
                    }
                    ls.add(new Evaluation.Label(s.path("start").asInt(), s.path("end").asInt(), t));
                }
                try {
                    eval.add(docId, text, ls);
                } catch (IllegalArgumentException e) {
                    throw new Main.UsageProblem(where + ": " + e.getMessage());
                }
            }
        } catch (NoSuchFileException e) {
            throw new Main.UsageProblem(labels + ": no such file");
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) {
            printJson(out, eval, json);
        } else {
            printText(out, eval, secs);
        }
        return 0;
    }

    private void printText(PrintWriter out, Evaluation eval, double secs) {
        out.printf("%d documents, %.2f s%n", eval.documents(), secs);
        out.printf("%-22s %9s %9s %9s %8s %8s %6s %6s%n", "type", "precision", "recall", "F1", "labels", "findings", "FP", "FN");
        for (Map.Entry<PiiType, Evaluation.Score> e : eval.byType().entrySet()) {
            row(out, e.getKey().name(), e.getValue());
        }
        row(out, "OVERALL (micro)", eval.overall());
        if (errors > 0) {
            List<Evaluation.Miss> ms = eval.misses();
            out.println();
            out.println("False positives:");
            ms.stream().filter(Evaluation.Miss::falsePositive).limit(errors).forEach(m -> miss(out, m));
            out.println("False negatives:");
            ms.stream().filter(m -> !m.falsePositive()).limit(errors).forEach(m -> miss(out, m));
        }
    }

    private void miss(PrintWriter out, Evaluation.Miss m) {
        out.printf("  %-16s %-20s %5d-%-5d %s%n", Terminal.safe(m.docId()), m.type(), m.start(), m.end(),
                Terminal.safe(showValues ? m.text() : Masking.mask(m.type(), m.text())));
    }

    private static void row(PrintWriter out, String name, Evaluation.Score s) {
        out.printf("%-22s %9s %9s %9s %8d %8d %6d %6d%n", name, pct(s.precision()), pct(s.recall()), pct(s.f1()),
                s.labels(), s.findings(), s.falsePositives(), s.falseNegatives());
    }

    private static String pct(double v) {
        return Double.isNaN(v) ? "-" : String.format("%.3f", v);
    }

    private static void printJson(PrintWriter out, Evaluation eval, ObjectMapper json) throws IOException {
        var root = json.createObjectNode();
        root.put("documents", eval.documents());
        var types = root.putObject("types");
        eval.byType().forEach((t, s) -> put(types.putObject(t.name()), s));
        put(root.putObject("overall"), eval.overall());
        out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(root));
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
