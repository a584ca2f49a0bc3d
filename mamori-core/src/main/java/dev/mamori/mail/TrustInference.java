package dev.mamori.mail;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Guesses the receiver's own relays when no trust configuration is given, from a sample of the mail
 * itself rather than by taking the first line of each message blindly.
 *
 * <p>Addresses a receiver's own network uses ({@link SpecialAddresses.Ours#INFERRED}: private-use,
 * shared, link-local, unique-local) and loopback are always ours. A public address is taken as ours
 * only on evidence that it <em>relays mail for others</em>, never on volume alone: in the line it
 * wrote (the one below the line our receiver wrote about it) it names itself as the receiving host
 * ({@code by} is the name our receiver recorded for it, its HELO, or its address) and records a client
 * that is another globally reachable address. Such a relay is ours when it is the client of the
 * topmost untrusted hop
 * <ul>
 * <li>in at least 3 messages and in at least {@code share} of the messages, or</li>
 * <li>in at least 3 messages, with a reverse name (as our receiver recorded it) in the same registered
 * domain as our receiving hosts, or</li>
 * <li>in at least 2 messages, with a reverse name that is exactly one of our receiving hosts (the
 * {@code by} of a line our side wrote).</li>
 * </ul>
 * The same is then asked one hop further down, up to three levels. A spammer sending straight to our
 * MX, however much, writes no such line; one that forges a lower line naming itself is the limit of
 * what can be inferred, which is why reports say the configuration was inferred and {@code --trusted}
 * is better. The result is marked {@code inferred}.
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

    /** What the sample says about one candidate address. */
    private static final class Candidate {
        int messages;
        int relayedForOthers;
        String rdns = "";
    }

    public TrustConfig result() {
        Set<String> ours = new HashSet<>();
        List<Cidr> nets = new ArrayList<>(SpecialAddresses.networks(SpecialAddresses.Ours.INFERRED));
        TrustConfig base = new TrustConfig(nets, List.of(), true);
        Set<String> receiverHosts = new HashSet<>();
        Set<String> receiverDomains = new HashSet<>();
        for (int level = 0; level < LEVELS; level++) {
            Map<String, Candidate> candidates = new HashMap<>();
            int considered = 0;
            for (List<Hop.Relay> relays : sample) {
                int i = firstUntrusted(relays, base, ours);
                if (i < 0) {
                    continue;
                }
                Hop.Relay next = relays.get(i);
                considered++;
                Candidate c = candidates.computeIfAbsent(next.ip(), k -> new Candidate());
                c.messages++;
                if (c.rdns.isEmpty()) {
                    c.rdns = lower(next.rdns());
                }
                if (i + 1 < relays.size() && relaysForOthers(next, relays.get(i + 1))) {
                    c.relayedForOthers++;
                }
                if (!next.by().isEmpty()) {
                    receiverHosts.add(lower(next.by()));
                    AbuseContacts.registeredDomain(next.by()).ifPresent(receiverDomains::add);
                }
            }
            int needed = Math.max(3, (int) Math.ceil(share * considered));
            List<String> found = new ArrayList<>();
            candidates.forEach((ip, c) -> {
                if (c.relayedForOthers == 0) {
                    return;
                }
                boolean volume = c.messages >= needed;
                boolean sameDomain = c.messages >= 3 && domain(c.rdns).map(receiverDomains::contains).orElse(false);
                boolean ourHostName = c.messages >= 2 && !c.rdns.isEmpty() && receiverHosts.contains(c.rdns);
                if (volume || sameDomain || ourHostName) {
                    found.add(ip);
                }
            });
            if (found.isEmpty()) {
                break;
            }
            ours.addAll(found);
        }
        ours.stream().sorted().forEach(ip -> nets.add(Cidr.parse(ip)));
        return new TrustConfig(nets, List.of(), true);
    }

    /**
     * Did {@code relay} (whose client our receiver recorded) hand on mail it took from someone else?
     * {@code below} is the line it wrote: its client must be another globally reachable address, and
     * its {@code by} must name {@code relay} as our receiver saw it.
     */
    static boolean relaysForOthers(Hop.Relay relay, Hop.Relay below) {
        if (below.ip().equals(relay.ip()) || !SpecialAddresses.globallyReachable(below.ip())) {
            return false;
        }
        String by = lower(below.by());
        if (by.isEmpty()) {
            return false;
        }
        String bare = by.startsWith("[") && by.endsWith("]") ? by.substring(1, by.length() - 1) : by;
        String byIp = IpAddress.normalize(bare);
        if (byIp != null) {
            return byIp.equals(IpAddress.normalize(relay.ip()));
        }
        String rdns = lower(relay.rdns());
        if (by.equals(rdns) || by.equals(lower(relay.helo()))) {
            return true;
        }
        Optional<String> d = domain(rdns);
        return d.isPresent() && d.equals(domain(by));
    }

    private static Optional<String> domain(String host) {
        return host == null || host.isEmpty() ? Optional.empty() : AbuseContacts.registeredDomain(host);
    }

    private static String lower(String s) {
        return s == null ? "" : s.toLowerCase(Locale.ROOT);
    }

    /** The index of the first hop that is neither trusted nor an authenticated submission, or -1. */
    private static int firstUntrusted(List<Hop.Relay> relays, TrustConfig base, Set<String> ours) {
        for (int i = 0; i < relays.size(); i++) {
            Hop.Relay r = relays.get(i);
            if (!base.trusts(r) && !ours.contains(r.ip()) && r.auth().isEmpty()) {
                return i;
            }
        }
        return -1;
    }
}
