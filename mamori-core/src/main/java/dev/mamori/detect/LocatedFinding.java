package dev.mamori.detect;

/** A finding and where it is. */
public record LocatedFinding(Location where, Finding finding) {
}
