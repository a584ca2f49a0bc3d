package dev.mamori.assess;

import java.util.Map;

/**
 * The score of one area (or of the whole questionnaire): Σ weight × value over the questions that
 * apply and are not 該当なし, against the same questions' maximum; {@code nominalMax} is the maximum
 * with every question counted. {@code planned*} are the same with the improvement plan applied.
 * {@code percent} is null when nothing in the area is scored.
 */
public record AreaScore(String id, Label name, int depth, double score, double max, double nominalMax, Double percent,
        RatingBand rating, Map<String, Integer> counts, double plannedScore, Double plannedPercent, RatingBand plannedRating,
        Map<String, Integer> plannedCounts) {
}
