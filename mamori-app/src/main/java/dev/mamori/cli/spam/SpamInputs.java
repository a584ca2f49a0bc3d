package dev.mamori.cli.spam;

import dev.mamori.cli.InputFiles;
import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.cli.Outputs;
import dev.mamori.cli.Progress;
import dev.mamori.mail.GeoIpDatabases;
import dev.mamori.mail.Headers;
import dev.mamori.mail.IpRegistry;
import dev.mamori.mail.MailMessage;
import dev.mamori.mail.MailReader;
import dev.mamori.mail.RegistryData;
import dev.mamori.mail.RegistryException;
import dev.mamori.mail.RegistryStore;
import dev.mamori.mail.RelayTracer;
import dev.mamori.mail.TrustConfig;
import dev.mamori.mail.TrustInference;
import dev.mamori.report.AtomicFiles;
import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** What every {@code mamori spam} command that reads mail shares: the inputs, our relays, and the registry data. */
public final class SpamInputs {

    static final Path DEFAULT_STORE = Path.of(System.getProperty("user.home"), ".mamori", "registry");

    @Parameters(paramLabel = "MAIL", descriptionKey = "mail", arity = "1..*", description = "mbox files, Maildirs, directories of .eml files, single messages, or - for standard input.")
    List<String> inputs;

    @Option(names = "--trusted", split = ",", paramLabel = "NET|HOST",
            description = "Our own relays: networks (192.0.2.0/24), addresses or host names (mx.example.jp, .example.jp), comma-separated. "
                    + "Without this or --trusted-file they are inferred from the mail and the report says so.")
    List<String> trusted = new ArrayList<>();

    @Option(names = "--trusted-file", paramLabel = "FILE", description = "The same, one a line (# comments).")
    Path trustedFile;

    @Option(names = "--registry", paramLabel = "DIR", description = "The registry store filled by 'mamori spam registry update' (default: ~/.mamori/registry when it exists).")
    Path store;

    @Option(names = "--rir", paramLabel = "FILE|DIR", description = "RIR delegated-statistics files (or a folder of them) to use directly, besides the store.")
    List<Path> rir = new ArrayList<>();

    @Option(names = "--geoip", paramLabel = "FILE", description = "A MaxMind GeoIP2/GeoLite2 Country or ASN database (.mmdb); repeatable.")
    List<Path> geoip = new ArrayList<>();

    @Option(names = "--max-message-size", paramLabel = "BYTES", description = "Longer messages keep only their first bytes (default ${DEFAULT-VALUE}; at least 1024).")
    int maxMessageSize = 50 * 1024 * 1024;

    @Option(names = "--infer-sample", paramLabel = "N", description = "Messages read to infer our relays when none are given (default ${DEFAULT-VALUE}).")
    int inferSample = 500;

    private Path spooledStdin;
    private RegistryData registryData = RegistryData.of(IpRegistry.empty());

    /** The trust configuration: given, or inferred from a first look at up to --infer-sample messages. */
    TrustConfig trust(InputStream stdin, PrintWriter err) throws IOException {
        List<String> entries = new ArrayList<>(trusted);
        if (trustedFile != null) {
            try {
                entries.addAll(Files.readAllLines(InputFiles.existing(trustedFile)));
            } catch (java.nio.charset.CharacterCodingException e) {
                throw new Main.UsageProblem(Terminal.safe(trustedFile.toString()) + ": UTF-8 のテキストではありません",
                        Terminal.safe(trustedFile.toString()) + ": not UTF-8 text");
            }
        }
        if (!entries.isEmpty()) {
            try {
                return TrustConfig.of(entries);
            } catch (IllegalArgumentException e) {
                throw new Main.UsageProblem("--trusted: " + Terminal.safe(Message.of(e).in(Lang.current().name())));
            }
        }
        TrustInference inference = new TrustInference(0.2);
        RelayTracer probe = new RelayTracer(TrustConfig.none());
        class Enough extends RuntimeException {
            Enough() {
                super(null, null, false, false);
            }
        }
        spoolStdin(stdin);
        try {
            readAll(stdin, m -> {
                inference.add(probe.relays(Headers.parse(m.raw())));
                if (inference.size() >= inferSample) {
                    throw new Enough();
                }
            }, p -> { });
        } catch (Enough e) {
            // the sample is complete
        }
        TrustConfig t = inference.result();
        err.println("mamori: " + Lang.tr("--trusted の指定がないため、自組織の中継を " + inference.size() + " 通から推定しました: ",
                "no --trusted given; our relays inferred from " + inference.size() + " messages: ") + t.description().in(Lang.current().name()));
        return t;
    }

    /**
     * The registry: the store's files, plus --rir files and --geoip databases. When no RIR file was found or
     * one of the five RIRs is missing, the warning ({@link RegistryData#warning()}) goes to {@code err}.
     */
    IpRegistry registry(PrintWriter err) {
        IpRegistry r = loadRegistry();
        registryData = RegistryData.of(r);
        Message warning = registryData.warning();
        if (warning != null) {
            err.println("mamori: " + Lang.tr("警告: ", "warning: ") + warning.in(Lang.current().name()));
        }
        return r;
    }

    /** The registry data of the run ({@link #registry} fills it). */
    RegistryData registryData() {
        return registryData;
    }

    private IpRegistry loadRegistry() {
        try {
            List<Path> files = new ArrayList<>();
            for (Path p : rir) {
                if (Files.isDirectory(p)) {
                    try (Stream<Path> s = Files.list(p)) {
                        s.filter(f -> isDelegatedFile(f.getFileName().toString())).sorted().forEach(files::add);
                    }
                } else {
                    files.add(InputFiles.existing(p));
                }
            }
            Path dir = store != null ? store : Files.isDirectory(DEFAULT_STORE) ? DEFAULT_STORE : null;
            IpRegistry fromStore = dir == null ? null : RegistryStore.at(dir).open();
            IpRegistry direct = files.isEmpty() ? null : IpRegistry.load(files);
            IpRegistry r = direct != null ? direct : fromStore != null ? fromStore : IpRegistry.empty();
            if (direct != null && fromStore != null) {
                r = IpRegistry.load(concat(fromStore.sources().stream().map(IpRegistry.Source::file).toList(), files));
            }
            if (!geoip.isEmpty()) {
                geoip.forEach(InputFiles::existing);
                r = r.withGeoIp(GeoIpDatabases.open(geoip));
            } else if (fromStore != null && fromStore.geoIp().isPresent()) {
                r = r.withGeoIp(fromStore.geoIp().get());
            }
            return r;
        } catch (RegistryException e) {
            throw new Main.UsageProblem(Lang.tr("登録データを読めません: ", "") + Terminal.safe(e.message(Lang.current().name())));
        } catch (IOException e) {
            throw new Main.UsageProblem(Lang.tr("登録データを読めません: ", "registry: ") + Terminal.safe(e.getMessage()));
        }
    }

    /** A delegated-statistics file, not its checksum or signature beside it. */
    public static boolean isDelegatedFile(String name) {
        return name.startsWith("delegated-") && !name.matches(".*\\.(md5|asc|sig|sha1|sha256|gz|bz2|zip)$");
    }

    private static List<Path> concat(List<Path> a, List<Path> b) {
        List<Path> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    /**
     * Standard input has to be read twice when our relays are inferred: it is kept in a scratch file readable
     * by its owner only, deleted after the second reading, at exit (Ctrl-C included), or by the next run
     * after a {@code kill -9} ({@link AtomicFiles#scratch}).
     */
    private void spoolStdin(InputStream stdin) throws IOException {
        if (inputs.contains("-") && spooledStdin == null) {
            spooledStdin = AtomicFiles.scratch(null);
            try (OutputStream o = Files.newOutputStream(spooledStdin, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                stdin.transferTo(o);
            }
        }
    }

    /** {@link #read(InputStream, Consumer, Consumer)} with a progress bar on standard error when it is a terminal and {@code progress}. */
    void read(InputStream stdin, boolean progress, Consumer<MailMessage> sink, Consumer<MailReader.Problem> problems) throws IOException {
        Progress bar = Progress.forStderr(progress);
        bar.start(Terminal.safe(String.join(" ", inputs)), -1);
        long[] bytes = {0};
        try {
            read(stdin, m -> {
                bytes[0] += m.raw().length;
                bar.advance(bytes[0]);
                sink.accept(m);
            }, problems);
        } finally {
            bar.done();
        }
    }

    /** Reads every message in order, each handed on and forgotten; the copy of standard input is deleted afterwards. */
    void read(InputStream stdin, Consumer<MailMessage> sink, Consumer<MailReader.Problem> problems) throws IOException {
        try {
            readAll(stdin, sink, problems);
        } finally {
            if (spooledStdin != null) {
                AtomicFiles.delete(spooledStdin);
                spooledStdin = null;
            }
        }
    }

    private void readAll(InputStream stdin, Consumer<MailMessage> sink, Consumer<MailReader.Problem> problems) throws IOException {
        if (maxMessageSize < 1024) {
            throw new Main.UsageProblem("--max-message-size は 1024 バイト以上にしてください", "--max-message-size must be at least 1024 bytes");
        }
        if (spooledStdin == null) {
            new MailReader(maxMessageSize, problems).read(inputs, stdin, sink); // standard input is never closed here
            return;
        }
        try (InputStream s = Files.newInputStream(spooledStdin)) {
            new MailReader(maxMessageSize, problems).read(inputs, s, sink);
        }
    }

    /** The output check of a spam command: its outputs against the mail it reads, the contacts and the key store. */
    dev.mamori.report.OutputGuard guard() {
        dev.mamori.report.OutputGuard g = Outputs.guard();
        inputs.forEach(i -> g.reads(Path.of(i), "読み込むメール", "the mail read"));
        return g;
    }

    /**
     * The format of an output file: {@code explicit} (--format) when given, else the file's extension
     * (.csv, .jsonl or .ndjson, .json, .xlsx, .html); it must be one of {@code allowed}.
     */
    static String formatOf(Path file, String explicit, List<String> allowed) {
        String f = explicit;
        if (f == null) {
            String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
            int dot = name.lastIndexOf('.');
            String ext = dot < 0 ? "" : name.substring(dot + 1);
            f = switch (ext) {
                case "csv" -> "csv";
                case "jsonl", "ndjson" -> "jsonl";
                case "json" -> "json";
                case "xlsx" -> "xlsx";
                case "html", "htm" -> "html";
                default -> null;
            };
            if (f == null || !allowed.contains(f)) {
                String exts = String.join(", ", allowed.stream().map(a -> a.equals("jsonl") ? ".jsonl (.ndjson)" : "." + a).toList());
                throw new Main.UsageProblem(Terminal.safe(file.toString()) + ": 拡張子から形式がわかりません。" + exts.replace(", ", "、")
                        + " のどれかの名前にするか、--format " + String.join("|", allowed) + " を指定してください",
                        Terminal.safe(file.toString()) + ": the extension does not say a format this command writes: name it " + exts
                                + ", or give --format " + String.join("|", allowed));
            }
            return f;
        }
        if (!allowed.contains(f)) {
            throw new Main.UsageProblem("--format は " + String.join("、", allowed) + " のどれかです（" + Terminal.safe(f) + " ではなく）",
                    "--format must be one of " + String.join(", ", allowed) + ", not " + Terminal.safe(f));
        }
        return f;
    }
}
