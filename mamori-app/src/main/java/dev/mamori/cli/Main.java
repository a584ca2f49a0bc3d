package dev.mamori.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mamori} command line. */
@Command(name = "mamori",
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
        subcommands = {ScanCommand.class, DeidCommand.class, RiskCommand.class, AssessCommand.class, SpamCommand.class, EvalDetectCommand.class, KeysCommand.class, BenchCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Exit codes: 0 ok, 1 findings named by --fail-on, 2 bad usage or unreadable input.",
                "Documentation: README.md and docs/ in the source tree."})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(run(args, new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)));
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

    /** Runs the command line with the given output streams and returns the exit code. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
            cmd.getErr().println("mamori: " + (ex.getMessage() == null ? ex.toString() : ex.getMessage()));
            // bad input that a library refused (a malformed file, a value out of range, an unreadable input) is the
            // user's to fix, not a crash: exit 2 like a usage problem; anything else is a defect (3)
            return ex instanceof UsageProblem || ex instanceof IllegalArgumentException || ex instanceof java.io.IOException
                    || ex instanceof java.io.UncheckedIOException ? 2 : 3;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    /** A mistake of the user's that picocli cannot see (a missing file, a bad value): exit code 2. */
    static final class UsageProblem extends RuntimeException {
        UsageProblem(String message) {
            super(message);
        }
    }
}
