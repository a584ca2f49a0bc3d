package dev.mamori.mail;

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
}
