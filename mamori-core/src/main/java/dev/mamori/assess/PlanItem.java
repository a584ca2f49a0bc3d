package dev.mamori.assess;

/** An improvement-plan item (改善案): the answer a question is expected to get once the action is done. */
public record PlanItem(String questionId, String action, String owner, String due, Difficulty difficulty, String expected, int line) {
}
