package dev.mamori.cli.assess;

import dev.mamori.cli.InputFiles;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.Text;

import dev.mamori.assess.AnswerSet;
import dev.mamori.assess.AreaScore;
import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.Answers;
import dev.mamori.assess.Choice;
import dev.mamori.assess.Question;
import dev.mamori.assess.Questionnaire;
import dev.mamori.assess.Render;
import dev.mamori.assess.ReportHtml;
import dev.mamori.assess.ReportJson;
import dev.mamori.assess.ReportXlsx;
import dev.mamori.assess.ScoreSheet;
import dev.mamori.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori assess score}: per-area scores against their maxima, the rating, and the plan's effect. */
@Command(name = "score", resourceBundle = "dev.mamori.cli.assess.Help", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Score an answers file: per area and sub-area the score against its maximum, the compliance %%, the "
                + "rating band and the count of each answer; with the improvement plan applied, the same side by side "
                + "(what-if). For forms (the PIA) the computed items, such as the しきい値判断結果, come first.",
                "",
                "  mamori assess score examples/assess/ics-model-system.yaml",
                "  mamori assess score examples/assess/pia-aomori-2023.yaml --xlsx pia.xlsx --html pia.html",
                "  mamori assess score my.yaml --json > score.json", ""})
final class AssessScoreCommand implements Callable<Integer> {

    @Parameters(paramLabel = "ANSWERS", descriptionKey = "answers", description = "An answers file (YAML; mamori assess template ID writes one).")
    Path file;

    @Option(names = "--questionnaire", paramLabel = "ID|FILE", description = "Score against this questionnaire instead of the one the file names.")
    String questionnaire;

    @picocli.CommandLine.Mixin
    AssessOptions.Html html;

    @picocli.CommandLine.Mixin
    AssessOptions.Pdf pdf;

    @picocli.CommandLine.Mixin
    AssessOptions.Xlsx xlsx;

    @picocli.CommandLine.Mixin
    AssessOptions.JsonOutput output;

    @picocli.CommandLine.Mixin
    AssessOptions.AllowMissing missing;

    Lang lang = Lang.current();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        ScoreSheet s;
        try {
            Questionnaire q = questionnaire == null ? null : AssessCommand.questionnaire(questionnaire);
            s = Assessment.score(Assessment.open(InputFiles.existing(file), q, missing.allowMissing));
        } catch (AssessException e) {
            return AssessCommand.report(e, spec);
        }
        lang = AssessCommand.language(spec, s.answers().meta().lang());
        Outputs.guard().reads(file, "回答ファイル", "the answers file")
                .reads(questionnaire == null ? null : Path.of(questionnaire), "設問票", "the questionnaire")
                .writes(html.html, "--html").writes(pdf.pdf, "--pdf").writes(xlsx.xlsx, "--xlsx").check();
        if (html.html != null || pdf.pdf != null) {
            String page = ReportHtml.score(s, lang.name());
            if (html.html != null) {
                AtomicFiles.writeString(html.html, page);
            }
            pdf.write(page);
        }
        if (xlsx.xlsx != null) {
            AtomicFiles.write(xlsx.xlsx, o -> ReportXlsx.score(s, lang.name(), o));
        }
        if (output.json) {
            out.println(ReportJson.score(s));
        } else {
            print(s, out, lang);
        }
        return 0;
    }

    static void print(ScoreSheet s, PrintWriter out, Lang lang) {
        String l = lang.name();
        Questionnaire q = s.questionnaire();
        Answers.Meta m = s.answers().meta();
        out.println(q.id() + " " + q.version() + "  " + q.title().in(l));
        out.println(lang.t("組織: ", "Organisation: ") + nz(m.organisation()) + "   " + lang.t("対象: ", "System: ") + nz(m.system())
                + "   " + lang.t("日付: ", "Date: ") + nz(m.date()) + "   " + lang.t("評価者: ", "Assessor: ") + nz(m.assessor()));
        s.computed().forEach((id, c) -> {
            String name = q.computed().stream().filter(x -> x.id().equals(id)).findFirst().map(x -> x.name().in(l)).orElse(id);
            Choice planned = s.plannedComputed().get(id);
            out.println(name + ": " + c.label().in(l) + (planned != null && !planned.equals(c)
                    ? "  (" + lang.t("改善計画後: ", "with the plan: ") + planned.label().in(l) + ")" : ""));
        });
        s.findings().forEach(f -> out.println(lang.t("要確認: ", "Check: ") + f.message().in(l)
                + (f.source() == null ? "" : " (" + f.source() + ")")));
        out.println();
        boolean plan = s.hasPlan();
        int nameWidth = 36;
        int ratingWidth = q.rating().stream().mapToInt(b -> Text.width(b.label().in(l))).max().orElse(4) + 2;
        out.println(Text.pad(lang.t("分野", "Area"), nameWidth) + Text.right(lang.t("得点", "score"), 8) + Text.right(lang.t("満点", "max"), 8)
                + Text.right(lang.t("準拠率", "%"), 8) + "  " + Text.pad(lang.t("評価", "rating"), ratingWidth)
                + (plan ? Text.right(lang.t("計画後", "planned"), 8) + Text.right("%", 8) + "  " + lang.t("評価", "rating") : ""));
        for (AreaScore a : s.areas()) {
            row(out, "  ".repeat(a.depth()) + dev.mamori.assess.Render.areaName(a.id(), a.name(), l), a, plan, nameWidth, ratingWidth, l);
        }
        row(out, lang.t("合計", "Total"), s.total(), plan, nameWidth, ratingWidth, l);
        out.println();
        out.println(lang.t("回答の内訳: ", "Answers: ") + counts(q, s.total().counts(), plan ? s.total().plannedCounts() : null, l));
        if (plan) {
            out.println(lang.t("改善計画: ", "Improvement plan: ") + s.answers().plan().size() + lang.t(" 件", " items"));
        }
        long open = s.deficiencies().stream().filter(d -> d.plan() == null).count();
        if (open > 0) {
            out.println(lang.t("計画のない不備: ", "Deficiencies without a plan: ") + open
                    + lang.t("（--html / --xlsx のレポートに改善案つきで一覧）", " (listed with typical actions in the --html / --xlsx report)"));
        }
    }

    /** Areas with nothing scored (a form's cover, its text items) are left out of the table. */
    private static void row(PrintWriter out, String name, AreaScore a, boolean plan, int nameWidth, int ratingWidth, String l) {
        if (a.max() == 0 && a.nominalMax() == 0) {
            return;
        }
        out.println(Text.pad(name, nameWidth) + Text.right(Render.number(a.score()), 8) + Text.right(Render.number(a.max()), 8)
                + Text.right(percent(a.percent()), 8) + "  " + Text.pad(a.rating() == null ? "" : a.rating().label().in(l), ratingWidth)
                + (plan ? Text.right(Render.number(a.plannedScore()), 8) + Text.right(percent(a.plannedPercent()), 8) + "  "
                + (a.plannedRating() == null ? "" : a.plannedRating().label().in(l)) : ""));
    }

    /** "はい 20 → 54, 一部 …" in the order of the questionnaire's choices. */
    static String counts(Questionnaire q, Map<String, Integer> now, Map<String, Integer> planned, String l) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (Question question : q.questions().values()) {
            AnswerSet set = question.answerSet();
            if (question.scored() && set != null) {
                set.choices().forEach(c -> labels.putIfAbsent(c.key(), c.label().in(l)));
            }
        }
        labels.put("unanswered", "en".equals(l) ? "unanswered" : "未回答");
        StringBuilder b = new StringBuilder();
        labels.forEach((key, label) -> {
            int n = now.getOrDefault(key, 0);
            int p = planned == null ? n : planned.getOrDefault(key, 0);
            if (n == 0 && p == 0) {
                return;
            }
            b.append(b.length() == 0 ? "" : ", ").append(label).append(' ').append(n);
            if (planned != null && p != n) {
                b.append(" → ").append(p);
            }
        });
        return b.toString();
    }

    static String percent(Double p) {
        return p == null ? "—" : String.format("%.1f%%", p);
    }

    private static String nz(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
