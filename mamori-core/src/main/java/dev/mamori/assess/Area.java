package dev.mamori.assess;

import java.util.ArrayList;
import java.util.List;

/** An area (分野) with its own questions and sub-areas. {@code declaredMax} is the maximum the file states, if any. */
public record Area(String id, Label name, Double declaredMax, String source, List<Question> questions, List<Area> areas) {

    public Area {
        questions = List.copyOf(questions);
        areas = List.copyOf(areas);
    }

    /** Every question of this area and its sub-areas, in order. */
    public List<Question> allQuestions() {
        List<Question> out = new ArrayList<>(questions);
        areas.forEach(a -> out.addAll(a.allQuestions()));
        return out;
    }
}
