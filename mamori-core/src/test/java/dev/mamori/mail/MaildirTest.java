package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MaildirTest {

    /** SECONDS.M<micros>P<pid>Q<n>.HOST,S=<size> */
    private static final String NAME = "\\d{9,}\\.M\\d{1,6}P\\d+Q\\d+\\.[^/:,\\s]+,S=\\d+";

    @TempDir
    Path dir;

    @Test
    void deliveryCreatesTheMaildirAndPutsTheExactBytesInNew() throws IOException {
        Path md = dir.resolve("trap");
        byte[] message = "Subject: hi\r\n\r\nbody line\r\n.dot line\r\n".getBytes(StandardCharsets.US_ASCII);

        Path delivered = Maildir.deliver(md, message);

        assertThat(delivered.getParent()).isEqualTo(md.resolve("new"));
        assertThat(delivered.getFileName().toString()).matches(NAME).endsWith(",S=" + message.length);
        assertThat(Files.readAllBytes(delivered)).isEqualTo(message);
        for (String sub : List.of("tmp", "new", "cur")) {
            assertThat(md.resolve(sub)).isDirectory();
            if (posix()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(md.resolve(sub)))).isEqualTo("rwx------");
            }
        }
        if (posix()) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(delivered))).isEqualTo("rw-------");
        }
        assertThat(list(md.resolve("tmp"))).isEmpty();
        assertThat(Maildir.messages(md)).containsExactly(delivered);
    }

    @Test
    void readersSeeNewAndCurInNameOrderButNeverTmpOrDotFiles() throws IOException {
        Path md = dir.resolve("box");
        Maildir.deliver(md, "first\r\n".getBytes(StandardCharsets.US_ASCII));
        Files.writeString(md.resolve("cur").resolve("0000000001.M1P1Q1.old:2,S"), "seen\r\n");
        Files.writeString(md.resolve("tmp").resolve("9999999999.M1P1Q1.half"), "half a mess");
        Files.writeString(md.resolve("new").resolve(".hidden"), "x");
        Files.createDirectory(md.resolve("new").resolve("zz-a-directory"));

        List<Path> messages = Maildir.messages(md);

        assertThat(messages).hasSize(2);
        assertThat(messages.get(0)).isEqualTo(md.resolve("cur").resolve("0000000001.M1P1Q1.old:2,S"));
        assertThat(messages.get(1).getParent()).isEqualTo(md.resolve("new"));
        assertThat(messages).noneMatch(p -> p.startsWith(md.resolve("tmp")));
    }

    @Test
    void aMissingMaildirHasNoMessages() throws IOException {
        assertThat(Maildir.messages(dir.resolve("nothing-here"))).isEmpty();
    }

    @Test
    void eightThreadsTimesTwoHundredMessagesAllArriveIntactUnderUniqueNames() throws Exception {
        Path md = dir.resolve("busy");
        int threads = 8;
        int each = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<Path>>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<Path>> job = () -> {
                    List<Path> mine = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        mine.add(Maildir.deliver(md, message(thread, i)));
                    }
                    return mine;
                };
                futures.add(pool.submit(job));
            }
            Set<Path> delivered = new HashSet<>();
            for (Future<List<Path>> f : futures) {
                delivered.addAll(f.get());
            }
            assertThat(delivered).hasSize(threads * each);
        } finally {
            pool.shutdownNow();
        }

        List<Path> messages = Maildir.messages(md);
        assertThat(messages).hasSize(threads * each);
        Set<String> names = new HashSet<>();
        Set<String> contents = new HashSet<>();
        for (Path p : messages) {
            names.add(p.getFileName().toString());
            byte[] bytes = Files.readAllBytes(p);
            assertThat(p.getFileName().toString()).matches(NAME).endsWith(",S=" + bytes.length);
            contents.add(new String(bytes, StandardCharsets.US_ASCII));
        }
        assertThat(names).hasSize(threads * each);
        Set<String> expected = new HashSet<>();
        for (int t = 0; t < threads; t++) {
            for (int i = 0; i < each; i++) {
                expected.add(new String(message(t, i), StandardCharsets.US_ASCII));
            }
        }
        assertThat(contents).isEqualTo(expected);
        assertThat(list(md.resolve("tmp"))).isEmpty();
        assertThat(list(md.resolve("cur"))).isEmpty();
    }

    @Test
    void hostPartEscapesTheCharactersMaildirReserves() {
        assertThat(Maildir.safeHost("a/b:c,d")).isEqualTo("a\\057b\\072c\\054d");
        assertThat(Maildir.safeHost(" \t")).isEqualTo("localhost");
    }

    /** Distinct sizes and bodies, some large enough to need several writes. */
    private static byte[] message(int thread, int i) {
        StringBuilder sb = new StringBuilder("Subject: t" + thread + " m" + i + "\r\n\r\n");
        String line = "thread " + thread + " message " + i + " ";
        int lines = 1 + (thread * 31 + i * 7) % 400;
        for (int k = 0; k < lines; k++) {
            sb.append(line).append(k).append("\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.US_ASCII);
    }

    private static List<Path> list(Path d) throws IOException {
        try (Stream<Path> s = Files.list(d)) {
            return s.toList();
        }
    }

    private boolean posix() {
        return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
