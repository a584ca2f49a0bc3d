package dev.mamori.cli.spam;

import dev.mamori.cli.CsvOptions;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Text;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.mail.Attribution;
import dev.mamori.mail.Hop;
import dev.mamori.mail.IpRegistry;
import dev.mamori.mail.JsonLines;
import dev.mamori.mail.MailReader;
import dev.mamori.mail.MessageReport;
import dev.mamori.mail.RegistryData;
import dev.mamori.mail.RelayTracer;
import dev.mamori.mail.SpamAnalysis;
import dev.mamori.mail.SpamReport;
import dev.mamori.mail.SpamStatistics;
import dev.mamori.mail.TrustConfig;
import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Json;
import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mamori spam analyze}: the nearest external relay of every message, and the count by country. */
@Command(resourceBundle = "dev.mamori.cli.spam.Help", name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"For every message: the nearest external relay (its IP as your last trusted relay recorded it, the "
                + "rDNS and HELO written there, the relay that received it, the time) and its registry, country and AS; "
                + "then the count by country and year (or month), largest total first, the top ASNs and relays. Messages that "
                + "cannot be traced (no Received line, everything trusted, nothing parseable) are counted with the reason. "
                + "Every report states the date of the registry data; a warning says when no registry data is installed or "
                + "one of the five RIRs is missing (mamori spam registry update --download).",
                "",
                "  mamori spam analyze eval/spam-sample/messages --trusted 212.17.35.15,213.105.180.140,193.120.211.219,193.120.149.226",
                "  mamori spam analyze mail.mbox --trusted-file ours.txt --output relays.jsonl",
                "  mamori spam analyze Maildir/ --trusted 192.0.2.0/24 --html spam.html --xlsx spam.xlsx --csv spam.csv --domestic", ""})
final class SpamAnalyzeCommand implements Callable<Integer> {

    private static final List<String> FILE_FORMATS = List.of("csv", "jsonl", "json", "xlsx", "html");

    @Mixin
    SpamInputs in;

    @Option(names = "--format", paramLabel = "FORMAT", description = "On standard output: table (default: a line per message, then "
            + "the statistics), jsonl (a JSON object per message), or json (the statistics). With --output: the file's format "
            + "(csv, jsonl, json, xlsx, html), which otherwise follows its extension.")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write to FILE in the format its extension says: .csv "
            + "(the country table), .jsonl or .ndjson (a JSON object per message), .json (the statistics), .xlsx, .html "
            + "(report with a chart); standard output then gets the statistics only.")
    Path output;

    @Option(names = "--period", paramLabel = "PERIOD", description = "year (default) or month.")
    String period = "year";

    @Option(names = "--by", paramLabel = "KEY", description = "country (default; registry blocks such as RIPE NCC's EU stay a row of their own) or registry (APNIC, RIPE NCC, ARIN, LACNIC, AFRINIC).")
    String by = "country";

    @Option(names = "--top", paramLabel = "N", description = "Countries kept in the table (largest total first); the rest are summed as other (default ${DEFAULT-VALUE}).")
    int top = 10;

    @Option(names = "--domestic", description = "Show Japan as 国内 (domestic).")
    boolean domestic;

    @Option(names = "--no-messages", description = "With --format table: only the statistics.")
    boolean noMessages;

    @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report with a chart of the shares.")
    Path html;

    @Option(names = "--xlsx", paramLabel = "FILE", description = "Write the tables as XLSX.")
    Path xlsx;

    @Option(names = "--csv", paramLabel = "FILE", description = "Write the country table as CSV (UTF-8).")
    Path csv;

    @Mixin
    CsvOptions csvOptions;

    Lang lang = Lang.current();

    @Option(names = "--no-progress", description = "No progress line (it is only shown when standard error is a terminal).")
    boolean noProgress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String fileFormat = output == null ? null : SpamInputs.formatOf(output, format, FILE_FORMATS);
        String stdout = output != null ? "table" : format == null ? "table" : format;
        if (!stdout.equals("table") && !stdout.equals("jsonl") && !stdout.equals("json")) {
            throw new Main.UsageProblem("--format は table、jsonl、json のどれかです（" + Terminal.safe(stdout) + " ではなく）",
                    "--format must be table, jsonl or json, not " + Terminal.safe(stdout));
        }
        boolean messages = stdout.equals("table") && !noMessages && output == null;
        if (!by.equals("country") && !by.equals("registry")) {
            throw new Main.UsageProblem("--by は country か registry です（" + Terminal.safe(by) + " ではなく）",
                    "--by must be country or registry, not " + Terminal.safe(by));
        }
        if (!period.equals("year") && !period.equals("month")) {
            throw new Main.UsageProblem("--period は year か month です（" + Terminal.safe(period) + " ではなく）",
                    "--period must be year or month, not " + Terminal.safe(period));
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        in.guard().writes(html, "--html").writes(xlsx, "--xlsx").writes(csv, "--csv").writes(output, "--output").check();
        TrustConfig trust = in.trust(System.in, err);
        IpRegistry registry = in.registry(err);
        RegistryData data = in.registryData();
        SpamAnalysis analysis = new SpamAnalysis(new RelayTracer(trust), registry);
        SpamStatistics stats = new SpamStatistics(period.equals("year") ? SpamStatistics.Period.YEAR : SpamStatistics.Period.MONTH);
        Map<Message, Long> reasons = new LinkedHashMap<>();
        List<MailReader.Problem> problems = new ArrayList<>();
        String l = lang.name();
        if (messages) {
            out.println(String.join("\t", lang.t("ファイル", "file"), lang.t("中継IP", "relay_ip"), "rDNS", "HELO",
                    lang.t("受信した中継", "received_by"), lang.t("国・地域", "country"), "AS"));
        }
        AtomicFiles.Pending lines = "jsonl".equals(fileFormat) ? AtomicFiles.open(output) : null;
        Writer linesOut = lines == null ? null : new OutputStreamWriter(lines.stream(), StandardCharsets.UTF_8);
        try {
            in.read(System.in, !noProgress, m -> {
                MessageReport r = analysis.analyze(m);
                Attribution a = r.attribution();
                if (r.traced()) {
                    YearMonth when = r.arrival() == null ? null : YearMonth.from(r.arrival().withOffsetSameInstant(ZoneOffset.UTC));
                    String key = by.equals("registry") ? (a.registry() == null ? Attribution.UNATTRIBUTED : a.registry()) : a.countryKey();
                    stats.add(key, a.asn(), a.asOrg(), r.trace().relay().ip(), label(a.countryKey(), l), when);
                } else {
                    stats.add(null, null, null, null, null, null);
                    reasons.merge(r.trace().reasonText(), 1L, Long::sum);
                }
                if (linesOut != null) {
                    try {
                        linesOut.write(jsonLine(r, trust, data) + "\n");
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                } else if (stdout.equals("jsonl")) {
                    out.println(jsonLine(r, trust, data));
                } else if (messages) {
                    out.println(tableLine(r, l));
                }
            }, p -> {
                problems.add(p);
                err.println("mamori: " + Terminal.safe(p.toString()));
            });
            if (lines != null) {
                linesOut.flush();
                lines.commit();
            }
        } finally {
            if (lines != null) {
                lines.close();
            }
        }
        SpamStatistics.Table table = stats.table(top, k -> label(k, l), lang.t("その他", "other"), Attribution.UNATTRIBUTED);
        SpamReport.Summary summary = new SpamReport.Summary(stats.messages(), stats.traced(), reasons, trust.description().in(l),
                problems.size(), by.equals("registry"), data);
        for (Path f : new Path[] {html, "html".equals(fileFormat) ? output : null}) {
            if (f != null) {
                AtomicFiles.writeString(f, SpamReport.html(summary, table, stats.topAsns(10), stats.topRelays(10), l));
            }
        }
        for (Path f : new Path[] {xlsx, "xlsx".equals(fileFormat) ? output : null}) {
            if (f != null) {
                AtomicFiles.write(f, o -> SpamReport.xlsx(table, stats.topAsns(50), stats.topRelays(50), by.equals("registry"), data, l, o));
            }
        }
        for (Path f : new Path[] {csv, "csv".equals(fileFormat) ? output : null}) {
            if (f != null) {
                AtomicFiles.writeString(f, (csvOptions.bom() ? "\uFEFF" : "") + SpamReport.csv(table, by.equals("registry"), l, data));
            }
        }
        if ("json".equals(fileFormat)) {
            AtomicFiles.writeString(output, Json.write(statsJson(summary, table, stats)));
        }
        if (stdout.equals("json")) {
            out.print(Json.write(statsJson(summary, table, stats)));
        } else if (stdout.equals("table")) {
            printTable(out, summary, table, stats);
        }
        return problems.isEmpty() ? 0 : 2;
    }

    private String label(String key, String l) {
        if (domestic && "JP".equals(key)) {
            return "en".equals(l) ? "Japan (domestic)" : "国内";
        }
        return Attribution.labelOf(key, l);
    }

    private static String tableLine(MessageReport r, String l) {
        String file = Terminal.safe(Path.of(r.file()).getFileName() + (r.index() > 1 ? "#" + r.index() : ""));
        if (!r.traced()) {
            return file + "\t-\t\t\t\t" + ("en".equals(l) ? "not traced: " : "特定できず: ") + r.trace().reasonText().in(l);
        }
        Hop.Relay relay = r.trace().relay();
        Attribution a = r.attribution();
        // header values and file names are what a spammer chose: control characters are escaped for the terminal
        return String.join("\t", file, relay.ip(), Terminal.safe(relay.rdns()), Terminal.safe(relay.helo()),
                Terminal.safe(r.trace().receivedBy()), Terminal.safe(a.attributed() ? a.countryKey() + " " + a.label(l) : a.label(l)),
                a.asn() == null ? "" : "AS" + a.asn());
    }

    static String jsonLine(MessageReport r, TrustConfig trust, RegistryData data) {
        ObjectNode n = Json.object();
        n.put("file", r.file());
        n.put("index", r.index());
        n.put("message_id", r.messageId());
        r.putRelayFields(n);
        n.put("trusted_hops", r.trace().trustedHops());
        ArrayNode ips = n.putArray("untrusted_ips");
        r.trace().untrustedIps().forEach(ips::add);
        n.put("trust_inferred", trust.inferred());
        n.put("reason", r.trace().reason());
        n.put("registry_as_of", data.asOf());
        return JsonLines.line(n);
    }

    private ObjectNode statsJson(SpamReport.Summary s, SpamStatistics.Table t, SpamStatistics stats) {
        ObjectNode n = Json.object();
        n.put("messages", s.messages());
        n.put("traced", s.traced());
        ObjectNode reasons = n.putObject("not_traced");
        s.reasons().forEach((why, count) -> reasons.put(why.en(), count));
        n.put("trust", s.trust());
        ObjectNode registry = n.putObject("registry");
        registry.put("as_of", s.registry().asOf());
        ObjectNode dates = registry.putObject("files");
        s.registry().dates().forEach(dates::put);
        ArrayNode missing = registry.putArray("missing");
        s.registry().missing().forEach(missing::add);
        Message warning = s.registry().warning();
        registry.put("warning", warning == null ? null : warning.in(lang.name()));
        ArrayNode periods = n.putArray("periods");
        t.periods().forEach(periods::add);
        ArrayNode rows = n.putArray("countries");
        for (SpamStatistics.Row r : t.rows()) {
            ObjectNode o = rows.addObject().put("key", r.key()).put("label", r.label()).put("total", r.total());
            ArrayNode c = o.putArray("counts");
            r.counts().forEach(c::add);
        }
        ArrayNode total = n.putObject("total").put("total", t.total().total()).putArray("counts");
        t.total().counts().forEach(total::add);
        ArrayNode asns = n.putArray("top_asns");
        stats.topAsns(10).forEach(r -> asns.addObject().put("asn", r.key()).put("org", r.label()).put("messages", r.count()));
        ArrayNode relays = n.putArray("top_relays");
        stats.topRelays(10).forEach(r -> relays.addObject().put("ip", r.key()).put("country", r.label()).put("messages", r.count()));
        return n;
    }

    private void printTable(PrintWriter out, SpamReport.Summary s, SpamStatistics.Table t, SpamStatistics stats) {
        out.println();
        out.println(lang.t("メッセージ ", "Messages ") + String.format("%,d", s.messages()) + lang.t("、送信元を特定 ", ", traced ")
                + String.format("%,d", s.traced()) + lang.t("。自組織の中継: ", ". Our relays: ") + s.trust());
        s.reasons().forEach((why, n) -> out.println("  " + lang.t("特定できず: ", "not traced: ") + why.in(lang.name()) + "  " + n));
        out.println(s.registry().asOfText().in(lang.name()));
        if (s.registry().warning() != null) {
            out.println(lang.t("警告: ", "Warning: ") + s.registry().warning().in(lang.name()));
        }
        out.println();
        StringBuilder head = new StringBuilder(Text.pad(SpamReport.keyHeading(s.byRegistry(), lang.name()), 24));
        t.periods().forEach(p -> head.append(Text.right(p, 10)));
        head.append(Text.right(lang.t("合計", "total"), 10));
        out.println(head);
        for (SpamStatistics.Row r : t.rows()) {
            out.println(line(r.label(), r));
        }
        out.println(line(lang.t("合計", "total"), t.total()));
        List<SpamStatistics.Ranked> asns = stats.topAsns(5);
        if (!asns.isEmpty()) {
            out.println();
            asns.forEach(r -> out.println(Text.pad(r.key(), 10) + Text.right(String.format("%,d", r.count()), 8) + "  " + Terminal.safe(r.label())));
        }
        if (output != null) {
            out.println(Terminal.safe(output.toString()) + lang.t(" に書き出しました", ": written"));
        }
    }

    private static String line(String label, SpamStatistics.Row r) {
        StringBuilder b = new StringBuilder(Text.pad(Terminal.safe(label), 24));
        r.counts().forEach(n -> b.append(Text.right(String.format("%,d", n), 10)));
        b.append(Text.right(String.format("%,d", r.total()), 10));
        return b.toString();
    }
}
