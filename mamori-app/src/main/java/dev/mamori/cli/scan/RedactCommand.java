package dev.mamori.cli.scan;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Outputs;
import dev.mamori.deid.DocxRedactor;
import dev.mamori.deid.RedactText;
import dev.mamori.deid.TextRedactor;
import dev.mamori.detect.Detector;
import dev.mamori.detect.MaskScope;
import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
import dev.mamori.table.DocumentReader;
import dev.mamori.table.Format;
import dev.mamori.table.ReadException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mamori redact}: a copy of a text document with the personal information found in it hidden. */
@Command(name = "redact", resourceBundle = "dev.mamori.cli.scan.Help", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
                "Write a copy of a text document (mail, minutes, a consultation record, a judgment) or of a Word document (.docx) with the personal information found in it hidden: names, addresses, identifiers, dates of birth and 要配慮個人情報. Each span becomes a placeholder naming its type (〈氏名〉), or is blacked out character by character (■■■■) with --style blackout. A 要配慮 fact hides its words, or with --scope its whole clause or sentence, so that what surrounds the condition or the offence (when, where, how treated) is hidden too. The copy is in the input's encoding, line ends kept; the input is never changed. A Word document's copy (--output FILE.docx) keeps its layout, with the body, tables, text boxes, headers and footers, notes, comments and field codes redacted, and text deleted with tracked changes, authors, the file's properties, pictures' alternative text, content controls' data and external links' targets removed; a document with objects pasted in or macros is refused.",
                "",
                "  mamori redact 相談記録.txt --output 相談記録.redacted.txt",
                "  mamori redact judgment.txt --scope clause --style blackout --output public.txt",
                "  cat mail.txt | mamori redact - --types PERSON,PHONE,EMAIL",
                "  mamori redact 議事録.docx --output 議事録.redacted.docx",
                "",
                "Tables (CSV, TSV, XLSX, JSON Lines) are de-identified column by column with `mamori deid` (a free-text column: redact in the policy). What the detector misses stays readable: review the copy before it leaves your hands. Masking coverage on labelled text, by scope: mamori eval-detect --mask-scope.",
                ""})
public final class RedactCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", descriptionKey = "input", description = "A text file, or - for standard input (UTF-8 unless --encoding says otherwise).")
    String input;

    @Option(names = "--output", paramLabel = "FILE", description = "Write the copy to FILE, in the input's encoding, whole or not at all (nothing is left behind on an error), instead of standard output.")
    Path output;

    @Option(names = "--scope", paramLabel = "SCOPE", description = "What a 要配慮 finding hides: span (its words, default), clause (to 、。 or the line's end) or sentence (to 。 or the line's end).")
    String scope = "span";

    @Option(names = "--style", paramLabel = "STYLE", description = "label (〈氏名〉, default) or blackout (■ for each wide character, * for each narrow one; the layout stays).")
    String style = "label";

    @picocli.CommandLine.Mixin
    DetectorOptions detection = new DetectorOptions();

    @Option(names = "--encoding", paramLabel = "CHARSET", description = "Read (and write) in this encoding instead of detecting it (e.g. windows-31j, EUC-JP, UTF-8).")
    String encoding;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        MaskScope maskScope = DetectorOptions.scope("--scope", scope);
        TextRedactor.Style st = switch (style.toLowerCase(Locale.ROOT)) {
            case "label" -> TextRedactor.Style.LABEL;
            case "blackout" -> TextRedactor.Style.BLACKOUT;
            default -> throw new Main.UsageProblem("--style は label か blackout です（指定は " + style + "）",
                    "--style is label or blackout, not " + style);
        };
        Charset forced = DetectorOptions.charset(encoding);
        boolean stdin = input.equals("-");
        Path file = stdin ? null : Path.of(input);
        Outputs.guard().reads(file, "入力", "the input").writes(output, "--output", "--output").check();
        String name = stdin ? "-" : Terminal.safe(input);
        if (!stdin && isDocx(file)) {
            return docx(file, name, maskScope, st);
        }
        Charset cs = stdin ? (forced != null ? forced : StandardCharsets.UTF_8) : charsetOf(file, forced);
        TextRedactor redactor = new TextRedactor(Detector.of(detection.types(), detection.minConfidence()), st, maskScope, cs);
        TextRedactor.Summary summary;
        try (InputStream in = stdin ? System.in : Files.newInputStream(file)) {
            if (output == null) { // standard output, in the input's encoding too
                dev.mamori.cli.ReportSink sink = dev.mamori.cli.ReportSink.open(null, spec.commandLine().getOut());
                java.io.OutputStream raw = sink.stream();
                Writer out = raw != null ? new OutputStreamWriter(raw, encoder(cs)) : spec.commandLine().getOut();
                summary = redactor.redact(in, cs, out);
                out.flush();
                if (raw instanceof java.io.PrintStream ps && ps.checkError()) {
                    throw new Main.UsageProblem(name + ": 標準出力に書き出せませんでした", name + ": writing to standard output failed");
                }
                failed(redactor, name);
            } else {
                try (AtomicFiles.Pending p = AtomicFiles.openPrivate(output)) { // what the detector missed is still in it
                    Writer out = new OutputStreamWriter(p.stream(), encoder(cs));
                    summary = redactor.redact(in, cs, out);
                    out.flush();
                    failed(redactor, name); // before the copy is put in place
                    p.commit();
                }
            }
        } catch (Message.Problem e) {
            throw new Main.UsageProblem(name + ": " + e.message(Lang.current().name())
                    + (output == null ? Lang.current().t("（それより前の行は標準出力に書き出し済みです）", " (the lines before it went to standard output)")
                    : Lang.current().t("。" + Terminal.safe(output.toString()) + " は書き出していません",
                            "; " + Terminal.safe(output.toString()) + " not written")));
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new Main.UsageProblem(name + ": 書き出す文字が " + cs + " で表せません（" + (output == null ? "途中まで書き出しました" : "何も書き出していません") + "）",
                    name + ": the copy cannot be written in " + cs + (output == null ? " (written in part)" : " (nothing written)"));
        }
        spec.commandLine().getErr().println(report(name, summary, maskScope));
        return 0;
    }

    private static java.nio.charset.CharsetEncoder encoder(Charset cs) {
        return cs.newEncoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A recognizer failed: its findings are missing and the copy may show what it would have hidden. */
    private static void failed(TextRedactor redactor, String name) {
        if (redactor.failures() > 0) {
            throw new IllegalStateException(name + ": a recognizer failed " + redactor.failures()
                    + " times; the copy could show what it would have hidden (report this defect with --debug)");
        }
    }

    private static boolean isDocx(Path file) {
        try {
            return DocumentReader.sniff(file).format() == Format.DOCX;
        } catch (IOException e) {
            return false; // reading it says why
        }
    }

    /** A Word document: its redacted copy written to --output, whole or not at all. */
    private int docx(Path file, String name, MaskScope maskScope, TextRedactor.Style st) throws IOException {
        if (output == null) {
            throw new Main.UsageProblem(name + ": Word の文書の伏せ字版は --output FILE.docx に書き出します",
                    name + ": the redacted copy of a Word document is written to --output FILE.docx");
        }
        TextRedactor text = new TextRedactor(Detector.of(detection.types(), detection.minConfidence()), st, maskScope);
        DocxRedactor.Summary summary;
        try (AtomicFiles.Pending p = AtomicFiles.openPrivate(output)) { // what the detector missed is still in it
            summary = new DocxRedactor(text).redact(file, p.stream());
            failed(text, name);
            p.commit();
        } catch (Message.Problem e) {
            throw new Main.UsageProblem(name + ": " + e.message(Lang.current().name()) + Lang.current().t(
                    "。" + Terminal.safe(output.toString()) + " は書き出していません", "; " + Terminal.safe(output.toString()) + " not written"));
        } catch (java.util.zip.ZipException e) {
            throw new Main.UsageProblem(name + ": 読める DOCX ではありません（壊れているか途中で切れています）",
                    name + ": not a readable DOCX (corrupt or truncated)");
        }
        Lang lang = Lang.current();
        String line = report(name, summary.hidden(), maskScope).replace(lang.t(" 行、", " lines, "), lang.t(" 段落、", " paragraphs, "));
        spec.commandLine().getErr().println(line);
        spec.commandLine().getErr().println(lang.t("取り除いたもの: 変更履歴で削除された文字、変更とコメントの作成者、ファイルのプロパティ、図の代替テキスト、"
                        + "コンテンツコントロールのデータ、外部リンクの宛先" + (summary.removed().isEmpty() ? "" : "、ページの縮小画像")
                        + (summary.pictures() > 0 ? "。図 " + summary.pictures() + " 点はそのままです（図の中の文字は読んでいません）" : ""),
                "removed: text deleted with tracked changes, the authors of changes and comments, the file's properties, pictures'"
                        + " alternative text, content controls' data, external links' targets" + (summary.removed().isEmpty() ? "" : ", the page thumbnail")
                        + (summary.pictures() > 0 ? "; " + summary.pictures() + " pictures kept as they are (text in a picture is not read)" : "")));
        return 0;
    }

    /** The encoding the scanner would read {@code file} in; tables and binary files are refused. */
    private static Charset charsetOf(Path file, Charset forced) {
        String lower = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (String ext : new String[] {".csv", ".tsv", ".xlsx", ".xls", ".jsonl", ".ndjson"}) {
            if (lower.endsWith(ext)) {
                throw new Main.UsageProblem(Terminal.safe(file.toString()) + ": 表は列ごとに mamori deid で加工してください（自由記述の列はポリシーで redact）。redact はテキストの文書を扱います",
                        Terminal.safe(file.toString()) + ": de-identify a table column by column with mamori deid (a free-text column: redact in the policy); redact takes text documents");
            }
        }
        try {
            DocumentReader.Sniff sniff = DocumentReader.sniff(file);
            if (sniff.format() != null && sniff.format().isDocument() && sniff.format() != Format.EML && sniff.format() != Format.HTML) {
                throw new Main.UsageProblem(Terminal.safe(file.toString()) + ": " + sniff.format() + " の文書の伏せ字版は作れません。redact はテキストの文書と Word（.docx）を扱います（mamori scan は読めます）",
                        Terminal.safe(file.toString()) + ": cannot write a redacted " + sniff.format() + "; redact takes text documents and Word (.docx) files (mamori scan reads it)");
            }
            if (sniff.format() == null || sniff.format().isWorkbook()) {
                Message why = sniff.skipReason() != null ? sniff.skipReason() : new Message("テキストではありません", "not text");
                throw new Main.UsageProblem(Terminal.safe(file.toString()) + ": " + why.in(Lang.current().name()));
            }
            return new DocumentReader(new DocumentReader.Options(Format.TEXT, forced, false, false)).probe(file).charset();
        } catch (ReadException e) {
            throw new Main.UsageProblem(e.message(Lang.current().name()));
        } catch (IOException e) {
            String n = Terminal.safe(file.toString());
            throw new Main.UsageProblem(n + " を読めません: " + e.getMessage(), "cannot read " + n + ": " + e.getMessage());
        }
    }

    /** One line for standard error: what was hidden, by type (never the values). */
    private static String report(String name, TextRedactor.Summary s, MaskScope scope) {
        Lang lang = Lang.current();
        StringJoiner types = new StringJoiner(lang.t("、", ", "));
        s.findings().forEach((t, n) -> types.add((lang.name().equals("ja") ? RedactText.placeholder(t) : t.name()) + " " + n));
        return lang.t(name + ": " + s.lines() + " 行、" + s.total() + " 件を隠しました（" + s.hiddenChars() + " 文字、範囲 " + scope.label()
                        + (s.total() > 0 ? "）: " + types : "）"),
                name + ": " + s.lines() + " lines, " + s.total() + " findings hidden (" + s.hiddenChars() + " chars, scope "
                        + scope.label() + (s.total() > 0 ? "): " + types : ")"));
    }
}
