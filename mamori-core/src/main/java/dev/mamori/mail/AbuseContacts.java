package dev.mamori.mail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.siegmar.fastcsv.reader.CommentStrategy;
import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who to notify about spam from a relay: the abuse contact of the relay's network. Three sources,
 * tried in this order, the first that answers wins:
 * <ol>
 * <li><b>{@link Source#TABLE}</b>: a contact table the user maintains, a UTF-8 CSV file with the header
 * {@code network,contact,name} (name may be empty or left out; {@code #} starts a comment line). The
 * network is a CIDR block (IPv4 or IPv6; a bare address is a /32 or /128), an AS number
 * ({@code AS12345}), or a domain suffix matched against the relay's rDNS ({@code .example.net} matches
 * {@code example.net} and every name under it). The most specific row wins: a CIDR block (the longest
 * prefix among those containing the IP) over an AS over a domain suffix (the longest suffix).</li>
 * <li><b>{@link Source#RDAP}</b>: RDAP responses the user saved (RFC 9083), a directory of JSON files
 * (or one file): IP network objects ({@code startAddress}/{@code endAddress}, or the
 * {@code cidr0_cidrs} extension) and autnum objects ({@code startAutnum}/{@code endAutnum}), each with
 * an entity of role {@code abuse} (at any depth of {@code entities}) whose vCard has an {@code email}.
 * The smallest network containing the IP wins; an autnum answers only when no network does. Objects
 * without an abuse e-mail are ignored, so a customer's sub-allocation without one does not hide its
 * provider's contact.</li>
 * <li><b>{@link Source#FALLBACK}</b>: {@code abuse@} the registered domain of the relay's rDNS, where
 * the registered domain is the last two labels, or the last three when the last two are a known
 * second level such as {@code co.jp} ({@code second-level-domains.txt} next to this class says where
 * that list comes from). It is a guess (RFC 2142 asks for the mailbox, not every network has it) and is
 * marked as such.</li>
 * </ol>
 * No rDNS (or one that is not a usable host name) and no table or RDAP match: no contact, an answer of
 * its own ({@link Optional#empty()}).
 *
 * <p>Nothing is looked up on the network. Bad input names the file and line.
 */
public final class AbuseContacts {

    /** Where a contact comes from. */
    public enum Source {
        /** The user's contact table. */
        TABLE,
        /** A saved RDAP response. */
        RDAP,
        /** {@code abuse@} the registered domain of the relay's rDNS: a guess. */
        FALLBACK
    }

    /**
     * A contact: the {@code address} to notify, a {@code name} for people (the table's name, the RDAP
     * abuse entity's or network's name, or the registered domain; may be empty), its {@code source},
     * and what {@code matched}: the table's network as written, the RDAP network or AS range and its
     * file, or the rDNS the fallback was derived from.
     */
    public record Contact(String address, String name, Source source, String matched) {
    }

    private static final Pattern ADDRESS = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");
    private static final Pattern HOST = Pattern.compile(
            "[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?(?:\\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9])?)+");
    private static final Pattern AS = Pattern.compile("(?i)AS([0-9]+)");
    /** Special-use and private top-level names that never have an abuse desk. */
    private static final Set<String> NO_FALLBACK_TLD = Set.of("arpa", "local", "localhost", "localdomain", "invalid", "test",
            "example", "internal", "lan", "home", "corp", "intranet", "private");

    /** Table rows: per family (0 = IPv4, 1 = IPv6), prefix length → masked network → row. */
    private final List<TreeMap<Integer, Map<BigInteger, Row>>> cidrs = List.of(new TreeMap<>(), new TreeMap<>());
    private final Map<Long, Row> asns = new HashMap<>();
    private final Map<String, Row> suffixes = new HashMap<>();
    private final List<RdapNet> rdapNets = new ArrayList<>();
    private final List<RdapAs> rdapAses = new ArrayList<>();

    private record Row(String network, String contact, String name, String where) {
    }

    private record RdapNet(int family, BigInteger start, BigInteger end, String contact, String name, String matched) {
    }

    private record RdapAs(long start, long end, String contact, String name, String matched) {
    }

    private AbuseContacts() {
    }

    /** No table, no RDAP: only the {@code abuse@} fallback. */
    public static AbuseContacts fallbackOnly() {
        return new AbuseContacts();
    }

    /**
     * Loads a contact table and/or a directory (or single file) of RDAP responses; either may be null.
     *
     * @throws IllegalArgumentException for a bad row or file, naming it (and the line) in the message
     */
    public static AbuseContacts load(Path table, Path rdap) throws IOException {
        AbuseContacts c = new AbuseContacts();
        if (table != null) {
            c.readTable(table);
        }
        if (rdap != null) {
            c.readRdap(rdap);
        }
        return c;
    }

    /**
     * The contact for a relay.
     *
     * @param ip   the relay's IP (brackets and an {@code IPv6:} prefix allowed; an IPv4-mapped IPv6
     *             address counts as the IPv4 address), or null when unknown
     * @param rdns the relay's rDNS as recorded, or null/empty/{@code unknown} when it has none
     * @param asn  the relay's AS number, or 0 when unknown
     * @return the contact, or empty when nothing matches and there is no usable rDNS
     * @throws IllegalArgumentException when {@code ip} is given but is not an IP address
     */
    public Optional<Contact> find(String ip, String rdns, long asn) {
        byte[] addr = null;
        if (ip != null && !ip.isBlank()) {
            addr = IpAddress.parse(bare(ip));
            if (addr == null) {
                throw new IllegalArgumentException("not an IP address: " + ip);
            }
            addr = unmapped(addr);
        }
        String host = host(rdns);

        // 1. the table: CIDR (longest prefix), then AS, then domain suffix (longest)
        if (addr != null) {
            int family = addr.length == 4 ? 0 : 1;
            BigInteger value = new BigInteger(1, addr);
            int bits = addr.length * 8;
            for (Map.Entry<Integer, Map<BigInteger, Row>> e : cidrs.get(family).descendingMap().entrySet()) {
                Row r = e.getValue().get(mask(value, e.getKey(), bits));
                if (r != null) {
                    return Optional.of(new Contact(r.contact(), r.name(), Source.TABLE, r.network()));
                }
            }
        }
        if (asn > 0) {
            Row r = asns.get(asn);
            if (r != null) {
                return Optional.of(new Contact(r.contact(), r.name(), Source.TABLE, r.network()));
            }
        }
        if (host != null) {
            String h = host;
            while (true) {
                Row r = suffixes.get(h);
                if (r != null) {
                    return Optional.of(new Contact(r.contact(), r.name(), Source.TABLE, r.network()));
                }
                int dot = h.indexOf('.');
                if (dot < 0) {
                    break;
                }
                h = h.substring(dot + 1);
            }
        }

        // 2. RDAP: the smallest network containing the IP, then the AS
        if (addr != null) {
            int family = addr.length == 4 ? 0 : 1;
            BigInteger value = new BigInteger(1, addr);
            RdapNet best = null;
            for (RdapNet n : rdapNets) {
                if (n.family() == family && n.start().compareTo(value) <= 0 && n.end().compareTo(value) >= 0
                        && (best == null || n.end().subtract(n.start()).compareTo(best.end().subtract(best.start())) < 0)) {
                    best = n;
                }
            }
            if (best != null) {
                return Optional.of(new Contact(best.contact(), best.name(), Source.RDAP, best.matched()));
            }
        }
        if (asn > 0) {
            RdapAs best = null;
            for (RdapAs a : rdapAses) {
                if (a.start() <= asn && asn <= a.end() && (best == null || a.end() - a.start() < best.end() - best.start())) {
                    best = a;
                }
            }
            if (best != null) {
                return Optional.of(new Contact(best.contact(), best.name(), Source.RDAP, best.matched()));
            }
        }

        // 3. abuse@ the registered domain of the rDNS
        if (host != null) {
            Optional<String> reg = registeredDomain(host);
            if (reg.isPresent()) {
                return Optional.of(new Contact("abuse@" + reg.get(), reg.get(), Source.FALLBACK, host));
            }
        }
        return Optional.empty();
    }

    /**
     * The registered domain of a host name: its last two labels, or its last three when the last two
     * are a listed second level ({@code mail.example.co.jp} → {@code example.co.jp}). Empty for a name
     * that is not a host name, an IP address, a single label, a public suffix itself ({@code co.jp}), or
     * under a special-use top-level name ({@code .arpa}, {@code .local}, {@code .test}, …).
     */
    public static Optional<String> registeredDomain(String hostName) {
        String host = host(hostName);
        if (host == null) {
            return Optional.empty();
        }
        String[] labels = host.split("\\.");
        int n = labels.length;
        String tld = labels[n - 1];
        if (n < 2 || NO_FALLBACK_TLD.contains(tld) || !tld.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '-')
                || tld.length() < 2) {
            return Optional.empty();
        }
        String last2 = labels[n - 2] + "." + tld;
        if (SecondLevel.SET.contains(last2)) {
            return n < 3 ? Optional.empty() : Optional.of(labels[n - 3] + "." + last2);
        }
        return Optional.of(last2);
    }

    /** A lower-case host name without a trailing dot, or null when {@code rdns} is not one (or is an IP). */
    private static String host(String rdns) {
        if (rdns == null) {
            return null;
        }
        String h = rdns.strip().toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        if (h.isEmpty() || h.length() > 253 || h.equals("unknown") || !HOST.matcher(h).matches() || IpAddress.parse(h) != null) {
            return null;
        }
        return h;
    }

    // ---- the contact table ----

    private void readTable(Path file) throws IOException {
        String text = utf8(file);
        boolean header = false;
        Map<String, Integer> seen = new HashMap<>();
        try (CsvReader<CsvRecord> csv = CsvReader.builder().commentStrategy(CommentStrategy.SKIP).skipEmptyLines(true)
                .ignoreDifferentFieldCount(true).ofCsvRecord(text)) {
            for (CsvRecord r : csv) {
                long line = r.getStartingLineNumber();
                String where = file + ":" + line;
                List<String> f = r.getFields();
                if (f.size() == 1 && f.get(0).isBlank()) {
                    continue;
                }
                if (!header) {
                    List<String> names = f.stream().map(s -> s.strip().toLowerCase(Locale.ROOT)).toList();
                    if (!names.equals(List.of("network", "contact", "name")) && !names.equals(List.of("network", "contact"))) {
                        throw new IllegalArgumentException(where + ": expected the header network,contact,name, found "
                                + String.join(",", f));
                    }
                    header = true;
                    continue;
                }
                if (f.size() < 2 || f.size() > 3) {
                    throw new IllegalArgumentException(where + ": expected 3 fields (network,contact,name), found " + f.size());
                }
                String network = f.get(0).strip();
                String contact = f.get(1).strip();
                String name = f.size() > 2 ? f.get(2).strip() : "";
                if (contact.regionMatches(true, 0, "mailto:", 0, 7)) {
                    contact = contact.substring(7);
                }
                if (!ADDRESS.matcher(contact).matches()) {
                    throw new IllegalArgumentException(where + ": contact is not an e-mail address: '" + contact + "'");
                }
                Row row = new Row(network, contact, name, where);
                String key = addRow(row, where);
                Integer before = seen.putIfAbsent(key, (int) line);
                if (before != null) {
                    throw new IllegalArgumentException(where + ": network " + network + " is already listed at line " + before);
                }
            }
        } catch (CsvParseException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        if (!header) {
            throw new IllegalArgumentException(file + ":1: empty contact table (expected the header network,contact,name)");
        }
    }

    /** Files one row under its network; returns a key identifying the network, for duplicate checks. */
    private String addRow(Row row, String where) {
        String network = row.network();
        if (network.isEmpty()) {
            throw new IllegalArgumentException(where + ": empty network");
        }
        var as = AS.matcher(network);
        if (as.matches()) {
            long n = as.group(1).length() > 10 ? -1 : Long.parseLong(as.group(1));
            if (n < 1 || n > 4294967295L) {
                throw new IllegalArgumentException(where + ": AS number out of range: " + network);
            }
            asns.put(n, row);
            return "AS" + n;
        }
        boolean looksIp = network.indexOf(':') >= 0 || network.indexOf('/') >= 0 || network.matches("[0-9.]+");
        if (looksIp) {
            int slash = network.indexOf('/');
            String a = slash < 0 ? network : network.substring(0, slash);
            byte[] addr = IpAddress.parse(a);
            if (addr == null) {
                throw new IllegalArgumentException(where + ": not a CIDR block: " + network);
            }
            int bits = addr.length * 8;
            int len = bits;
            if (slash >= 0) {
                String l = network.substring(slash + 1);
                if (!l.matches("[0-9]{1,3}") || Integer.parseInt(l) > bits) {
                    throw new IllegalArgumentException(where + ": bad prefix length in " + network + " (0-" + bits + ")");
                }
                len = Integer.parseInt(l);
            }
            BigInteger value = new BigInteger(1, addr);
            BigInteger masked = mask(value, len, bits);
            if (!masked.equals(value)) {
                throw new IllegalArgumentException(where + ": " + network + " has host bits set; the block is "
                        + format(masked, addr.length) + "/" + len);
            }
            cidrs.get(addr.length == 4 ? 0 : 1).computeIfAbsent(len, k -> new HashMap<>()).put(masked, row);
            return (addr.length == 4 ? "4/" : "6/") + masked + "/" + len;
        }
        String suffix = network.toLowerCase(Locale.ROOT);
        if (suffix.startsWith(".")) {
            suffix = suffix.substring(1);
        }
        if (suffix.endsWith(".")) {
            suffix = suffix.substring(0, suffix.length() - 1);
        }
        if (!HOST.matcher(suffix).matches() && !suffix.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException(where + ": network is neither a CIDR block, an AS number (AS12345) nor a domain"
                    + " suffix (.example.net): " + network);
        }
        suffixes.put(suffix, row);
        return "." + suffix;
    }

    private static String utf8(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        StringBuilder out = new StringBuilder(bytes.length);
        int line = 1;
        int from = 0;
        while (from < bytes.length) {
            int to = from;
            while (to < bytes.length && bytes[to] != '\n') {
                to++;
            }
            int end = Math.min(to + 1, bytes.length);
            try {
                out.append(StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(java.nio.ByteBuffer.wrap(bytes, from, end - from)));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException(file + ":" + line + ": not UTF-8", e);
            }
            from = end;
            line++;
        }
        return out.length() > 0 && out.charAt(0) == '\uFEFF' ? out.substring(1) : out.toString();
    }

    // ---- RDAP ----

    private void readRdap(Path path) throws IOException {
        List<Path> files;
        if (Files.isDirectory(path)) {
            try (Stream<Path> s = Files.walk(path)) {
                files = s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                        .sorted().toList();
            }
        } else {
            files = List.of(path);
        }
        ObjectMapper json = new ObjectMapper();
        for (Path f : files) {
            JsonNode root;
            try (InputStream in = Files.newInputStream(f)) {
                root = json.readTree(in);
            } catch (JsonProcessingException e) {
                int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
                throw new IllegalArgumentException(f + ":" + line + ": not JSON: " + e.getOriginalMessage(), e);
            }
            if (root == null || root.isMissingNode()) {
                throw new IllegalArgumentException(f + ":1: empty file");
            }
            List<JsonNode> objects = new ArrayList<>();
            if (root.isArray()) {
                root.forEach(objects::add);
            } else {
                objects.add(root);
                for (String k : List.of("ipSearchResults", "ipNetworkSearchResults", "autnumSearchResults")) {
                    if (root.path(k).isArray()) {
                        root.path(k).forEach(objects::add);
                    }
                }
            }
            for (JsonNode o : objects) {
                readRdapObject(f, o);
            }
        }
    }

    private void readRdapObject(Path file, JsonNode o) {
        String cls = o.path("objectClassName").asText("");
        if (!cls.equals("ip network") && !cls.equals("autnum")) {
            return;
        }
        String[] abuse = abuseContact(o);
        if (abuse == null) {
            return;
        }
        String label = o.path("name").asText(o.path("handle").asText(""));
        String name = abuse[1].isEmpty() ? label : abuse[1];
        String fileName = file.getFileName().toString();
        if (cls.equals("autnum")) {
            long start = o.path("startAutnum").asLong(-1);
            long end = o.path("endAutnum").asLong(start);
            if (start < 0 || end < start) {
                throw new IllegalArgumentException(file + ": autnum " + label + " without a valid startAutnum/endAutnum");
            }
            String m = (start == end ? "AS" + start : "AS" + start + "-AS" + end) + " (" + fileName + ")";
            rdapAses.add(new RdapAs(start, end, abuse[0], name, m));
            return;
        }
        JsonNode cidr0 = o.path("cidr0_cidrs");
        boolean any = false;
        if (cidr0.isArray()) {
            for (JsonNode c : cidr0) {
                String prefix = c.hasNonNull("v4prefix") ? c.get("v4prefix").asText() : c.path("v6prefix").asText(null);
                int len = c.path("length").asInt(-1);
                byte[] a = prefix == null ? null : IpAddress.parse(prefix);
                if (a == null || len < 0 || len > a.length * 8) {
                    throw new IllegalArgumentException(file + ": network " + label + " has a bad cidr0_cidrs entry: " + c);
                }
                BigInteger start = mask(new BigInteger(1, a), len, a.length * 8);
                BigInteger end = start.add(BigInteger.ONE.shiftLeft(a.length * 8 - len)).subtract(BigInteger.ONE);
                rdapNets.add(new RdapNet(a.length == 4 ? 0 : 1, start, end, abuse[0], name,
                        format(start, a.length) + "/" + len + " (" + fileName + ")"));
                any = true;
            }
        }
        if (!any) {
            byte[] s = IpAddress.parse(o.path("startAddress").asText(""));
            byte[] e = IpAddress.parse(o.path("endAddress").asText(""));
            if (s == null || e == null || s.length != e.length || new BigInteger(1, s).compareTo(new BigInteger(1, e)) > 0) {
                throw new IllegalArgumentException(file + ": network " + label + " without a valid startAddress/endAddress");
            }
            rdapNets.add(new RdapNet(s.length == 4 ? 0 : 1, new BigInteger(1, s), new BigInteger(1, e), abuse[0], name,
                    format(new BigInteger(1, s), s.length) + " - " + format(new BigInteger(1, e), e.length) + " (" + fileName + ")"));
        }
    }

    /** {email, name} of the shallowest entity with role "abuse" and an e-mail in its vCard, or null. */
    private static String[] abuseContact(JsonNode object) {
        Deque<JsonNode> queue = new ArrayDeque<>();
        object.path("entities").forEach(queue::add);
        Set<JsonNode> visited = new HashSet<>();
        while (!queue.isEmpty()) {
            JsonNode e = queue.poll();
            if (!visited.add(e)) {
                continue;
            }
            boolean abuse = false;
            for (JsonNode role : e.path("roles")) {
                abuse |= role.asText("").equalsIgnoreCase("abuse");
            }
            if (abuse) {
                String email = null;
                String fn = "";
                JsonNode props = e.path("vcardArray").path(1);
                for (JsonNode p : props) {
                    String prop = p.path(0).asText("");
                    if (prop.equalsIgnoreCase("email") && email == null) {
                        String v = p.path(3).asText("").strip();
                        if (v.regionMatches(true, 0, "mailto:", 0, 7)) {
                            v = v.substring(7);
                        }
                        if (ADDRESS.matcher(v).matches()) {
                            email = v;
                        }
                    } else if (prop.equalsIgnoreCase("fn")) {
                        fn = p.path(3).asText("").strip();
                    }
                }
                if (email != null) {
                    return new String[] {email, fn};
                }
            }
            e.path("entities").forEach(queue::add);
        }
        return null;
    }

    // ---- IP addresses ----

    /** {@code ip} without brackets or an {@code IPv6:} prefix. */
    private static String bare(String ip) {
        String s = ip.strip();
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        if (s.regionMatches(true, 0, "IPv6:", 0, 5)) {
            s = s.substring(5);
        }
        return s;
    }

    /** An IPv4-mapped IPv6 address (::ffff:a.b.c.d) as its IPv4 address; anything else as is. */
    private static byte[] unmapped(byte[] a) {
        if (a.length != 16) {
            return a;
        }
        for (int i = 0; i < 10; i++) {
            if (a[i] != 0) {
                return a;
            }
        }
        return a[10] == (byte) 0xff && a[11] == (byte) 0xff ? Arrays.copyOfRange(a, 12, 16) : a;
    }

    private static BigInteger mask(BigInteger value, int len, int bits) {
        if (len == 0) {
            return BigInteger.ZERO;
        }
        BigInteger m = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(bits - len).shiftLeft(bits - len);
        return value.and(m);
    }

    /** An address as text (dotted quad, or RFC 5952 IPv6). */
    private static String format(BigInteger value, int bytes) {
        byte[] raw = value.toByteArray();
        byte[] a = new byte[bytes];
        int copy = Math.min(raw.length, bytes);
        System.arraycopy(raw, raw.length - copy, a, bytes - copy, copy);
        return IpAddress.format(a);
    }

    // ---- the second-level list ----

    private static final class SecondLevel {
        static final Set<String> SET = load();

        private static Set<String> load() {
            Set<String> s = new HashSet<>();
            try (InputStream in = AbuseContacts.class.getResourceAsStream("second-level-domains.txt")) {
                if (in == null) {
                    throw new IllegalStateException("second-level-domains.txt is missing from the class path");
                }
                try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8); BufferedReader br = new BufferedReader(r)) {
                    for (String line = br.readLine(); line != null; line = br.readLine()) {
                        int hash = line.indexOf('#');
                        String t = (hash < 0 ? line : line.substring(0, hash)).strip().toLowerCase(Locale.ROOT);
                        if (!t.isEmpty()) {
                            s.add(t);
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Set.copyOf(s);
        }
    }
}
