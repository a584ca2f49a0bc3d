package dev.mamori.spark;

import dev.mamori.report.Message;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code mamori spark scan|risk|deid}: the single-machine commands' work on Apache Spark. Runs on {@code local[*]}
 * unless {@code --master} (or spark-submit) says otherwise.
 */
@Command(name = "mamori spark", mixinStandardHelpOptions = true, versionProvider = SparkMain.Version.class,
        subcommands = {ScanCmd.class, RiskCmd.class, DeidCmd.class, BenchCmd.class},
        description = {
                "Scan, measure risk and de-identify past one machine, on Apache Spark: the same recognizers, lattice search, policies, keys and checks as mamori scan|risk|deid, the same answer on a laptop and on a cluster.",
                "",
                "Runs on local[*] (every core of this machine) by default; on a cluster through spark-submit with mamori-spark/target/mamori-spark.jar (docs/spark.md), or --master.",
                "",
                "  mamori spark scan customers/ --output findings/",
                "  mamori spark risk sales.parquet --qi age,sex,zip --sensitive disease",
                "  mamori spark deid big.csv --policy policy.yaml --output anonymous/ --operator 株式会社サンプル --report-json r.json",
                ""})
public final class SparkMain implements Runnable {

    /** The options every subcommand takes. */
    static final class Common {
        @Option(names = "--master", paramLabel = "URL", description = "Spark master: local[*] (default, unless spark-submit set one), local[N], spark://HOST:PORT, yarn, k8s://…")
        String master;

        @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "A Spark setting (repeatable), e.g. --conf spark.sql.shuffle.partitions=400.")
        Map<String, String> conf = new LinkedHashMap<>();

        @Option(names = "--input-format", paramLabel = "FMT", description = "auto (default: by extension), csv, tsv, parquet or jsonl; for scan also documents (text and XLSX, one task per file).")
        String inputFormat = "auto";

        @Option(names = "--encoding", paramLabel = "CHARSET", description = "CSV: read in this encoding instead of detecting it (UTF-8, windows-31j, EUC-JP).")
        String encoding;

        @Option(names = "--lang", paramLabel = "LANG", description = "ja or en: the language of messages and reports (default: $MAMORI_LANG, else the locale).")
        String lang;

        @Option(names = "--threads", paramLabel = "N", description = "Cores of this machine to use, as the single-machine commands take it: --master local[N].")
        Integer threads;

        @Option(names = "--no-progress", description = "No progress bar (Spark's, shown only when standard error is a terminal).")
        boolean noProgress;

        @Option(names = "--debug", description = "On an error, print its stack trace as well (for reporting a defect).")
        boolean debug;

        /** Whether {@link #session} started the session (and so {@link #stop} ends it). */
        private boolean started;

        /** The session: the one running (a test's), else a new one on the master given, spark-submit's, or every core here. */
        SparkSession session(String app) {
            if (threads != null && threads < 1) {
                throw new Message.Problem("--threads は 1 以上です（指定は " + threads + "）", "--threads is 1 or more, not " + threads);
            }
            if (threads != null && (master != null || conf.containsKey("spark.master"))) {
                throw threadsBeside(master != null ? master : conf.get("spark.master"));
            }
            if (SparkSession.getDefaultSession().isDefined()) {
                return SparkSession.getDefaultSession().get();
            }
            String m = master != null ? master : System.getProperty("spark.master"); // spark-submit's
            if (threads != null) {
                if (m != null) {
                    throw threadsBeside(m);
                }
                m = "local[" + threads + "]";
            }
            started = true;
            SparkSession.Builder b = SparkSession.builder().appName("mamori " + app);
            b.master(m != null ? m : "local[*]");
            // Spark's own progress bar ([Stage 1:=====>   (23 + 2) / 69]) on standard error, only for a person watching
            b.config("spark.ui.showConsoleProgress", String.valueOf(!noProgress && System.console() != null));
            conf.forEach(b::config);
            SparkSession s = b.getOrCreate();
            s.sparkContext().setLogLevel("WARN");
            // Spark's loggers that quote a record (a part's first line that differs from the header, a record that
            // cannot be parsed, in the task failures they log) or print stack traces that Mamori says in one line: off in
            // this JVM (the driver, and the executors in local mode; a cluster's executors log by their own settings)
            for (String quoting : List.of("org.apache.spark.sql.catalyst.csv.CSVHeaderChecker", "org.apache.spark.executor.Executor",
                    "org.apache.spark.scheduler.TaskSetManager", "org.apache.spark.util.Utils",
                    "org.apache.spark.sql.execution.datasources.FileFormatWriter", "org.apache.spark.internal.io.SparkHadoopWriter",
                    "org.apache.spark.sql.execution.streaming.FileStreamSink")) {
                org.apache.logging.log4j.core.config.Configurator.setLevel(quoting, org.apache.logging.log4j.Level.OFF);
            }
            return s;
        }

        private static Message.Problem threadsBeside(String master) {
            return new Message.Problem("--threads はこのマシンのコア数です（local[N]）。" + master + " ではクラスターの設定で指定してください",
                    "--threads is the cores of this machine (local[N]); on " + master + " the cluster's settings give them");
        }

        void stop(SparkSession s) {
            if (started) {
                s.stop();
            }
        }

        String language() {
            String l = lang != null ? lang : System.getenv("MAMORI_LANG");
            if (l == null) {
                l = System.getenv().getOrDefault("LC_ALL", System.getenv().getOrDefault("LANG", Locale.getDefault().getLanguage()));
            }
            return l.startsWith("ja") ? "ja" : "en";
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"mamori-spark " + SparkMain.class.getPackage().getImplementationVersion(),
                    "Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION() + ", Java " + System.getProperty("java.version")};
        }
    }

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "give a command: scan, risk or deid (see --help)");
    }

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs a command line; the exit code: 0 done, 1 found what --fail-on names, 2 refused or failed. */
    static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new SparkMain());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler((e, line, parsed) -> {
            Throwable t = unwrap(e);
            Common common = parsed.subcommand() != null && parsed.subcommand().commandSpec().userObject() instanceof SparkCommand c
                    ? c.common : null;
            String lang = common != null ? common.language() : "en";
            String text = t instanceof Message.Localized l ? l.message(lang) : t.getClass().getSimpleName() + ": " + t.getMessage();
            err.println("mamori: " + text);
            if (common != null && common.debug || !(t instanceof Message.Localized) && !(t instanceof java.io.IOException)) {
                (common != null && common.debug ? e : t).printStackTrace(err);
            }
            return 2;
        });
        return cl.execute(args);
    }

    /**
     * The problem behind a failed Spark job: a task's exception arrives wrapped (SparkException, and on a cluster only
     * its text); Mamori's own problem, in both languages, is found in the causes.
     */
    static RuntimeException unwrap(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof Message.Problem p) {
                return p;
            }
        }
        // a task's problem that reached the driver as text only (Job aborted … Message$Problem: column 'email' holds …)
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            int at = m == null ? -1 : m.indexOf(PROBLEM);
            if (at >= 0) {
                String text = m.substring(at + PROBLEM.length()).lines().findFirst().orElse("").strip();
                return new Message.Problem(text, text); // its English, the exception's message
            }
        }
        return e instanceof RuntimeException r ? r : new RuntimeException(e.getMessage(), e);
    }

    /** How a task's {@link Message.Problem} is named in the text of the failure Spark reports. */
    private static final String PROBLEM = Message.Problem.class.getName() + ": ";
}
