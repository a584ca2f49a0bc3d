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

    static boolean h2Remote(String url) { // H2 takes TCP: as a file's name, but a user may mean a server: show it as one
        return url.regionMatches(true, 0, "jdbc:h2:tcp:", 0, 12) || url.regionMatches(true, 0, "jdbc:h2:ssl:", 0, 12);
    }

    static boolean h2OnDisk(String url) {
        return url.startsWith("jdbc:h2:") && !h2Remote(url) && !url.regionMatches(true, 0, "jdbc:h2:mem:", 0, 12);
    }

    /** {@code jdbc:oracle:thin:} of {@code jdbc:oracle:thin:@//db/orcl}: the scheme and subprotocols. */
    private static final Pattern PREFIX = Pattern.compile("^jdbc(?::[A-Za-z0-9-]+)+:");
    /** A server and its port. */
    private static final Pattern HOST = Pattern.compile("([\\p{L}\\p{N}_.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]+)?");
    /** After {@code //server}: the database's path, of plain characters. */
    private static final Pattern PATH = Pattern.compile("(/[\\p{L}\\p{N}_.\\-$~]*)+");
    private static final Pattern SID = Pattern.compile(":[A-Za-z0-9_]+$");

    /**
     * The URL as it may be shown. A file's URL is cut before its settings ({@code ;PASSWORD=…}, {@code ?…}). A server's
     * is shown as scheme, server, port and (after {@code //}) database, and only when these can be told apart from
     * anything else: a URL with an {@code @} beyond the Oracle form's leading one (a user and password, or a password
     * holding one), or whose server part is followed by anything but a parameter, is shown as its scheme and {@code …}.
     */
    static String displayName(String url) {
        String s = normalised(url);
        if (fileUrl(s)) { // H2's settings start at ';', SQLite's parameters at '?'
            int cut = s.indexOf(s.startsWith("jdbc:h2:") ? ';' : '?');
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
        boolean oracle = prefix.endsWith("@"); // @host:port/service and @host:port:SID: no user or password can be after the @
        Matcher path = PATH.matcher(server).region(end, server.length());
        if ((slashes || oracle) && path.lookingAt()) {
            end = path.end();
        } else if (oracle && host.group(2) != null) {
            Matcher sid = SID.matcher(server).region(end, server.length());
            end = sid.lookingAt() ? sid.end() : end;
        }
        boolean hostAlone = host.group(2) == null && end == host.end(); // host:x is a user and password, not host:port
        boolean parameter = end < server.length() && "?;:(,&=".indexOf(server.charAt(end)) >= 0
                && !(hostAlone && server.charAt(end) == ':');
        return end == server.length() || parameter ? prefix + (slashes ? "//" : "") + server.substring(0, end) : unknown;
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
        StringBuilder target = new StringBuilder(parts[0]);
        for (int i = 1; i < parts.length; i++) {
            int eq = parts[i].indexOf('=');
            String key = (eq < 0 ? parts[i] : parts[i].substring(0, eq)).strip().toUpperCase(Locale.ROOT);
            if (!key.isEmpty() && !H2_SETTINGS.contains(key)) {
                String shown = key.matches("[A-Z_]{1,40}") ? key : "(" + (i + 1) + ")"; // never a piece of a password
                throw new ReadException(new Message(name + ": H2 の設定 " + shown + " は検査する URL には使えません（データベースは読み取り専用で開きます）",
                        name + ": the H2 setting " + shown + " is not taken in a scanned URL (the database is opened read-only)"));
            }
            if (!key.equals("IFEXISTS")) { // the user's IFEXISTS, whatever its value holds, gives way to ours
                target.append(';').append(parts[i]);
            }
        }
        target.append(";IFEXISTS=TRUE");
        return h2OnDisk(url) ? target + ";ACCESS_MODE_DATA=r" : target.toString();
    }

    /**
     * A message from a driver with the URL shown by its display name, any password taken out (where it stands as a word
     * of its own: a short one replaced inside words would spell itself out), and anything written as a password's value.
     */
    static String scrub(String message, String url, String target, String name, String password) {
        String m = message;
        for (String s : new String[] {target, url}) {
            if (s != null && !s.isEmpty()) {
                m = m.replace(s, name);
            }
        }
        if (password != null && !password.isEmpty()) {
            m = m.replaceAll("(?<![\\p{L}\\p{N}])" + Pattern.quote(password) + "(?![\\p{L}\\p{N}])", "****");
        }
        m = m.replaceAll("(?i)(password|passwd|pwd)(\\s*[=:]\\s*)[^;&,)\\s\"']*", "$1$2****");
        return m.strip().replaceAll("\\s+", " ");
    }
}
