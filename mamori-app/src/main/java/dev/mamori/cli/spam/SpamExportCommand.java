package dev.mamori.cli.spam;

import dev.mamori.cli.CsvOptions;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;

import dev.mamori.mail.Attribution;
import dev.mamori.mail.Headers;
import dev.mamori.mail.MailReader;
import dev.mamori.mail.MessageReport;
import dev.mamori.mail.PartnerExport;
import dev.mamori.mail.RelayTracer;
import dev.mamori.mail.SpamAnalysis;
import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.LongAdder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mamori spam export}: header data of the spam from one country or registry, for a partner organisation. */
@Command(resourceBundle = "dev.mamori.cli.spam.Help", name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Header data of the messages whose nearest external relay is in one country or registry, for a partner "
                + "(for instance the headers of spam from China, in a format agreed with the partner). Only what the "
                + "secrecy of communications lets you pass on: the relay and its attribution and the header fields, with "
                + "every recipient address masked (your trap addresses, To/Cc/Delivered-To, Received \"for <…>\"); never a body. "
                + "The output's format follows its extension (.csv, .jsonl or .ndjson) unless --format says otherwise. "
                + "Format: docs/spam.md.",
                "",
                "  mamori spam export Maildir/ --trusted 192.0.2.0/24 --country CN --output cn.jsonl",
                "  mamori spam export Maildir/ --trusted 192.0.2.0/24 --country 中国 --output cn.csv --csv-profile excel",
                "  mamori spam export mail.mbox --trusted-file ours.txt --registry-name \"RIPE NCC\" --output ripe.csv", ""})
final class SpamExportCommand implements Callable<Integer> {

    @Mixin
    SpamInputs in;

    @Option(names = "--country", paramLabel = "COUNTRY", description = "Only relays in this country: an ISO code (CN), the name the "
            + "table shows (中国, China, 国内), a registry block (\"RIPE NCC\", APNIC) or unattributed (帰属不明).")
    String country;

    @Option(names = "--registry-name", paramLabel = "RIR", description = "Only relays allocated by this registry (APNIC, RIPE NCC, ARIN, LACNIC, AFRINIC).")
    String registryName;

    @Option(names = "--trap", split = ",", paramLabel = "ADDRESS", description = "Your trap addresses (also masked wherever they appear).")
    List<String> traps = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl or csv; by default the extension of --output decides.")
    String format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write (atomically): .csv, .jsonl or .ndjson.")
    Path output;

    @Mixin
    CsvOptions csvOptions;

    @Option(names = "--no-progress", description = "No progress line (it is only shown when standard error is a terminal).")
    boolean noProgress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String fmt = SpamInputs.formatOf(output, format, List.of("jsonl", "csv"));
        if (country == null && registryName == null) {
            throw new Main.UsageProblem("どのメッセージを書き出すか指定してください: --country 国 または --registry-name RIR",
                    "say which messages to export: --country COUNTRY or --registry-name RIR");
        }
        String key = country == null ? null : Attribution.keyOf(country).orElseThrow(() -> new Main.UsageProblem(
                "--country: " + Terminal.safe(country) + " という国・地域はありません。ISO コード（CN、KR、US など）、表に出る名前（中国、韓国、国内）、"
                        + "登録機関（RIPE NCC、APNIC、ARIN、LACNIC、AFRINIC）、帰属不明のどれかを指定してください",
                "--country: no country " + Terminal.safe(country) + ": give an ISO code (CN, KR, US …), a name as the table shows it "
                        + "(China, South Korea, Japan (domestic)), a registry (RIPE NCC, APNIC, ARIN, LACNIC, AFRINIC) or unattributed"));
        String rir = registryName == null ? null : Attribution.REGISTRIES.stream()
                .filter(r -> norm(r).equals(norm(registryName)) || (r.equals(Attribution.RIPE_NCC) && norm(registryName).equals("ripe")))
                .findFirst().orElseThrow(() -> new Main.UsageProblem(
                        "--registry-name: " + Terminal.safe(registryName) + " という登録機関はありません。APNIC、RIPE NCC、ARIN、LACNIC、AFRINIC のどれかです",
                        "--registry-name: no registry " + Terminal.safe(registryName) + ": one of APNIC, RIPE NCC, ARIN, LACNIC, AFRINIC"));
        in.guard().writes(output, "--output").check();
        java.io.PrintWriter err = spec.commandLine().getErr();
        SpamAnalysis analysis = new SpamAnalysis(new RelayTracer(in.trust(System.in, err)), in.registry(err));
        PartnerExport export = new PartnerExport(traps, in.registryData().asOf());
        LongAdder written = new LongAdder();
        List<MailReader.Problem> problems = new ArrayList<>();
        AtomicFiles.write(output, os -> {
            Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8);
            if (fmt.equals("csv")) {
                w.write((csvOptions.bom() ? "\uFEFF" : "") + PartnerExport.csvHeader());
            }
            in.read(System.in, !noProgress, m -> {
                Headers h = Headers.parse(m.raw());
                MessageReport r = analysis.analyze(m, h);
                if (!r.traced() || !wanted(r, key, rir)) {
                    return;
                }
                try {
                    w.write(fmt.equals("csv") ? export.csvLine(r, h) : export.jsonLine(r, h) + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                written.increment();
            }, p -> {
                problems.add(p);
                err.println("mamori: " + Terminal.safe(p.toString()));
            });
            w.flush();
        });
        err.println(Terminal.safe(output.toString()) + ": " + Lang.tr(written.sum() + " 通", written.sum() + " messages")
                + (fmt.equals("csv") ? " (CSV)" : " (JSON Lines)"));
        return problems.isEmpty() ? 0 : 2;
    }

    private static boolean wanted(MessageReport r, String key, String rir) {
        if (key != null && !r.attribution().countryKey().equals(key)) {
            return false;
        }
        return rir == null || rir.equals(r.attribution().registry());
    }

    private static String norm(String s) {
        return s.strip().replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
