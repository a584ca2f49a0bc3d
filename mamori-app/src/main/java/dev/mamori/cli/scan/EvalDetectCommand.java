package dev.mamori.cli.scan;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Text;

import dev.mamori.detect.Detector;
import dev.mamori.detect.Evaluation;
import dev.mamori.detect.LabelledSet;
import dev.mamori.detect.Masking;
import dev.mamori.detect.MaskScope;
import dev.mamori.detect.PiiType;
import dev.mamori.report.Json;
import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
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
                "LABELS is JSON Lines ({\"doc_id\": \"...\", \"text\": \"...\", \"spans\": [{\"start\": 0, \"end\": 4, \"type\": \"PERSON\"}]}, UTF-16 offsets) or marked text (eval/genres/*.txt: \"=== ID split=dev\" then text with labels written in place as ⟦TYPE:value⟧), or a directory of them.",
                "Matching is one to one: identifiers and other structured types only on the exact span; names, addresses and 要配慮 facts on overlap. Masking coverage is the share of labelled characters that some finding covers. Documents are also scored per genre and per kind (real text or forms).",
                "",
                "Example (the bundled labelled data):",
                "  mamori eval-detect eval/labeled-ja.jsonl",
                "  mamori eval-detect eval/genres --split test --errors 30",
                "  mamori eval-detect eval/genres12 --exposed 20 --show-values",
                ""})
public final class EvalDetectCommand implements Callable<Integer> {

    @Parameters(paramLabel = "LABELS", arity = "1..*", descriptionKey = "labels",
            description = "Labelled files (.jsonl, or marked .txt) or directories of them.")
    List<Path> labels;

    enum Split { dev, test, all }

    @Option(names = "--split", paramLabel = "SPLIT", description = "Only documents of this split: dev, test or all (default).")
    Split split = Split.all;

    @picocli.CommandLine.Mixin
    DetectorOptions detection = new DetectorOptions();

    @Option(names = "--errors", paramLabel = "N", description = "Also list up to N false positives and false negatives.")
    int errors;

    @Option(names = "--exposed", paramLabel = "N",
            description = "Also print the masking coverage of each labelled type and the N labels a masked output leaves most visible (with --show-values, their text with the hidden characters as █).")
    int exposed;

    @Option(names = "--mask-scope", paramLabel = "SCOPE",
            description = "Measure masking coverage as if each 要配慮 finding hid its span (default), its clause or its sentence, as `mamori redact --scope` does; the share of the text no label covers that masking hides as well is printed beside it.")
    String maskScope = "span";

    @Option(names = "--by-group", description = "Also print the per-type table of each group (genre:…, kind:real|form).")
    boolean groupTypes;

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
        MaskScope scope = DetectorOptions.scope("--mask-scope", maskScope);
        Evaluation eval = new Evaluation(detector, scope);
        long t0 = System.nanoTime();
        for (Path p : labels) {
            List<LabelledSet.Doc> docs;
            try {
                docs = LabelledSet.read(p);
            } catch (Message.Problem e) {
                throw new Main.UsageProblem(e.message(lang.name()));
            }
            for (LabelledSet.Doc d : docs) {
                if (split != Split.all && !split.name().equals(d.split())) {
                    continue;
                }
                try {
                    eval.add(d.id(), d.groups(), d.text(), d.labels());
                } catch (Message.Problem e) {
                    throw new Main.UsageProblem(p + ":" + d.line() + lang.t("（文書 " + d.id() + "）: ", " (doc " + d.id() + "): ")
                            + e.message(lang.name()));
                }
            }
        }
        double secs = (System.nanoTime() - t0) / 1e9;
        PrintWriter out = spec.commandLine().getOut();
        if (format == Format.json) {
            printJson(out, eval, detector, scope);
        } else {
            printText(out, eval, detector, secs, scope);
        }
        return 0;
    }

    private void printText(PrintWriter out, Evaluation eval, Detector detector, double secs, MaskScope scope) {
        out.println(lang.t(String.format("文書 %d 件、%.2f 秒", eval.documents(), secs),
                String.format("%d documents, %.2f s", eval.documents(), secs)));
        header(out);
        for (Map.Entry<PiiType, Evaluation.Score> e : eval.byType().entrySet()) {
            row(out, e.getKey().name(), e.getValue());
        }
        out.print(Text.pad(lang.t("全体 (micro)", "OVERALL (micro)"), 22));
        row(out, "", eval.overall());
        out.println();
        out.println(lang.t("群ごと（全体 micro、マスク被覆率 = ラベルの文字のうち検出が覆う割合）:",
                "By group (overall micro; masking coverage = share of labelled characters a finding covers):"));
        out.println(Text.pad(lang.t("群", "group"), 22) + " " + Text.right(lang.t("文書", "docs"), 6) + " "
                + Text.right(lang.t("適合率", "precision"), 9) + " " + Text.right(lang.t("再現率", "recall"), 9) + " "
                + Text.right("F1", 9) + " " + Text.right(lang.t("被覆率", "coverage"), 9) + " " + Text.right("PERSON F1", 9));
        for (String g : eval.groups()) {
            Evaluation.Score s = eval.overall(g);
            Evaluation.Score person = eval.byType(g).get(PiiType.PERSON);
            out.printf("%-22s %6d %9s %9s %9s %9s %9s%n", g, eval.documents(g), pct(s.precision()), pct(s.recall()), pct(s.f1()),
                    pct(eval.coverage(g).share()), person == null ? "-" : pct(person.f1()));
        }
        out.printf("%-22s %6d %9s %9s %9s %9s%n", lang.t("全体", "all"), eval.documents(), pct(eval.overall().precision()),
                pct(eval.overall().recall()), pct(eval.overall().f1()), pct(eval.coverage().share()));
        Evaluation.Coverage beyond = eval.beyondLabels();
        out.println(lang.t("マスクの範囲: " + scope.label() + "（ラベルのない文字のうち隠れる割合 " + pct(beyond.share()) + "）",
                "Mask scope: " + scope.label() + " (share of the unlabelled text hidden as well: " + pct(beyond.share()) + ")"));
        out.println(lang.t("検査数字の合わない番号の検出: ", "Findings whose check digit fails: ") + eval.checksumFailures());
        out.println(lang.t("認識器の失敗: ", "Recognizer failures: ") + detector.failures());
        if (groupTypes) {
            for (String g : eval.groups()) {
                out.println();
                out.println(g);
                header(out);
                eval.byType(g).forEach((t, s) -> row(out, t.name(), s));
            }
        }
        if (exposed > 0) {
            out.println();
            out.println(lang.t("型ごとのマスク被覆率（被覆率、ラベルの文字数、うち見える文字数）:", "Masking coverage per labelled type (coverage, labelled characters, of them left visible):"));
            eval.coverageByType().forEach((t, c) -> out.printf("  %-22s %9s %8d %8d%n", t.name(), pct(c.share()), c.labelledChars(),
                    c.labelledChars() - c.hiddenChars()));
            out.println(lang.t("マスク後も見えるラベル（見える文字の多い順）:", "Labels a masked output leaves visible (most visible characters first):"));
            eval.exposed().stream().limit(exposed).forEach(x -> out.printf("  %-16s %-20s %5d-%-5d %3d %s%n", Terminal.safe(x.docId()),
                    x.type(), x.start(), x.end(), x.visible(), Terminal.safe(showValues ? x.view() : Masking.mask(x.type(), x.text()))));
        }
        if (errors > 0) {
            List<Evaluation.Miss> ms = eval.misses();
            out.println();
            out.println(lang.t("誤検出:", "False positives:"));
            ms.stream().filter(Evaluation.Miss::falsePositive).limit(errors).forEach(m -> miss(out, m));
            out.println(lang.t("見逃し:", "False negatives:"));
            ms.stream().filter(m -> !m.falsePositive()).limit(errors).forEach(m -> miss(out, m));
        }
    }

    private void header(PrintWriter out) {
        out.println(Text.pad(lang.t("型", "type"), 22) + " " + Text.right(lang.t("適合率", "precision"), 9) + " "
                + Text.right(lang.t("再現率", "recall"), 9) + " " + Text.right("F1", 9) + " " + Text.right(lang.t("ラベル", "labels"), 8)
                + " " + Text.right(lang.t("検出", "findings"), 8) + " " + Text.right(lang.t("誤検出", "FP"), 6) + " "
                + Text.right(lang.t("見逃し", "FN"), 6));
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

    private void printJson(PrintWriter out, Evaluation eval, Detector detector, MaskScope scope) {
        var root = Json.object();
        root.put("documents", eval.documents());
        var types = root.putObject("types");
        eval.byType().forEach((t, s) -> put(types.putObject(t.name()), s));
        put(root.putObject("overall"), eval.overall());
        root.put("masking_coverage", eval.coverage().share());
        root.put("mask_scope", scope.label());
        root.put("hidden_beyond_labels", eval.beyondLabels().share());
        var byType = root.putObject("masking_coverage_by_type");
        eval.coverageByType().forEach((t, c) -> {
            var n = byType.putObject(t.name());
            n.put("share", c.share());
            n.put("labelled_chars", c.labelledChars());
            n.put("visible_chars", c.labelledChars() - c.hiddenChars());
        });
        if (exposed > 0) {
            var list = root.putArray("exposed");
            eval.exposed().stream().limit(exposed).forEach(x -> {
                var n = list.addObject();
                n.put("doc_id", x.docId());
                n.put("type", x.type().name());
                n.put("start", x.start());
                n.put("end", x.end());
                n.put("visible_chars", x.visible());
                n.put("text", showValues ? x.view() : Masking.mask(x.type(), x.text()));
            });
        }
        root.put("checksum_failures", eval.checksumFailures());
        root.put("recognizer_failures", detector.failures());
        var groups = root.putObject("groups");
        for (String g : eval.groups()) {
            var n = groups.putObject(g);
            n.put("documents", eval.documents(g));
            put(n.putObject("overall"), eval.overall(g));
            n.put("masking_coverage", eval.coverage(g).share());
            var gt = n.putObject("types");
            eval.byType(g).forEach((t, s) -> put(gt.putObject(t.name()), s));
        }
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
