package dev.mamori.cli.spam;

import dev.mamori.cli.CsvOptions;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Version;
import dev.mamori.mail.smtp.SmtpNotifier;

import dev.mamori.mail.AbuseContacts;
import dev.mamori.mail.ArfReport;
import dev.mamori.mail.MailReader;
import dev.mamori.mail.MessageReport;
import dev.mamori.mail.NoContactList;
import dev.mamori.mail.NotificationLog;
import dev.mamori.mail.RelayTracer;
import dev.mamori.mail.SpamAnalysis;
import dev.mamori.mail.SpecialAddresses;
import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mamori spam report}: abuse notifications (ARF) to the network of each message's nearest external relay. */
@Command(resourceBundle = "dev.mamori.cli.spam.Help", name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Notify the abuse desk of each relay's network (利用停止措置の通知) with an ARF report (RFC 5965: the "
                + "human part, message/feedback-report, the original as message/rfc822 or its headers as text/rfc822-headers). "
                + "The contact comes from your table (--contacts), saved RDAP answers (--rdap), or as a last resort abuse@ the "
                + "relay's registered domain (marked as such; --no-fallback to skip). A dry run is the default: the reports are "
                + "written as .eml files to --out. With --send they go over SMTP, rate-limited; a log (--log) records what was "
                + "sent so a re-run never notifies twice, and counts notifications per year.",
                "",
                "  mamori spam report Maildir/ --trusted 192.0.2.0/24 --contacts abuse.csv --from abuse@example.jp --out reports/",
                "  mamori spam report Maildir/ --trusted-file ours.txt --from abuse@example.jp --digest --headers-only \\",
                "      --send --smtp-host smtp.example.jp --smtp-port 587 --starttls --smtp-user notify --smtp-password-env SMTP_PASSWORD --rate 30",
                "",
                "A password is only sent over TLS: --starttls (port 587) or --smtps (port 465), the server's certificate and host name "
                + "checked against the Java trust store; --insecure-auth allows it in clear text, with a warning.",
                "",
                "Contacts table (CSV, UTF-8): network,contact,name — network is a CIDR, AS12345, or a domain suffix (.example.net). "
                + "The messages for which no contact is known are listed (the first ones on the terminal, all in --no-contact-csv, "
                + "by default no-contact.csv in --out) with their relay and network, so you can add theirs.", ""})
final class SpamReportCommand implements Callable<Integer> {

    @Mixin
    SpamInputs in;

    @Option(names = "--from", required = true, paramLabel = "ADDRESS", description = "Our address: the reports' From (and the envelope sender).")
    String from;

    @Option(names = "--reporting-domain", paramLabel = "DOMAIN", description = "Our domain, for Reporting-MTA (default: the domain of --from).")
    String reportingDomain;

    @Option(names = "--contacts", paramLabel = "CSV", description = "Your abuse-contact table.")
    Path contacts;

    @Option(names = "--rdap", paramLabel = "DIR|FILE", description = "RDAP answers (JSON) you saved for the relays' networks.")
    Path rdap;

    @Option(names = "--no-fallback", description = "Do not write to abuse@ the relay's domain when no contact is known.")
    boolean noFallback;

    @Option(names = "--trap", split = ",", paramLabel = "ADDRESS", description = "Your trap addresses: redacted in the reports.")
    List<String> traps = new ArrayList<>();

    @Option(names = "--headers-only", description = "Attach only the original's headers (text/rfc822-headers), not the whole message.")
    boolean headersOnly;

    @Option(names = "--digest", description = "One report per contact holding all its messages, instead of one per message.")
    boolean digest;

    @Option(names = "--out", paramLabel = "DIR", description = "Dry run (the default): write each report as an .eml file here.")
    Path out;

    @Option(names = "--send", description = "Send over SMTP instead of writing files.")
    boolean send;

    @Option(names = "--smtp-host", paramLabel = "HOST", description = "SMTP server for --send.")
    String smtpHost;

    @Option(names = "--smtp-port", paramLabel = "PORT", description = "Its port (default 25, or 465 with --smtps).")
    Integer smtpPort;

    @Option(names = "--starttls", description = "Require STARTTLS (the submission port 587 usually); the server's certificate and name are checked.")
    boolean startTls;

    @Option(names = "--smtps", description = "TLS from the first byte (implicit TLS, port 465); the server's certificate and name are checked.")
    boolean smtps;

    @Option(names = "--smtp-user", paramLabel = "USER", description = "Log in as USER; the password is read from --smtp-password-env. "
            + "Only over TLS (--starttls or --smtps) unless --insecure-auth.")
    String smtpUser;

    @Option(names = "--insecure-auth", description = "Allow --smtp-user without TLS: the password crosses the network in clear text (a warning is printed).")
    boolean insecureAuth;

    @Option(names = "--smtp-password-env", paramLabel = "VAR", description = "The environment variable holding the SMTP password (never an option value).")
    String smtpPasswordEnv;

    @Option(names = "--rate", paramLabel = "N", description = "At most N reports a minute when sending (default ${DEFAULT-VALUE}).")
    double rate = 60;

    @Option(names = "--log", paramLabel = "FILE", description = "The record of sent reports (default ~/.mamori/notifications.jsonl).")
    Path log;

    @Option(names = "--no-contact-csv", paramLabel = "FILE", description = "Write the messages without an abuse contact (file, "
            + "Message-ID, relay, its rDNS, registry, country and AS) as CSV here (default with --out: no-contact.csv in that folder).")
    Path noContactCsv;

    @Option(names = "--show", paramLabel = "N", description = "Messages without a contact listed on the terminal (default ${DEFAULT-VALUE}).")
    int show = 10;

    @Mixin
    CsvOptions csvOptions;

    @Option(names = "--no-progress", description = "No progress line (it is only shown when standard error is a terminal).")
    boolean noProgress;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (send == (out != null)) {
            throw send ? new Main.UsageProblem("--send と --out は同時に指定できません", "--send and --out exclude each other")
                    : new Main.UsageProblem("報告の行き先を指定してください: --out DIR（試行、ファイルに書き出し）または --send",
                            "say where the reports go: --out DIR (dry run) or --send");
        }
        if (send && smtpHost == null) {
            throw new Main.UsageProblem("--send には --smtp-host が必要です", "--send needs --smtp-host");
        }
        if (startTls && smtps) {
            throw new Main.UsageProblem("--starttls と --smtps は同時に指定できません。--starttls は平文の接続を TLS に切り替え（ポート 587）、"
                    + "--smtps は最初から TLS です（ポート 465）",
                    "--starttls and --smtps exclude each other: --starttls upgrades a plain connection (port 587),"
                    + " --smtps is TLS from the start (port 465)");
        }
        if (send && smtpUser != null && !startTls && !smtps && !insecureAuth) {
            throw new Main.UsageProblem("TLS なしの --smtp-user ではパスワードが平文で送られます。--starttls（ポート 587）か --smtps（ポート 465）を、"
                    + "それを承知なら --insecure-auth を指定してください",
                    "--smtp-user without TLS would send the password in clear text: add --starttls (port 587) or"
                    + " --smtps (port 465), or --insecure-auth if you accept that");
        }
        if (show < 0) {
            throw new Main.UsageProblem("--show は 0 以上です", "--show must be 0 or more");
        }
        int at = from.lastIndexOf('@');
        if (at < 1 || at == from.length() - 1) {
            throw new Main.UsageProblem("--from はメールアドレスです（" + Terminal.safe(from) + " ではなく）",
                    "--from must be an e-mail address, not " + Terminal.safe(from));
        }
        String domain = reportingDomain != null ? reportingDomain : from.substring(at + 1);
        PrintWriter err = spec.commandLine().getErr();
        int port = smtpPort != null ? smtpPort : smtps ? 465 : 25;
        if (send && smtpUser != null && insecureAuth && !startTls && !smtps) {
            err.println("mamori: " + Lang.tr("警告: --insecure-auth: " + Terminal.safe(smtpUser) + " の SMTP パスワードは平文で "
                    + Terminal.safe(smtpHost) + ":" + port + " に送られます", "warning: --insecure-auth: the SMTP password for "
                    + Terminal.safe(smtpUser) + " goes to " + Terminal.safe(smtpHost) + ":" + port + " in clear text"));
        }
        Path noContactFile = noContactCsv != null ? noContactCsv : out != null ? out.resolve("no-contact.csv") : null;
        in.guard().reads(contacts, "--contacts").reads(rdap, "--rdap").writes(out, "--out").writes(noContactCsv, "--no-contact-csv").check();
        AbuseContacts book = contacts == null && rdap == null ? AbuseContacts.fallbackOnly() : AbuseContacts.load(contacts, rdap);
        SpamAnalysis analysis = new SpamAnalysis(new RelayTracer(in.trust(System.in, err)), in.registry(err));
        NoContactList noContact = new NoContactList();
        String lang = Lang.current().name();
        ArfReport arf = new ArfReport(Version.get());
        Path logFile = log != null ? log : SpamInputs.DEFAULT_STORE.resolveSibling("notifications.jsonl");
        SmtpNotifier.Settings settings = send
                ? SmtpNotifier.Settings.smtp(smtpHost, port).withStartTls(startTls).withImplicitTls(smtps).withInsecureAuth(insecureAuth)
                        .withRate(rate).withEnvelopeFrom(from)
                : SmtpNotifier.Settings.dryRun(out);
        if (send && smtpUser != null) {
            settings = settings.withAuth(smtpUser, smtpPasswordEnv);
        }
        // one report per message goes out in batches as the mail is read, so memory stays bounded;
        // a digest needs every message of a contact first, so it holds them (use --headers-only for large runs)
        Map<String, List<ArfReport.Input>> byContact = new LinkedHashMap<>();
        Map<String, List<SmtpNotifier.Covered>> covered = new LinkedHashMap<>();
        Map<Message, Long> unreachable = new LinkedHashMap<>();
        List<MailReader.Problem> problems = new ArrayList<>();
        List<SmtpNotifier.Prepared> batch = new ArrayList<>();
        int[] totals = new int[4]; // sent, written, skipped, failed
        List<SmtpNotifier.Delivery> failures = new ArrayList<>();
        java.util.Set<String> reached = new java.util.HashSet<>();
        Map<Integer, Long> perYear;
        try (NotificationLog notifications = NotificationLog.open(logFile)) {
            SmtpNotifier notifier = new SmtpNotifier(settings, notifications);
            in.read(System.in, !noProgress, m -> {
                MessageReport r = analysis.analyze(m);
                if (!r.traced()) {
                    unreachable.merge(r.trace().reasonText().after("特定できず: ", "not traced: "), 1L, Long::sum);
                    return;
                }
                String ip = r.trace().relay().ip();
                if (!SpecialAddresses.globallyReachable(ip)) {
                    // private, documentation, reserved …: no network on the Internet answers for it, so nobody to notify
                    String block = SpecialAddresses.of(ip).map(SpecialAddresses.Block::name).orElse("?");
                    unreachable.merge(new Message("中継が特別用途のアドレス（" + block + "）", "relay in a special-purpose block (" + block + ")"),
                            1L, Long::sum);
                    return;
                }
                Optional<AbuseContacts.Contact> c = book.find(ip, r.trace().relay().rdns(), r.attribution().asn() == null ? 0 : r.attribution().asn());
                if (c.isEmpty() || (noFallback && c.get().source() == AbuseContacts.Source.FALLBACK)) {
                    unreachable.merge(NO_CONTACT, 1L, Long::sum);
                    noContact.add(r);
                    return;
                }
                Instant arrival = r.arrival() == null ? Instant.now() : r.arrival().toInstant();
                ArfReport.Input input = ArfReport.Input.builder(from, c.get().address(), ip, arrival, m.raw()).reportingDomain(domain)
                        .headersOnly(headersOnly).trapAddresses(recipients(m.raw())).subject("Abuse report: spam from " + ip).build();
                SmtpNotifier.Covered key = new SmtpNotifier.Covered(NotificationLog.messageKey(m.raw()), ip);
                reached.add(c.get().address());
                if (digest) {
                    byContact.computeIfAbsent(c.get().address(), k -> new ArrayList<>()).add(input);
                    covered.computeIfAbsent(c.get().address(), k -> new ArrayList<>()).add(key);
                    return;
                }
                batch.add(new SmtpNotifier.Prepared(c.get().address(), List.of(key), arf.build(input)));
                if (batch.size() >= BATCH) {
                    flush(notifier, batch, totals, failures);
                }
            }, p -> {
                problems.add(p);
                err.println("mamori: " + Terminal.safe(p.toString()));
            });
            byContact.forEach((contact, inputs) -> batch.add(new SmtpNotifier.Prepared(contact, covered.get(contact), arf.digest(inputs))));
            flush(notifier, batch, totals, failures);
            perYear = notifications.perYear();
        }
        PrintWriter o = spec.commandLine().getOut();
        o.println(Lang.tr((send ? "送信 " + totals[0] : "書き出し " + totals[1] + "（試行、" + Terminal.safe(String.valueOf(out)) + "）")
                + "、送信済み " + totals[2] + "、失敗 " + totals[3] + "、連絡先 " + reached.size(),
                (send ? "sent " + totals[0] : "written " + totals[1] + " (dry run, " + Terminal.safe(String.valueOf(out)) + ")")
                + ", already sent " + totals[2] + ", failed " + totals[3] + "; contacts " + reached.size()));
        unreachable.forEach((why, n) -> o.println("  " + Terminal.safe(why.in(lang)) + ": " + n));
        o.println(in.registryData().asOfText().in(lang));
        if (noContact.size() > 0) {
            o.println(Lang.tr("連絡先のないメッセージ（" + noContact.size() + " 通" + (noContact.size() > show ? "、先頭 " + show + " 通" : "") + "）:",
                    "messages without an abuse contact (" + noContact.size() + (noContact.size() > show ? ", the first " + show : "") + "):"));
            noContact.entries().stream().limit(show).forEach(e -> o.println("  " + Terminal.safe(Path.of(e.file()).getFileName().toString())
                    + "  " + e.relayIp() + "  " + Terminal.safe(String.join(" ", java.util.stream.Stream.of(e.rdns(), e.registry(),
                            dev.mamori.mail.Attribution.labelOf(e.country(), lang), e.asn(), e.asOrg()).filter(x -> !x.isEmpty()).toList()))
                    + (e.messageId().isEmpty() ? "" : "  " + Terminal.safe(e.messageId()))));
            if (noContactFile != null) {
                dev.mamori.report.AtomicFiles.writeString(noContactFile, (csvOptions.bom() ? "\uFEFF" : "") + noContact.csv());
                o.println(Lang.tr("一覧: ", "list: ") + Terminal.safe(noContactFile.toString()));
            }
            o.println(NoContactList.HOW_TO_ADD.in(lang));
        }
        if (!perYear.isEmpty()) {
            o.println(Lang.tr("年ごとの送信数（", "notifications sent per year (") + Terminal.safe(logFile.toString()) + Lang.tr("）: ", "): ") + perYear);
        }
        failures.forEach(d -> err.println("mamori: " + Terminal.safe(d.report().contact() + ": " + d.error())));
        return problems.isEmpty() && totals[3] == 0 ? 0 : 2;
    }

    private static final int BATCH = 200;
    private static final Message NO_CONTACT = new Message("abuse の連絡先が不明", "no abuse contact");

    /**
     * What to redact in one report: every recipient address the message's headers show (any address at a trap
     * domain, not only the --trap ones) and those --trap addresses that occur in it — never the other traps.
     */
    private List<String> recipients(byte[] raw) {
        java.util.Set<String> out = new java.util.LinkedHashSet<>(dev.mamori.mail.PartnerExport.recipientsOf(dev.mamori.mail.Headers.parse(raw)));
        String text = new String(raw, java.nio.charset.StandardCharsets.ISO_8859_1).toLowerCase(java.util.Locale.ROOT);
        traps.stream().map(t -> t.toLowerCase(java.util.Locale.ROOT)).filter(text::contains).forEach(out::add);
        return List.copyOf(out);
    }

    private static void flush(SmtpNotifier notifier, List<SmtpNotifier.Prepared> batch, int[] totals, List<SmtpNotifier.Delivery> failures) {
        if (batch.isEmpty()) {
            return;
        }
        try {
            SmtpNotifier.Result r = notifier.send(batch);
            totals[0] += r.sent();
            totals[1] += r.written();
            totals[2] += r.skipped();
            totals[3] += r.failed();
            r.deliveries().stream().filter(d -> d.status() == SmtpNotifier.Status.FAILED).forEach(failures::add);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        batch.clear();
    }
}
