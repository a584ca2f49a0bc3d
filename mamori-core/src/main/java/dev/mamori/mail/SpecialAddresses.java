package dev.mamori.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and updates) and the multicast
 * blocks, as data ({@code special-purpose.tsv}, which cites the registries and the date they were
 * read): the one place where Mamori decides that an address is loopback, private, reserved, for
 * documentation or not globally reachable, and which of those a receiver's own relays use.
 */
public final class SpecialAddresses {

    /** Whether a hop from an address in a block is a hop inside the receiver (Mamori's column, not IANA's). */
    public enum Ours {
        /** The receiving host itself (loopback): always ours, whatever the configuration. */
        ALWAYS,
        /** Addresses a receiver's own network uses (private-use, shared, link-local, unique-local): ours when inferred. */
        INFERRED,
        /** Not ours on the strength of the address alone. */
        NO
    }

    /**
     * One block of the registries. The flags are the registry's; a flag is null where it says N/A.
     *
     * @param registry {@code ipv4-special}, {@code ipv6-special}, {@code ipv4-multicast} or {@code ipv6-multicast}
     */
    public record Block(Cidr network, String registry, String name, String rfc, Boolean source, Boolean destination,
            Boolean forwardable, Boolean globallyReachable, Boolean reservedByProtocol, Ours ours) {
    }

    private static final String FILE = "special-purpose.tsv";

    private SpecialAddresses() {
    }

    /** Every block, in the file's order. */
    public static List<Block> blocks() {
        return Data.IN_FILE_ORDER;
    }

    /** The most specific block holding {@code address} (4 or 16 bytes), or empty for an ordinary address. */
    public static Optional<Block> of(byte[] address) {
        if (address == null) {
            return Optional.empty();
        }
        for (Block b : Data.MOST_SPECIFIC_FIRST) {
            if (b.network().contains(address)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }

    /** The same for an address literal ({@link IpAddress#parse}); empty when {@code ip} is not one. */
    public static Optional<Block> of(String ip) {
        return of(IpAddress.parse(ip));
    }

    /**
     * False when the address is in a block the registry marks not globally reachable (private,
     * loopback, link-local, documentation, reserved, …): nobody on the Internet answers for it.
     * True for ordinary addresses and blocks marked True or N/A; false for text that is not an address.
     */
    public static boolean globallyReachable(String ip) {
        byte[] b = IpAddress.parse(ip);
        return b != null && of(b).map(x -> !Boolean.FALSE.equals(x.globallyReachable())).orElse(true);
    }

    /** Is {@code ip} (an address literal) the receiving host itself? */
    static boolean isLoopback(String ip) {
        return of(ip).map(b -> b.ours() == Ours.ALWAYS).orElse(false);
    }

    /** The networks of the blocks whose {@link Block#ours()} is one of {@code which}, in the file's order. */
    static List<Cidr> networks(Ours... which) {
        List<Ours> w = List.of(which);
        return Data.IN_FILE_ORDER.stream().filter(b -> w.contains(b.ours())).map(Block::network).toList();
    }

    /** Loaded once, when first used. */
    private static final class Data {
        static final List<Block> IN_FILE_ORDER = load();
        static final List<Block> MOST_SPECIFIC_FIRST = IN_FILE_ORDER.stream()
                .sorted(Comparator.comparingInt((Block b) -> -b.network().prefix())).toList();

        private static List<Block> load() {
            try (InputStream in = SpecialAddresses.class.getResourceAsStream(FILE)) {
                if (in == null) {
                    throw new IllegalStateException(FILE + " is missing from the class path");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + FILE, e);
            }
        }
    }

    /** The rows of the file; a malformed row is an {@link IllegalStateException} naming its line. */
    static List<Block> parse(BufferedReader r) throws IOException {
        List<Block> out = new ArrayList<>();
        int n = 0;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
            n++;
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", -1);
            if (f.length != 10) {
                throw new IllegalStateException(FILE + ":" + n + ": expected 10 tab-separated fields, found " + f.length);
            }
            Cidr c = block(f[0]);
            if (c == null) {
                throw new IllegalStateException(FILE + ":" + n + ": not a network with its host bits clear: " + f[0]);
            }
            out.add(new Block(c, f[1], f[2], f[3], flag(f[4], n), flag(f[5], n), flag(f[6], n), flag(f[7], n), flag(f[8], n),
                    ours(f[9], n)));
        }
        return List.copyOf(out);
    }

    /**
     * ADDRESS/PREFIX with the host bits clear; an IPv6 block stays 16 bytes even where its text reads as
     * IPv4-mapped (::ffff:0:0/96, which {@link Cidr#parse} would take for IPv4).
     */
    private static Cidr block(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String a = text.substring(0, slash);
        byte[] bytes;
        if (a.indexOf(':') >= 0) {
            long[] halves = new long[2];
            if (!IpNumbers.parseV6(a, 0, a.length(), halves)) {
                return null;
            }
            bytes = new byte[16];
            for (int i = 0; i < 8; i++) {
                bytes[i] = (byte) (halves[0] >>> (56 - 8 * i));
                bytes[8 + i] = (byte) (halves[1] >>> (56 - 8 * i));
            }
        } else {
            bytes = IpAddress.parse(a);
        }
        int prefix;
        try {
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        if (bytes == null || prefix < 0 || prefix > bytes.length * 8) {
            return null;
        }
        return Arrays.equals(masked(bytes, prefix), bytes) ? new Cidr(bytes, prefix) : null;
    }

    private static byte[] masked(byte[] a, int prefix) {
        byte[] out = a.clone();
        for (int i = 0; i < out.length; i++) {
            int keep = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] = (byte) (out[i] & (0xff << (8 - keep)));
        }
        return out;
    }

    private static Boolean flag(String s, int line) {
        return switch (s) {
            case "True" -> Boolean.TRUE;
            case "False" -> Boolean.FALSE;
            case "N/A" -> null;
            default -> throw new IllegalStateException(FILE + ":" + line + ": a flag is True, False or N/A, not " + s);
        };
    }

    private static Ours ours(String s, int line) {
        try {
            return Ours.valueOf(s.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(FILE + ":" + line + ": ours is always, inferred or no, not " + s);
        }
    }
}
