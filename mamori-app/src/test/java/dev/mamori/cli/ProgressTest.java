package dev.mamori.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the progress bar is drawn: standard error a terminal, whatever standard output is; MAMORI_PROGRESS decides first. */
class ProgressTest {

    @TempDir
    Path dir;

    @Test
    void aDescriptorLinkedToATerminalIsWatched() throws IOException {
        assertThat(Progress.isTerminal(Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/3")))).isTrue();
        assertThat(Progress.isTerminal(Files.createSymbolicLink(dir.resolve("tty"), Path.of("/dev/tty1")))).isTrue();
    }

    @Test
    void aDescriptorLinkedToAFileOrAPipeIsNot() throws IOException {
        Path log = Files.writeString(dir.resolve("err.log"), "");
        assertThat(Progress.isTerminal(Files.createSymbolicLink(dir.resolve("file"), log))).isFalse();
        assertThat(Progress.isTerminal(Files.createSymbolicLink(dir.resolve("pipe"), Path.of("pipe:[12345]")))).isFalse();
        assertThat(Progress.isTerminal(Files.createSymbolicLink(dir.resolve("null"), Path.of("/dev/null")))).isFalse();
    }

    @Test
    void mamoriProgressOverridesTheTerminalTest() throws IOException {
        Path terminal = Files.createSymbolicLink(dir.resolve("pts"), Path.of("/dev/pts/0"));
        Path file = Files.createSymbolicLink(dir.resolve("file"), Files.writeString(dir.resolve("log"), ""));
        assertThat(Progress.watched(Map.of(), terminal)).isTrue();
        assertThat(Progress.watched(Map.of(), file)).isFalse();
        assertThat(Progress.watched(Map.of("MAMORI_PROGRESS", "0"), terminal)).isFalse();
        assertThat(Progress.watched(Map.of("MAMORI_PROGRESS", "1"), file)).isTrue();
        assertThat(Progress.watched(Map.of("CI", "true"), terminal)).isFalse();
        assertThat(Progress.watched(Map.of("CI", "true", "MAMORI_PROGRESS", "1"), terminal)).isTrue();
    }
}
