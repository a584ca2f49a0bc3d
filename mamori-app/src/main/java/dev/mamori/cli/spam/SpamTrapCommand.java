package dev.mamori.cli.spam;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.mail.smtp.Trap;

import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code mamori spam trap}: a receive-only SMTP server for honeypot addresses. Mail to a trap
 * address is stored in a Maildir with one {@code Received:} line of ours on top; every other
 * recipient is refused. It never relays, never bounces, and asks no DNS unless {@code --rdns}.
 */
@Command(resourceBundle = "dev.mamori.cli.spam.Help", name = "trap",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
                "Run a spam trap: a small SMTP server that accepts mail only for honeypot addresses — addresses nobody real uses, published where only harvesters find them — and stores each message in a Maildir for later analysis.",
                "",
                "What it does with a message:",
                "  * RCPT for a trap address (--trap, --trap-file) or any address at a trap domain (--domain) gets 250; every other recipient gets 550, so the trap can never be used as a relay. Domains and local parts are both compared case-insensitively (Trap@Example.COM is trap@example.com).",
                "  * The message is stored as received (CRLF line endings, nothing rewritten) with one line of ours on top, which Mamori's relay tracing reads:",
                "      Received: from HELO (unknown [IP])",
                "              by HOSTNAME (Mamori trap) with ESMTP id ID",
                "              for <TRAP-ADDRESS>; DATE",
                "    IP is the connecting address; HELO what the client said (cleaned; \"unknown\" if it said nothing). No DNS is asked unless --rdns. A message to several traps is stored once, \"for\" the first of them; the log line names them all.",
                "  * Storage is atomic (tmp/ then new/): a crash or a client that hangs up mid-message never leaves half a message where readers look.",
                "  * Over --max-size: 552 and nothing stored. Disk or permission trouble: 451 (the sender retries later).",
                "  * One line per accepted or refused message on stderr; the sender's local part is masked (***@example.com).",
                "",
                "Slow and greedy clients (slowloris) cannot hold the trap: each command line must arrive whole within --command-timeout of the trap's reply (60 s; Postfix waits up to 300 s for each read, and 10 s when under stress), each message whole within --message-timeout of its start (300 s, Postfix's smtpd_timeout; 10 MB at 35 KB/s), however steadily the client trickles bytes; a client that misses a deadline gets 421 and its slot is freed. One address may hold at most --max-per-ip connections (4 of the 20 slots; more get 421 at once). A message whose transfer did not end (a cut-off DATA, a BDAT chunk cut short, a BDAT LAST never sent) is never stored and is logged as aborted. Real MTAs send each command at once and retry after 421.",
                "",
                "Listening address: the default --bind 0.0.0.0 listens on every interface, because a trap is useless unless the Internet can reach it (point the trap domain's MX at this host). To try it out, or behind a port forward, use --bind 127.0.0.1. Port 25 needs privileges: run as a service with CAP_NET_BIND_SERVICE, or --listen 2525 and forward 25 to it in the firewall.",
                "",
                "Treat what arrives as hostile: do not open attachments or follow links from the Maildir.",
                "",
                "Examples:",
                "  # try it on this machine, on any free port (the port is printed):",
                "  mamori spam trap --bind 127.0.0.1 --listen 0 \\",
                "      --trap bait@example.com --maildir ./trap-mail",
                "  # a whole honeypot domain plus a list of single addresses:",
                "  mamori spam trap --listen 2525 --domain honeypot.example.net \\",
                "      --trap-file traps.txt --maildir /var/spool/mamori-trap",
                "  # traps.txt: one address per line; '#' starts a comment",
                "",
                "Ctrl-C stops it: open sessions are closed (their senders will retry), deliveries in progress finish.",
                ""})
public final class SpamTrapCommand implements Callable<Integer> {


    @Spec
    CommandSpec spec;

    @Option(names = "--listen", paramLabel = "PORT", defaultValue = "25",
            description = "TCP port to listen on (default: ${DEFAULT-VALUE}). 0 picks a free port and prints it.")
    int port;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "IP address to listen on (default: ${DEFAULT-VALUE}, every interface; see above). 127.0.0.1 or ::1 for local tests.")
    String bind;

    @Option(names = "--domain", paramLabel = "DOMAIN",
            description = "A trap domain: every address at it is a trap. Repeatable.")
    List<String> domains = new ArrayList<>();

    @Option(names = "--trap", paramLabel = "ADDRESS",
            description = "One trap address. Repeatable.")
    List<String> traps = new ArrayList<>();

    @Option(names = "--trap-file", paramLabel = "FILE",
            description = "A file of trap addresses, one per line; blank lines and '#' comments are ignored.")
    Path trapFile;

    @Option(names = "--maildir", paramLabel = "DIR", required = true,
            description = "Where messages are stored (a Maildir: tmp/, new/, cur/ are created, mode 700).")
    Path maildir;

    @Option(names = "--max-size", paramLabel = "BYTES", defaultValue = "10M",
            description = "Largest message accepted (default: ${DEFAULT-VALUE}); K and M suffixes allowed. Larger ones get 552 and are not stored.")
    String maxSize;

    @Option(names = "--max-recipients", paramLabel = "N", defaultValue = "100",
            description = "Recipients per message (default: ${DEFAULT-VALUE}); more get 452.")
    int maxRecipients;

    @Option(names = "--max-connections", paramLabel = "N", defaultValue = "20",
            description = "Clients served at once (default: ${DEFAULT-VALUE}); the next ones get 421 (try again later). Each may hold up to --max-size in memory.")
    int maxConnections;

    @Option(names = "--max-per-ip", paramLabel = "N", defaultValue = "4",
            description = "Connections one address may hold at once (default: ${DEFAULT-VALUE}); more get 421 at once, so one sender cannot take every slot.")
    int maxPerIp;

    @Option(names = "--command-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Time for each command line to arrive whole, from the trap's reply (default: ${DEFAULT-VALUE}); then 421 and the connection is closed.")
    int commandTimeout;

    @Option(names = "--message-timeout", paramLabel = "SECONDS", defaultValue = "300",
            description = "Time for a whole message (DATA to the final dot, or every BDAT chunk) from its start (default: ${DEFAULT-VALUE}); then 421, nothing stored.")
    int messageTimeout;

    @Option(names = "--hostname", paramLabel = "NAME",
            description = "Our name in the greeting and the Received line (default: this machine's host name).")
    String hostname;

    @Option(names = "--rdns", description = "Look up each client's reverse DNS name (at most 2 s) for the Received line. Off by default: no DNS at all.")
    boolean rdns;

    /** The running trap, for tests that drive {@link #call()} on another thread. */
    volatile Trap trap;

    @Override
    public Integer call() throws InterruptedException {
        Trap.Config config = config();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Trap t = new Trap(config, line -> {
            synchronized (err) {
                err.println(Terminal.safe(line));
                err.flush();
            }
        });
        try {
            t.start();
        } catch (IOException e) {
            throw new Main.UsageProblem(hostPort(config.bind(), config.port()) + " で待ち受けできません: " + e.getMessage()
                    + (config.port() > 0 && config.port() < 1024 ? "（1024 未満のポートには特権が必要です。--listen 2525 を試してください）" : ""),
                    "cannot listen on " + hostPort(config.bind(), config.port()) + ": " + e.getMessage()
                    + (config.port() > 0 && config.port() < 1024 ? " (ports below 1024 need privileges; try --listen 2525)" : ""));
        }
        trap = t;
        Thread hook = new Thread(t::stop, "mamori-trap-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        out.println(Lang.tr("待ち受け中 ", "listening on ") + hostPort(config.bind(), t.port()));
        out.println(Lang.tr("トラップ: アドレス " + config.addresses().size() + " 件、ドメイン " + config.domains().size() + " 件。保存先 "
                + Terminal.safe(config.maildir().toString()) + "。Ctrl-C で停止します",
                "traps: " + config.addresses().size() + " address(es), " + config.domains().size() + " domain(s); storing in "
                + Terminal.safe(config.maildir().toString()) + "; Ctrl-C stops"));
        out.flush();
        try {
            t.awaitStop();
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is what stopped us
            }
        }
        out.println(Lang.tr("停止しました", "stopped"));
        out.flush();
        return 0;
    }

    /** The options checked and turned into a trap configuration; {@link Main.UsageProblem} for mistakes. */
    Trap.Config config() {
        if (port < 0 || port > 65535) {
            throw new Main.UsageProblem("--listen は 0 から 65535 のポート番号です（" + port + " ではなく）",
                    "--listen must be a port from 0 to 65535, not " + port);
        }
        if (maxRecipients < 1 || maxConnections < 1 || maxPerIp < 1) {
            throw new Main.UsageProblem("--max-recipients、--max-connections、--max-per-ip は 1 以上です",
                    "--max-recipients, --max-connections and --max-per-ip must be at least 1");
        }
        if (commandTimeout < 1 || commandTimeout > 86_400 || messageTimeout < 1 || messageTimeout > 86_400) {
            throw new Main.UsageProblem("--command-timeout と --message-timeout は 1 から 86400 の秒数です",
                    "--command-timeout and --message-timeout are seconds from 1 to 86400");
        }
        Set<String> addresses = new LinkedHashSet<>();
        for (String a : traps) {
            addresses.add(address(a, "--trap"));
        }
        if (trapFile != null) {
            addresses.addAll(readTrapFile(trapFile));
        }
        Set<String> trapDomains = new LinkedHashSet<>();
        for (String d : domains) {
            String x = d.trim().toLowerCase(Locale.ROOT);
            if (x.startsWith("@")) {
                x = x.substring(1);
            }
            if (x.isEmpty() || x.contains("@") || !Trap.token(x).equals(x)) {
                throw new Main.UsageProblem("--domain: ドメイン名ではありません: '" + Terminal.safe(d) + "'",
                        "--domain: not a domain name: '" + Terminal.safe(d) + "'");
            }
            trapDomains.add(x);
        }
        if (addresses.isEmpty() && trapDomains.isEmpty()) {
            throw new Main.UsageProblem("トラップがありません: --trap ADDRESS、--trap-file FILE、--domain DOMAIN のどれかを指定してください",
                    "no traps: give --trap ADDRESS, --trap-file FILE or --domain DOMAIN");
        }
        String name = hostname != null ? hostname : localHostName();
        if (name.isBlank() || !Trap.token(name).equals(name)) {
            throw new Main.UsageProblem("--hostname: ホスト名ではありません: '" + Terminal.safe(name) + "'",
                    "--hostname: not a host name: '" + Terminal.safe(name) + "'");
        }
        return new Trap.Config(bindAddress(), port, trapDomains, addresses, maildir, parseSize(maxSize), maxRecipients, maxConnections,
                maxPerIp, Duration.ofSeconds(commandTimeout), Duration.ofSeconds(messageTimeout), name, rdns);
    }

    private InetAddress bindAddress() {
        String b = bind.trim();
        if (b.startsWith("[") && b.endsWith("]")) {
            b = b.substring(1, b.length() - 1);
        }
        // An IP literal only: a name here would need DNS, which this tool does not use.
        if (b.isEmpty() || !b.matches("[0-9A-Fa-f:.]+")) {
            throw new Main.UsageProblem("--bind: IP アドレスを指定してください（例: 0.0.0.0、127.0.0.1、::）。'" + Terminal.safe(bind) + "' ではなく",
                    "--bind: give an IP address (e.g. 0.0.0.0, 127.0.0.1, ::), not '" + Terminal.safe(bind) + "'");
        }
        try {
            return InetAddress.getByName(b);
        } catch (UnknownHostException e) {
            throw new Main.UsageProblem("--bind: IP アドレスではありません: '" + Terminal.safe(bind) + "'",
                    "--bind: not an IP address: '" + Terminal.safe(bind) + "'");
        }
    }

    static String address(String raw, String where) {
        String a = Trap.normalise(raw);
        int at = a.lastIndexOf('@');
        if (at <= 0 || at == a.length() - 1 || !Trap.token(a).equals(a)) {
            throw new Main.UsageProblem(Terminal.safe(where) + ": メールアドレスではありません: '" + Terminal.safe(raw) + "'",
                    Terminal.safe(where) + ": not an e-mail address: '" + Terminal.safe(raw) + "'");
        }
        return a;
    }

    static List<String> readTrapFile(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new Main.UsageProblem("--trap-file: 読めません: " + Terminal.safe(file + ": " + e.getMessage()),
                    "--trap-file: cannot read " + Terminal.safe(file + ": " + e.getMessage()));
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = stripComment(lines.get(i)).trim();
            if (!line.isEmpty()) {
                out.add(address(line, file + ":" + (i + 1)));
            }
        }
        return out;
    }

    /** '#' starts a comment at the start of a line or after a space ('#' inside an address is left alone). */
    private static String stripComment(String line) {
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
                return line.substring(0, i);
            }
        }
        return line;
    }

    static int parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT);
        long unit = 1;
        if (t.endsWith("K") || t.endsWith("M")) {
            unit = t.endsWith("K") ? 1024 : 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        try {
            long v = Long.parseLong(t) * unit;
            if (v < 1 || v > Integer.MAX_VALUE - 64) {
                throw new NumberFormatException();
            }
            return (int) v;
        } catch (NumberFormatException e) {
            throw new Main.UsageProblem("--max-size: 1 から 2G のバイト数を指定してください（例: 10485760、10M）。'" + Terminal.safe(s) + "' ではなく",
                    "--max-size: give a size in bytes from 1 to 2G, e.g. 10485760 or 10M, not '" + Terminal.safe(s) + "'");
        }
    }

    private static String hostPort(InetAddress a, int port) {
        return (a instanceof Inet6Address ? "[" + a.getHostAddress() + "]" : a.getHostAddress()) + ":" + port;
    }

    /** This machine's name without asking DNS: the kernel's, else the environment's, else "localhost". */
    static String localHostName() {
        try {
            Path kernel = Path.of("/proc/sys/kernel/hostname");
            if (Files.isReadable(kernel)) {
                String h = Files.readString(kernel).trim();
                if (!h.isEmpty() && Trap.token(h).equals(h)) {
                    return h;
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // fall through
        }
        for (String env : List.of("HOSTNAME", "COMPUTERNAME")) {
            String h = System.getenv(env);
            if (h != null && !h.isBlank() && Trap.token(h.trim()).equals(h.trim())) {
                return h.trim();
            }
        }
        return "localhost";
    }
}
