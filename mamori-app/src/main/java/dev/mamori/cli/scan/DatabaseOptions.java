package dev.mamori.cli.scan;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.table.Database;
import dev.mamori.table.ReadException;
import java.io.Console;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** How {@code mamori scan} reaches a database named by a JDBC URL. */
final class DatabaseOptions {

    /** The environment variable a password may come from (the command line would show it to other users). */
    static final String PASSWORD_ENV = "MAMORI_DB_PASSWORD";

    @Option(names = "--db-user", paramLabel = "USER", descriptionKey = "db-user",
            description = "For a database (jdbc:…): the user to connect as; read-only rights are enough.")
    String user;

    @Option(names = "--db-password", descriptionKey = "db-password",
            description = "Ask for the database user's password (not echoed; read from standard input when it is not a terminal). Or set " + PASSWORD_ENV + "; never on the command line.")
    boolean askPassword;

    private String asked;

    @Option(names = "--db-max-rows", paramLabel = "N", descriptionKey = "db-max-rows",
            description = "Read at most N rows of each table (the first in primary-key order): a sample of a large database. Default: every row.")
    long maxRows;

    @Option(names = "--jdbc-driver", paramLabel = "JAR", descriptionKey = "jdbc-driver",
            description = "The JDBC driver's jar for a database other than PostgreSQL and H2 (whose drivers are bundled), e.g. MySQL's or Oracle's; repeatable.")
    List<Path> drivers = new ArrayList<>();

    /**
     * Refuses, before anything is read and without repeating it, a word right after --db-password that is neither a file
     * nor a URL: a password typed on the command line by mistake (the option takes none).
     */
    void refuseTypedPassword(List<String> args) {
        for (int i = 1; askPassword && i < args.size(); i++) {
            String p = args.get(i);
            if (args.get(i - 1).equals("--db-password") && !Database.isUrl(p) && !p.equals("-") && !p.startsWith("-")
                    && !Files.exists(Path.of(p), LinkOption.NOFOLLOW_LINKS)) {
                throw new Main.UsageProblem("--db-password は値を取りません。その後の引数はファイルではなく、パスワードかもしれないので表示しません。"
                        + "パスワードは尋ねられたときに入力するか、環境変数 " + PASSWORD_ENV + " で渡してください",
                        "--db-password takes no value; the argument after it is no file, and is not shown, as it may be a password. Type the"
                                + " password when asked, or set " + PASSWORD_ENV);
            }
        }
    }

    /** With --db-password, asks for the password (once for all the URLs of the command); nothing typed is a usage error. */
    void askPassword(PrintWriter err, Lang lang) {
        if (askPassword && asked == null) {
            asked = ask(err, lang.t("データベースのパスワード" + (user == null ? "" : "（" + user + "）") + ": ",
                    "Database password" + (user == null ? "" : " for " + user) + ": "));
            if (asked == null) {
                throw new Main.UsageProblem("パスワードが入力されませんでした（標準入力が終わっています）", "no password was given (standard input ended)");
            }
        }
    }

    Database.Session connect(String url) throws ReadException {
        return Database.connect(url, user, askPassword ? asked : System.getenv(PASSWORD_ENV), drivers);
    }

    /**
     * A password typed by the user (null when standard input ended first), not echoed: through the console when there is
     * one; else (the report redirected to a file, so Java sees no console) the prompt on standard error and the
     * terminal's echo turned off with stty while a line is read from standard input, which may also be a pipe.
     */
    private static String ask(PrintWriter err, String prompt) {
        Console console = System.console();
        if (console != null) {
            char[] pw = console.readPassword("%s", prompt);
            return pw == null ? null : new String(pw);
        }
        err.print(prompt);
        err.flush();
        boolean silenced = stty("-echo"); // fails, changing nothing, when standard input is not a terminal
        Thread restore = silenced ? new Thread(() -> stty("echo")) : null;
        if (restore != null) {
            Runtime.getRuntime().addShutdownHook(restore); // Ctrl-C at the prompt
        }
        try {
            java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();
            int b = System.in.read();
            if (b < 0) {
                return null;
            }
            for (; b >= 0 && b != '\n'; b = System.in.read()) { // byte by byte: the rest stays for '-'
                line.write(b);
            }
            String pw = line.toString(java.nio.charset.StandardCharsets.UTF_8);
            return pw.endsWith("\r") ? pw.substring(0, pw.length() - 1) : pw;
        } catch (java.io.IOException e) {
            return null;
        } finally {
            if (restore != null) {
                stty("echo");
                Runtime.getRuntime().removeShutdownHook(restore);
            }
            err.println(); // the typed line's end was not echoed, or came from a pipe
            err.flush();
        }
    }

    private static boolean stty(String arg) {
        try {
            Process p = new ProcessBuilder("stty", arg).redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor() == 0;
        } catch (java.io.IOException e) {
            return false; // no stty (Windows): the line is read as typed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Database.Options read(List<String> includes, List<String> excludes) {
        if (maxRows < 0) {
            throw new Main.UsageProblem("--db-max-rows は 0 以上にしてください", "--db-max-rows must be 0 or more");
        }
        return new Database.Options(includes, excludes, maxRows);
    }
}
