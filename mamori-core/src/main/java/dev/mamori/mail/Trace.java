package dev.mamori.mail;

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

    public boolean found() {
        return relay != null;
    }
}
