package dev.mamori.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The record of the abuse notifications Mamori sent, so that a re-run does not notify a contact twice
 * about the same message, and so that notifications can be counted per year (a honeypot programme sends
 * about 45,000 a year).
 *
 * <p>An append-only JSON Lines file, one line per report sent or written in a dry run:
 * <pre>{"time":"2024-05-01T03:04:05Z","contact":"abuse@example.net","relay_ip":"192.0.2.7",
 *  "message_key":"&lt;64 hex&gt;","message_id":"&lt;arf.…@example.jp&gt;","mode":"sent","year":2024}</pre>
 * {@code message_key} is the SHA-256 of the original message's bytes ({@link #messageKey}),
 * {@code year} the year of {@code time} in the log's time zone, {@code mode} {@code sent} or
 * {@code dry-run}. Only {@code sent} lines count as sent ({@link #alreadySent}, {@link #perYear}): a
 * dry run does not stop a later real run.
 *
 * <p>Each {@link #record} is written in one write and forced to disk before it returns. The file is
 * locked while open, so two runs cannot use it at once. A last line cut short by a crash (no newline at
 * the end and not a complete JSON object) is tolerated: it is reported by {@link #truncatedTail()} and
 * cut off the file so that the next line starts cleanly; the report it described may have been sent
 * without being recorded. A malformed line anywhere else is an error naming the file and line.
 */
public final class NotificationLog implements Closeable {

    /** What happened to a report. */
    public enum Mode {
        SENT("sent"), DRY_RUN("dry-run");

        private final String json;

        Mode(String json) {
            this.json = json;
        }

        /** The value written in the log. */
        public String json() {
            return json;
        }

        static Mode of(String s) {
            for (Mode m : values()) {
                if (m.json.equals(s)) {
                    return m;
                }
            }
            return null;
        }
    }

    /** One line of the log. */
    public record Entry(Instant time, String contact, String relayIp, String messageKey, String messageId, Mode mode, int year) {
    }

    /** Reads the log's lines (written with {@link JsonLines}). */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;
    private final ZoneId zone;
    private final FileChannel channel;
    private final FileLock lock;
    private final Set<String> sent = new HashSet<>();
    private final Map<Integer, Long> perYear = new TreeMap<>();
    private final String truncatedTail;
    private long entries;

    private NotificationLog(Path file, ZoneId zone, FileChannel channel, FileLock lock, String truncatedTail) {
        this.file = file;
        this.zone = zone;
        this.channel = channel;
        this.lock = lock;
        this.truncatedTail = truncatedTail;
    }

    /** Opens (or creates) the log; years are counted in the system time zone. */
    public static NotificationLog open(Path file) throws IOException {
        return open(file, ZoneId.systemDefault());
    }

    /**
     * Opens (or creates) the log, reading what it holds; {@code zone} decides the year of new entries.
     *
     * @throws IOException              when the file cannot be read or written, or another run holds it
     * @throws IllegalArgumentException when a line other than a truncated last one is malformed (file:line)
     */
    public static NotificationLog open(Path file, ZoneId zone) throws IOException {
        Objects.requireNonNull(zone, "zone");
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException e) {
            ch.close();
            throw e;
        }
        if (lock == null) {
            ch.close();
            throw new IOException(file + " is in use by another run");
        }
        try {
            byte[] bytes = readAll(ch);
            int end = bytes.length;
            String tail = null;
            int lastNl = lastIndexOf(bytes, (byte) '\n');
            if (end > 0) {
                // never cut anything from a file that is not a log of ours (a --log pointing at the wrong file)
                int firstNl = indexOf(bytes, (byte) '\n');
                String first = new String(bytes, 0, firstNl < 0 ? end : firstNl, StandardCharsets.UTF_8);
                if (!first.isBlank() && parse(first) == null) {
                    throw new IllegalArgumentException(file + ":1: not a Mamori notification log (nothing was changed); give --log a file of its own");
                }
            }
            if (end > 0 && bytes[end - 1] != '\n') {
                String last = new String(bytes, lastNl + 1, end - lastNl - 1, StandardCharsets.UTF_8);
                if (parse(last) == null) {
                    tail = last;
                    end = lastNl + 1;
                    ch.truncate(end);
                    ch.force(true);
                } else {
                    // complete record whose newline was lost: keep it, end the line
                    ch.write(ByteBuffer.wrap(new byte[] {'\n'}), end);
                    ch.force(true);
                }
            }
            NotificationLog log = new NotificationLog(file, zone, ch, lock, tail);
            int line = 0;
            int from = 0;
            String text = new String(bytes, 0, bytes.length, StandardCharsets.UTF_8);
            while (from < text.length()) {
                int nl = text.indexOf('\n', from);
                String l = nl < 0 ? text.substring(from) : text.substring(from, nl);
                from = nl < 0 ? text.length() : nl + 1;
                line++;
                if (nl < 0 && tail != null) {
                    break;
                }
                if (l.isBlank()) {
                    continue;
                }
                Entry e = parse(l);
                if (e == null) {
                    throw new IllegalArgumentException(file + ":" + line + ": not a notification record: "
                            + (l.length() > 100 ? l.substring(0, 100) + "…" : l));
                }
                log.add(e);
            }
            ch.position(ch.size());
            return log;
        } catch (IOException | RuntimeException e) {
            lock.release();
            ch.close();
            throw e;
        }
    }

    /** The SHA-256 of a message's bytes, lower-case hex: the key a message is known by in the log. */
    public static String messageKey(byte[] original) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a report about this message was already sent (not merely written in a dry run) to this contact. */
    public synchronized boolean alreadySent(String messageKey, String contact) {
        return sent.contains(key(messageKey, contact));
    }

    /**
     * Appends one line and forces it to disk; {@code year} is that of {@code time} in the log's zone.
     *
     * @return the entry as written
     */
    public synchronized Entry record(Instant time, String contact, String relayIp, String messageKey, String messageId, Mode mode)
            throws IOException {
        Entry e = new Entry(Objects.requireNonNull(time, "time"), Objects.requireNonNull(contact, "contact"),
                relayIp == null ? "" : relayIp, Objects.requireNonNull(messageKey, "messageKey"),
                messageId == null ? "" : messageId, Objects.requireNonNull(mode, "mode"), time.atZone(zone).getYear());
        ObjectNode o = dev.mamori.report.Json.object();
        o.put("time", e.time().toString());
        o.put("contact", e.contact());
        o.put("relay_ip", e.relayIp());
        o.put("message_key", e.messageKey());
        o.put("message_id", e.messageId());
        o.put("mode", e.mode().json());
        o.put("year", e.year());
        byte[] line = (JsonLines.line(o) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        long at = channel.size();
        while (buf.hasRemaining()) {
            at += channel.write(buf, at);
        }
        channel.force(false);
        add(e);
        return e;
    }

    /** Sent notifications per year (dry runs not counted), oldest year first. */
    public synchronized Map<Integer, Long> perYear() {
        return Collections.unmodifiableMap(new TreeMap<>(perYear));
    }

    /** How many lines (sent and dry-run) the log holds. */
    public synchronized long size() {
        return entries;
    }

    /** The partial last line found (and removed) when the log was opened, if there was one. */
    public Optional<String> truncatedTail() {
        return Optional.ofNullable(truncatedTail);
    }

    /** The file. */
    public Path file() {
        return file;
    }

    @Override
    public synchronized void close() throws IOException {
        if (channel.isOpen()) {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }

    private void add(Entry e) {
        entries++;
        if (e.mode() == Mode.SENT) {
            sent.add(key(e.messageKey(), e.contact()));
            perYear.merge(e.year(), 1L, Long::sum);
        }
    }

    private static String key(String messageKey, String contact) {
        return messageKey.toLowerCase(Locale.ROOT) + "\0" + contact.strip().toLowerCase(Locale.ROOT);
    }

    /** A line as an entry, or null when it is not a complete, valid record. */
    private static Entry parse(String line) {
        JsonNode o;
        try {
            o = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            return null;
        }
        if (o == null || !o.isObject()) {
            return null;
        }
        Mode mode = Mode.of(o.path("mode").asText(""));
        String key = o.path("message_key").asText("");
        String contact = o.path("contact").asText("");
        if (mode == null || key.isEmpty() || contact.isEmpty() || !o.path("year").canConvertToInt()) {
            return null;
        }
        Instant time;
        try {
            time = Instant.parse(o.path("time").asText(""));
        } catch (DateTimeParseException e) {
            return null;
        }
        return new Entry(time, contact, o.path("relay_ip").asText(""), key, o.path("message_id").asText(""), mode,
                o.path("year").asInt());
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("notification log too large: " + size + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        long pos = 0;
        while (buf.hasRemaining()) {
            int n = ch.read(buf, pos);
            if (n < 0) {
                break;
            }
            pos += n;
        }
        return buf.array();
    }

    private static int indexOf(byte[] b, byte x) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == x) {
                return i;
            }
        }
        return -1;
    }

    private static int lastIndexOf(byte[] b, byte v) {
        for (int i = b.length - 1; i >= 0; i--) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
