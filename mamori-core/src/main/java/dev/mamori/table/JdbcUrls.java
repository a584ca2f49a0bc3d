package dev.mamori.table;

import dev.mamori.report.Message;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** JDBC URLs as {@link Database} shows and opens them: never showing a secret, and an H2 file read-only. */
final class JdbcUrls {

    private JdbcUrls() {
    }

    /** The URL with its scheme and subprotocol in lower case, as drivers expect them ({@code JDBC:H2:} → {@code jdbc:h2:}). */
    static String normalised(String url) {
        int colon = url.indexOf(':', 5);
        return colon < 0 ? url : url.substring(0, colon).toLowerCase(Locale.ROOT) + url.substring(colon);
    }

    /** An H2 or SQLite URL naming a file (or memory): no user, password or server in it, and an {@code @} may be in a path. */
    private static boolean fileUrl(String url) {
        return url.startsWith("jdbc:sqlite:") || url.startsWith("jdbc:h2:") && !h2Remote(url);
    }

    static boolean h2Remote(String url) {
        return url.startsWith("jdbc:h2:tcp:") || url.startsWith("jdbc:h2:ssl:");
    }

    static boolean h2OnDisk(String url) {
        return url.startsWith("jdbc:h2:") && !h2Remote(url) && !url.startsWith("jdbc:h2:mem:");
    }

    /** {@code jdbc:oracle:thin:} of {@code jdbc:oracle:thin:@//db/orcl}: the scheme and subprotocols. */
    private static final Pattern PREFIX = Pattern.compile("^jdbc(?::[a-z0-9]+)+:");
    /** A server and its port. */
    private static final Pattern HOST = Pattern.compile("([\\p{L}\\p{N}_.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]+)?");
    /** After {@code //server}: the database's path, of plain characters. */
    private static final Pattern PATH = Pattern.compile("(/[\\p{L}\\p{N}_.\\-$~]*)+");

    /**
     * The URL as it may be shown. A file's URL is cut before its settings ({@code ;PASSWORD=…}, {@code ?…}). A server's
     * is shown as scheme, server, port and (after {@code //}) database, and only when these can be told apart from
     * anything else: a URL with an {@code @} beyond the Oracle form's leading one (a user and password, or a password
     * holding one), or whose server part is followed by anything but a parameter, is shown as its scheme and {@code …}.
     */
    static String displayName(String url) {
        String s = normalised(url);
        if (fileUrl(s)) {
            int cut = indexOfAny(s, "?;");
            return cut < 0 ? s : s.substring(0, cut);
        }
        Matcher p = PREFIX.matcher(s);
        if (!p.find()) {
            return "jdbc:…";
        }
        String prefix = p.group();
        String rest = s.substring(prefix.length());
        if (rest.startsWith("@")) { // Oracle's thin form: jdbc:oracle:thin:@host…
            prefix += "@";
            rest = rest.substring(1);
        }
        boolean slashes = rest.startsWith("//");
        String server = slashes ? rest.substring(2) : rest;
        String unknown = prefix + (slashes ? "//…" : "…");
        Matcher host = HOST.matcher(server);
        if (rest.indexOf('@') >= 0 || !host.lookingAt()) {
            return unknown;
        }
        int end = host.end();
        Matcher path = PATH.matcher(server).region(end, server.length());
        if (slashes && path.lookingAt()) {
            end = path.end();
        }
        boolean hostAlone = host.group(2) == null && end == host.end(); // host:x is a user and password, not host:port
        boolean parameter = end < server.length() && "?;:(,&=".indexOf(server.charAt(end)) >= 0
                && !(hostAlone && server.charAt(end) == ':');
        return end == server.length() || parameter ? prefix + (slashes ? "//" : "") + server.substring(0, end) : unknown;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** H2 settings a scanned URL may carry; any other (INIT, which runs SQL; ACCESS_MODE_DATA; AUTO_SERVER …) is refused. */
    private static final Set<String> H2_SETTINGS = Set.of("USER", "PASSWORD", "CIPHER", "MODE", "DATABASE_TO_UPPER",
            "DATABASE_TO_LOWER", "CASE_INSENSITIVE_IDENTIFIERS", "IGNORECASE", "IFEXISTS");

    /**
     * An H2 URL with only the settings {@link #H2_SETTINGS} allows (split as H2 splits them: {@code \;} is no
     * separator), opened only if it exists, and read-only when it is a file.
     */
    static String h2Target(String url, String name) throws ReadException {
        String[] parts = url.split("(?<!\\\\);", -1);
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            if (!key.isEmpty() && !H2_SETTINGS.contains(key)) {
                String shown = key.matches("[A-Z_]{1,40}") ? key : "(" + (i + 1) + ")"; // never a piece of a password
                throw new ReadException(new Message(name + ": H2 の設定 " + shown + " は検査する URL には使えません（データベースは読み取り専用で開きます）",
                        name + ": the H2 setting " + shown + " is not taken in a scanned URL (the database is opened read-only)"));
            }
        }
        String target = url.replaceAll("(?i)(?<!\\\\);\\s*IFEXISTS\\s*=[^;]*", "") + ";IFEXISTS=TRUE";
        return h2OnDisk(url) ? target + ";ACCESS_MODE_DATA=r" : target;
    }

    /** A message from a driver with the URL shown by its display name, and any password taken out. */
    static String scrub(String message, String url, String target, String name, String password) {
        String m = message.replace(target, name).replace(url, name);
        if (password != null && !password.isEmpty()) {
            m = m.replace(password, "****");
        }
        m = m.replaceAll("(?i)(password|passwd|pwd)(\\s*[=:]\\s*)[^;&,)\\s\"']*", "$1$2****");
        return m.strip().replaceAll("\\s+", " ");
    }
}
