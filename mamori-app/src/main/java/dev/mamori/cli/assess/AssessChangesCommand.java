package dev.mamori.cli.assess;

import dev.mamori.cli.InputFiles;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Outputs;

import dev.mamori.assess.AssessException;
import dev.mamori.assess.Assessment;
import dev.mamori.assess.Answers;
import dev.mamori.assess.ChangeEntry;
import dev.mamori.assess.ReportHtml;
import dev.mamori.assess.ReportJson;
import dev.mamori.assess.ReportXlsx;
import dev.mamori.assess.TextChange;
import dev.mamori.report.AtomicFiles;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori assess changes}: the 変更箇所 table between two versions of a form. */
@Command(name = "changes", resourceBundle = "dev.mamori.cli.assess.Help", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"The change history (変更箇所) between two versions of a form such as the 基礎項目評価書: 変更日, 項目, "
                + "変更前の記載, 変更後の記載, 提出時期 and its 説明. 事前 where the rules require it (a 重要な変更 of the 事務, its "
                + "files, system or legal basis; a threshold result that rises; the cover with them), 事後 otherwise. The 変更日 is "
                + "the newer file's meta.date (in 和暦); the 説明 of 事前 rows is its meta.revision.reason, of 事後 rows "
                + "meta.revision.after_reason (default 時点修正). In the terminal a long text is shown around the part that changed.",
                "",
                "  mamori assess changes examples/assess/pia-aomori-2021.yaml examples/assess/pia-aomori-2023.yaml",
                "  mamori assess changes old.yaml new.yaml --xlsx 変更箇所.xlsx", ""})
final class AssessChangesCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "OLD", descriptionKey = "old", description = "The earlier version (answers file).")
    Path older;

    @Parameters(index = "1", paramLabel = "NEW", descriptionKey = "new", description = "The new version.")
    Path newer;

    /** Characters of a text the terminal shows; a longer text is shown around its change. */
    static final int WIDTH = 60;

    @picocli.CommandLine.Mixin
    AssessOptions.Xlsx xlsx;

    @picocli.CommandLine.Mixin
    AssessOptions.Html html;

    @picocli.CommandLine.Mixin
    AssessOptions.Pdf pdf;

    @picocli.CommandLine.Mixin
    AssessOptions.JsonOutput output;

    Lang lang = Lang.current();

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        List<ChangeEntry> changes;
        Answers neu;
        try {
            Answers old = Assessment.open(InputFiles.existing(older), null, true);
            neu = Assessment.open(InputFiles.existing(newer), null, true);
            lang = AssessCommand.language(spec, neu.meta().lang());
            changes = Assessment.changes(old, neu, lang.name());
        } catch (AssessException e) {
            return AssessCommand.report(e, spec);
        }
        Outputs.guard().reads(older, "OLD").reads(newer, "NEW").writes(xlsx.xlsx, "--xlsx").writes(html.html, "--html").writes(pdf.pdf, "--pdf").check();
        if (xlsx.xlsx != null) {
            AtomicFiles.write(xlsx.xlsx, o -> ReportXlsx.changes(changes, lang.name(), o));
        }
        if (html.html != null || pdf.pdf != null) {
            String page = ReportHtml.changes(changes, neu.questionnaire(), lang.name());
            if (html.html != null) {
                AtomicFiles.writeString(html.html, page);
            }
            pdf.write(page);
        }
        PrintWriter out = spec.commandLine().getOut();
        if (output.json) {
            out.println(ReportJson.changes(changes));
            return 0;
        }
        if (changes.isEmpty()) {
            out.println(lang.t("変更箇所はありません。", "No changes."));
            return 0;
        }
        out.println(String.join("\t", lang.t("変更日", "date"), lang.t("項目", "item"), lang.t("変更前の記載", "before"),
                lang.t("変更後の記載", "after"), lang.t("提出時期", "filed"), lang.t("提出時期に係る説明", "explanation")));
        for (ChangeEntry c : changes) {
            TextChange t = c.change();
            out.println(String.join("\t", c.date(), c.item(), t.window(false, WIDTH), t.window(true, WIDTH), c.timingLabel(lang.name()),
                    shorten(c.explanation())));
        }
        return 0;
    }

    /**
     * Long texts (a whole 事務の概要) are shown in the terminal around what changed in them; the XLSX and HTML keep
     * them whole with the change marked, the JSON gives both.
     */
    private static String shorten(String s) {
        String one = s.replace('\n', ' ').replace('\t', ' ');
        return one.codePointCount(0, one.length()) <= WIDTH ? one : one.substring(0, one.offsetByCodePoints(0, WIDTH - 1)) + "…";
    }
}
