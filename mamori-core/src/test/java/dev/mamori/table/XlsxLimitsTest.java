package dev.mamori.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** XLSX inputs that lie about their size, break off, or reach past Excel's columns. */
class XlsxLimitsTest {

    @TempDir
    Path dir;

    private Path workbook(String name, int strings) throws IOException {
        Path file = dir.resolve(name);
        try (XSSFWorkbook wb = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(file)) {
            Sheet s = wb.createSheet("名簿");
            s.createRow(0).createCell(0).setCellValue("メモ");
            for (int i = 1; i <= strings; i++) {
                s.createRow(i).createCell(0).setCellValue("文字列 " + i + " " + Integer.toHexString(i * 7919));
            }
            Sheet t = wb.createSheet("二枚目");
            t.createRow(0).createCell(0).setCellValue("電話");
            t.createRow(1).createCell(0).setCellValue("090-1234-5678");
            wb.write(out);
        }
        return file;
    }

    /** Copies a zip, replacing the named entries. */
    private static void rezip(Path src, Path dst, Map<String, byte[]> replace) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(src));
             ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(dst))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(replace.containsKey(e.getName()) ? replace.get(e.getName()) : in.readAllBytes());
                out.closeEntry();
            }
        }
    }

    private static String entry(Path zip, String name) throws IOException {
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                if (e.getName().equals(name)) {
                    return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        throw new IllegalArgumentException(name);
    }

    /** Sets the uncompressed size the central directory declares for {@code name}. */
    private static void understate(Path zip, String name, int size) throws IOException {
        byte[] b = Files.readAllBytes(zip);
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        boolean patched = false;
        for (int i = 0; i + 46 < b.length; i++) {
            if (b[i] == 0x50 && b[i + 1] == 0x4B && b[i + 2] == 0x01 && b[i + 3] == 0x02) {
                int nameLength = (b[i + 28] & 0xFF) | (b[i + 29] & 0xFF) << 8;
                if (nameLength == n.length && java.util.Arrays.equals(b, i + 46, i + 46 + nameLength, n, 0, n.length)) {
                    for (int k = 0; k < 4; k++) {
                        b[i + 24 + k] = (byte) (size >>> (8 * k));
                    }
                    patched = true;
                }
            }
        }
        assertThat(patched).as("central directory entry for " + name).isTrue();
        Files.write(zip, b);
    }

    @Test
    void sharedStringsAreBoundedByTheBytesInflatedNotByTheSizeTheZipDeclares() throws IOException {
        Path file = workbook("lying.xlsx", 20_000);
        assertThat(entry(file, "xl/sharedStrings.xml").length()).isGreaterThan(400_000);
        understate(file, "xl/sharedStrings.xml", 100);
        Problems problems = new Problems(file.toString(), new Recorder());

        // the declared size passes the old guard; reading counts what is inflated and stops at the limit
        assertThatThrownBy(() -> XlsxReader.read(file, file.toString(), SheetRows.Header.FIRST_ROW, new Recorder(), problems, 200_000))
                .isInstanceOf(ReadException.class)
                .hasMessage(file + ": its shared strings table is more than 200000 bytes, more than can be read in bounded memory;"
                        + " save it as CSV");
        Recorder r = new Recorder();
        assertThat(XlsxReader.read(file, file.toString(), SheetRows.Header.FIRST_ROW, r, problems, 10_000_000)).isEqualTo(20_001);
    }

    @Test
    void aCorruptSheetIsUnreadFromWhereItBreaksAndTheNextSheetIsRead() throws IOException {
        Path good = workbook("good.xlsx", 3);
        String xml = entry(good, "xl/worksheets/sheet1.xml");
        int cut = xml.indexOf("<row r=\"3\"");
        String broken = xml.substring(0, cut) + "<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><t>123456789018</t></is></c><c r=\"B3\" <<<";
        Path bad = dir.resolve("bad.xlsx");
        rezip(good, bad, Map.of("xl/worksheets/sheet1.xml", broken.getBytes(StandardCharsets.UTF_8)));
        Recorder r = new Recorder();
        new DocumentReader(null).read(bad, r);

        assertThat(r.events).containsExactly("table 名簿 [メモ]", "row 1 2 [文字列 1 1eef]", "table 二枚目 [電話]", "row 1 2 [090-1234-5678]");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.unread()).isTrue();
            assertThat(p.message()).startsWith(bad + ":3: sheet \"名簿\" is corrupt after spreadsheet row 2 (malformed XML at line")
                    .endsWith("; the rest of this sheet is not read");
            // the temporary folder's random name may hold the digits
            assertThat(p.message().replace(bad.toString(), "")).doesNotContain("123456789018");
        });
    }

    @Test
    void cellsBeyondColumnXfdAreReportedNotHeld() throws IOException {
        Path good = workbook("good.xlsx", 1);
        String xml = entry(good, "xl/worksheets/sheet1.xml");
        String far = xml.replace("</sheetData>", "<row r=\"9\"><c r=\"A9\" t=\"inlineStr\"><is><t>a</t></is></c>"
                + "<c r=\"XFE9\" t=\"inlineStr\"><is><t>b</t></is></c></row></sheetData>");
        Path wide = dir.resolve("wide.xlsx");
        rezip(good, wide, Map.of("xl/worksheets/sheet1.xml", far.getBytes(StandardCharsets.UTF_8)));
        Recorder r = new Recorder();
        new DocumentReader(null).read(wide, r);
        assertThat(r.events).contains("row 2 9 [a]");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.unread()).isTrue();
            assertThat(p.message()).isEqualTo(wide + ": sheet \"名簿\" has cells beyond column XFD (16384 columns); those cells are not read");
        });
    }

    @Test
    void xlsxFromStandardInputGoesThroughAPrivateCopyThatIsDeletedAfterwards() throws IOException {
        Path file = workbook("in.xlsx", 2);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        String mine = ".scratch." + ProcessHandle.current().pid() + ".";
        List<String> seen = new ArrayList<>();
        Recorder r = new Recorder() {
            @Override
            public void table(String sheet, List<String> header) {
                super.table(sheet, header);
                try (Stream<Path> s = Files.list(tmp)) {
                    s.filter(p -> p.getFileName().toString().startsWith(mine)).forEach(p -> {
                        try {
                            seen.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(p)));
                        } catch (IOException e) {
                            throw new IllegalStateException(e);
                        }
                    });
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        };
        try (InputStream in = Files.newInputStream(file)) {
            new DocumentReader(null).read(in, "-", r);
        }
        assertThat(seen).isNotEmpty().containsOnly("rw-------");
        try (Stream<Path> s = Files.list(tmp)) {
            assertThat(s.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith(mine));
        }
        assertThat(r.rows).hasSize(3);
    }

    @Test
    void aWorkbookWithinTheLimitsReadsAsBefore() throws IOException {
        Recorder r = new Recorder();
        new DocumentReader(null).read(workbook("ok.xlsx", 5), r);
        assertThat(r.rows).hasSize(6);
        assertThat(r.problems).isEmpty();
    }
}
