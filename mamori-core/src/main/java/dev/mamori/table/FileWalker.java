package dev.mamori.table;

import dev.mamori.report.Message;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Lists the files to scan under a root: recursively, following symbolic links (a link back to an
 * ancestor directory is reported as a loop, not followed), in a stable order (entries sorted by
 * name, depth first), filtered by include and exclude globs. Problems met on the way are reported,
 * never thrown: unreadable files and directories and special files (pipes, devices, sockets: never
 * opened) as unread ({@link ReadProblem#unread()}); loops and broken links as warnings.
 */
public final class FileWalker {

    private final Path root;
    private final PathFilter filter;
    private final Consumer<Path> files;
    private final Consumer<ReadProblem> problems;

    private FileWalker(Path root, List<String> includes, List<String> excludes,
                       Consumer<Path> files, Consumer<ReadProblem> problems) {
        this.root = root;
        this.filter = PathFilter.of(includes, excludes);
        this.files = files;
        this.problems = problems;
    }

    /**
     * Walks {@code root}, a file or a directory.
     *
     * @param includes globs a file must match (any of them) to be delivered; empty means all files.
     *                 A glob is matched against the path relative to root with '/' separators
     *                 ({@code **}{@code /*.csv}, which also matches files directly under root); a
     *                 glob without '/' is matched against the file name ({@code *.csv})
     * @param excludes globs, matched the same way, that drop a file, or a whole directory
     * @param files    receives each regular file to read, and each file named as an archive (.zip, .7z, .tar, .tgz,
     *                 .gz) that is not excluded, included or not: the files inside may be ({@link PathFilter})
     * @param problems receives loops and broken links (warnings), unreadable files or directories and
     *                 special files (unread)
     * @throws IOException only when root itself does not exist
     */
    public static void walk(Path root, List<String> includes, List<String> excludes,
                            Consumer<Path> files, Consumer<ReadProblem> problems) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new NoSuchFileException(root.toString(), null, "no such file or directory");
        }
        FileWalker w = new FileWalker(root, includes, excludes, files, problems);
        if (Files.isDirectory(root)) {
            w.directory(root, new HashSet<>());
        } else {
            w.entry(root, true);
        }
    }

    private void directory(Path dir, Set<Object> ancestors) {
        Object key = key(dir);
        if (key == null) {
            return;
        }
        if (!ancestors.add(key)) {
            warn(dir, new Message("シンボリックリンクの循環: " + dir + " は親フォルダのどれかに戻ります。たどりません",
                    "symbolic link loop: " + dir + " leads back to one of its parent directories; not followed"));
            return;
        }
        List<Path> entries = new ArrayList<>();
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir)) {
            ds.forEach(entries::add);
        } catch (IOException | RuntimeException e) {
            report(dir, Globs.reason(e).after("フォルダ " + dir + " を読めません（", "cannot read directory " + dir + " (").plus("）。飛ばしました", "); skipped"));
            ancestors.remove(key);
            return;
        }
        entries.sort((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString()));
        for (Path p : entries) {
            if (Files.isDirectory(p)) {
                if (!filter.excluded(root.relativize(p))) {
                    directory(p, ancestors);
                }
            } else {
                entry(p, false);
            }
        }
        ancestors.remove(key);
    }

    private void entry(Path p, boolean isRoot) {
        if (Files.isSymbolicLink(p) && !Files.exists(p)) {
            warn(p, new Message("壊れたシンボリックリンク " + p + "（リンク先がありません）。飛ばしました",
                    "broken symbolic link " + p + " (its target does not exist); skipped"));
            return;
        }
        Path relative = root.relativize(p);
        if (!isRoot && !filter.offered(relative)) {
            return;
        }
        if (!Files.isRegularFile(p)) {
            Message special = DocumentReader.special(p);
            report(p, (special == null ? DocumentReader.SPECIAL : special).plus("で、通常のファイルではありません: " + p + "。飛ばしました",
                    ", not a regular file: " + p + "; skipped"));
            return;
        }
        if (!Files.isReadable(p)) {
            report(p, new Message(p + " を読めません（権限がありません）。飛ばしました", "cannot read " + p + " (permission denied); skipped"));
            return;
        }
        files.accept(p);
    }

    private Object key(Path dir) {
        try {
            BasicFileAttributes a = Files.readAttributes(dir, BasicFileAttributes.class);
            return a.fileKey() != null ? a.fileKey() : dir.toRealPath();
        } catch (IOException e) {
            report(dir, Globs.reason(e).after("フォルダ " + dir + " を読めません（", "cannot read directory " + dir + " (").plus("）。飛ばしました", "); skipped"));
            return null;
        }
    }

    /** Something was not read. */
    private void report(Path p, Message message) {
        problems.accept(new ReadProblem(p.toString(), -1, 0, message, true));
    }

    /** Nothing was there to read. */
    private void warn(Path p, Message message) {
        problems.accept(new ReadProblem(p.toString(), -1, 0, message, false));
    }
}
