package dev.mamori.assess;

/** One answer of an answers file, with its comment, evidence and where it was written. */
public record Answer(String questionId, Response response, String comment, String evidence, int line, int column) {

    /** The chosen key for a choice answer, else null. */
    public String choiceKey() {
        return response instanceof Response.Chosen c ? c.key() : null;
    }
}
