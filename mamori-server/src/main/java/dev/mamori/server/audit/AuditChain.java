package dev.mamori.server.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The hash chain of the audit log, without Spring: how an entry's hash is made, and the check that the stored log is
 * the one that was written ({@code mamori audit verify}, and the server's own tests).
 */
public final class AuditChain {

    /** The hash before the first entry. */
    public static final String GENESIS = "0".repeat(64);

    /** One row of {@code audit_log}. */
    public record Entry(long seq, String at, String actor, String action, String entity, String entityId, String detail,
                        String prevHash, String hash) {
    }

    /**
     * What the check found: {@code firstBad} is empty when every row and the head agree.
     *
     * @param entries  rows read
     * @param firstBad the sequence number of the first row that was changed, inserted or deleted, if any
     * @param problem  what is wrong there, for people
     */
    public record Verdict(long entries, Optional<Long> firstBad, String problem) {
        public boolean intact() {
            return firstBad.isEmpty();
        }
    }

    private AuditChain() {
    }

    /** The hash of an entry: SHA-256 over the previous hash and every field, each length-prefixed (no field can bleed into another). */
    public static String hash(String prevHash, long seq, String at, String actor, String action, String entity, String entityId,
                              String detail) {
        StringBuilder b = new StringBuilder();
        for (String f : new String[] {prevHash, Long.toString(seq), at, actor, action, entity, entityId, detail}) {
            String v = f == null ? "" : f;
            b.append(f == null ? -1 : v.length()).append(':').append(v).append('\n');
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Reads the whole log in order and checks every link, the numbering and the head. */
    public static Verdict verify(Connection c) throws SQLException {
        long expectedSeq = 1;
        String prev = GENESIS;
        long n = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "select seq, at, actor, action, entity, entity_id, detail, prev_hash, hash from audit_log order by seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Entry e = new Entry(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9));
                    n++;
                    if (e.seq() != expectedSeq) {
                        return new Verdict(n, Optional.of(Math.min(e.seq(), expectedSeq)), e.seq() > expectedSeq
                                ? "entries " + expectedSeq + "–" + (e.seq() - 1) + " are missing (deleted)"
                                : "entry " + e.seq() + " appears out of order (inserted)");
                    }
                    if (!e.prevHash().equals(prev)) {
                        return new Verdict(n, Optional.of(e.seq()), "entry " + e.seq() + " does not follow the entry before it"
                                + " (an entry was inserted or deleted here)");
                    }
                    String h = hash(e.prevHash(), e.seq(), e.at(), e.actor(), e.action(), e.entity(), e.entityId(), e.detail());
                    if (!h.equals(e.hash())) {
                        return new Verdict(n, Optional.of(e.seq()), "entry " + e.seq() + " was changed after it was written");
                    }
                    prev = e.hash();
                    expectedSeq++;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("select seq, hash from audit_head where id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
                return new Verdict(n, Optional.of(expectedSeq), "the chain's head row is missing");
            }
            long headSeq = rs.getLong(1);
            if (headSeq != expectedSeq - 1 || !rs.getString(2).equals(prev)) {
                return new Verdict(n, Optional.of(Math.min(headSeq, expectedSeq - 1) + 1), headSeq > expectedSeq - 1
                        ? "entries " + expectedSeq + "–" + headSeq + " were deleted from the end"
                        : "the head does not match the last entry (entries were added behind the server's back)");
            }
        }
        return new Verdict(n, Optional.empty(), "");
    }
}
