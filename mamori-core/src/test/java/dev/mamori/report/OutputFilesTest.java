package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** AtomicFiles, OutputGuard, Terminal and CsvCells: what every command that writes relies on. */
class OutputFilesTest {

    @TempDir
    Path dir;

    private List<String> names() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void anUncommittedWriteLeavesTheOldFileAndNoPart() throws IOException {
        Path out = dir.resolve("out.csv");
        Files.writeString(out, "old");
        try (AtomicFiles.Pending p = AtomicFiles.open(out)) {
            p.stream().write("new".getBytes(StandardCharsets.UTF_8));
            assertThat(names()).hasSize(2); // out.csv and the part
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(
                    names().stream().filter(n -> n.endsWith(".mamori-part")).map(dir::resolve).findFirst().orElseThrow())))
                    .isEqualTo("rw-------");
        }
        assertThat(Files.readString(out)).isEqualTo("old");
        assertThat(names()).containsExactly("out.csv");
    }

    @Test
    void aCommittedFileKeepsTheTargetsModeOrGetsTheUmasksMode() throws IOException {
        Path fresh = dir.resolve("report.html");
        AtomicFiles.writeString(fresh, "x");
        assertThat(Files.getPosixFilePermissions(fresh)).isEqualTo(AtomicFiles.newFileMode());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).startsWith("rw-");

        Path kept = dir.resolve("private.csv");
        Files.writeString(kept, "old");
        Files.setPosixFilePermissions(kept, PosixFilePermissions.fromString("rw-------"));
        AtomicFiles.writeString(kept, "new");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kept))).isEqualTo("rw-------");
        assertThat(Files.readString(kept)).isEqualTo("new");
    }

    @Test
    void aSymbolicLinkIsWrittenThroughAndStaysALink() throws IOException {
        Path real = Files.createDirectories(dir.resolve("real")).resolve("data.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("real/data.json"));
        AtomicFiles.writeString(link, "new");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    @Test
    void partsOfAKilledProcessAreRemovedByTheNextWriteButNotThoseOfALiveOne() throws IOException {
        Path out = dir.resolve("big.csv");
        long deadPid = deadPid();
        Path stale = Files.writeString(dir.resolve(".big.csv." + deadPid + ".0123456789abcdef.mamori-part"), "half");
        Path live = Files.writeString(dir.resolve(".big.csv." + ProcessHandle.current().pid() + ".fedcba9876543210.mamori-part"), "busy");
        Path other = Files.writeString(dir.resolve(".other.csv." + deadPid + ".0123456789abcdef.mamori-part"), "x");
        AtomicFiles.writeString(out, "done");
        assertThat(stale).doesNotExist();
        assertThat(live).exists();
        assertThat(other).exists(); // another target's part is left to that target's next write
    }

    private static long deadPid() {
        long pid = 4_000_000;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }

    @Test
    void aDirectoryOrADeviceIsNotATarget() {
        assertThatThrownBy(() -> AtomicFiles.writeString(dir, "x")).hasMessageContaining("is a directory");
        assertThatThrownBy(() -> AtomicFiles.writeString(Path.of("/dev/null"), "x")).hasMessageContaining("not a regular file");
    }

    @Test
    void scratchFilesArePrivateAndDeletable() throws IOException {
        Path s = AtomicFiles.scratch(dir);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(s))).isEqualTo("rw-------");
        AtomicFiles.delete(s);
        assertThat(s).doesNotExist();
    }

    @Test
    void theGuardCatchesTheSameFileUnderEveryName() throws IOException {
        Path data = Files.writeString(dir.resolve("data.csv"), "a,b\n");
        Path keys = Files.writeString(dir.resolve("keys.json"), "{}");
        Path link = Files.createSymbolicLink(dir.resolve("alias.json"), keys);
        Path hard = Files.createLink(dir.resolve("hard.csv"), data);
        Path dotted = dir.resolve("./sub/../data.csv");

        assertThatThrownBy(() -> OutputGuard.of().reads(data, "the input").writes(dotted, "--output").check())
                .hasMessageContaining("--output").hasMessageContaining("the input");
        assertThatThrownBy(() -> OutputGuard.of().reads(keys, "the key store").writes(link, "--output").check())
                .hasMessageContaining("the key store");
        assertThatThrownBy(() -> OutputGuard.of().reads(data, "the input").writes(hard, "--output").check())
                .hasMessageContaining("the input");
        Path out = dir.resolve("out.csv");
        assertThatThrownBy(() -> OutputGuard.of().writes(out, "--output").writes(dir.resolve("./out.csv"), "--report-json").check())
                .hasMessageContaining("--report-json").hasMessageContaining("another output");
        // a file inside a folder that is read is an input; a new file there is not
        assertThatThrownBy(() -> OutputGuard.of().reads(dir, "a scanned folder").writes(data, "--output").check())
                .hasMessageContaining("a scanned folder");
        OutputGuard.of().reads(dir, "a scanned folder").writes(dir.resolve("new-report.json"), "--output").check();
        OutputGuard.of().reads(data, "the input").reads(Path.of("-"), "standard input").writes(out, "--output")
                .writes(null, "--html").check();
    }

    @Test
    void terminalTextCannotForgeLinesOrReachTheTerminal() {
        assertThat(Terminal.safe("a\nb\u001b[31m\u202etxt.exe\tc")).isEqualTo("a\\nb\\x1b[31m\\u202etxt.exe\\tc");
        assertThat(Terminal.safe("顧客一覧.csv")).isEqualTo("顧客一覧.csv");
        assertThat(Terminal.safe(null)).isNull();
    }

    @Test
    void csvCellsThatASpreadsheetWouldRunAreNeutralised() {
        assertThat(CsvCells.neutralize("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CsvCells.neutralize("+cmd|' /C calc'!A0")).startsWith("'+");
        assertThat(CsvCells.neutralize("-2+3")).isEqualTo("'-2+3");
        assertThat(CsvCells.neutralize("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvCells.neutralize("\tx")).isEqualTo("'\tx");
        assertThat(CsvCells.neutralize("-12.5")).isEqualTo("-12.5");
        assertThat(CsvCells.neutralize("+81")).isEqualTo("+81");
        assertThat(CsvCells.neutralize("mail.example.jp")).isEqualTo("mail.example.jp");
        assertThat(CsvCells.neutralize("")).isEmpty();
    }
}
