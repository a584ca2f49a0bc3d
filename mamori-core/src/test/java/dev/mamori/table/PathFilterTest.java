package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** --include and --exclude over paths listed elsewhere (Spark's file systems) mean what they mean to {@link FileWalker}. */
class PathFilterTest {

    @Test
    void aFileBelowAnExcludedFolderIsNotWalkedAndAnArchiveIsWalkedForItsFiles() {
        PathFilter f = PathFilter.of(List.of("**/*.csv"), List.of("old", "**/tmp/**"));
        assertThat(f.walked(Path.of("a.csv"))).isTrue();
        assertThat(f.walked(Path.of("2024/q1/a.csv"))).isTrue();
        assertThat(f.walked(Path.of("2024/old/a.csv"))).as("a folder named old is not entered").isFalse();
        assertThat(f.walked(Path.of("x/tmp/a.csv"))).isFalse();
        assertThat(f.walked(Path.of("notes.txt"))).isFalse();
        assertThat(f.walked(Path.of("export/名簿.zip"))).as("its files may match").isTrue();
        assertThat(f.included(Path.of("export/名簿.zip"))).isFalse();
        assertThat(f.walked(Path.of("old.zip"))).isTrue();
        assertThat(PathFilter.of(List.of(), List.of()).walked(Path.of("any/thing.bin"))).isTrue();
    }

    @Test
    void entriesOfAnArchiveAreChosenAsIfItWereAFolder() {
        PathFilter f = PathFilter.of(List.of("**/*.csv"), List.of("*.bak.csv"));
        Predicate<String> in = f.entries(Path.of("export/x.zip"), "/data/export/x.zip", false);
        assertThat(in.test("/data/export/x.zip!/会員/一覧.csv")).isTrue();
        assertThat(in.test("/data/export/x.zip!/inner.zip!/b.csv")).as("nested archives alike").isTrue();
        assertThat(in.test("/data/export/x.zip!/readme.txt")).isFalse();
        assertThat(in.test("/data/export/x.zip!/old.bak.csv")).isFalse();
        assertThat(in.test("elsewhere.txt")).as("not an entry of this archive").isTrue();
        Predicate<String> chosen = PathFilter.of(List.of("x.zip"), List.of("*.md")).entries(Path.of("x.zip"), "x.zip", true);
        assertThat(chosen.test("x.zip!/readme.txt")).as("the archive itself chosen: all its files").isTrue();
        assertThat(chosen.test("x.zip!/doc/a.md")).isFalse();
    }
}
