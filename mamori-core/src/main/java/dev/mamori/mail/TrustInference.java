package dev.mamori.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Guesses the receiver's own relays when no trust configuration is given, from a sample of the
 * mail itself rather than by taking the first line of each message blindly. A honeypot's mail all
 * arrives through the same few hosts, while senders vary: a public address that is the client of
 * the topmost hop in a large share of the sample (at least {@code share} of the messages, and at
 * least 3) is taken as one of ours; then the same is asked one hop further down among the messages
 * that came through it, up to three levels. Private and loopback addresses are always ours.
 * The result is marked {@code inferred} and reports say so.
 */
public final class TrustInference {

    private static final int LEVELS = 3;
    private final double share;
    private final List<List<Hop.Relay>> sample = new ArrayList<>();

    public TrustInference(double share) {
        this.share = share;
    }

    /** Adds one message's relays, top first. */
    public void add(List<Hop.Relay> relays) {
        sample.add(relays);
    }

    public int size() {
        return sample.size();
    }

    public TrustConfig result() {
        Set<String> ours = new HashSet<>();
        List<Cidr> nets = new ArrayList<>();
        for (String p : List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fe80::/10", "169.254.0.0/16", "100.64.0.0/10")) {
            nets.add(Cidr.parse(p));
        }
        TrustConfig base = new TrustConfig(nets, List.of(), true);
        for (int level = 0; level < LEVELS; level++) {
            Map<String, Integer> counts = new HashMap<>();
            Map<String, String> rdns = new HashMap<>();
            Set<String> receivers = new HashSet<>();
            int considered = 0;
            for (List<Hop.Relay> relays : sample) {
                Hop.Relay next = firstUntrusted(relays, base, ours);
                if (next != null) {
                    considered++;
                    counts.merge(next.ip(), 1, Integer::sum);
                    rdns.putIfAbsent(next.ip(), next.rdns());
                    AbuseContacts.registeredDomain(next.by()).ifPresent(receivers::add);
                }
            }
            int needed = Math.max(3, (int) Math.ceil(share * considered));
            List<String> found = counts.entrySet().stream().filter(e -> e.getValue() >= 3)
                    .filter(e -> e.getValue() >= needed || AbuseContacts.registeredDomain(rdns.get(e.getKey())).map(receivers::contains).orElse(false))
                    .map(Map.Entry::getKey).toList();
            if (found.isEmpty()) {
                break;
            }
            ours.addAll(found);
        }
        ours.stream().sorted().forEach(ip -> nets.add(Cidr.parse(ip)));
        return new TrustConfig(nets, List.of(), true);
    }

    private static Hop.Relay firstUntrusted(List<Hop.Relay> relays, TrustConfig base, Set<String> ours) {
        for (Hop.Relay r : relays) {
            if (!base.trusts(r) && !ours.contains(r.ip()) && r.auth().isEmpty()) {
                return r;
            }
        }
        return null;
    }
}
