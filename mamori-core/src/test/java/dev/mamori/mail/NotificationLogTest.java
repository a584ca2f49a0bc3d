package dev.mamori.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.mail.NotificationLog.Mode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotificationLogTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @TempDir
    Path dir;

    private static String key(String s) {
        return NotificationLog.messageKey(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void messageKeyIsSha256Hex() {
        assertThat(NotificationLog.messageKey("abc".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void dedupeSurvivesReopenAndDryRunsDoNotCount() throws IOException {
        Path file = dir.resolve("sent.jsonl");
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            assertThat(log.alreadySent(key("m1"), "abuse@example.net")).isFalse();
            log.record(Instant.parse("2024-05-01T00:00:00Z"), "abuse@example.net", "198.51.100.1", key("m1"), "<r1@ours>", Mode.SENT);
            log.record(Instant.parse("2024-05-01T00:00:01Z"), "abuse@other.example", "198.51.100.2", key("m2"), "<r2@ours>",
                    Mode.DRY_RUN);
            assertThat(log.alreadySent(key("m1"), "abuse@example.net")).isTrue();
        }
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            assertThat(log.size()).isEqualTo(2);
            assertThat(log.alreadySent(key("m1"), "ABUSE@Example.NET")).as("contacts compare case-insensitively").isTrue();
            assertThat(log.alreadySent(key("m1"), "abuse@other.example")).as("another contact").isFalse();
            assertThat(log.alreadySent(key("m2"), "abuse@other.example")).as("a dry run is not a send").isFalse();
            assertThat(log.truncatedTail()).isEmpty();
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertThat(first.get("time").asText()).isEqualTo("2024-05-01T00:00:00Z");
        assertThat(first.get("contact").asText()).isEqualTo("abuse@example.net");
        assertThat(first.get("relay_ip").asText()).isEqualTo("198.51.100.1");
        assertThat(first.get("message_key").asText()).isEqualTo(key("m1"));
        assertThat(first.get("message_id").asText()).isEqualTo("<r1@ours>");
        assertThat(first.get("mode").asText()).isEqualTo("sent");
        assertThat(first.get("year").asInt()).isEqualTo(2024);
        assertThat(new ObjectMapper().readTree(lines.get(1)).get("mode").asText()).isEqualTo("dry-run");
    }

    @Test
    void perYearCountsSentNotificationsInTheLogsZone() throws IOException {
        Path file = dir.resolve("sent.jsonl");
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            // 2006-12-31T15:30Z is already 2007 in Tokyo
            log.record(Instant.parse("2006-06-01T00:00:00Z"), "a@x.example", "192.0.2.1", key("a"), "<1@o>", Mode.SENT);
            log.record(Instant.parse("2006-12-31T15:30:00Z"), "a@x.example", "192.0.2.1", key("b"), "<2@o>", Mode.SENT);
            for (int i = 0; i < 3; i++) {
                log.record(Instant.parse("2007-03-01T00:00:00Z").plusSeconds(i), "b@y.example", "192.0.2.2", key("c" + i), "<c@o>",
                        Mode.SENT);
            }
            log.record(Instant.parse("2007-03-02T00:00:00Z"), "b@y.example", "192.0.2.2", key("d"), "<d@o>", Mode.DRY_RUN);
            assertThat(log.perYear()).isEqualTo(Map.of(2006, 1L, 2007, 4L));
        }
        try (NotificationLog log = NotificationLog.open(file, ZoneId.of("UTC"))) {
            assertThat(log.perYear()).as("the year is stored, not recomputed").isEqualTo(Map.of(2006, 1L, 2007, 4L));
            assertThat(log.perYear().keySet()).containsExactly(2006, 2007);
        }
    }

    @Test
    void truncatedLastLineIsReportedAndCutOff() throws IOException {
        Path file = dir.resolve("sent.jsonl");
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            log.record(Instant.parse("2024-01-01T00:00:00Z"), "a@x.example", "192.0.2.1", key("a"), "<1@o>", Mode.SENT);
        }
        String partial = "{\"time\":\"2024-01-02T00:00:00Z\",\"contact\":\"b@y.example\",\"relay_ip\":\"192.0";
        Files.writeString(file, partial, StandardOpenOption.APPEND);
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            assertThat(log.truncatedTail()).contains(partial);
            assertThat(log.size()).isEqualTo(1);
            assertThat(log.alreadySent(key("a"), "a@x.example")).isTrue();
            log.record(Instant.parse("2024-01-03T00:00:00Z"), "c@z.example", "192.0.2.3", key("c"), "<3@o>", Mode.SENT);
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("{\"time\":\"2024-01-03T00:00:00Z\"");
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            assertThat(log.truncatedTail()).isEmpty();
            assertThat(log.perYear()).isEqualTo(Map.of(2024, 2L));
        }
    }

    @Test
    void completeLastLineWithoutNewlineIsKept() throws IOException {
        Path file = dir.resolve("sent.jsonl");
        Files.writeString(file, "{\"time\":\"2024-01-01T00:00:00Z\",\"contact\":\"a@x.example\",\"relay_ip\":\"192.0.2.1\","
                + "\"message_key\":\"" + key("a") + "\",\"message_id\":\"<1@o>\",\"mode\":\"sent\",\"year\":2024}");
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            assertThat(log.truncatedTail()).isEmpty();
            assertThat(log.alreadySent(key("a"), "a@x.example")).isTrue();
            log.record(Instant.parse("2024-01-03T00:00:00Z"), "c@z.example", "192.0.2.3", key("c"), "<3@o>", Mode.SENT);
        }
        assertThat(Files.readAllLines(file)).hasSize(2);
    }

    @Test
    void corruptLineInTheMiddleNamesFileAndLine() throws IOException {
        Path file = dir.resolve("sent.jsonl");
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            log.record(Instant.parse("2024-01-01T00:00:00Z"), "a@x.example", "192.0.2.1", key("a"), "<1@o>", Mode.SENT);
        }
        // a complete line (it ends in a newline) that is not a record is corruption, not a crash
        Files.writeString(file, "garbage\n{\"also\":\"fine json but not a record\"}\n", StandardOpenOption.APPEND);
        assertThatThrownBy(() -> NotificationLog.open(file, TOKYO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sent.jsonl:2");
    }

    @Test
    void secondOpenWhileInUseIsRefused() throws IOException {
        Path file = dir.resolve("sent.jsonl");
        try (NotificationLog log = NotificationLog.open(file, TOKYO)) {
            assertThatThrownBy(() -> NotificationLog.open(file, TOKYO)).isInstanceOf(IOException.class).hasMessageContaining("in use");
        }
        try (NotificationLog again = NotificationLog.open(file, TOKYO)) {
            assertThat(again.size()).isZero();
        }
    }

    @Test
    void aFileThatIsNotALogIsNeverCut(@org.junit.jupiter.api.io.TempDir java.nio.file.Path tmp) throws Exception {
        for (String text : new String[] {"{\"my\":\"config\"}", "notes\nmore notes"}) {
            java.nio.file.Path f = tmp.resolve("notes-" + text.length() + ".txt");
            java.nio.file.Files.writeString(f, text);
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> NotificationLog.open(f))
                    .hasMessageContaining("not a Mamori notification log");
            org.assertj.core.api.Assertions.assertThat(java.nio.file.Files.readString(f)).isEqualTo(text);
        }
    }
}
