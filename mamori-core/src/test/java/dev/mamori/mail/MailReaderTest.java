package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Mail as it is kept, messy as it is: mbox, Maildir, .eml trees, stdin; problems reported, never fatal. */
class MailReaderTest {

    @TempDir
    Path dir;

    final List<MailMessage> got = new ArrayList<>();
    final List<MailReader.Problem> problems = new ArrayList<>();

    void read(String... inputs) {
        new MailReader(1 << 20, problems::add).read(List.of(inputs), new ByteArrayInputStream(new byte[0]), got::add);
    }

    static final String M1 = "Received: from a.example (a.example [192.0.2.1])\n\tby mx.example.jp; Thu, 22 Aug 2002 18:28:34 +0100\n"
            + "Subject: one\n\nbody\nFrom here on, a body line that is not a separator\n";
    static final String M2 = "Received: from b.example (b.example [198.51.100.2]) by mx.example.jp; Fri, 23 Aug 2002 10:00:00 +0000\n"
            + "Subject: two\n\nbody two\n";

    @Test
    void anMboxIsSplitAtFromLinesAfterABlankLine() throws IOException {
        Path mbox = dir.resolve("box");
        Files.writeString(mbox, "From a@example  Thu Aug 22 18:28:49 2002\n" + M1 + "\nFrom b@example  Fri Aug 23 10:00:00 2002\n" + M2);
        read(mbox.toString());
        assertThat(got).hasSize(2);
        assertThat(got).extracting(MailMessage::index).containsExactly(1L, 2L);
        assertThat(new String(got.get(0).raw(), StandardCharsets.ISO_8859_1)).startsWith("Received: from a.example").contains("From here on");
        assertThat(Headers.parse(got.get(1).raw()).first("subject")).isEqualTo("two");
        assertThat(problems).isEmpty();
    }

    @Test
    void aMaildirAndATreeOfEmlFiles() throws IOException {
        Path md = dir.resolve("Maildir");
        for (String sub : List.of("cur", "new", "tmp")) {
            Files.createDirectories(md.resolve(sub));
        }
        Files.writeString(md.resolve("new/1.eml"), M1);
        Files.writeString(md.resolve("cur/2.eml:2,S"), M2);
        Files.writeString(md.resolve("tmp/3.eml"), "Subject: half a delivery");
        Path tree = dir.resolve("tree/a/b");
        Files.createDirectories(tree);
        Files.writeString(tree.resolve("x.eml"), M1.replace("\n", "\r\n"));
        read(md.toString(), dir.resolve("tree").toString());
        assertThat(got).hasSize(3);
        assertThat(got).extracting(m -> Headers.parse(m.raw()).first("Subject")).containsExactly("one", "two", "one");
    }

    @Test
    void standardInput() {
        new MailReader(1 << 20, problems::add).read(List.of("-"), new ByteArrayInputStream(M2.getBytes(StandardCharsets.UTF_8)), got::add);
        assertThat(got).singleElement().satisfies(m -> assertThat(m.source()).isEqualTo("(stdin)"));
    }

    @Test
    void badInputIsReportedAndSkipped() throws IOException {
        Files.write(dir.resolve("binary.bin"), new byte[] {0x50, 0x4b, 3, 4, 0, 0, 1, 2});
        Files.writeString(dir.resolve("empty.eml"), "");
        Files.writeString(dir.resolve("cut.mbox"), "From a@example  Thu Aug 22 18:28:49 2002\n" + M1
                + "\nFrom b@example  Fri Aug 23 10:00:00 2002\nReceived: from b.example (b.example [198.51.100.2]) by mx");
        read(dir.toString(), dir.resolve("missing").toString());
        assertThat(got).hasSize(1);
        assertThat(problems).extracting(MailReader.Problem::toString).anySatisfy(p -> assertThat(p).contains("binary.bin").contains("binary"))
                .anySatisfy(p -> assertThat(p).contains("empty.eml").contains("empty"))
                .anySatisfy(p -> assertThat(p).contains("cut.mbox #2").contains("never ends"))
                .anySatisfy(p -> assertThat(p).contains("missing").contains("no such file"));
    }

    @Test
    void aMessageOverTheLimitKeepsItsHeaders() throws IOException {
        Path big = dir.resolve("big.eml");
        Files.writeString(big, M2 + "x".repeat(100) + "\n" + ("y".repeat(1000) + "\n").repeat(3000));
        new MailReader(64 * 1024, problems::add).read(List.of(big.toString()), null, got::add);
        assertThat(got).singleElement().satisfies(m -> {
            assertThat(m.truncated()).isTrue();
            assertThat(m.raw().length).isLessThanOrEqualTo(64 * 1024);
            assertThat(Headers.parse(m.raw()).first("Subject")).isEqualTo("two");
        });
    }

    @Test
    void aMessageCutInsideItsHeadersIsReportedNotMergedWithTheNext() throws IOException {
        Path mbox = dir.resolve("cut-inside.mbox");
        Files.writeString(mbox, "From a@example  Thu Aug 22 18:28:49 2002\nReceived: from a (a [192.0.2.1]) by mx\n"
                + "From b@example  Fri Aug 23 10:00:00 2002\n" + M2);
        read(mbox.toString());
        assertThat(got).singleElement().satisfies(m -> assertThat(m.index()).isEqualTo(2));
        assertThat(problems).singleElement().satisfies(p -> assertThat(p.toString()).contains("#1").contains("never ends"));
    }
}
