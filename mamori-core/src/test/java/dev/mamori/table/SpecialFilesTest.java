package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pipes, devices and sockets are refused before they are opened: a pipe read for sniffing and
 * opened again would hang and lose what its writer sent. (The timeout only keeps a regression from
 * hanging the build; nothing here measures time.)
 */
@Timeout(120)
class SpecialFilesTest {

    @TempDir
    Path dir;

    private Path fifo(String name) throws IOException, InterruptedException {
        Path p = dir.resolve(name);
        Process mk;
        try {
            mk = new ProcessBuilder("mkfifo", p.toString()).redirectErrorStream(true).start();
        } catch (IOException e) {
            assumeTrue(false, "no mkfifo here");
            throw e;
        }
        assumeTrue(mk.waitFor() == 0 && Files.exists(p), "mkfifo failed");
        return p;
    }

    @Test
    void aNamedPipeIsRefusedWithoutBeingOpened() throws Exception {
        Path p = fifo("feed.csv");
        String expected = p + ": a named pipe (FIFO), not a regular file; not read (to scan what a program writes, pipe it"
                + " to standard input: ... | mamori scan -)";
        assertThatThrownBy(() -> new DocumentReader(null).read(p, new Recorder()))
                .isInstanceOf(ReadException.class).hasMessage(expected);
        assertThatThrownBy(() -> new DocumentReader(null).readInBlocks(p, new Recorder(), null))
                .isInstanceOf(ReadException.class).hasMessage(expected);
        assertThat(DocumentReader.sniff(p).skipReason().en()).isEqualTo("a named pipe (FIFO), not a regular file");
        assertThat(DocumentReader.sniff(p).skipReason().ja()).isEqualTo("名前付きパイプ（FIFO）で、通常のファイルではありません");
    }

    @Test
    void aPipeInADirectoryIsReportedAsUnreadAndTheFilesAroundItAreListed() throws Exception {
        Files.writeString(dir.resolve("a.csv"), "x\n");
        Path p = fifo("b.csv");
        List<Path> files = new ArrayList<>();
        List<ReadProblem> problems = new ArrayList<>();
        FileWalker.walk(dir, List.of(), List.of(), files::add, problems::add);
        assertThat(files).containsExactly(dir.resolve("a.csv"));
        assertThat(problems).singleElement().satisfies(x -> {
            assertThat(x.unread()).isTrue();
            assertThat(x.message()).isEqualTo("a named pipe (FIFO), not a regular file: " + p + "; skipped");
        });
    }

    @Test
    void aDeviceIsRefused() {
        Path dev = Path.of("/dev/null");
        assumeTrue(Files.exists(dev));
        assertThatThrownBy(() -> new DocumentReader(null).read(dev, new Recorder()))
                .isInstanceOf(ReadException.class).hasMessageStartingWith("/dev/null: a character device, not a regular file");
    }

    @Test
    void standardInputIsReadOnce() throws IOException {
        Recorder r = new Recorder();
        new DocumentReader(null).read(new java.io.ByteArrayInputStream("電話 03-1234-5678\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)), "-", r);
        assertThat(r.events).containsExactly("text 1 0 0 電話 03-1234-5678");
    }
}
