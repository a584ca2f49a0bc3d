package dev.mamori.cli.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.cli.CliTest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mamori redact}: a redacted copy of a text document, in the input's encoding, never over the input. */
class RedactCommandTest {

    private static final Charset CP932 = Charset.forName("windows-31j");

    @TempDir
    Path dir;

    private Path record() throws IOException {
        String text = "相談記録\r\n相談者：山田太郎（45歳）\r\n電話 090-1234-5678\r\n平成30年にうつ病と診断され、週2回デイケアに通所している。仕事は休職中。\r\n";
        return Files.write(dir.resolve("相談記録.txt"), text.getBytes(CP932));
    }

    @Test
    void writesTheCopyInTheInputsEncodingWithItsLineEnds() throws IOException {
        Path in = record();
        byte[] before = Files.readAllBytes(in);
        Path out = dir.resolve("out.txt");
        CliTest.Run r = CliTest.run("--lang", "en", "redact", in.toString(), "--output", out.toString(), "--scope", "clause");
        assertThat(r.code()).as(r.err()).isZero();
        String copy = new String(Files.readAllBytes(out), CP932);
        assertThat(copy).startsWith("相談記録\r\n相談者：〈氏名〉（45歳）\r\n電話 〈電話番号〉\r\n〈")
                .endsWith("〉、週2回デイケアに通所している。仕事は休職中。\r\n")
                .doesNotContain("山田", "090", "うつ病");
        assertThat(r.err()).contains("3 findings hidden").contains("PERSON 1").contains("SENSITIVE_HEALTH 1").doesNotContain("山田");
        assertThat(Files.readAllBytes(in)).isEqualTo(before);
        assertThat(Files.getPosixFilePermissions(out)).containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                java.nio.file.attribute.PosixFilePermission.OWNER_WRITE); // what the detector missed is still in the copy
        // on standard output, blacked out
        CliTest.Run b = CliTest.run("redact", in.toString(), "--style", "blackout", "--types", "PERSON");
        assertThat(b.code()).as(b.err()).isZero();
        assertThat(b.out()).contains("相談者：■■■■（45歳）").contains("090-1234-5678");
    }

    @Test
    void refusesTablesItsOwnInputAndBadBytesWithoutWritingAnything() throws IOException {
        Path csv = Files.writeString(dir.resolve("a.csv"), "氏名\n山田太郎\n");
        CliTest.Run t = CliTest.run("--lang", "en", "redact", csv.toString());
        assertThat(t.code()).isEqualTo(2);
        assertThat(t.err()).contains("mamori deid");

        Path in = record();
        CliTest.Run self = CliTest.run("--lang", "en", "redact", in.toString(), "--output", in.toString());
        assertThat(self.code()).isEqualTo(2);

        byte[] bad = "一行目\n山田太郎\n".getBytes(CP932);
        byte[] broken = java.util.Arrays.copyOf(bad, bad.length + 3);
        broken[bad.length] = (byte) 0x81; // a lead byte without its trail byte
        broken[bad.length + 1] = (byte) 0x0A;
        broken[bad.length + 2] = (byte) 0x0A;
        Path b = Files.write(dir.resolve("broken.txt"), broken);
        Path out = dir.resolve("never.txt");
        CliTest.Run r = CliTest.run("--lang", "en", "redact", b.toString(), "--output", out.toString(), "--encoding", "windows-31j");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("line 3").doesNotContain("山田");
        assertThat(out).doesNotExist();

        CliTest.Run scope = CliTest.run("--lang", "en", "redact", in.toString(), "--scope", "page");
        assertThat(scope.code()).isEqualTo(2);
        assertThat(scope.err()).contains("span, clause or sentence");
    }
}
