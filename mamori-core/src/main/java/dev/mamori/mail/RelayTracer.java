package dev.mamori.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Finds the nearest external relay of a message (送信元に最も近いとみられるサーバー): walking the
 * Received chain from the top (our side) down, every hop whose client our trusted relay recorded
 * as one of ours (or that is an authenticated submission) keeps the chain trusted; the first hop
 * that is not gives the answer — the IP our last trusted relay saw. What untrusted hosts wrote
 * below it (forged HELOs, invented lower headers) can never move the answer.
 */
public final class RelayTracer {

    private final TrustConfig trust;
    private final Function<String, Hop> parser;

    public RelayTracer(TrustConfig trust) {
        this(trust, ReceivedParser::parse);
    }

    RelayTracer(TrustConfig trust, Function<String, Hop> parser) {
        this.trust = trust;
        this.parser = parser;
    }

    public TrustConfig trust() {
        return trust;
    }

    /** The relays of a message, top (newest) first; lines that are not relays are left out. */
    public List<Hop.Relay> relays(Headers h) {
        List<Hop.Relay> out = new ArrayList<>();
        for (String v : h.all("Received")) {
            if (parser.apply(v) instanceof Hop.Relay r && !r.ip().isEmpty()) {
                out.add(r);
            }
        }
        return out;
    }

    public Trace trace(Headers h) {
        List<String> received = h.all("Received");
        if (received.isEmpty()) {
            return new Trace(null, null, 0, 0, List.of(), Trace.NO_RECEIVED);
        }
        List<Hop.Relay> relays = relays(h);
        if (relays.isEmpty()) {
            return new Trace(null, null, 0, 0, List.of(), Trace.NONE_PARSEABLE);
        }
        int trusted = 0;
        Hop.Relay first = null;
        List<String> untrusted = new ArrayList<>();
        for (Hop.Relay r : relays) {
            if (first == null && (trust.trusts(r) || !r.auth().isEmpty())) {
                trusted++;
                continue;
            }
            if (first == null) {
                first = r;
            }
            untrusted.add(r.ip());
        }
        if (first == null) {
            return new Trace(null, null, trusted, 0, List.of(), Trace.ALL_TRUSTED);
        }
        return new Trace(first, first.by(), trusted, untrusted.size(), untrusted, null);
    }
}
