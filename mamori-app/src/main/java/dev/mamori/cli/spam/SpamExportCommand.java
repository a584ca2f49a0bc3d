package dev.mamori.cli.spam;

import dev.mamori.cli.Main;

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
@Command(name = "export", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Header data of the messages whose nearest external relay is in one country or registry, for a partner "
                + "(seed 002 forwards China-originated spam's headers to a partner in an agreed format). Only what the "
                + "secrecy of communications lets you pass on: the relay and its attribution and the header fields, with "
                + "every recipient address masked (your trap addresses, To/Cc/Delivered-To, Received \"for <…>\"); never a body. "
                + "Format: docs/spam.md.",
                "",
                "  mamori spam export Maildir/ --trusted 192.0.2.0/24 --rir ~/rir --country CN --output cn.jsonl",
                "  mamori spam export mail.mbox --trusted-file ours.txt --registry-name \"RIPE NCC\" --format csv --output ripe.csv", ""})
final class SpamExportCommand implements Callable<Integer> {

    @Mixin
    SpamInputs in;

    @Option(names = "--country", paramLabel = "CC", description = "Only relays in this country (ISO code, e.g. CN) or registry block (\"RIPE NCC\", \"APNIC\").")
    String country;

    @Option(names = "--registry-name", paramLabel = "RIR", description = "Only relays allocated by this registry (APNIC, RIPE NCC, ARIN, LACNIC, AFRINIC).")
    String registryName;

    @Option(names = "--trap", split = ",", paramLabel = "ADDRESS", description = "Your trap addresses (also masked wherever they appear).")
    List<String> traps = new ArrayList<>();

    @Option(names = "--format", paramLabel = "FORMAT", description = "jsonl (default) or csv.")
    String format = "jsonl";

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write (atomically).")
    Path output;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("jsonl") && !format.equals("csv")) {
            throw new Main.UsageProblem("--format must be jsonl or csv, not " + format);
        }
        if (country == null && registryName == null) {
            throw new Main.UsageProblem("say which messages to export: --country CC or --registry-name RIR");
        }
        in.guard().writes(output, "--output").check();
        SpamAnalysis analysis = new SpamAnalysis(new RelayTracer(in.trust(System.in, spec.commandLine().getErr())), in.registry());
        PartnerExport export = new PartnerExport(traps);
        LongAdder written = new LongAdder();
        List<MailReader.Problem> problems = new ArrayList<>();
        AtomicFiles.write(output, os -> {
            Writer w = new java.io.OutputStreamWriter(os, StandardCharsets.UTF_8);
            if (format.equals("csv")) {
                w.write(PartnerExport.csvHeader());
            }
            in.read(System.in, m -> {
                Headers h = Headers.parse(m.raw());
                MessageReport r = analysis.analyze(m, h);
                if (!r.traced() || !wanted(r)) {
                    return;
                }
                try {
                    w.write(format.equals("csv") ? export.csvLine(r, h) : export.jsonLine(r, h) + "\n");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                written.increment();
            }, p -> {
                problems.add(p);
                spec.commandLine().getErr().println("mamori: " + Terminal.safe(p.toString()));
            });
            w.flush();
        });
        spec.commandLine().getErr().println(Terminal.safe(output.toString()) + ": " + written.sum() + " messages");
        return problems.isEmpty() ? 0 : 2;
    }

    private boolean wanted(MessageReport r) {
        if (country != null && !r.attribution().countryKey().equalsIgnoreCase(country.strip())) {
            return false;
        }
        return registryName == null || registryName.strip().equalsIgnoreCase(String.valueOf(r.attribution().registry()))
                || registryName.strip().replace(" ", "").toLowerCase(Locale.ROOT)
                        .equals(String.valueOf(r.attribution().registry()).replace(" ", "").toLowerCase(Locale.ROOT));
    }
}
