package dev.mamori.cli.deid;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.cli.CliTest;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a user of deid sees: warnings that say what was lost, Excel-ready CSV, private files for personal data, one language. */
class DeidUsabilityTest {

    @TempDir
    Path dir;
    Path data;
    Path store;

    @BeforeEach
    void table() throws IOException {
        // 年齢 spread so widely that k=10 over 40 records leaves it only at its top level (*)
        StringBuilder b = new StringBuilder("顧客ID,年齢,性別,購入額\n");
        for (int i = 0; i < 40; i++) {
            b.append("C").append(i).append(',').append(18 + i * 2).append(',').append(i % 2 == 0 ? "男" : "女").append(',').append(1000 + i).append('\n');
        }
        data = Files.writeString(dir.resolve("customers.csv"), b, StandardCharsets.UTF_8);
        StringBuilder age = new StringBuilder();
        for (int a = 0; a < 120; a++) {
            age.append(a).append(';').append(a / 50 * 50).append("代;*\n");
        }
        Files.writeString(dir.resolve("age.csv"), age);
        Files.writeString(dir.resolve("sex.csv"), "男;*\n女;*\n");
        store = dir.resolve("ks.json");
    }

    private CliTest.Run anonymize(String lang, int k, String... extra) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--lang", lang, "deid", data.toString(), "--mode", "anonymous",
                "--k", Integer.toString(k), "--suppression-limit", "0", "--qi", "年齢=" + dir.resolve("age.csv"), "--qi",
                "性別=" + dir.resolve("sex.csv"), "--drop", "顧客ID", "--keep", "購入額", "--output", dir.resolve("anon.csv").toString()));
        args.addAll(java.util.List.of(extra));
        return CliTest.run(args.toArray(String[]::new));
    }

    @Test
    void aQuasiIdentifierGeneralisedAwayIsNamedWithWhatKeepingALevelWouldCost() throws IOException {
        CliTest.Run r = anonymize("ja", 20);
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("注意: 準識別子「").contains("すべてのレコードで同じ値に一般化されました");
        assertThat(Files.readAllLines(dir.resolve("anon.csv")).stream().skip(1).map(l -> l.split(",")[0]).distinct().count())
                .as("the warned column has one value").isEqualTo(1);
        CliTest.Run en = anonymize("en", 20);
        assertThat(en.err()).contains("warning: quasi-identifier '").contains("Keeping one level").doesNotContain("注意");
        CliTest.Run mild = anonymize("en", 2);
        assertThat(mild.err()).doesNotContain("generalised to the same value");
    }

    @Test
    void utf8CsvForExcelStartsWithAByteOrderMarkAndOtherEncodingsDoNot() throws IOException {
        assertThat(anonymize("en", 2, "--bom").code()).isZero();
        byte[] utf8 = Files.readAllBytes(dir.resolve("anon.csv"));
        assertThat(utf8[0] & 0xff).isEqualTo(0xEF);
        assertThat(new String(utf8, StandardCharsets.UTF_8)).startsWith("\uFEFF年齢,性別,購入額");
        Charset cp932 = Charset.forName("windows-31j");
        Files.write(data, Files.readString(data).getBytes(cp932));
        assertThat(anonymize("en", 2, "--csv-profile", "excel").code()).isZero();
        assertThat(new String(Files.readAllBytes(dir.resolve("anon.csv")), cp932)).startsWith("年齢,性別,購入額");
    }

    @Test
    void outputsThatAreStillPersonalDataArePrivateAndTheOthersAreNot() throws IOException {
        assertThat(anonymize("en", 2).code()).isZero();
        assertThat(mode(dir.resolve("anon.csv"))).isEqualTo("rw-r--r--"); // 匿名加工情報, under the usual umask
        assertThat(mode(dir.resolve("anon.csv.record.json"))).isEqualTo("rw-r--r--");
        CliTest.run("keys", "--store", store.toString(), "new", "c");
        Path policy = Files.writeString(dir.resolve("p.yaml"), "mode: pseudonymous\npurpose: 購買傾向の分析\ncolumns:\n"
                + "  顧客ID: {role: linking_id, transform: token}\n  年齢: {role: quasi_identifier, transform: keep, hierarchy: builtin:age}\n"
                + "  性別: {role: insensitive, transform: keep}\n  購入額: {role: insensitive, transform: keep}\n");
        CliTest.Run p = CliTest.run("deid", "--policy", policy.toString(), data.toString(), "--key", "c", "--store", store.toString(),
                "--output", dir.resolve("pseudo.csv").toString());
        assertThat(p.code()).as(p.err()).isZero();
        assertThat(mode(dir.resolve("pseudo.csv"))).isEqualTo("rw-------"); // 仮名加工情報 is still personal information
        CliTest.Run back = CliTest.run("deid", "relink", dir.resolve("pseudo.csv").toString(), "--store", store.toString(), "--output",
                dir.resolve("back.csv").toString());
        assertThat(back.code()).as(back.err()).isZero();
        assertThat(mode(dir.resolve("back.csv"))).isEqualTo("rw-------");
        assertThat(back.out()).contains("復元しました").contains("顧客ID: token（鍵 c");
    }

    @Test
    void errorsAndMessagesComeInOneLanguage() {
        CliTest.Run ja = CliTest.run("--lang", "ja", "deid", data.toString(), "--mode", "anonymous", "--k", "1", "--qi",
                "年齢=" + dir.resolve("age.csv"), "--output", dir.resolve("o.csv").toString());
        assertThat(ja.code()).isEqualTo(2);
        assertThat(ja.err()).startsWith("mamori: --k 1: 匿名加工情報には 2 以上の k が必要です").doesNotContain("needs k");
        CliTest.Run en = CliTest.run("--lang", "en", "deid", data.toString(), "--mode", "anonymous", "--k", "1", "--qi",
                "年齢=" + dir.resolve("age.csv"), "--output", dir.resolve("o.csv").toString());
        assertThat(en.err()).startsWith("mamori: --k 1: 匿名加工情報 needs k of at least 2");
        CliTest.Run missingKey = CliTest.run("--lang", "ja", "keys", "--store", dir.resolve("none.json").toString(), "list");
        assertThat(missingKey.err()).contains("鍵ストアがありません").contains("mamori keys new NAME");
    }

    private static String mode(Path p) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
