package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** latin-names.tsv is exactly what its sources give ({@link LatinNamesSource}); {@code -Dlatin-names.write=true} rewrites it. */
class LatinNamesDataTest {

    private static final Path FILE = Path.of("src/main/resources/dev/mamori/detect/latin-names.tsv");

    @Test
    void theFileIsWhatItsSourcesGive() throws IOException {
        List<String> lines = LatinNamesSource.lines();
        if (Boolean.getBoolean("latin-names.write")) {
            Path tmp = FILE.resolveSibling(FILE.getFileName() + ".tmp");
            Files.write(tmp, lines, StandardCharsets.UTF_8);
            Files.move(tmp, FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        assertThat(Files.readAllLines(FILE, StandardCharsets.UTF_8)).isEqualTo(lines);
    }

    @Test
    void katakanaReadingsAreRomanisedByHepburn() {
        assertThat(LatinNamesSource.hepburn("サトウ")).contains("satou", "sato", "satoh");
        assertThat(LatinNamesSource.hepburn("コバヤシ")).containsExactly("kobayashi");
        assertThat(LatinNamesSource.hepburn("ホンマ")).contains("honma", "homma");
        assertThat(LatinNamesSource.hepburn("ユウキ")).contains("yuuki", "yuki");
        assertThat(LatinNamesSource.hepburn("ショウタ")).contains("shouta", "shota", "shohta");
        assertThat(LatinNamesSource.hepburn("リョウコ")).contains("ryoko");
        assertThat(LatinNamesSource.hepburn("ハットリ")).containsExactly("hattori");
        assertThat(LatinNamesSource.hepburn("エッチュウ")).contains("etchu");
        assertThat(LatinNamesSource.hepburn("ジュン")).containsExactly("jun");
        assertThat(LatinNamesSource.hepburn("チャコ")).containsExactly("chako");
        assertThat(LatinNamesSource.hepburn("ティナ")).containsExactly("tina");
        assertThat(LatinNamesSource.hepburn("オオノ")).contains("oono", "ono", "ohno");
        assertThat(LatinNamesSource.hepburn("ヴ？")).isEmpty();
    }

    @Test
    void namesAreFoldedToAscii() {
        assertThat(LatinNamesSource.fold("Tomás")).isEqualTo("tomas");
        assertThat(LatinNamesSource.fold("Đặng")).isEqualTo("dang");
        assertThat(LatinNamesSource.fold("O'Brien")).isEqualTo("o'brien");
        assertThat(LatinNamesSource.fold("Ji-woo")).isEqualTo("ji-woo");
        assertThat(LatinNamesSource.fold("#{first_name}")).isNull();
        assertThat(LatinNamesSource.fold("김")).isNull();
        assertThat(LatinNamesSource.fold("lower")).isNull();
    }
}
