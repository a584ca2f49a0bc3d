package dev.mamori.assess;

/**
 * A consistency check of a questionnaire: when the condition holds over the answers and the
 * computed items, the message is reported with the scores (e.g. a PIA that submits fewer
 * assessments than its threshold result requires).
 */
public record Check(String id, Condition when, Label message, String source) {
}
