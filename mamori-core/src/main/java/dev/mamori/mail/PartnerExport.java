package dev.mamori.mail;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mamori.report.CsvCells;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Header data of traced messages for a partner organisation (e.g. China-originated spam
 * forwarded in an agreed format), limited to what the receiving side may pass on under the secrecy
 * of communications: the relay and its attribution, and the header fields with every recipient
 * address masked — the trap addresses, To/Cc/Delivered-To and the like, and the {@code for <…>} of
 * Received lines. Bodies never travel. Format: docs/spam.md (JSON Lines, one message a line, or CSV).
 */
public final class PartnerExport {

    /** What replaces a recipient address. */
    public static final String MASK = "[recipient]";

    private static final Set<String> RECIPIENT_FIELDS = Set.of("to", "cc", "bcc", "delivered-to", "x-original-to", "envelope-to",
            "x-envelope-to", "apparently-to", "x-apparently-to", "resent-to", "resent-cc", "x-rcpt-to", "x-delivered-to");
    private static final Pattern FOR_CLAUSE = Pattern.compile("(?i)(\\bfor\\s+)<?[^\\s;>]+@[^\\s;>]+>?");
    private final Set<String> traps;
    private final String asOf;

    /** {@code trapAddresses}: the honeypot's own addresses, masked wherever they appear. */
    public PartnerExport(List<String> trapAddresses) {
        this(trapAddresses, null);
    }

    /**
     * {@code trapAddresses}: the honeypot's own addresses, masked wherever they appear; {@code registryAsOf}: the
     * date of the registry data the attribution comes from ({@link RegistryData#asOf()}), written with every
     * record as {@code registry_as_of}; may be null.
     */
    public PartnerExport(List<String> trapAddresses, String registryAsOf) {
        Set<String> t = new HashSet<>();
        trapAddresses.forEach(a -> t.add(a.toLowerCase(Locale.ROOT)));
        this.traps = t;
        this.asOf = registryAsOf;
    }

    /** One JSON line for a traced message. */
    public String jsonLine(MessageReport r, Headers h) {
        Set<String> recipients = recipients(h);
        ObjectNode n = dev.mamori.report.Json.object();
        r.putRelayFields(n);
        n.put("registry_as_of", asOf);
        ArrayNode headers = n.putArray("headers");
        for (Headers.Field f : h.fields()) {
            headers.addArray().add(f.name()).add(mask(f, recipients));
        }
        return JsonLines.line(n);
    }

    /** The CSV header row of {@link #csvLine}. */
    public static String csvHeader() {
        return CsvCells.line(List.of("arrival", "relay_ip", "relay_rdns", "relay_helo", "received_by", "country", "registry", "asn",
                "as_org", "registry_as_of", "date", "from", "subject", "message_id", "received"));
    }

    /**
     * One CSV row: the relay, its attribution, and the main header fields (Received lines joined by " | "); a
     * cell a spreadsheet would run as a formula gets a leading apostrophe ({@link CsvCells#line}).
     */
    public String csvLine(MessageReport r, Headers h) {
        Set<String> recipients = recipients(h);
        Hop.Relay relay = r.trace().relay();
        Attribution a = r.attribution();
        StringBuilder received = new StringBuilder();
        for (Headers.Field f : h.fields()) {
            if (f.name().equalsIgnoreCase("Received")) {
                received.append(received.length() == 0 ? "" : " | ").append(mask(f, recipients));
            }
        }
        List<String> cells = java.util.Arrays.asList(r.arrival() == null ? "" : r.arrival().toString(), relay == null ? "" : relay.ip(),
                relay == null ? "" : relay.rdns(), relay == null ? "" : relay.helo(), nz(r.trace().receivedBy()),
                a == null ? "" : a.countryKey(), a == null ? "" : nz(a.registry()), a == null || a.asn() == null ? "" : a.asn().toString(),
                a == null ? "" : nz(a.asOrg()), nz(asOf), field(h, "Date", recipients), field(h, "From", recipients), field(h, "Subject", recipients),
                field(h, "Message-ID", recipients), received.toString());
        return CsvCells.line(cells);
    }

    private String field(Headers h, String name, Set<String> recipients) {
        for (Headers.Field f : h.fields()) {
            if (f.name().equalsIgnoreCase(name)) {
                return mask(f, recipients);
            }
        }
        return "";
    }

    /** Every address the message was sent to, as its headers show (recipient fields, Received "for <…>"), lower case. */
    public static Set<String> recipientsOf(Headers h) {
        Set<String> out = new HashSet<>();
        for (Headers.Field f : h.fields()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            if (RECIPIENT_FIELDS.contains(name)) {
                replaceAddresses(f.value(), a -> out.add(a.toLowerCase(Locale.ROOT)));
            } else if (name.equals("received") && f.value().indexOf('@') >= 0) {
                Matcher m = FOR_CLAUSE.matcher(f.value());
                while (m.find()) {
                    replaceAddresses(m.group(), a -> out.add(a.toLowerCase(Locale.ROOT)));
                }
            }
        }
        return out;
    }

    private Set<String> recipients(Headers h) {
        Set<String> out = recipientsOf(h);
        out.addAll(traps);
        return out;
    }

    private static String mask(Headers.Field f, Set<String> recipients) {
        String name = f.name().toLowerCase(Locale.ROOT);
        String value = text(f.value());
        if (RECIPIENT_FIELDS.contains(name)) {
            return replaceAddresses(value, a -> true);
        }
        String v = name.equals("received") && value.indexOf('@') >= 0
                ? FOR_CLAUSE.matcher(value).replaceAll("$1" + Matcher.quoteReplacement(MASK)) : value;
        return replaceAddresses(v, a -> recipients.contains(a.toLowerCase(Locale.ROOT)));
    }

    /** Header bytes are kept one byte a char; raw 8-bit UTF-8 (激安セール) is shown as text, other bytes as they were. */
    private static String text(String latin1) {
        boolean eightBit = false;
        for (int i = 0; i < latin1.length() && !eightBit; i++) {
            eightBit = latin1.charAt(i) > 0x7f;
        }
        if (!eightBit) {
            return latin1;
        }
        byte[] b = latin1.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(b)).toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return latin1;
        }
    }

    /**
     * Replaces the addresses {@code which} selects by {@link #MASK}. A linear scan outward from each '@'
     * rather than a regular expression: a spammer's 100 KB header line must not take quadratic time.
     */
    static String replaceAddresses(String v, java.util.function.Predicate<String> which) {
        if (v.indexOf('@') < 0) {
            return v;
        }
        StringBuilder b = new StringBuilder(v.length());
        int copied = 0;
        int at = v.indexOf('@');
        while (at >= 0) {
            int start = at;
            while (start > copied && isLocalChar(v.charAt(start - 1))) {
                start--;
            }
            int end = at + 1;
            while (end < v.length() && isDomainChar(v.charAt(end))) {
                end++;
            }
            while (end > at + 1 && (v.charAt(end - 1) == '.' || v.charAt(end - 1) == '-')) {
                end--;
            }
            if (start < at && end > at + 1 && which.test(v.substring(start, end))) {
                b.append(v, copied, start).append(MASK);
                copied = end;
            }
            at = v.indexOf('@', Math.max(at + 1, end));
        }
        return b.append(v, copied, v.length()).toString();
    }

    private static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "._%+=!#$&'*/?^`{|}~-".indexOf(c) >= 0;
    }

    private static boolean isDomainChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
