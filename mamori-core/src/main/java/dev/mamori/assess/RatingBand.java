package dev.mamori.assess;

/** A rating band: the first band (in file order) whose {@code min} the percentage reaches applies. */
public record RatingBand(double min, String key, Label label, String color) {
}
