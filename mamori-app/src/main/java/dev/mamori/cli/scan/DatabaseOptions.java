package dev.mamori.cli.scan;

import dev.mamori.cli.Lang;
import dev.mamori.cli.Main;
import dev.mamori.table.Database;
import dev.mamori.table.DatabasePassword;
import dev.mamori.table.ReadException;
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
            asked = DatabasePassword.ask(err, lang.t("データベースのパスワード" + (user == null ? "" : "（" + user + "）") + ": ",
                    "Database password" + (user == null ? "" : " for " + user) + ": "));
            if (asked == null) {
                throw new Main.UsageProblem("パスワードが入力されませんでした（標準入力が終わっています）", "no password was given (standard input ended)");
            }
        }
    }

    Database.Session connect(String url) throws ReadException {
        return Database.connect(url, user, askPassword ? asked : System.getenv(PASSWORD_ENV), drivers);
    }

    Database.Options read(List<String> includes, List<String> excludes) {
        if (maxRows < 0) {
            throw new Main.UsageProblem("--db-max-rows は 0 以上にしてください", "--db-max-rows must be 0 or more");
        }
        return new Database.Options(includes, excludes, maxRows);
    }
}
