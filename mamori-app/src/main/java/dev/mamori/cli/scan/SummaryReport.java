package dev.mamori.cli.scan;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Text;

import dev.mamori.detect.Classification;
import dev.mamori.detect.ColumnReport;
import dev.mamori.detect.FileReport;
import dev.mamori.detect.Finding;
import dev.mamori.detect.LocatedFinding;
import dev.mamori.detect.Location;
import dev.mamori.detect.PiiType;
import dev.mamori.detect.TableReport;
import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
import dev.mamori.table.ReadProblem;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The default report, for people: per file its classification, its columns, a sample of findings
 * and the problems met (those that left part of the input unread first, marked 未読 / unread). Text
 * from the input (file, sheet and column names, document ids, messages naming files) is printed
 * through {@link Terminal#safe}, so it cannot forge report lines or reach the terminal as escapes.
 */
final class SummaryReport implements ScanReport {

    private static final int SAMPLE = 20;

    private final PrintWriter out;
    private final Lang lang;
    private final boolean showValues;
    private final List<String> sample = new ArrayList<>();
    private final List<ReadProblem> problems = new ArrayList<>();
    private long sampled;
    private int files;
    private long findings;
    private int skipped;

    SummaryReport(PrintWriter out, Lang lang, boolean showValues) {
        this.out = out;
        this.lang = lang;
        this.showValues = showValues;
    }

    @Override
    public void begin(Set<PiiType> types) {
    }

    @Override
    public void finding(LocatedFinding lf) {
        if (lf.where().inTable()) {
            return; // tables are summarised by column
        }
        sampled++;
        if (sample.size() < SAMPLE) {
            Finding f = lf.finding();
            Location w = lf.where();
            String where = w.docId() != null ? Terminal.safe(w.docId()) : lang.t(w.line() + "行", "line " + w.line());
            sample.add(String.format("    %s %s %s %s (%.2f%s)", Text.pad(where + " " + f.start() + "-" + f.end(), 18),
                    Text.pad(f.type().name(), 20), Text.pad(lang.t(f.type().japanese(), ""), lang == Lang.ja ? 16 : 0),
                    Terminal.safe(showValues ? f.value() : f.masked()), f.confidence(), f.validated() ? lang.t(", 検証済", ", validated") : ""));
        }
    }

    @Override
    public void problem(ReadProblem p) {
        problems.add(p);
    }

    @Override
    public void file(FileReport r) {
        files++;
        findings += r.findings();
        var read = r.read();
        StringBuilder head = new StringBuilder(Terminal.safe(r.file())).append("  ").append(read.format());
        if (read.charset() != null) {
            head.append(", ").append(read.charset().name());
        }
        if (read.delimiter() != 0) {
            head.append(", ").append(lang.t("区切り ", "delimiter ")).append(delimiterName(read.delimiter()));
        }
        head.append(", ").append(read.records()).append(lang.t(" 件", " records"));
        head.append(String.format(", %.2f%s", r.elapsedNanos() / 1e9, lang.t("秒", " s")));
        out.println(head);
        out.println("  " + lang.t("分類: ", "Classification: ") + describe(r.classifications())
                + (r.unread() > 0 ? lang.t("  ※ 読めなかった部分があります (未読 " + r.unread() + " 件)",
                        "  (some of it could not be read: " + r.unread() + " unread)") : ""));
        for (TableReport t : r.tables()) {
            printTable(t, r.tables().size() > 1, read.format() == dev.mamori.table.Format.DATABASE);
        }
        if (!r.counts().isEmpty()) {
            out.println("  " + lang.t("検出数: ", "Findings: ") + new TreeMap<>(r.counts()).entrySet().stream()
                    .map(e -> e.getKey().name() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        if (!sample.isEmpty()) {
            sample.forEach(out::println);
            if (sampled > sample.size()) {
                out.println("    " + lang.t("… ほか " + (sampled - sample.size()) + " 件 (--format jsonl で全件)",
                        "… and " + (sampled - sample.size()) + " more (--format jsonl lists all)"));
            }
        }
        flushProblems();
        out.println();
        sample.clear();
        sampled = 0;
        out.flush();
    }

    private void printTable(TableReport t, boolean named, boolean database) {
        if (t.sheet() != null) {
            out.println("  " + (database ? lang.t("テーブル ", "Table ") : lang.t("シート ", "Sheet ")) + Terminal.safe(t.sheet()) + ": " + t.rows() + lang.t(" 行, ", " rows, ") + describe(t.classifications()));
        } else if (named) { // a text file's title lines and its table
            out.println("  " + lang.t("表", "Table") + ": " + t.rows() + lang.t(" 行, ", " rows, ") + describe(t.classifications()));
        }
        out.println("    " + Text.pad("#", 4) + Text.pad(lang.t("列", "column"), 22) + Text.pad(lang.t("種類", "types"), 34)
                + Text.pad(lang.t("該当率", "share"), 8) + lang.t("法的区分", "legal category"));
        for (ColumnReport c : t.columns()) {
            String types = c.types().isEmpty() ? "-" : c.types().stream().sorted()
                    .map(x -> lang == Lang.ja ? x.name() + " " + x.japanese() : x.name()).collect(Collectors.joining(", "));
            String share = c.types().isEmpty() ? "" : String.format("%.0f%%",
                    100 * c.types().stream().mapToDouble(c::share).max().orElse(0));
            String others = c.hits().keySet().stream().filter(x -> !c.types().contains(x)).sorted()
                    .map(x -> x.name() + String.format(" %.0f%%", 100 * c.share(x))).collect(Collectors.joining(", "));
            String cat = c.category() == null ? "" : lang == Lang.ja ? c.category().japanese() : c.category().name();
            out.println("    " + Text.pad(String.valueOf(c.index()), 4) + Text.pad(Terminal.safe(c.header()), 21) + " " + Text.pad(types, 33)
                    + " " + Text.pad(share, 7) + " " + cat + (others.isEmpty() ? "" : lang.t("  (ほかに ", "  (also ") + others + ")"));
        }
    }

    private String describe(Set<Classification> cs) {
        Classification head = Classification.headline(cs);
        String rest = cs.stream().filter(c -> c != head).sorted().map(this::name).collect(Collectors.joining(lang.t("・", ", ")));
        return name(head) + (rest.isEmpty() ? "" : lang.t("（", " (") + rest + lang.t("）", ")"));
    }

    private String name(Classification c) {
        return lang == Lang.ja ? c.japanese() : c.english();
    }

    private static String delimiterName(char d) {
        return switch (d) {
            case '\t' -> "TAB";
            case ',' -> "','";
            case ';' -> "';'";
            case '|' -> "'|'";
            default -> "'" + d + "'";
        };
    }

    /** The problems met since the last file: the unread ones first (up to 20), then warnings (up to 10). */
    private void flushProblems() {
        if (problems.isEmpty()) {
            return;
        }
        List<ReadProblem> unread = problems.stream().filter(ReadProblem::unread).sorted(ReadProblemOrder.INSTANCE).toList();
        List<ReadProblem> warnings = problems.stream().filter(p -> !p.unread()).sorted(ReadProblemOrder.INSTANCE).toList();
        out.println("  " + lang.t("問題: ", "Problems: ") + problems.size()
                + (unread.isEmpty() ? "" : lang.t(" (うち未読 " + unread.size() + ")", " (" + unread.size() + " unread)")));
        list(unread, 20, lang.t("[未読] ", "[unread] "));
        list(warnings, 10, "");
        problems.clear();
    }

    private void list(List<ReadProblem> ps, int max, String tag) {
        ps.stream().limit(max).forEach(p -> out.println("    " + tag + Terminal.safe(p.text().in(lang.name()))));
        if (ps.size() > max) {
            out.println("    " + tag + lang.t("… ほか " + (ps.size() - max) + " 件", "… and " + (ps.size() - max) + " more"));
        }
    }

    @Override
    public void skipped(String file, Message reason) {
        skipped++;
        out.println(Terminal.safe(file) + "  " + lang.t("スキップ (未読): ", "skipped (unread): ") + Terminal.safe(reason.in(lang.name())));
    }

    @Override
    public void unreadable(String file, Message message) {
        out.println(Terminal.safe(file) + "  " + lang.t("読めません (未読): ", "unreadable (unread): ") + Terminal.safe(message.in(lang.name())));
        flushProblems();
        out.println();
    }

    @Override
    public void end(Outcome outcome) {
        flushProblems();
        out.println(lang.t("合計: " + files + " ファイル, 検出 " + findings + " 件", "Total: " + files + " files, " + findings + " findings")
                + (skipped > 0 ? lang.t(", スキップ " + skipped, ", " + skipped + " skipped") : "")
                + (outcome.unreadableFiles() > 0 ? lang.t(", 読めないファイル " + outcome.unreadableFiles(), ", " + outcome.unreadableFiles() + " unreadable") : ""));
        if (outcome.unreadProblems() > 0) {
            out.println(lang.t("未読: " + outcome.unreadProblems() + " 件 (読めなかったファイル・行・レコード・シート。上の「未読」の行を参照)",
                    "Unread: " + outcome.unreadProblems() + " (files, lines, records or sheets that could not be read; see the lines marked unread above)"));
        }
        if (outcome.recognizerFailures() > 0) {
            out.println(lang.t("認識器の失敗: " + outcome.recognizerFailures() + " 回 (その箇所の検出は欠けています。終了コード 3)",
                    "Recognizer failures: " + outcome.recognizerFailures() + " (findings there are missing; exit code 3)"));
        }
        if (!outcome.failedOn().isEmpty()) {
            out.println(lang.t("--fail-on に該当: ", "Found --fail-on types: ") + outcome.failedOn());
        }
        if (outcome.gateBlocked()) {
            out.println(lang.t("読めなかった部分があるため --fail-on は合格にできません (終了コード 2)。承知の上なら --allow-unread を付けてください",
                    "Some input could not be read, so --fail-on cannot pass (exit code 2); give --allow-unread to accept that"));
        }
        out.flush();
    }
}
