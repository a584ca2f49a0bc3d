package dev.mamori.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * unidic-names.tsv holds exactly what its source gives ({@link UnidicNamesSource}), after its header;
 * {@code -Dunidic-names.write=true} rewrites the entries and keeps the header.
 */
class UnidicNamesDataTest {

    private static final Path FILE = Path.of("src/main/resources/dev/mamori/detect/unidic-names.tsv");

    @Test
    void theFileIsWhatItsSourceGives() throws IOException {
        List<String> entries = UnidicNamesSource.entries();
        List<String> header = new ArrayList<>();
        for (String line : Files.readAllLines(FILE, StandardCharsets.UTF_8)) {
            if (line.startsWith("#")) {
                header.add(line);
            }
        }
        if (Boolean.getBoolean("unidic-names.write")) {
            List<String> all = new ArrayList<>(header);
            all.addAll(entries);
            Path tmp = FILE.resolveSibling(FILE.getFileName() + ".tmp");
            Files.write(tmp, all, StandardCharsets.UTF_8);
            Files.move(tmp, FILE, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }
        List<String> inFile = Files.readAllLines(FILE, StandardCharsets.UTF_8).stream().filter(l -> !l.startsWith("#")).toList();
        assertThat(inFile).isEqualTo(entries);
        assertThat(entries).contains("S\t小鳥遊", "S\t五百旗頭", "S\t粟飯原").doesNotContain("S\t佐藤", "S\t田中");
    }

    @Test
    void theNamesAreLookedUpBesideIpadic() {
        assertThat(Morphology.hasEntry("小鳥遊", 0, 3, "名詞-固有名詞-人名-姓")).isTrue(); // UniDic only
        assertThat(Morphology.hasEntry("佐藤", 0, 2, "名詞-固有名詞-人名-姓")).isTrue(); // IPADIC
        assertThat(Morphology.hasEntry("小鳥遊", 0, 3, "名詞-固有名詞-人名-名")).isFalse();
        assertThat(Morphology.hasEntry("机上", 0, 2, "名詞-固有名詞-人名-姓")).isFalse();
    }
}
