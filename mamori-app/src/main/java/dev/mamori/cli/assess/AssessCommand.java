package dev.mamori.cli.assess;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.Text;

import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.Problem;
import dev.mamori.assess.Questionnaire;
import dev.mamori.assess.ThresholdAssessment;
import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Json;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori assess}: self-assessments — the マイナンバー PIA, an ICS security self-assessment, an APPI checklist. */
@Command(name = "assess", resourceBundle = "dev.mamori.cli.assess.Help",
        mixinStandardHelpOptions = true,
        description = {
                "Self-assessments as data: the 特定個人情報保護評価 (threshold assessment and 基礎項目評価書), a control-system "
                        + "security self-assessment in the shape of the SSAT, and an APPI compliance checklist. Answers are YAML "
                        + "files; scores per area against their maxima, a rating, an improvement plan as a what-if, comparison over "
                        + "time and the PIA's change history (変更箇所), as a table, HTML (with charts), XLSX or JSON.",
                "",
                "Which assessments does a 事務 with 350,000 persons and 120 handlers need?",
                "  mamori assess threshold --persons 350,000 --handlers 120",
                "Score an assessment, with the plan's effect, and write the report:",
                "  mamori assess score examples/assess/ics-model-system.yaml --html ics.html --xlsx ics.xlsx",
                "Start your own:",
                "  mamori assess list",
                "  mamori assess template ics-security --output my-ics.yaml     (or answer interactively: mamori assess run ics-security)",
                "Compare two rounds, or list what changed between two versions of a PIA:",
                "  mamori assess compare last-year.yaml this-year.yaml --html delta.html",
                "  mamori assess changes examples/assess/pia-aomori-2021.yaml examples/assess/pia-aomori-2023.yaml",
                "",
                "File format: docs/questionnaire-schema.md. Exit codes: 0 ok, 2 bad usage or a problem in a file (each reported "
                        + "with file, line, column and question id).",
                ""},
        subcommands = {AssessCommand.ListCommand.class, AssessCommand.ThresholdCommand.class, AssessCommand.TemplateCommand.class,
                AssessScoreCommand.class, AssessCompareCommand.class, AssessChangesCommand.class, AssessRunCommand.class})
public final class AssessCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Prints every problem of a file on the command's standard error, one a line, then (once) how to score
     * with questions left unanswered when that is what is wrong; the exit code is 2. The language is
     * {@code --lang} when given, else the answers file's {@code meta.lang}, else the run's.
     */
    static int report(AssessException e, picocli.CommandLine.Model.CommandSpec spec) {
        PrintWriter err = spec.commandLine().getErr();
        Lang lang = language(spec, e.lang());
        for (Problem p : e.problems()) {
            err.println("mamori: " + Terminal.safe(p.in(lang.name())));
        }
        long unanswered = e.unanswered();
        if (unanswered > 0) {
            err.println("mamori: " + lang.t("必須の設問 " + unanswered + " 問に回答がありません。回答を書くか、--allow-missing を付けて"
                    + "未回答（0 点）として採点します。", unanswered + " required question" + (unanswered == 1 ? " is" : "s are")
                    + " not answered; answer " + (unanswered == 1 ? "it" : "them") + ", or add --allow-missing to score "
                    + (unanswered == 1 ? "it" : "them") + " as unanswered (0 points)."));
        }
        if (e.problems().size() > 1) {
            err.println("mamori: " + lang.t("問題 " + e.problems().size() + " 件", e.problems().size() + " problems"));
        }
        return 2;
    }

    /**
     * The language to speak about an answers file: {@code --lang} when given on the command line, else the
     * file's {@code meta.lang} ("ja"/"en", or null), else the run's.
     */
    static Lang language(picocli.CommandLine.Model.CommandSpec spec, String fileLang) {
        for (picocli.CommandLine.ParseResult p = spec.root().commandLine().getParseResult(); p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--lang")) {
                return Lang.current();
            }
        }
        return "ja".equals(fileLang) ? Lang.ja : "en".equals(fileLang) ? Lang.en : Lang.current();
    }

    /** A bundled id, or a questionnaire file. */
    static Questionnaire questionnaire(String idOrFile) throws IOException {
        Path p = Path.of(idOrFile);
        if ((idOrFile.endsWith(".yaml") || idOrFile.endsWith(".yml")) && Files.isRegularFile(p)) {
            return Questionnaire.load(p);
        }
        return Questionnaire.bundled(idOrFile);
    }

    @Command(name = "list", resourceBundle = "dev.mamori.cli.assess.Help", mixinStandardHelpOptions = true, description = "List the bundled questionnaires.")
    static final class ListCommand implements Callable<Integer> {
        Lang lang = Lang.current();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            out.println(Text.pad("id", 16) + Text.pad(lang.t("版", "version"), 10) + Text.pad(lang.t("設問", "questions"), 10)
                    + lang.t("名称", "title"));
            for (String id : Questionnaire.BUNDLED) {
                Questionnaire q = Questionnaire.bundled(id);
                out.println(Text.pad(id, 16) + Text.pad(q.version(), 10) + Text.pad(Integer.toString(q.questions().size()), 10)
                        + q.title().in(lang.name()));
            }
            out.println();
            out.println(lang.t("回答ファイルのひな形: mamori assess template ID", "An answers file to fill in: mamori assess template ID"));
            return 0;
        }
    }

    @Command(name = "threshold", resourceBundle = "dev.mamori.cli.assess.Help", mixinStandardHelpOptions = true, sortOptions = false,
            description = {"The threshold assessment (しきい値判断) of the 特定個人情報保護評価: which assessments the law requires "
                    + "for a 事務, from the number of persons in its file, the number of handlers and whether a serious incident "
                    + "occurred in the past year (特定個人情報保護評価指針 第5 2). The answer is in the form's own wording.",
                    "",
                    "  mamori assess threshold --persons 350,000 --handlers 120",
                    "  mamori assess threshold --persons 5万 --handlers 20 --serious-incident --json", ""})
    static final class ThresholdCommand implements Callable<Integer> {
        @Option(names = "--persons", required = true, paramLabel = "N", converter = AssessOptions.Count.class,
                description = "対象人数: persons recorded in the file (350000, 350,000 or 35万).")
        long persons;

        @Option(names = "--handlers", required = true, paramLabel = "N", converter = AssessOptions.Count.class,
                description = "取扱者数: staff (incl. contractors') who handle the file.")
        long handlers;

        @Option(names = "--serious-incident", description = "A 重大事故 involving specific personal information occurred at the body in the past year.")
        boolean incident;

        @picocli.CommandLine.Mixin
        AssessOptions.JsonOutput output;

        Lang lang = Lang.current();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            ThresholdAssessment t = Assessment.threshold(persons, handlers, incident);
            PrintWriter out = spec.commandLine().getOut();
            if (output.json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("persons", persons);
                m.put("persons_band", Json.object().put("key", t.personsBand().key()).put("label", t.personsBand().label().ja()));
                m.put("handlers", handlers);
                m.put("handlers_band", Json.object().put("key", t.handlersBand().key()).put("label", t.handlersBand().label().ja()));
                m.put("serious_incident", incident);
                m.put("result", Json.object().put("key", t.result().key()).put("label", t.result().label().ja())
                        .put("label_en", t.result().label().en()));
                m.put("forms", t.forms());
                out.print(Json.write(m));
                return 0;
            }
            String l = lang.name();
            out.println(lang.t("Ⅱ しきい値判断項目", "Threshold items"));
            out.println("  " + lang.t("1. 対象人数", "1. Persons covered") + "  [" + t.personsBand().label().in(l) + "]  (" + String.format("%,d", persons) + ")");
            out.println("  " + lang.t("2. 取扱者数", "2. Handlers") + "  [" + t.handlersBand().label().in(l) + "]  (" + String.format("%,d", handlers) + ")");
            out.println("  " + lang.t("3. 重大事故", "3. Serious incident") + "  [" + t.incident().label().in(l) + "]");
            out.println(lang.t("Ⅲ しきい値判断結果", "Result"));
            out.println("  " + t.result().label().in(l));
            if (!t.forms().isEmpty()) {
                out.println(lang.t("作成する評価書", "Forms to fill in"));
                for (String f : t.forms()) {
                    out.println("  " + Questionnaire.bundled(f).title().in(l) + "  (mamori assess template " + f + ")");
                }
            }
            return 0;
        }
    }

    @Command(name = "template", resourceBundle = "dev.mamori.cli.assess.Help", mixinStandardHelpOptions = true,
            description = {"Write an answers file to fill in: every question as a comment above its (empty) answer, with its "
                    + "guidance and choices. It is written in the language of --lang, and scoring it speaks that language too (meta.lang).", "", "  mamori assess template ics-security --output my-ics.yaml", ""})
    static final class TemplateCommand implements Callable<Integer> {
        @Parameters(paramLabel = "ID", descriptionKey = "id", description = "A bundled questionnaire (mamori assess list) or a questionnaire file.")
        String id;

        @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE (not replaced if it exists) instead of standard output.")
        Path output;

        Lang lang = Lang.current();

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() throws IOException {
            String text;
            try {
                text = Assessment.template(questionnaire(id), lang.name());
            } catch (AssessException e) {
                return report(e, spec);
            }
            if (output == null) {
                spec.commandLine().getOut().print(text);
            } else {
                Outputs.guard().reads(Files.exists(Path.of(id)) ? Path.of(id) : null, "設問票", "the questionnaire")
                        .writes(output, "--output").check();
                if (Files.exists(output)) {
                    throw new Main.UsageProblem(output + " はすでにあります。ひな形で回答ファイルを上書きすることはありません",
                            output + " exists; answers are never overwritten by a template");
                }
                AtomicFiles.writeString(output, text);
                spec.commandLine().getErr().println(output + ": " + lang.t("ひな形を書き出しました", "template written"));
            }
            return 0;
        }
    }
}
