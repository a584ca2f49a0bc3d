package dev.mamori.assess;

import dev.mamori.yaml.Suggest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A questionnaire read from its YAML file (docs/questionnaire-schema.md): areas with questions,
 * answer sets, computed items, rating bands and the earlier versions whose answers it accepts.
 */
public record Questionnaire(String id, String version, Label title, Label description, Label source, String kind,
        List<Area> areas, List<Computed> computed, List<Check> checks, List<RatingBand> rating,
        Map<String, Map<String, String>> previousVersions, String file) {

    /** The questionnaires bundled with Mamori (questionnaires/index.txt), in the order {@code mamori assess list} shows them. */
    private static final java.util.concurrent.ConcurrentHashMap<String, Questionnaire> BUNDLED_READ = new java.util.concurrent.ConcurrentHashMap<>();

    public static final List<String> BUNDLED = List.copyOf(bundledText("index", ".txt").lines().map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());

    public Questionnaire {
        areas = List.copyOf(areas);
        computed = List.copyOf(computed);
        checks = List.copyOf(checks);
        rating = List.copyOf(rating);
        previousVersions = Map.copyOf(previousVersions);
    }

    /** A bundled questionnaire by id. */
    public static Questionnaire bundled(String id) {
        if (!BUNDLED.contains(id)) {
            throw new AssessException(new Problem(null, 0, 0, null, new dev.mamori.report.Message("同梱の設問票に「" + id + "」はありません",
                    "no bundled questionnaire \"" + id + "\""), Optional.ofNullable(Suggest.didYouMean(id, BUNDLED))
                    .orElse(new dev.mamori.report.Message("一覧は mamori assess list で見られます", "mamori assess list shows them")), false));
        }
        // read once: a questionnaire is immutable, and the server asks for one on every page (not computeIfAbsent: reading
        // one may read another it includes)
        Questionnaire q = BUNDLED_READ.get(id);
        if (q == null) {
            q = QuestionnaireReader.read(id + ".yaml (bundled)", bundledText(id));
            Questionnaire before = BUNDLED_READ.putIfAbsent(id, q);
            q = before == null ? q : before;
        }
        return q;
    }

    static String bundledText(String id) {
        return bundledText(id, ".yaml");
    }

    private static String bundledText(String name, String suffix) {
        String resource = "questionnaires/" + name + suffix;
        try (InputStream in = Questionnaire.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A questionnaire file. */
    /**
     * A questionnaire file's bytes (uploaded to the server), checked as {@link #load} checks a file.
     *
     * @throws AssessException with every problem by line and column
     */
    public static Questionnaire parse(String name, byte[] utf8) {
        try {
            return QuestionnaireReader.read(name, dev.mamori.yaml.YamlNode.decodeUtf8(name, utf8));
        } catch (dev.mamori.yaml.YamlException e) {
            throw new AssessException(e);
        }
    }

    public static Questionnaire load(Path file) throws IOException {
        return QuestionnaireReader.read(file.toString(), AnswersReader.readUtf8(file));
    }

    /** Every question in order, by id. */
    public Map<String, Question> questions() {
        Map<String, Question> out = new LinkedHashMap<>();
        areas.forEach(a -> a.allQuestions().forEach(q -> out.put(q.id(), q)));
        return out;
    }

    public Optional<Question> question(String id) {
        return Optional.ofNullable(questions().get(id));
    }

    /** Every area and sub-area, depth first. */
    public List<Area> allAreas() {
        List<Area> out = new ArrayList<>();
        areas.forEach(a -> collect(a, out));
        return out;
    }

    private static void collect(Area a, List<Area> out) {
        out.add(a);
        a.areas().forEach(s -> collect(s, out));
    }

    /** The band for a percentage, or null when the questionnaire has no bands. */
    public RatingBand rate(double percent) {
        for (RatingBand b : rating) {
            if (percent + 1e-9 >= b.min()) {
                return b;
            }
        }
        return rating.isEmpty() ? null : rating.get(rating.size() - 1);
    }

    public boolean isForm() {
        return "form".equals(kind);
    }
}
