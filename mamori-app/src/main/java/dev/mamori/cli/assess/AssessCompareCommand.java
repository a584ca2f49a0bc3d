package dev.mamori.cli.assess;

import dev.mamori.cli.InputFiles;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.Text;

import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.Comparison;
import dev.mamori.assess.Render;
import dev.mamori.assess.ReportXlsx;
import dev.mamori.assess.ReportHtml;
import dev.mamori.assess.ReportJson;
import dev.mamori.assess.TextChange;
import dev.mamori.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori assess compare}: two answer files of one questionnaire, area by area and answer by answer. */
@Command(name = "compare", resourceBundle = "dev.mamori.cli.assess.Help", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Compare two answer files of the same questionnaire (or of an earlier version it accepts, through its "
                + "id table): the change per area and every changed answer with its effect on the score.",
                "",
                "  mamori assess compare 2025.yaml 2026.yaml --html delta.html", ""})
final class AssessCompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BEFORE", descriptionKey = "before", description = "The earlier answers file.")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER", descriptionKey = "after", description = "The later answers file.")
    Path after;

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
        Comparison c;
        try {
            c = Assessment.compare(Assessment.open(InputFiles.existing(before), null, missing.allowMissing),
                    Assessment.open(InputFiles.existing(after), null, missing.allowMissing));
        } catch (AssessException e) {
            return AssessCommand.report(e, spec);
        }
        lang = AssessCommand.language(spec, c.after().answers().meta().lang());
        Outputs.guard().reads(before, "BEFORE").reads(after, "AFTER").writes(html.html, "--html").writes(pdf.pdf, "--pdf").writes(xlsx.xlsx, "--xlsx").check();
        if (html.html != null || pdf.pdf != null) {
            String page = ReportHtml.compare(c, lang.name());
            if (html.html != null) {
                AtomicFiles.writeString(html.html, page);
            }
            pdf.write(page);
        }
        if (xlsx.xlsx != null) {
            AtomicFiles.write(xlsx.xlsx, o -> ReportXlsx.compare(c, lang.name(), o));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(ReportJson.compare(c));
            return 0;
        }
        String l = lang.name();
        out.println(before + " → " + after);
        out.println();
        out.println(Text.pad(lang.t("分野", "Area"), 36) + Text.right(lang.t("前回", "before"), 10)
                + Text.right(lang.t("今回", "after"), 10) + Text.right(lang.t("増減", "change"), 8)
                + Text.right(lang.t("満点", "max"), 8));
        for (Comparison.AreaDelta d : c.areas()) {
            line(out, "  ".repeat(d.depth()) + Render.areaName(d.id(), d.name(), l), d);
        }
        line(out, lang.t("合計", "Total"), c.total());
        out.println();
        out.println(lang.t("変わった回答: ", "Changed answers: ") + c.changed().size());
        for (Comparison.ChangedAnswer a : c.changed()) {
            TextChange t = TextChange.of(Render.response(a.question(), a.before(), l), Render.response(a.question(), a.after(), l));
            out.println("  " + Render.itemId(c.after().questionnaire(), a.question()) + "  " + t.window(false, AssessChangesCommand.WIDTH) + " → "
                    + t.window(true, AssessChangesCommand.WIDTH) + (a.delta() == 0 ? "" : "  (" + signed(a.delta()) + ")")
                    + "  " + Text.pad(a.question().text().in(l), 60).strip());
        }
        return 0;
    }

    private static void line(PrintWriter out, String name, Comparison.AreaDelta d) {
        if (d.before().max() == 0 && d.after().max() == 0) {
            return;
        }
        out.println(Text.pad(name, 36) + Text.right(Render.number(d.before().score()), 10)
                + Text.right(Render.number(d.after().score()), 10) + Text.right(signed(d.delta()), 8)
                + Text.right(Render.number(d.after().max()), 8));
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : v < 0 ? "−" : "±") + Render.number(Math.abs(v));
    }
}
