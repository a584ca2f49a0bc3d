package dev.mamori.table;

import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;

/**
 * {@code --include} and {@code --exclude}: globs over a path relative to where a walk starts ({@link FileWalker}), or
 * to a file inside an archive met there, as if the archive were a folder ({@code export/名簿.zip/会員.csv}). A glob
 * without '/' matches a file's name; one starting with {@code **}/ also matches at the top.
 */
public final class PathFilter {

    private final List<PathMatcher> includes;
    private final List<PathMatcher> excludes;

    private PathFilter(List<String> includes, List<String> excludes) {
        this.includes = Globs.compile(includes);
        this.excludes = Globs.compile(excludes);
    }

    public static PathFilter of(List<String> includes, List<String> excludes) {
        return new PathFilter(includes, excludes);
    }

    /** Matches an include glob, or there is none. */
    public boolean included(Path relative) {
        return includes.isEmpty() || Globs.matches(includes, relative);
    }

    /** Matches an exclude glob. */
    public boolean excluded(Path relative) {
        return !excludes.isEmpty() && Globs.matches(excludes, relative);
    }
}
