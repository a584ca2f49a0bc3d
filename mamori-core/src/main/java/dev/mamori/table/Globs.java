package dev.mamori.table;

import dev.mamori.report.Message;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystems;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/**
 * Include/exclude globs: over paths for {@link FileWalker} and {@link PathFilter}, over a database's {@code schema.table}
 * names for {@link DatabaseTables}; and wording of file-system errors for people.
 */
final class Globs {

    private Globs() {
    }

    /** A glob without '/' matches file names; one starting with {@code **}/ also matches at the top. */
    static List<PathMatcher> compile(List<String> globs) {
        List<PathMatcher> out = new ArrayList<>();
        for (String g : globs) {
            String glob = g.replace('\\', '/');
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (!glob.contains("/")) {
                out.add(p -> p.getFileName() != null && m.matches(p.getFileName()));
            } else if (glob.startsWith("**/")) {
                PathMatcher top = FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3));
                out.add(p -> m.matches(p) || top.matches(p));
            } else {
                out.add(m);
            }
        }
        return out;
    }

    static boolean matches(List<PathMatcher> matchers, Path relative) {
        for (PathMatcher m : matchers) {
            if (m.matches(relative)) {
                return true;
            }
        }
        return false;
    }

    /** Globs over names ({@code schema.table}): {@code *} any characters (dots and line breaks too), {@code ?} one; case ignored. */
    static List<java.util.regex.Pattern> names(List<String> globs) {
        List<java.util.regex.Pattern> l = new ArrayList<>();
        for (String g : globs) {
            StringBuilder re = new StringBuilder();
            for (int i = 0; i < g.length(); i++) {
                char ch = g.charAt(i);
                re.append(ch == '*' ? ".*" : ch == '?' ? "." : java.util.regex.Pattern.quote(String.valueOf(ch)));
            }
            l.add(java.util.regex.Pattern.compile(re.toString(),
                    java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.UNICODE_CASE | java.util.regex.Pattern.DOTALL));
        }
        return l;
    }

    static boolean matchName(List<java.util.regex.Pattern> globs, String name) {
        for (java.util.regex.Pattern p : globs) {
            if (p.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    static Message reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return new Message("権限がありません", "permission denied");
        }
        if (e instanceof NoSuchFileException) {
            return new Message("ファイルがありません", "no such file");
        }
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Message(m, m);
    }
}
