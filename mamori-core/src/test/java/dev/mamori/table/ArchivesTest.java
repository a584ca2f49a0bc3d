package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.report.Message;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Archives as a shared drive holds them: Windows' ZIP with CP932 names, ZIPs inside ZIPs, a tar.gz, a gzip; entries
 * locked with a password, zip bombs and archives nested too deep told apart; entries' paths never deciding where their
 * copies go; broken archives refused with their name.
 */
class ArchivesTest {

    @TempDir
    Path dir;

    /** What a visitor was given: each file's name and its text, each skipped entry's name and reason. */
    private static class Seen implements Archives.Visitor {
        final List<String> files = new ArrayList<>();
        final List<String> skipped = new ArrayList<>();
        final List<Path> copies = new ArrayList<>();

        @Override
        public void file(Path copy, String name) throws IOException {
            copies.add(copy);
            if (name.contains("!/")) { // an entry's copy is named like it (a gzip's content after the gzip, less .gz)
                assertThat(copy.getFileName().toString()).isEqualTo(Archives.fileName(name));
            }
            files.add(name + " = " + new String(Files.readAllBytes(copy), StandardCharsets.UTF_8).strip());
        }

        @Override
        public void skipped(String name, Message why) {
            skipped.add(name + ": " + why.en());
        }
    }

    private static byte[] zip(Charset names, Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(b, names)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
            }
        }
        return b.toByteArray();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Seen read(Path archive) throws ReadException {
        Seen seen = new Seen();
        Archives.read(archive, archive.getFileName().toString(), seen);
        return seen;
    }

    @Test
    void aWindowsZipWithJapaneseNamesAndAZipInsideIsReadEntryByEntry() throws IOException {
        Map<String, byte[]> inner = new LinkedHashMap<>();
        inner.put("連絡先.txt", utf8("佐藤花子 03-1111-2222"));
        Map<String, byte[]> outer = new LinkedHashMap<>();
        outer.put("名簿/", new byte[0]); // a folder
        outer.put("名簿/会員一覧.csv", utf8("氏名,電話\n山田太郎,090-1234-5678"));
        outer.put("名簿/旧.zip", zip(StandardCharsets.UTF_8, inner)); // this one with UTF-8 names, flagged
        Path file = Files.write(dir.resolve("共有.zip"), zip(Charset.forName("windows-31j"), outer)); // names in CP932, unflagged
        assertThat(Archives.kind(file)).isEqualTo(Archives.Kind.ZIP);
        Seen seen = read(file);
        assertThat(seen.files).containsExactly("共有.zip!/名簿/会員一覧.csv = 氏名,電話\n山田太郎,090-1234-5678",
                "共有.zip!/名簿/旧.zip!/連絡先.txt = 佐藤花子 03-1111-2222");
        assertThat(seen.skipped).isEmpty();
        assertThat(seen.copies).allSatisfy(c -> assertThat(c).doesNotExist()); // deleted after each was read
        assertThat(seen.copies.get(0).getParent()).doesNotExist(); // and their directory
    }

    @Test
    void anOfficeOrOpenDocumentFileIsNoArchive() throws IOException {
        Path xlsx = dir.resolve("a.xlsx");
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            wb.createSheet("s").createRow(0).createCell(0).setCellValue("x");
            wb.write(out);
        }
        assertThat(Archives.kind(xlsx)).isNull();
        assertThat(Archives.kind(Files.writeString(dir.resolve("a.csv"), "a,b\n1,2\n"))).isNull();
    }

    @Test
    void anEntryLockedWithAPasswordIsSaidAndTheOthersRead() throws IOException {
        // Info-ZIP's `zip -P secret ppap.zip 見積書.csv; zip ppap.zip readme.txt` (src/test/resources/…/archive)
        Seen seen = read(resource("ppap.zip"));
        assertThat(seen.skipped).containsExactly("ppap.zip!/見積書.csv: a file in a password-protected ZIP; its content is not scanned"
                + " (extract it without the password, then scan it)");
        assertThat(seen.files).containsExactly("ppap.zip!/readme.txt = 担当 鈴木一郎");
    }

    private Path resource(String name) throws IOException {
        Path file = dir.resolve(name);
        try (var in = ArchivesTest.class.getResourceAsStream("archive/" + name)) {
            Files.copy(in, file);
        }
        return file;
    }

    @Test
    void sevenZipArchivesOpenAndTheirLocksAreSaid() throws IOException {
        // 7-Zip's `7z a plain.7z 名簿.csv readme.txt`, the same with -psecret, and with -psecret -mhe=on (names locked too)
        Path plain = resource("plain.7z");
        assertThat(Archives.kind(plain)).isEqualTo(Archives.Kind.SEVEN_Z);
        assertThat(read(plain).files).containsExactlyInAnyOrder("plain.7z!/名簿.csv = 氏名,電話\n山田太郎,090-1234-5678",
                "plain.7z!/readme.txt = 担当 鈴木一郎");
        Seen locked = read(resource("locked.7z"));
        assertThat(locked.files).isEmpty();
        assertThat(locked.skipped).hasSize(2).allSatisfy(m -> assertThat(m).contains("a file in a password-protected 7z archive"));
        Seen hidden = read(resource("hidden.7z"));
        assertThat(hidden.skipped).containsExactly("hidden.7z: a 7z archive whose names too are locked with a password; its content"
                + " is not scanned (extract it without the password, then scan it)");
    }

    @Test
    void anEntryThatExpandsPastReasonIsAZipBombAndNotWritten() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("zeros.txt", new byte[70 << 20]);
        entries.put("ok.txt", utf8("山田"));
        Path file = Files.write(dir.resolve("bomb.zip"), zip(StandardCharsets.UTF_8, entries));
        assertThat(Files.size(file)).isLessThan(1 << 20);
        Seen seen = read(file);
        assertThat(seen.skipped).containsExactly("bomb.zip!/zeros.txt: expands to more than 200 times its compressed size (a zip bomb?); not read");
        assertThat(seen.files).containsExactly("bomb.zip!/ok.txt = 山田");
    }

    @Test
    void archivesNestedDeeperThanThreeAreNotOpened() throws IOException {
        byte[] z = zip(StandardCharsets.UTF_8, Map.of("deep.txt", utf8("x")));
        for (int i = 3; i >= 1; i--) {
            z = zip(StandardCharsets.UTF_8, Map.of("z" + i + ".zip", z));
        }
        Seen seen = read(Files.write(dir.resolve("z0.zip"), z));
        assertThat(seen.files).isEmpty();
        assertThat(seen.skipped).containsExactly("z0.zip!/z1.zip!/z2.zip!/z3.zip: an archive nested more than 3 deep; not opened");
    }

    @Test
    void aTarGzAndAGzipAreReadUnderTheirOwnNames() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(new GZIPOutputStream(tar), StandardCharsets.UTF_8.name())) {
            t.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            byte[] csv = utf8("氏名\n高橋健太");
            TarArchiveEntry e = new TarArchiveEntry("export/顧客.csv");
            e.setSize(csv.length);
            t.putArchiveEntry(e);
            t.write(csv);
            t.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("export/passwd", TarArchiveEntry.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            t.putArchiveEntry(link);
            t.closeArchiveEntry();
        }
        Path tgz = Files.write(dir.resolve("dump.tar.gz"), tar.toByteArray());
        assertThat(Archives.kind(tgz)).isEqualTo(Archives.Kind.GZIP);
        assertThat(read(tgz).files).containsExactly("dump.tar.gz!/export/顧客.csv = 氏名\n高橋健太"); // the link passed over
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(gz)) {
            g.write(utf8("2024-04-01 login 山本"));
        }
        Path log = Files.write(dir.resolve("access.log.gz"), gz.toByteArray());
        Seen seen = read(log);
        assertThat(seen.files).containsExactly("access.log.gz = 2024-04-01 login 山本");
        assertThat(seen.copies.get(0).getFileName().toString()).isEqualTo("access.log"); // its format by its own name
    }

    @Test
    void anEntrysPathNeverDecidesWhereItsCopyIsWritten() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("../../escape.txt", utf8("外"));
        entries.put("/abs/x:y?.txt", utf8("中"));
        Path file = Files.write(dir.resolve("slip.zip"), zip(StandardCharsets.UTF_8, entries));
        Seen seen = read(file);
        assertThat(seen.files).containsExactly("slip.zip!/../../escape.txt = 外", "slip.zip!//abs/x:y?.txt = 中");
        assertThat(seen.copies).extracting(c -> c.getFileName().toString()).containsExactly("escape.txt", "xy.txt");
        try (Stream<Path> all = Files.walk(dir)) {
            assertThat(all.filter(p -> p.getFileName().toString().startsWith("escape"))).isEmpty();
        }
    }

    @Test
    void aDamagedDocumentOrArchiveInsideIsThatEntrysProblemAlone() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        byte[] docx = zip(StandardCharsets.UTF_8, Map.of("word/document.xml", new byte[5000]));
        entries.put("半分.docx", Arrays.copyOf(docx, docx.length / 2)); // a half-downloaded Word file
        entries.put("壊れた.zip", new byte[] {'P', 'K', 3, 4, 1, 2, 3}); // an archive inside that does not open
        entries.put("名簿.csv", utf8("氏名\n山田太郎"));
        Seen seen = read(Files.write(dir.resolve("送付.zip"), zip(StandardCharsets.UTF_8, entries)));
        // the .docx goes to its reader (which says what is wrong with it); the broken archive is said; the CSV is read
        assertThat(seen.files).hasSize(2).first().asString().startsWith("送付.zip!/半分.docx = ");
        assertThat(seen.files.get(1)).isEqualTo("送付.zip!/名簿.csv = 氏名\n山田太郎");
        assertThat(seen.skipped).singleElement().asString().startsWith("送付.zip!/壊れた.zip: not a readable archive (corrupt or truncated)");
    }

    @Test
    void aLongJapaneseNameIsCutToWhatAFileSystemTakes() throws IOException {
        String name = "顧客".repeat(60) + ".csv"; // 120 kanji: 360 bytes of UTF-8, past the 255 a file name may have
        Seen seen = read(Files.write(dir.resolve("long.zip"), zip(StandardCharsets.UTF_8, Map.of(name, utf8("山田")))));
        assertThat(seen.files).containsExactly("long.zip!/" + name + " = 山田");
        String copy = seen.copies.get(0).getFileName().toString();
        assertThat(copy).endsWith(".csv");
        assertThat(copy.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(200);
    }

    @Test
    void anEmptyArchiveIsSaidEmpty() throws IOException {
        List<String> empty = new ArrayList<>();
        Archives.read(Files.write(dir.resolve("empty.zip"), zip(StandardCharsets.UTF_8, Map.of())), "empty.zip", new Seen() {
            @Override
            public void empty(String name) {
                empty.add(name);
            }
        });
        assertThat(empty).containsExactly("empty.zip");
    }

    @Test
    void aTarsNamesInCp932AndItsDevicesAndGzipsInGzips() throws IOException {
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream t = new TarArchiveOutputStream(tar, "windows-31j")) {
            byte[] csv = utf8("高橋");
            TarArchiveEntry e = new TarArchiveEntry("顧客一覧.csv");
            e.setSize(csv.length);
            t.putArchiveEntry(e);
            t.write(csv);
            t.closeArchiveEntry();
            t.putArchiveEntry(new TarArchiveEntry("dev/zero", TarArchiveEntry.LF_CHR));
            t.closeArchiveEntry();
        }
        Seen seen = read(Files.write(dir.resolve("sjis.tar"), tar.toByteArray()));
        assertThat(seen.files).containsExactly("sjis.tar!/顧客一覧.csv = 高橋");
        byte[] gz = utf8("x");
        for (int i = 0; i < 5; i++) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (GZIPOutputStream g = new GZIPOutputStream(b)) {
                g.write(gz);
            }
            gz = b.toByteArray();
        }
        Seen deep = read(Files.write(dir.resolve("a.gz"), gz));
        assertThat(deep.files).isEmpty();
        assertThat(deep.skipped).singleElement().asString().endsWith("an archive nested more than 3 deep; not opened");
    }

    @Test
    void aBrokenArchiveIsRefusedWithItsName() throws IOException {
        byte[] z = zip(StandardCharsets.UTF_8, Map.of("a.txt", new byte[100_000]));
        Path cut = Files.write(dir.resolve("cut.zip"), Arrays.copyOf(z, z.length - 30)); // its central directory cut
        assertThatThrownBy(() -> read(cut)).isInstanceOf(ReadException.class)
                .satisfies(e -> assertThat(((ReadException) e).message("en")).startsWith("cut.zip: not a readable archive"));
    }
}
