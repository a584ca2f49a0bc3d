package dev.mamori.mail;

import dev.mamori.report.Message;
import java.util.List;

/**
 * Where one message came from: the nearest external relay ({@code relay}: the first untrusted hop,
 * whose IP the last trusted relay recorded), the trusted relay that received it
 * ({@code receivedBy}), how many hops were trusted and untrusted, every untrusted IP newest first
 * (all but the first are claims of untrusted hosts), and {@code reason} when there is no answer.
 */
public record Trace(Hop.Relay relay, String receivedBy, int trustedHops, int untrustedHops, List<String> untrustedIps,
        String reason) {

    public static final String NO_RECEIVED = "no Received header";
    public static final String ALL_TRUSTED = "every relay is trusted (sent from inside)";
    public static final String NONE_PARSEABLE = "no Received header could be parsed as a relay";

    public Trace {
        untrustedIps = List.copyOf(untrustedIps);
    }

    /**
     * Why there is no answer, in Japanese and English (the {@code reason} field of JSON output stays the
     * English constant); null when the relay was found.
     */
    public Message reasonText() {
        if (reason == null) {
            return null;
        }
        return switch (reason) {
            case NO_RECEIVED -> new Message("Received ヘッダーがありません", NO_RECEIVED);
            case ALL_TRUSTED -> new Message("すべての中継が自組織のもの（内部から送信）", ALL_TRUSTED);
            case NONE_PARSEABLE -> new Message("中継として読める Received ヘッダーがありません", NONE_PARSEABLE);
            default -> new Message(reason, reason);
        };
    }

    public boolean found() {
        return relay != null;
    }
}
