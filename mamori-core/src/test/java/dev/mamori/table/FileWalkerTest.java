package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileWalkerTest {

    @TempDir
    Path root;

    private final List<String> files = new ArrayList<>();
    private final List<ReadProblem> problems = new ArrayList<>();

    private void touch(String rel) throws IOException {
        Path p = root.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, "x");
    }

    private void walk(List<String> includes, List<String> excludes) throws IOException {
        FileWalker.walk(root, includes, excludes, p -> files.add(root.relativize(p).toString()), problems::add);
    }

    @Test
    void sortedDepthFirstWithGlobs() throws IOException {
        for (String f : List.of("b.csv", "a.txt", "sub/z.csv", "sub/deep/y.csv", "sub/deep/y.xlsx", "c/x.csv")) {
            touch(f);
        }
        walk(List.of(), List.of());
        assertThat(files).containsExactly("a.txt", "b.csv", "c/x.csv", "sub/deep/y.csv", "sub/deep/y.xlsx", "sub/z.csv");

        files.clear();
        walk(List.of("**/*.csv"), List.of("sub/deep/**"));
        assertThat(files).containsExactly("b.csv", "c/x.csv", "sub/z.csv");

        files.clear();
        walk(List.of("*.csv", "*.xlsx"), List.of("c"));
        assertThat(files).containsExactly("b.csv", "sub/deep/y.csv", "sub/deep/y.xlsx", "sub/z.csv");
        assertThat(problems).isEmpty();
    }

    @Test
    void symlinkLoopsAndBrokenLinksAreReportedNotFollowed() throws IOException {
        touch("d/e/f.csv");
        Files.createSymbolicLink(root.resolve("d/e/back"), root.resolve("d"));
        Files.createSymbolicLink(root.resolve("d/dangling.csv"), root.resolve("missing.csv"));
        Files.createSymbolicLink(root.resolve("link.csv"), root.resolve("d/e/f.csv"));
        walk(List.of(), List.of());

        assertThat(files).containsExactly("d/e/f.csv", "link.csv");
        assertThat(problems).extracting(ReadProblem::message).containsExactly(
                "broken symbolic link " + root.resolve("d/dangling.csv") + " (its target does not exist); skipped",
                "symbolic link loop: " + root.resolve("d/e/back") + " leads back to one of its parent directories; not followed");
    }

    @Test
    void unreadableFileIsReported() throws IOException {
        touch("secret.csv");
        touch("ok.csv");
        Path secret = root.resolve("secret.csv");
        Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("---------"));
        try {
            assumeFalse(Files.isReadable(secret), "running as root: every file is readable");
            walk(List.of(), List.of());
            assertThat(files).containsExactly("ok.csv");
            assertThat(problems).extracting(ReadProblem::message)
                    .containsExactly("cannot read " + secret + " (permission denied); skipped");
        } finally {
            Files.setPosixFilePermissions(secret, PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    void aFileRootIsDeliveredItself() throws IOException {
        touch("only.txt");
        List<Path> got = new ArrayList<>();
        FileWalker.walk(root.resolve("only.txt"), List.of("*.csv"), List.of(), got::add, problems::add);
        assertThat(got).containsExactly(root.resolve("only.txt"));
    }
}
