package dev.mamori.cli.bench;

import dev.mamori.cli.Main;
import dev.mamori.cli.spam.SpamInputs;

import dev.mamori.mail.Headers;
import dev.mamori.mail.IpRegistry;
import dev.mamori.mail.MailMessage;
import dev.mamori.mail.MailReader;
import dev.mamori.mail.MessageReport;
import dev.mamori.mail.RelayTracer;
import dev.mamori.mail.SpamAnalysis;
import dev.mamori.mail.SpamStatistics;
import dev.mamori.mail.TrustConfig;
import dev.mamori.report.Terminal;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mamori bench spam}: messages per second of header analysis with attribution, on one core (docs/benchmarks.md). */
@Command(name = "spam", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Header analysis with attribution on one thread: headers parsed, Received chain traced, relay attributed "
                + "(RIR files, optionally GeoIP) and counted, over the real sample's messages repeated (1) in memory and (2) "
                + "read from an mbox file written once to bench-data/. Prints messages per second.",
                "",
                "  java -jar mamori-app/target/mamori.jar bench spam --rir ~/rir --messages 500000", ""})
final class BenchSpam implements Callable<Integer> {

    @Option(names = "--sample", paramLabel = "DIR", description = "The messages to repeat (default ${DEFAULT-VALUE}).")
    Path sample = Path.of("eval", "spam-sample", "messages");

    @Option(names = "--trusted", split = ",", paramLabel = "NET", description = "Our relays (default: the sample's).")
    List<String> trusted = List.of("212.17.35.15", "213.105.180.140", "193.120.211.219", "193.120.149.226");

    @Option(names = "--rir", paramLabel = "DIR", description = "A folder of RIR delegated files to attribute with.")
    Path rir;

    @Option(names = "--messages", paramLabel = "N", description = "Messages measured (default ${DEFAULT-VALUE}).")
    int messages = 200_000;

    @Option(names = "--mbox", paramLabel = "FILE", description = "The mbox for the end-to-end run; written (atomically) when missing (default: bench-data/spam-bench-N.mbox for N messages).")
    Path mbox;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        List<MailMessage> corpus = new ArrayList<>();
        new MailReader(1 << 24, p -> { }).read(List.of(sample.toString()), null, corpus::add);
        if (corpus.isEmpty()) {
            throw new Main.UsageProblem(Terminal.safe(sample.toString()) + ": no messages");
        }
        List<Path> rirFiles = new ArrayList<>();
        if (rir != null) {
            try (Stream<Path> s = Files.list(rir)) {
                s.filter(f -> SpamInputs.isDelegatedFile(f.getFileName().toString())).sorted().forEach(rirFiles::add);
            }
        }
        long t0 = System.nanoTime();
        IpRegistry registry = rirFiles.isEmpty() ? IpRegistry.empty() : IpRegistry.load(rirFiles);
        double loadMs = (System.nanoTime() - t0) / 1e6;
        SpamAnalysis analysis = new SpamAnalysis(new RelayTracer(TrustConfig.of(trusted)), registry);
        long bytes = corpus.stream().mapToLong(m -> m.raw().length).sum();
        out.printf("corpus: %d messages (%,d bytes, %.1f KB each), registry: %d files loaded in %.0f ms%n", corpus.size(), bytes,
                bytes / 1024.0 / corpus.size(), rirFiles.size(), loadMs);
        run(analysis, corpus, Math.min(messages, 50_000)); // warm-up
        double inMemory = run(analysis, corpus, messages);
        out.printf("in memory (parse headers, trace, attribute, count): %,.0f messages/s on one thread%n", inMemory);
        if (mbox == null) {
            mbox = Path.of("bench-data", "spam-bench-" + messages + ".mbox");
        }
        if (!Files.exists(mbox)) {
            writeMbox(corpus, messages);
        }
        SpamStatistics stats = new SpamStatistics(SpamStatistics.Period.YEAR);
        long[] n = {0};
        long t1 = System.nanoTime();
        new MailReader(50 << 20, p -> { }).read(List.of(mbox.toString()), null, m -> {
            count(stats, analysis.analyze(m));
            n[0]++;
        });
        double seconds = (System.nanoTime() - t1) / 1e9;
        out.printf("from %s (%,d bytes, read once): %,d messages in %.2f s = %,.0f messages/s on one thread%n", mbox, Files.size(mbox), n[0],
                seconds, n[0] / seconds);
        return 0;
    }

    private static double run(SpamAnalysis analysis, List<MailMessage> corpus, int n) {
        SpamStatistics stats = new SpamStatistics(SpamStatistics.Period.YEAR);
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            MailMessage m = corpus.get(i % corpus.size());
            count(stats, analysis.analyze(m, Headers.parse(m.raw())));
        }
        return n / ((System.nanoTime() - t) / 1e9);
    }

    private static void count(SpamStatistics stats, MessageReport r) {
        if (r.traced()) {
            YearMonth when = r.arrival() == null ? null : YearMonth.from(r.arrival().withOffsetSameInstant(ZoneOffset.UTC));
            stats.add(r.attribution().countryKey(), r.attribution().asn(), r.attribution().asOrg(), r.trace().relay().ip(), null, when);
        } else {
            stats.add(null, null, null, null, null, null);
        }
    }

    private void writeMbox(List<MailMessage> corpus, int n) throws IOException {
        byte[] from = "From bench@example.invalid  Thu Aug 22 18:28:49 2002\n".getBytes(StandardCharsets.US_ASCII);
        dev.mamori.report.AtomicFiles.write(mbox, o -> {
            for (int i = 0; i < n; i++) {
                byte[] raw = corpus.get(i % corpus.size()).raw();
                o.write(from);
                o.write(raw);
                if (raw.length == 0 || raw[raw.length - 1] != '\n') {
                    o.write('\n');
                }
                o.write('\n');
            }
        });
    }
}
