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
        assertThat(Romaji.hepburn("サトウ")).contains("satou", "sato", "satoh");
        assertThat(Romaji.hepburn("コバヤシ")).containsExactly("kobayashi");
        assertThat(Romaji.hepburn("ホンマ")).contains("honma", "homma");
        assertThat(Romaji.hepburn("ユウキ")).contains("yuuki", "yuki");
        assertThat(Romaji.hepburn("ショウタ")).contains("shouta", "shota", "shohta");
        assertThat(Romaji.hepburn("リョウコ")).contains("ryoko");
        assertThat(Romaji.hepburn("ハットリ")).containsExactly("hattori");
        assertThat(Romaji.hepburn("エッチュウ")).contains("etchu");
        assertThat(Romaji.hepburn("ジュン")).containsExactly("jun");
        assertThat(Romaji.hepburn("チャコ")).containsExactly("chako");
        assertThat(Romaji.hepburn("ティナ")).containsExactly("tina");
        assertThat(Romaji.hepburn("オオノ")).contains("oono", "ono", "ohno");
        assertThat(Romaji.hepburn("ヴ？")).isEmpty();
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
