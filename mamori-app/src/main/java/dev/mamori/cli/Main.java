package dev.mamori.cli;

import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
import java.io.PrintWriter;
import java.util.Locale;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code mamori} command line. */
@Command(name = "mamori",
        resourceBundle = "dev.mamori.cli.Help",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
                "Mamori (守り): find, de-identify and account for personal information under Japanese law.",
                "",
                "Start with a scan of the bundled examples:",
                "  mamori scan examples/",
                "Then look at one file's columns, or gate a pipeline on what it finds:",
                "  mamori scan examples/customers_cp932.csv",
                "  mamori scan --types MY_NUMBER,CREDIT_CARD --fail-on MY_NUMBER data/",
                ""},
        footer = {"", "Exit codes: 0 ok, 1 findings named by --fail-on, 2 bad usage or unreadable input,",
                "3 internal error (out of memory included). Errors are one line starting with 'mamori:'.",
                "Documentation: README.md (Japanese: README.ja.md) and docs/."})
public final class Main implements Runnable {

    public static final int OK = 0;
    public static final int FOUND = 1;
    public static final int USAGE = 2;
    public static final int INTERNAL = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--lang", paramLabel = "LANG", scope = CommandLine.ScopeType.INHERIT,
            description = "Language of messages, reports and help: ja or en (default: $MAMORI_LANG, else the locale).")
    Lang lang;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT,
            description = "On an error, print its stack trace as well (for reporting a defect).")
    boolean debug;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        ReportSink.standardOutput(out, System.out); // a report may write its bytes straight to it
        System.exit(run(args, out, new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
    }

    /**
     * Apache POI logs through the Log4j API; with no Log4j backend on the class path it would print a
     * warning on every XLSX read. Mamori reports problems itself, so library logging is switched off.
     */
    static void quietLibraryLogging() {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }

    /**
     * Runs the command line with the given output streams and returns the exit code: 0 ok, 1 found
     * (a command's own verdict), 2 bad usage or input, 3 internal error. Every failure is one line
     * {@code mamori: ...} on {@code err}, with the stack trace only under {@code --debug}.
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Lang.use(Lang.resolve(args, System.getenv(), Locale.getDefault()));
        String command = commandIn(args);
        boolean versionOnly = command == null && java.util.Arrays.stream(args).anyMatch(a -> a.equals("-V") || a.equals("--version"))
                && java.util.Arrays.stream(args).noneMatch(a -> a.equals("-h") || a.equals("--help"));
        return run(versionOnly ? new CommandLine(new Main()) : commandLine(command), args, out, err); // --version needs no command
    }

    /**
     * The subcommands, by name, in the order help lists them. Named, not referenced: picocli reads every option of a
     * command it is given (and Java loads the classes of their types), which for the whole tree took about a quarter of
     * a second of every run; a run builds only the command it runs, and the whole tree for help or a mistyped name.
     */
    private static final String[][] COMMANDS = {
        {"scan", "dev.mamori.cli.scan.ScanCommand"},
        {"redact", "dev.mamori.cli.scan.RedactCommand"},
        {"deid", "dev.mamori.cli.deid.DeidCommand"},
        {"risk", "dev.mamori.cli.risk.RiskCommand"},
        {"tabulate", "dev.mamori.cli.risk.TabulateCommand"},
        {"assess", "dev.mamori.cli.assess.AssessCommand"},
        {"spam", "dev.mamori.cli.spam.SpamCommand"},
        {"eval-detect", "dev.mamori.cli.scan.EvalDetectCommand"},
        {"keys", "dev.mamori.cli.deid.KeysCommand"},
        {"bench", "dev.mamori.cli.bench.BenchCommand"},
    };

    /** The whole command line, every command in it (for help, and for tests that walk the tree). */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /** The command line with only {@code command} under it when it is one of the commands, else with all of them. */
    static CommandLine commandLine(String command) {
        boolean known = false;
        for (String[] c : COMMANDS) {
            known |= c[0].equals(command);
        }
        CommandLine cl = new CommandLine(new Main());
        for (String[] c : COMMANDS) {
            if (!known || c[0].equals(command)) {
                try {
                    cl.addSubcommand(c[0], Class.forName(c[1])); // picocli's factory makes it (package-private classes too)
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException("command " + c[0] + ": " + e, e);
                }
            }
        }
        cl.addSubcommand("help", new CommandLine.HelpCommand());
        return cl;
    }

    /** The first argument that is neither an option of {@code mamori} itself nor the value of {@code --lang}. */
    static String commandIn(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--lang")) {
                i++;
            } else if (!a.startsWith("-")) {
                return a;
            }
        }
        return null;
    }

    /** Runs {@code cl} (built on a {@link Main}) as the command line does. */
    public static int run(CommandLine cl, String[] args, PrintWriter out, PrintWriter err) {
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler(Main::usageError);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> failure(ex, cmd.getErr(), debug(parsed)));
        int code;
        try {
            code = cl.execute(args);
        } catch (Throwable e) { // errors (out of memory, stack overflow) pass through picocli
            code = failure(e, err, debug(cl.getParseResult()));
        }
        out.flush();
        err.flush();
        return code;
    }

    /** Says what went wrong in one line and returns the exit code for it. */
    static int failure(Throwable e, PrintWriter err, boolean debug) {
        int code;
        String line;
        if (e instanceof OutOfMemoryError) {
            code = INTERNAL;
            line = Lang.tr("メモリ不足です（Java のヒープが一杯です。MAMORI_JAVA_OPTS=-Xmx4g などで増やすか、入力を分けてください）",
                    "out of memory (the Java heap is full; give Java more, e.g. MAMORI_JAVA_OPTS=-Xmx4g, or split the input)");
        } else if (e instanceof StackOverflowError) {
            code = INTERNAL;
            line = Lang.tr("内部エラー: スタックオーバーフロー（入力の入れ子が深すぎる?）。--debug を付けて報告してください",
                    "internal error: stack overflow (an input nested too deeply?); please report it, with --debug");
        } else if (e instanceof UsageProblem || e instanceof IllegalArgumentException || e instanceof java.io.IOException
                || e instanceof java.io.UncheckedIOException || e instanceof dev.mamori.report.Message.Localized) {
            // bad input that a library refused (a malformed file, a value out of range, an unreadable input) is the
            // user's to fix, not a crash
            code = USAGE;
            line = e instanceof dev.mamori.report.Message.Localized l ? l.message(Lang.current().name())
                    : e.getMessage() == null ? e.toString() : e.getMessage();
        } else {
            code = INTERNAL;
            String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            line = Lang.tr("内部エラー: " + what + (debug ? "" : "（--debug でスタックトレースを表示できます。報告をお願いします）"),
                    "internal error: " + what + (debug ? "" : " (run with --debug for the stack trace, and please report it)"));
        }
        err.println("mamori: " + Terminal.safe(line));
        if (debug) {
            e.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    /** A wrong option or argument: one line naming it, then where to find the right ones. */
    private static int usageError(CommandLine.ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        Lang lang = Lang.current();
        if (mayEchoPassword(args, ex)) { // never echo what may be a password
            err.println("mamori: " + lang.t("パスワードかもしれない引数があるので、誤りの箇所は表示しません。--db-password は値を取りません。"
                    + "パスワードは尋ねられたときに入力するか、環境変数 MAMORI_DB_PASSWORD で渡してください（コマンドラインの値はほかの利用者にも見えます）",
                    "an argument may hold a password, so the mistake is not repeated here. --db-password takes no value: type the password"
                    + " when asked, or set MAMORI_DB_PASSWORD (a value on the command line is seen by other users)"));
            err.println(UsageText.seeHelp(cmd, lang));
            err.flush();
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        }
        err.println("mamori: " + Terminal.safe(UsageText.problem(ex, lang)));
        String suggestion = UsageText.suggestion(ex, lang);
        if (suggestion != null) {
            err.println(Terminal.safe(suggestion));
        }
        err.println(UsageText.seeHelp(cmd, lang));
        err.flush();
        return cmd.getCommandSpec().exitCodeOnInvalidInput();
    }

    /**
     * A value given to --db-password or to something like it (--db-password=x, --db-pass=x, --passwordx), or a problem
     * with the argument after --db-password: the message would repeat what may be a password.
     */
    private static boolean mayEchoPassword(String[] args, CommandLine.ParameterException ex) {
        for (int i = 0; i < args.length; i++) {
            String key = args[i].contains("=") ? args[i].substring(0, args[i].indexOf('=')) : args[i];
            if (args[i].startsWith("-") && key.toLowerCase(java.util.Locale.ROOT).contains("pass") && !args[i].equals("--db-password")) {
                return true;
            }
            if (args[i].equals("--db-password") && i + 1 < args.length && String.valueOf(ex.getMessage()).contains(args[i + 1])) {
                return true;
            }
        }
        return false;
    }

    /** True when --debug was given, on the top command or a subcommand. */
    private static boolean debug(CommandLine.ParseResult parsed) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }

    /** A mistake of the user's that picocli cannot see (a missing file, a bad value): exit code 2. */
    public static final class UsageProblem extends RuntimeException {
        /** The message in the language of this run. */
        public UsageProblem(String japanese, String english) {
            this(Lang.tr(japanese, english));
        }

        public UsageProblem(String message) {
            super(message);
        }

        /** What a library exception says, in the language of this run when it has both ({@link Message.Localized}). */
        public UsageProblem(Throwable cause) {
            this(Message.of(cause).in(Lang.current().name()));
        }
    }
}
