package dev.mamori.server.register;

import java.time.Instant;

/**
 * An entry as kept: its values, what follows from them today, and who saved which version when.
 *
 * @param derived computed when read, with the organisation's current settings
 */
public record Stored<T extends Entry>(long id, String register, int version, T data, Derived derived, Instant createdAt,
                                      Instant updatedAt, String updatedBy) {
}
