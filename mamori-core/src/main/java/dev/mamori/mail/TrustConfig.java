package dev.mamori.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which relays are ours (the honeypot's own networks and mail hosts): CIDRs, addresses, and host
 * names ("mx1.example.jp", or ".example.jp" for a whole domain). A hop is trusted when the relay
 * above it recorded a client address in one of our networks, or a reverse name that is one of our
 * hosts; HELO names are never trusted (a spammer can say anything). Loopback is always ours
 * ({@link SpecialAddresses.Ours#ALWAYS}).
 * {@code inferred} says the configuration was guessed from the mail itself (see {@link TrustInference}).
 */
public record TrustConfig(List<Cidr> networks, List<String> hosts, boolean inferred) {

    /** The receiving host itself (loopback), from {@link SpecialAddresses}. */
    private static final List<Cidr> ALWAYS = SpecialAddresses.networks(SpecialAddresses.Ours.ALWAYS);

    public TrustConfig {
        networks = List.copyOf(networks);
        hosts = hosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    /** Parses entries (CIDR, address or host name); a bad entry is an IllegalArgumentException naming it. */
    public static TrustConfig of(List<String> entries) {
        List<Cidr> nets = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        for (String raw : entries) {
            int hash = raw.indexOf('#');
            String e = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
            if (e.isEmpty()) {
                continue;
            }
            Cidr c = Cidr.parse(e);
            if (c != null) {
                nets.add(c);
            } else if (e.matches("\\.?[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*")
                    && !looksLikeAMistypedAddress(e)) {
                hosts.add(e);
            } else {
                throw new IllegalArgumentException("\"" + e + "\" is neither a network (192.0.2.0/24, 2001:db8::/32), an address nor a host name");
            }
        }
        return new TrustConfig(nets, hosts, false);
    }

    /** 212.17.35.256, 192.0.2.10.5, 10.0.0.O: meant as an address, so refused rather than taken as a host name. */
    private static boolean looksLikeAMistypedAddress(String e) {
        return e.matches(".*\\.[0-9]+") || (e.matches("[0-9.oOlI]+") && e.chars().filter(c -> c == '.').count() >= 3);
    }

    /** Nothing configured: only loopback is ours. */
    public static TrustConfig none() {
        return new TrustConfig(List.of(), List.of(), false);
    }

    public boolean isEmpty() {
        return networks.isEmpty() && hosts.isEmpty();
    }

    /** Is the client of this hop, as the (trusted) receiver recorded it, one of ours? */
    public boolean trusts(Hop.Relay r) {
        byte[] ip = IpAddress.parse(r.ip());
        for (Cidr c : ALWAYS) {
            if (c.contains(ip)) {
                return true;
            }
        }
        for (Cidr c : networks) {
            if (c.contains(ip)) {
                return true;
            }
        }
        String rdns = r.rdns().toLowerCase(Locale.ROOT);
        if (!rdns.isEmpty()) {
            for (String h : hosts) {
                if (h.startsWith(".") ? rdns.endsWith(h) : rdns.equals(h)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The configuration as one line, for reports. */
    public String describe() {
        return description().en();
    }

    /** {@link #describe()} in Japanese and English. */
    public dev.mamori.report.Message description() {
        List<String> parts = new ArrayList<>();
        networks.forEach(c -> parts.add(c.toString()));
        parts.addAll(hosts);
        String list = String.join(", ", parts);
        return new dev.mamori.report.Message((inferred ? "推定: " : "") + (parts.isEmpty() ? "ループバックのみ" : list),
                (inferred ? "inferred: " : "") + (parts.isEmpty() ? "loopback only" : list));
    }
}
