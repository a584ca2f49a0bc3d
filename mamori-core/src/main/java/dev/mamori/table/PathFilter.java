package dev.mamori.table;

import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.function.Predicate;

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

    /**
     * Whether a walk hands on the file at {@code relative} once it has reached its folder: not excluded, and included
     * or named as an archive ({@link Archives#named}), whose files may be.
     */
    boolean offered(Path relative) {
        return !excluded(relative) && (included(relative) || Archives.named(relative));
    }

    /**
     * Whether a walk from the top hands on the file at {@code relative}, as {@link FileWalker} does: no folder above it
     * excluded (an excluded folder is not entered), and the file {@link #offered}. For a listing made elsewhere (on
     * Spark, over any Hadoop file system).
     */
    public boolean walked(Path relative) {
        for (int i = 1; i < relative.getNameCount(); i++) {
            if (excluded(relative.subpath(0, i))) {
                return false;
            }
        }
        return offered(relative);
    }

    /**
     * Which files inside an archive are read: with --include, those whose path matches as if the archive were a folder
     * ({@code export/名簿.zip/会員.csv}), unless the archive matched itself; with --exclude, never those that match. The
     * predicate takes an entry's name ({@code name!/path}, nested archives alike); any other name passes.
     *
     * @param relative      the archive's path as the globs see it
     * @param name          the archive's name as its entries are named
     * @param archiveChosen the archive itself matched --include (or there is none)
     */
    public Predicate<String> entries(Path relative, String name, boolean archiveChosen) {
        return inner -> {
            if (!inner.startsWith(name + "!/")) {
                return true;
            }
            Path p;
            try {
                p = Path.of(relative + inner.substring(name.length()).replace("!/", "/"));
            } catch (java.nio.file.InvalidPathException e) {
                return archiveChosen; // a name no path can hold: the archive's own choice stands
            }
            return (archiveChosen || included(p)) && !excluded(p);
        };
    }
}
