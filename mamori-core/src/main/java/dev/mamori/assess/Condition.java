package dev.mamori.assess;

import java.util.List;
import java.util.Map;

/** A condition over answers, for {@code applies_when} and computed rules (see docs/questionnaire-schema.md). */
sealed interface Condition {

    boolean test(Map<String, Response> answers);

    /** Question ids this condition reads. */
    List<String> questions();

    record In(String question, List<String> keys) implements Condition {
        public boolean test(Map<String, Response> a) {
            return a.get(question) instanceof Response.Chosen c && keys.contains(c.key());
        }

        public List<String> questions() {
            return List.of(question);
        }
    }

    record Has(String question, String key) implements Condition {
        public boolean test(Map<String, Response> a) {
            return a.get(question) instanceof Response.Checked c && c.keys().contains(key);
        }

        public List<String> questions() {
            return List.of(question);
        }
    }

    record Answered(String question) implements Condition {
        public boolean test(Map<String, Response> a) {
            return a.containsKey(question);
        }

        public List<String> questions() {
            return List.of(question);
        }
    }

    record All(List<Condition> all) implements Condition {
        public boolean test(Map<String, Response> a) {
            return all.stream().allMatch(c -> c.test(a));
        }

        public List<String> questions() {
            return all.stream().flatMap(c -> c.questions().stream()).toList();
        }
    }

    record Any(List<Condition> any) implements Condition {
        public boolean test(Map<String, Response> a) {
            return any.stream().anyMatch(c -> c.test(a));
        }

        public List<String> questions() {
            return any.stream().flatMap(c -> c.questions().stream()).toList();
        }
    }

    record Not(Condition not) implements Condition {
        public boolean test(Map<String, Response> a) {
            return !not.test(a);
        }

        public List<String> questions() {
            return not.questions();
        }
    }

    record Always() implements Condition {
        public boolean test(Map<String, Response> a) {
            return true;
        }

        public List<String> questions() {
            return List.of();
        }
    }
}
