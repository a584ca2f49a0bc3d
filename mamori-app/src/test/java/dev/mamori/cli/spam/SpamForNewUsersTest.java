package dev.mamori.cli.spam;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.mamori.cli.CliTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mamori spam} as a new user meets it: warnings that name the missing registry data and the fix, the data's date
 * in every report, tables by total, countries by the names the table shows, formats by extension, the messages nobody
 * can be notified about, and one language per line.
 */
class SpamForNewUsersTest {

    static final String SAMPLE = SpamCommandTest.SAMPLE;
    static final String OURS = SpamCommandTest.OURS;

    @TempDir
    Path dir;

    static CliTest.Run run(String... args) {
        return CliTest.run(args);
    }

    /** Four of the five RIRs' excerpts (no ARIN). */
    Path fourRirs() throws IOException {
        Path rir = dir.resolve("rir4");
        if (Files.isDirectory(rir)) {
            return rir;
        }
        Files.createDirectories(rir);
        try (Stream<Path> s = Files.list(SpamCommandTest.RIR)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("delegated-") && !f.toString().contains("arin")).toList()) {
                Files.copy(p, rir.resolve(p.getFileName()));
            }
        }
        return rir;
    }

    /** A registry file of our own placing the sample's Chinese and Korean relays, dated 2014-06-30. */
    Path apnic() throws IOException {
        Path rir = dir.resolve("apnic");
        if (Files.isDirectory(rir)) {
            return rir;
        }
        Files.createDirectories(rir);
        Files.writeString(rir.resolve("delegated-apnic-test"), "2|apnic|20140701|3|19850701|20140630|+1000\n"
                + "apnic|*|ipv4|*|3|summary\napnic|CN|ipv4|211.0.0.0|16777216|19980101|allocated\n"
                + "apnic|CN|ipv4|61.0.0.0|16777216|19980101|allocated\napnic|KR|ipv4|218.0.0.0|16777216|19980101|allocated\n");
        return rir;
    }

    @Test
    void noRegistryIsAWarningNamingTheFixInEitherLanguage() throws IOException {
        Path empty = dir.resolve("empty-store");
        Files.createDirectories(empty);
        CliTest.Run ja = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--registry", empty.toString(), "--no-messages", "--lang", "ja");
        assertThat(ja.code()).as(ja.err()).isZero();
        assertThat(ja.err()).contains("警告: 登録データ（RIR の delegated ファイル）がありません").contains("mamori spam registry update --download");
        assertThat(ja.out()).contains("登録データ: なし").contains("帰属不明");
        CliTest.Run en = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--registry", empty.toString(), "--no-messages", "--lang", "en");
        assertThat(en.err()).contains("warning: no registry data").contains("mamori spam registry update --download")
                .contains("registry update --from DIR");
    }

    @Test
    void aMissingRirIsNamedInEveryReport() throws Exception {
        Path html = dir.resolve("spam.html");
        Path xlsx = dir.resolve("spam.xlsx");
        Path csv = dir.resolve("spam.csv");
        Path json = dir.resolve("stats.json");
        CliTest.Run r = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--rir", fourRirs().toString(), "--html", html.toString(),
                "--xlsx", xlsx.toString(), "--csv", csv.toString(), "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).contains("warning: the registry data has no file of ARIN");
        assertThat(r.out()).contains("Registry data as of 2019-09-06..2019-09-09").contains("Warning: the registry data has no file of ARIN");
        assertThat(Files.readString(html)).contains("Registry data as of 2019-09-06..2019-09-09").contains("no file of ARIN");
        assertThat(Files.readString(csv)).contains("registry data as of,2019-09-06..2019-09-09").contains("no file of ARIN");
        try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
            List<String> firstCells = new java.util.ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                if (row.getCell(1) != null) {
                    firstCells.add(row.getCell(0).getStringCellValue() + "=" + row.getCell(1).toString());
                }
            }
            assertThat(firstCells).contains("Registry data as of=2019-09-06..2019-09-09");
        }
        CliTest.Run j = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--rir", fourRirs().toString(), "--output", json.toString(),
                "--lang", "en");
        assertThat(j.code()).as(j.err()).isZero();
        JsonNode stats = new ObjectMapper().readTree(json.toFile());
        assertThat(stats.path("registry").path("as_of").asText()).isEqualTo("2019-09-06..2019-09-09");
        assertThat(stats.path("registry").path("missing").toString()).isEqualTo("[\"ARIN\"]");
        assertThat(stats.path("registry").path("files").path("APNIC").asText()).isEqualTo("2019-09-06");
        assertThat(stats.path("top_asns").isArray()).isTrue();
    }

    @Test
    void theTableFollowsTheTotal() throws IOException {
        CliTest.Run r = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--no-messages", "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        List<String> rows = r.out().lines().dropWhile(l -> !l.startsWith("country or registry")).skip(1)
                .takeWhile(l -> !l.startsWith("total")).toList();
        List<Long> totals = rows.stream().filter(l -> !l.startsWith("unattributed") && !l.startsWith("other"))
                .map(l -> Long.parseLong(l.substring(l.lastIndexOf(' ') + 1).replace(",", ""))).toList();
        assertThat(totals).isSortedAccordingTo(java.util.Comparator.reverseOrder()).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    void countriesByTheNamesTheTableShows() throws IOException {
        Map<String, Long> lines = new HashMap<>();
        for (String c : List.of("CN", "cn", "中国", "China")) {
            Path out = dir.resolve("cn-" + lines.size() + ".jsonl");
            CliTest.Run r = run("spam", "export", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--country", c,
                    "--output", out.toString());
            assertThat(r.code()).as(r.err()).isZero();
            lines.put(c, Files.readString(out).lines().count());
        }
        assertThat(lines.values()).allSatisfy(n -> assertThat(n).isEqualTo(lines.get("CN")));
        assertThat(lines.get("CN")).isPositive();
        Path un = dir.resolve("un.jsonl");
        assertThat(run("spam", "export", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--country", "帰属不明",
                "--output", un.toString()).code()).isZero();
        assertThat(Files.readString(un)).contains("\"country\":\"unattributed\"");
        CliTest.Run bad = run("spam", "export", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--country", "Narnia",
                "--output", dir.resolve("x.jsonl").toString(), "--lang", "en");
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("--country: no country Narnia").contains("ISO code").contains("unattributed");
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
        CliTest.Run badJa = run("spam", "export", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--country", "ナルニア",
                "--output", dir.resolve("x.jsonl").toString(), "--lang", "ja");
        assertThat(badJa.code()).isEqualTo(2);
        assertThat(badJa.err()).contains("ナルニア という国・地域はありません").contains("帰属不明");
    }

    @Test
    void theExtensionSaysTheFormat() throws IOException {
        Path csv = dir.resolve("cn.csv");
        CliTest.Run r = run("spam", "export", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--country", "CN",
                "--output", csv.toString(), "--bom");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(Files.readString(csv)).startsWith("\uFEFFarrival,relay_ip,").contains(",CN,APNIC,").contains(",2014-06-30,");
        Path nd = dir.resolve("cn.ndjson");
        run("spam", "export", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--country", "CN", "--output", nd.toString());
        JsonNode first = new ObjectMapper().readTree(Files.readString(nd).lines().findFirst().orElseThrow());
        assertThat(first.path("registry_as_of").asText()).isEqualTo("2014-06-30");
        Path forced = dir.resolve("cn-as-json.csv");
        run("spam", "export", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--country", "CN", "--format", "jsonl",
                "--output", forced.toString());
        assertThat(Files.readString(forced)).startsWith("{\"arrival\"");
        CliTest.Run unknown = run("spam", "export", SAMPLE, "--trusted", OURS, "--country", "CN", "--output", dir.resolve("cn.txt").toString(),
                "--lang", "en");
        assertThat(unknown.code()).isEqualTo(2);
        assertThat(unknown.err()).contains("cn.txt: the extension does not say a format").contains(".csv").contains("--format");

        Path lines = dir.resolve("relays.jsonl");
        CliTest.Run a = run("spam", "analyze", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--output", lines.toString());
        assertThat(a.code()).as(a.err()).isZero();
        assertThat(Files.readString(lines).lines()).hasSize(100).allSatisfy(l -> assertThat(l).startsWith("{\"file\""));
        assertThat(a.out()).doesNotContain("spam_1-00009").contains("合計");
        Path html = dir.resolve("spam.htm");
        assertThat(run("spam", "analyze", SAMPLE, "--trusted", OURS, "--output", html.toString()).code()).isZero();
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>").contains("<svg");
    }

    @Test
    void theMessagesWithoutAContactAreListedWithHowToAddOne() throws IOException {
        Path out = dir.resolve("reports");
        CliTest.Run r = run("spam", "report", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--no-fallback",
                "--from", "abuse@trap.example.jp", "--out", out.toString(), "--log", dir.resolve("log.jsonl").toString(), "--show", "3",
                "--lang", "en");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("no abuse contact: 100").contains("messages without an abuse contact (100, the first 3):")
                .contains("spam_1-00009.027bf6e0b0c4ab34db3ce0ea4bf2edab.eml  212.78.202.111  mailbox-11.st1.spray.net")
                .contains("--contacts FILE").contains("--rdap DIR").contains("Registry data as of 2014-06-30");
        List<String> csv = Files.readAllLines(out.resolve("no-contact.csv"));
        assertThat(csv).hasSize(101);
        assertThat(csv.get(0)).isEqualTo("file,message_id,relay_ip,relay_rdns,registry,country,asn,as_org");
        assertThat(csv).anySatisfy(l -> assertThat(l).contains(",APNIC,CN,"));
        CliTest.Run ja = run("spam", "report", SAMPLE, "--trusted", OURS, "--rir", apnic().toString(), "--no-fallback",
                "--from", "abuse@trap.example.jp", "--out", dir.resolve("r2").toString(), "--log", dir.resolve("log2.jsonl").toString(),
                "--lang", "ja");
        assertThat(ja.out()).contains("abuse の連絡先が不明: 100").contains("連絡先のないメッセージ（100 通、先頭 10 通）")
                .contains("連絡先を追加するには");
    }

    @Test
    void oneLanguagePerLine() throws IOException {
        Path mail = dir.resolve("inside.eml");
        Files.writeString(mail, "Received: from a (a.ours.jp [192.0.2.5]) by mx.ours.jp; Thu, 22 Aug 2024 10:00:00 +0000\nSubject: s\n\nb\n");
        CliTest.Run ja = run("spam", "analyze", mail.toString(), "--trusted", "192.0.2.0/24", "--registry", dir.toString(), "--lang", "ja");
        assertThat(ja.out()).contains("特定できず: すべての中継が自組織のもの").doesNotContain("every relay");
        CliTest.Run en = run("spam", "analyze", mail.toString(), "--trusted", "192.0.2.0/24", "--registry", dir.toString(), "--lang", "en");
        assertThat(en.out()).contains("not traced: every relay is trusted").doesNotContain("特定できず");
        for (String[] cmd : List.of(new String[] {"spam"}, new String[] {"spam", "analyze"}, new String[] {"spam", "report"},
                new String[] {"spam", "export"}, new String[] {"spam", "registry", "update"}, new String[] {"spam", "trap"})) {
            String[] args = Stream.concat(Stream.of(cmd), Stream.of("--help", "--lang", "ja")).toArray(String[]::new);
            String help = run(args).out();
            assertThat(help).as(String.join(" ", cmd)).doesNotContainPattern("\\b(the|and|with|of) [a-z]+ [a-z]+\\b")
                    .doesNotContain("seed").doesNotContain("../shared");
        }
        assertThat(run("spam", "trap", "--help", "--lang", "ja").out()).contains("スパムトラップを動かします");
        assertThat(run("spam", "registry", "update", "--help", "--lang", "en").out()).contains("--download").contains("--mirror");
        CliTest.Run trapJa = run("spam", "trap", "--maildir", dir.toString(), "--listen", "99999", "--lang", "ja");
        assertThat(trapJa.err()).contains("--listen は 0 から 65535 のポート番号です");
    }

    @Test
    void registryDownloadFromALocalMirror() throws Exception {
        Map<String, byte[]> files = new HashMap<>();
        try (Stream<Path> s = Files.list(SpamCommandTest.RIR)) {
            for (Path p : s.filter(f -> f.getFileName().toString().startsWith("delegated-")).toList()) {
                String name = p.getFileName().toString().replace("-excerpt", "-latest");
                byte[] body = Files.readAllBytes(p);
                files.put("/" + name, body);
                files.put("/" + name + ".md5", ("MD5 (" + name + ") = " + HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body)))
                        .getBytes(StandardCharsets.US_ASCII));
            }
        }
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", x -> {
            byte[] body = files.get(x.getRequestURI().getPath());
            x.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            if (body != null) {
                x.getResponseBody().write(body);
            }
            x.close();
        });
        server.start();
        try {
            String mirror = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path store = dir.resolve("store");
            CliTest.Run ok = run("spam", "registry", "update", "--download", "--mirror", mirror, "--store", store.toString(), "--lang", "en");
            assertThat(ok.code()).as(ok.err()).isZero();
            assertThat(ok.err()).contains("fetching " + mirror + "delegated-arin-extended-latest").contains("MD5 verified");
            assertThat(ok.out()).contains("installed").contains("ARIN").contains("RIPE NCC");
            String index = Files.readString(store.resolve("registry.json"));
            files.put("/delegated-apnic-extended-latest", "2.3|apnic|1|0|||\n".getBytes(StandardCharsets.US_ASCII));
            CliTest.Run bad = run("spam", "registry", "update", "--download", "--mirror", mirror, "--store", store.toString(), "--lang", "ja");
            assertThat(bad.code()).isEqualTo(2);
            assertThat(bad.err()).contains("delegated-apnic-extended-latest: MD5 が公開されている値と一致しません");
            assertThat(Files.readString(store.resolve("registry.json"))).isEqualTo(index);
            CliTest.Run list = run("spam", "registry", "list", "--store", store.toString(), "--lang", "en");
            assertThat(list.out()).contains("Registry data as of 2019-09-06..2019-09-09").doesNotContain("Warning");
            CliTest.Run insecure = run("spam", "registry", "update", "--download", "--mirror", "http://mirror.example.jp/", "--store",
                    store.toString(), "--lang", "en");
            assertThat(insecure.code()).isEqualTo(2);
            assertThat(insecure.err()).contains("--mirror must be an https:// URL");
        } finally {
            server.stop(0);
        }
    }
}
