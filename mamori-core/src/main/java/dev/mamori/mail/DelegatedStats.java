package dev.mamori.mail;

import static dev.mamori.mail.IpNumbers.MAX_V4;
import static dev.mamori.mail.IpNumbers.parseV4;
import static dev.mamori.mail.IpNumbers.parseV6;

import dev.mamori.mail.IpRegistry.Source;
import dev.mamori.mail.Segments.IntList;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one RIR delegated statistics file (the format is described on {@link IpRegistry}) into a
 * {@link Loader}: the header gives the {@link Source}, each kept record one range and its record;
 * anything malformed is a {@link RegistryException} naming the file and the line.
 */
final class DelegatedStats {

    /** The registries a record's {@code registry} byte stands for, in {@link #registryIndex} order. */
    static final String[] REGISTRY_NAMES = {Attribution.AFRINIC, Attribution.APNIC, Attribution.ARIN,
        Attribution.LACNIC, Attribution.RIPE_NCC};
    private static final int SKIP_REGISTRY = -2;
    private static final int MAX_FIELDS = 8;

    private DelegatedStats() {
    }

    /** Reads {@code file} into {@code into}; messages name {@code shown}. */
    static Source parse(Path file, Path shown, Loader into) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            return parse(reader, shown, into);
        } catch (NoSuchFileException e) {
            throw new RegistryException(shown, "no such file", e);
        } catch (IOException e) {
            throw new RegistryException(shown, "cannot be read: " + e.getMessage(), e);
        }
    }

    private static Source parse(BufferedReader reader, Path file, Loader into) throws IOException {
        String[] f = new String[MAX_FIELDS];
        String[] header = null;
        int ipv4 = 0;
        int ipv6 = 0;
        int asn = 0;
        int skipped = 0;
        boolean extended = false;
        long no = 0;
        String line;
        while ((line = reader.readLine()) != null) {
            no++;
            if (no == 1 && line.startsWith("\u00EF\u00BB\u00BF")) {
                line = line.substring(3); // a UTF-8 byte order mark, read as ISO-8859-1
            }
            if (line.isEmpty() || line.charAt(0) == '#' || line.isBlank()) {
                continue;
            }
            if (line.charAt(line.length() - 1) <= ' ' || line.charAt(0) <= ' ') {
                line = line.strip();
                if (line.charAt(0) == '#') {
                    continue;
                }
            }
            int n = split(line, f);
            if (header == null) {
                if (n != 7 || !isVersion(f[0])) {
                    throw new RegistryException(file, no, "expected the header line"
                            + " version|registry|serial|records|startdate|enddate|UTCoffset, found \"" + clip(line)
                            + "\"; is this an RIR delegated statistics file?");
                }
                if (!isDigits(f[3], 1, 12)) {
                    throw new RegistryException(file, no, "the header's record count \"" + clip(f[3])
                            + "\" is not a number");
                }
                header = Arrays.copyOf(f, 7);
                continue;
            }
            if (n == 6 && "summary".equals(f[5])) {
                continue;
            }
            if (n == 7 && isVersion(f[0])) {
                continue; // another header (files concatenated)
            }
            if (n < 7) {
                throw new RegistryException(file, no, "a record needs at least 7 fields"
                        + " (registry|cc|type|start|value|date|status), this line has " + n + ": \"" + clip(line) + "\"");
            }
            extended |= n >= 8;
            int registry = registryIndex(f[0]);
            if (registry == -1) {
                throw new RegistryException(file, no, "unknown registry \"" + clip(f[0])
                        + "\" (expected afrinic, apnic, arin, lacnic, ripencc or iana)");
            }
            String type = f[2];
            String status = status(f[6]);
            if (status == null) {
                throw new RegistryException(file, no, "unknown status \"" + clip(f[6])
                        + "\" (expected allocated, assigned, available or reserved)");
            }
            String date = f[5];
            if (!date.isEmpty() && !isDigits(date, 8, 8)) {
                throw new RegistryException(file, no, "the date \"" + clip(date) + "\" is not YYYYMMDD");
            }
            boolean keep = registry != SKIP_REGISTRY && (status.equals("allocated") || status.equals("assigned"));
            String cc = f[1];
            if (keep && !cc.isEmpty() && !isCountry(cc)) {
                throw new RegistryException(file, no, "the country \"" + clip(cc) + "\" is not a two-letter code");
            }
            switch (type) {
                case "ipv4" -> {
                    long start = parseV4(f[3], 0, f[3].length());
                    if (start < 0) {
                        throw new RegistryException(file, no, "the start \"" + clip(f[3]) + "\" is not an IPv4 address");
                    }
                    long count = count(f[4], file, no, "address count");
                    long end = start + count - 1;
                    if (end > MAX_V4) {
                        throw new RegistryException(file, no, f[3] + " + " + count
                                + " addresses runs past 255.255.255.255");
                    }
                    if (keep) {
                        into.v4.add(0, start, 0, end, into.record(registry, cc, status, date));
                        ipv4++;
                    } else {
                        skipped++;
                    }
                }
                case "ipv6" -> {
                    long[] a = new long[2];
                    if (!parseV6(f[3], 0, f[3].length(), a)) {
                        throw new RegistryException(file, no, "the start \"" + clip(f[3]) + "\" is not an IPv6 address");
                    }
                    if (!isDigits(f[4], 1, 3) || Integer.parseInt(f[4]) > 128) {
                        throw new RegistryException(file, no, "the prefix length \"" + clip(f[4])
                                + "\" is not a number from 0 to 128");
                    }
                    int len = Integer.parseInt(f[4]);
                    long maskHi = len >= 64 ? 0 : len == 0 ? -1L : -1L >>> len;
                    long maskLo = len <= 64 ? -1L : len == 128 ? 0 : -1L >>> (len - 64);
                    if (keep) {
                        into.v6.add(a[0], a[1], a[0] | maskHi, a[1] | maskLo, into.record(registry, cc, status, date));
                        ipv6++;
                    } else {
                        skipped++;
                    }
                }
                case "asn" -> {
                    if (!isDigits(f[3], 1, 10) || Long.parseLong(f[3]) > MAX_V4) {
                        throw new RegistryException(file, no, "the start \"" + clip(f[3]) + "\" is not an AS number");
                    }
                    long start = Long.parseLong(f[3]);
                    long count = count(f[4], file, no, "AS number count");
                    long end = start + count - 1;
                    if (end > MAX_V4) {
                        throw new RegistryException(file, no, "AS" + start + " + " + count + " runs past AS4294967295");
                    }
                    if (keep) {
                        into.as.add(0, start, 0, end, into.record(registry, cc, status, date));
                        asn++;
                    } else {
                        skipped++;
                    }
                }
                default -> throw new RegistryException(file, no, "unknown type \"" + clip(type)
                        + "\" (expected ipv4, ipv6 or asn)");
            }
        }
        if (header == null) {
            throw new RegistryException(file, Math.max(no, 1), "no header line"
                    + " (version|registry|serial|records|startdate|enddate|UTCoffset); is this an RIR delegated"
                    + " statistics file?");
        }
        return new Source(file, header[1], header[0], header[2], noDate(header[4]), noDate(header[5]),
                emptyToNull(header[6]), Long.parseLong(header[3]), ipv4, ipv6, asn, skipped, extended);
    }

    /** Splits on '|' into {@code f} (at most {@code f.length} fields stored); returns the number of fields. */
    private static int split(String line, String[] f) {
        int n = 0;
        int start = 0;
        int len = line.length();
        while (true) {
            int bar = line.indexOf('|', start);
            int end = bar < 0 ? len : bar;
            if (n < f.length) {
                f[n] = line.substring(start, end);
            }
            n++;
            if (bar < 0) {
                return n;
            }
            start = bar + 1;
        }
    }

    private static int registryIndex(String r) {
        switch (r.toLowerCase(Locale.ROOT)) {
            case "afrinic":
                return 0;
            case "apnic":
                return 1;
            case "arin":
                return 2;
            case "lacnic":
                return 3;
            case "ripencc":
            case "ripe":
                return 4;
            case "iana":
                return SKIP_REGISTRY;
            default:
                return -1;
        }
    }

    /** The status in lower case, one constant string per value, or null when unknown. */
    private static String status(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "allocated":
                return "allocated";
            case "assigned":
                return "assigned";
            case "available":
                return "available";
            case "reserved":
                return "reserved";
            default:
                return null;
        }
    }

    private static long count(String s, Path file, long no, String what) {
        long n = isDigits(s, 1, 10) ? Long.parseLong(s) : -1;
        if (n <= 0 || n > MAX_V4 + 1) {
            throw new RegistryException(file, no, "the " + what + " \"" + clip(s) + "\" is not a positive number");
        }
        return n;
    }

    private static boolean isVersion(String s) {
        if (s.isEmpty() || s.length() > 10 || !Character.isDigit(s.charAt(0)) || !Character.isDigit(s.charAt(s.length() - 1))) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigits(String s, int min, int max) {
        if (s.length() < min || s.length() > max) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean isCountry(String cc) {
        return cc.length() == 2 && isLetter(cc.charAt(0)) && isLetter(cc.charAt(1));
    }

    private static boolean isLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static String noDate(String s) {
        return s == null || s.isEmpty() || s.equals("00000000") ? null : s;
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** Ranges read so far, and the records they point to. */
    static final class Loader {
        byte[] recRegistry = new byte[1024];
        String[] recCountry = new String[1024];
        String[] recStatus = new String[1024];
        String[] recDate = new String[1024];
        int records;
        final Ranges v4 = new Ranges();
        final Ranges v6 = new Ranges();
        final Ranges as = new Ranges();
        private final Map<String, String> countries = new HashMap<>();

        int record(int registry, String cc, String status, String date) {
            if (records == recRegistry.length) {
                int cap = records * 2;
                recRegistry = Arrays.copyOf(recRegistry, cap);
                recCountry = Arrays.copyOf(recCountry, cap);
                recStatus = Arrays.copyOf(recStatus, cap);
                recDate = Arrays.copyOf(recDate, cap);
            }
            String country = cc.isEmpty() || cc.equalsIgnoreCase("ZZ") ? null
                    : countries.computeIfAbsent(cc, c -> c.toUpperCase(Locale.ROOT));
            recRegistry[records] = (byte) registry;
            recCountry[records] = country;
            recStatus[records] = status;
            recDate[records] = noDate(date);
            return records++;
        }
    }

    /** Inclusive ranges as read (IPv4 and AS numbers in the low halves), each with its record. */
    static final class Ranges {
        long[] sHi = new long[256];
        long[] sLo = new long[256];
        long[] eHi = new long[256];
        long[] eLo = new long[256];
        final IntList rec = new IntList();
        int n;

        void add(long aHi, long aLo, long bHi, long bLo, int record) {
            if (n == sLo.length) {
                int cap = n * 2;
                sHi = Arrays.copyOf(sHi, cap);
                sLo = Arrays.copyOf(sLo, cap);
                eHi = Arrays.copyOf(eHi, cap);
                eLo = Arrays.copyOf(eLo, cap);
            }
            sHi[n] = aHi;
            sLo[n] = aLo;
            eHi[n] = bHi;
            eLo[n] = bLo;
            rec.add(record);
            n++;
        }
    }
}
