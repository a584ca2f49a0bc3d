package dev.mamori.mail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;

/**
 * One analysed message: where it was read from, its Message-ID and Subject (as written, undecoded),
 * when it arrived ({@code arrival}: the time our trusted relay stamped on the hop it received, else
 * the Date header, else null), the trace (nearest external relay or the reason there is none) and
 * the relay's attribution (registry, country, ASN).
 */
public record MessageReport(String file, long index, String messageId, String subject, OffsetDateTime arrival, Trace trace,
        Attribution attribution) {

    public boolean traced() {
        return trace.found();
    }

    /**
     * Puts the fields every JSON output of a message shares (docs/spam.md): {@code arrival},
     * {@code relay_ip}, {@code relay_rdns}, {@code relay_helo}, {@code received_by}, {@code country},
     * {@code registry}, {@code asn}, {@code as_org}; null where unknown.
     */
    public void putRelayFields(ObjectNode n) {
        n.put("arrival", arrival == null ? null : arrival.toString());
        Hop.Relay relay = trace.relay();
        n.put("relay_ip", relay == null ? null : relay.ip());
        n.put("relay_rdns", relay == null ? null : relay.rdns());
        n.put("relay_helo", relay == null ? null : relay.helo());
        n.put("received_by", trace.receivedBy());
        n.put("country", attribution == null ? null : attribution.countryKey());
        n.put("registry", attribution == null ? null : attribution.registry());
        n.put("asn", attribution == null ? null : attribution.asn());
        n.put("as_org", attribution == null ? null : attribution.asOrg());
    }
}
