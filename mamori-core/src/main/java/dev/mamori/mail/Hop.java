package dev.mamori.mail;

import java.time.OffsetDateTime;

/** What one {@code Received:} header says: a relay hand-over, a line that is not one, or a line that cannot be read. */
public sealed interface Hop {

    /**
     * A relay: the client {@code ip} as the receiving MTA recorded it (the one field a trusted
     * receiver vouches for), its {@code rdns} and {@code helo} as written, the receiving host
     * {@code by}, and {@code auth} when the hand-over was an authenticated submission (ESMTPA, …).
     * Absent fields are empty strings; {@code time} is null when the date cannot be read.
     */
    record Relay(String ip, String rdns, String helo, String by, String ident, String envfrom, String id, String auth,
            OffsetDateTime time) implements Hop {
    }

    /** Not a relay (POP/IMAP fetch by fetchmail, a local pickup, qmail "invoked by uid", a line without an IP). */
    record Skipped(String reason) implements Hop {
    }

    /** Looks like a hand-over but could not be read. */
    record Unparsed(String reason) implements Hop {
    }
}
