package dev.mamori.deid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Records formatted as bytes are the bytes FastCSV (as {@link CsvOutput#writer} sets it up) writes for them. */
class CsvBytesTest {

    private static final String[] PIECES = {"a", "12", ",", ";", "\t", "\"", "\n", "\r", "#", " ", "山田", "ｶﾅ", "〒", "😀", ""};

    @Test
    void randomRecordsAreFormattedAsFastCsvFormatsThem() {
        Random rnd = new Random(7);
        for (char delimiter : new char[] {',', '\t', ';'}) {
            for (int round = 0; round < 2_000; round++) {
                List<List<String>> records = new ArrayList<>();
                for (int r = rnd.nextInt(4); r >= 0; r--) {
                    List<String> fields = new ArrayList<>();
                    for (int f = rnd.nextInt(5); f >= 0; f--) {
                        StringBuilder s = new StringBuilder();
                        for (int p = rnd.nextInt(4); p > 0; p--) {
                            s.append(PIECES[rnd.nextInt(PIECES.length)]);
                        }
                        fields.add(s.toString());
                    }
                    records.add(fields);
                }
                StringWriter expected = new StringWriter();
                var fast = CsvOutput.writer(expected, delimiter);
                CsvBytes bytes = new CsvBytes(delimiter);
                for (List<String> rec : records) {
                    fast.writeRecord(rec);
                    for (int f = 0; f < rec.size(); f++) {
                        if (f % 2 == 0) {
                            bytes.field(rec.get(f));
                        } else { // from a range inside a larger array, as cells lie in a block
                            byte[] cell = rec.get(f).getBytes(StandardCharsets.UTF_8);
                            byte[] block = new byte[cell.length + 6];
                            System.arraycopy(cell, 0, block, 3, cell.length);
                            bytes.field(block, 3, 3 + cell.length);
                        }
                    }
                    bytes.end();
                }
                assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
                        .as("delimiter %s, records %s", (int) delimiter, records).isEqualTo(expected.toString());
            }
        }
    }

    @Test
    void nullIsAnEmptyFieldAndTheBufferGrows() {
        CsvBytes bytes = new CsvBytes(',');
        String big = "\"".repeat(70_000);
        bytes.field((String) null);
        bytes.field(big);
        bytes.end();
        assertThat(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
                .isEqualTo(",\"" + "\"\"".repeat(70_000) + "\"\r\n");
    }

    @Test
    void aValueFormattedOnceIsWrittenAsFieldWritesIt() {
        for (String v : new String[] {"#x", "a,b", "say \"hi\"", "改行\n", "", "plain"}) {
            for (boolean first : new boolean[] {true, false}) {
                CsvBytes byField = new CsvBytes(',');
                CsvBytes byFormat = new CsvBytes(',');
                if (!first) {
                    byField.field("lead");
                    byFormat.field("lead");
                }
                byField.field(v);
                byFormat.formatted(CsvBytes.format(',', v, first));
                byField.end();
                byFormat.end();
                assertThat(byFormat.toByteArray()).as("%s first=%s", v, first).isEqualTo(byField.toByteArray());
            }
        }
        assertThat(new String(CsvBytes.format(',', "#x", true), StandardCharsets.UTF_8)).isEqualTo("\"#x\"");
        assertThat(new String(CsvBytes.format(',', "#x", false), StandardCharsets.UTF_8)).isEqualTo("#x");
    }
}
