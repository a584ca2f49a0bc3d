package dev.mamori.detect;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mamori.report.Message;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads labelled text for {@link Evaluation}, in either of two forms:
 * <ul>
 * <li>JSON Lines ({@code .jsonl}): {@code {"doc_id", "source", "text", "spans": [{"start", "end", "type"}]}} with
 * UTF-16 offsets (eval/labeled-ja.jsonl);</li>
 * <li>marked text ({@code .txt}, eval/genres/): header comment lines ({@code # kind: real|form}), then
 * documents each opened by {@code === ID split=dev|test}, with every label written in place as
 * {@code ⟦TYPE:value⟧}. The genre is the file's name.</li>
 * </ul>
 * Any error names the file, line and column.
 */
public final class LabelledSet {

    /**
     * One labelled document. {@code genre} and {@code kind} ("real" or "form") group it in reports;
     * {@code line} is where it starts in its file.
     */
    public record Doc(String id, int line, String genre, String kind, String split, String text, List<Evaluation.Label> labels) {
        public Doc {
            labels = List.copyOf(labels);
        }

        /** The groups it is scored in: {@code genre:…} and {@code kind:…}. */
        public List<String> groups() {
            return List.of("genre:" + genre, "kind:" + kind);
        }
    }

    private static final char OPEN = '⟦';
    private static final char CLOSE = '⟧';

    private LabelledSet() {
    }

    /**
     * The documents of a {@code .jsonl} or {@code .txt} file, or of every such file in a directory
     * (sorted by name), in file order.
     *
     * @throws Message.Problem naming the place of the first error
     */
    public static List<Doc> read(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            List<Path> files;
            try (Stream<Path> s = Files.list(path)) {
                files = s.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".txt")).sorted().toList();
            }
            if (files.isEmpty()) {
                throw new Message.Problem(path + ": .jsonl も .txt のファイルもありません", path + ": no .jsonl or .txt file");
            }
            List<Doc> out = new ArrayList<>();
            for (Path f : files) {
                out.addAll(read(f));
            }
            return out;
        }
        List<String> lines;
        try {
            lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new Message.Problem(path + ": ファイルがありません", path + ": no such file");
        }
        return path.toString().endsWith(".txt") ? marked(path, lines) : jsonLines(path, lines);
    }

    private static List<Doc> jsonLines(Path file, List<String> lines) {
        ObjectMapper json = new ObjectMapper();
        List<Doc> out = new ArrayList<>();
        for (int n = 1; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank()) {
                continue;
            }
            String at = file + ":" + n;
            JsonNode doc;
            try {
                doc = json.readTree(line);
            } catch (JsonProcessingException e) {
                // Jackson's message quotes the offending token: say where, not what
                int col = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
                throw new Message.Problem(at + (col < 0 ? "" : " " + col + " 桁目") + ": JSON として正しくありません",
                        at + (col < 0 ? "" : ", column " + col) + ": not valid JSON");
            }
            if (!doc.path("text").isTextual()) {
                throw new Message.Problem(at + ": 文字列の \"text\" がありません", at + ": no \"text\" string");
            }
            String text = doc.path("text").asText();
            String id = doc.path("doc_id").asText(String.valueOf(n));
            String whereJa = at + "（文書 " + id + "）";
            String where = at + " (doc " + id + ")";
            List<Evaluation.Label> labels = new ArrayList<>();
            int i = 0;
            for (JsonNode s : doc.path("spans")) {
                i++;
                PiiType t = type(s.path("type").asText(""), whereJa + ": " + i + " 番目のスパン", where + ": span " + i);
                if (!s.path("start").isIntegralNumber() || !s.path("start").canConvertToInt()
                        || !s.path("end").isIntegralNumber() || !s.path("end").canConvertToInt()) {
                    throw new Message.Problem(whereJa + ": " + i + " 番目のスパンには整数の \"start\" と \"end\" が必要です",
                            where + ": span " + i + " needs integer \"start\" and \"end\"");
                }
                labels.add(new Evaluation.Label(s.path("start").asInt(), s.path("end").asInt(), t));
            }
            // the first set: synthetic forms and passages of published (administrative) documents
            String source = doc.path("source").asText("unknown");
            String genre = doc.path("genre").asText(source.contains(":") ? source.substring(0, source.indexOf(':')) : source);
            String kind = doc.path("kind").asText(source.startsWith("synthetic") ? "form" : "real");
            out.add(new Doc(id, n, genre, kind, doc.path("split").asText("dev"), text, labels));
        }
        return out;
    }

    private static List<Doc> marked(Path file, List<String> lines) {
        String genre = file.getFileName().toString().replaceFirst("\\.txt$", "");
        String kind = null;
        List<Doc> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        String id = null;
        String split = null;
        int opened = 0;
        StringBuilder text = new StringBuilder();
        List<Evaluation.Label> labels = new ArrayList<>();
        for (int n = 1; n <= lines.size() + 1; n++) {
            String line = n <= lines.size() ? lines.get(n - 1) : null;
            if (line == null || line.startsWith("=== ")) {
                if (id != null) {
                    int end = text.length();
                    while (end > 0 && text.charAt(end - 1) == '\n') {
                        end--;
                    }
                    int last = end;
                    if (labels.stream().anyMatch(l -> l.end() > last)) {
                        throw new Message.Problem(file + ":" + opened + ": 文書 " + id + " のラベルが末尾の空行にかかっています",
                                file + ":" + opened + ": a label of document " + id + " runs into trailing blank lines");
                    }
                    out.add(new Doc(id, opened, genre, kind, split, text.substring(0, end), labels));
                }
                if (line == null) {
                    break;
                }
                String[] head = line.substring(4).trim().split("\\s+");
                id = head[0];
                split = null;
                for (int k = 1; k < head.length; k++) {
                    if (head[k].equals("split=dev") || head[k].equals("split=test")) {
                        split = head[k].substring(6);
                    }
                }
                if (id.isEmpty() || split == null) {
                    throw new Message.Problem(file + ":" + n + ": 文書の見出しは「=== ID split=dev|test」です",
                            file + ":" + n + ": a document heading is \"=== ID split=dev|test\"");
                }
                if (!ids.add(id)) {
                    throw new Message.Problem(file + ":" + n + ": 文書 ID " + id + " が重複しています",
                            file + ":" + n + ": document id " + id + " appears twice");
                }
                if (kind == null) {
                    throw new Message.Problem(file + ":" + n + ": 最初の文書の前に「# kind: real」か「# kind: form」が必要です",
                            file + ":" + n + ": \"# kind: real\" or \"# kind: form\" must come before the first document");
                }
                opened = n;
                text.setLength(0);
                labels = new ArrayList<>();
                continue;
            }
            if (id == null) {
                String h = line.strip();
                if (h.startsWith("#") && h.substring(1).strip().startsWith("kind:")) {
                    kind = h.substring(h.indexOf(':') + 1).strip();
                    if (!kind.equals("real") && !kind.equals("form")) {
                        throw new Message.Problem(file + ":" + n + ": kind は real か form です", file + ":" + n + ": kind is real or form");
                    }
                } else if (!h.isEmpty() && !h.startsWith("#")) {
                    throw new Message.Problem(file + ":" + n + ": 最初の「=== 」の前は # で始まる注釈だけです",
                            file + ":" + n + ": only # comment lines may come before the first \"=== \"");
                }
                continue;
            }
            if (text.length() > 0) {
                text.append('\n');
            }
            line(file, n, line, text, labels);
        }
        return out;
    }

    /** Appends one line's text to {@code text}, taking out its markers as labels. */
    private static void line(Path file, int n, String line, StringBuilder text, List<Evaluation.Label> labels) {
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == CLOSE) {
                throw problem(file, n, i, "対応する ⟦ のない ⟧ です", "⟧ without ⟦");
            }
            if (c != OPEN) {
                text.append(c);
                i++;
                continue;
            }
            int close = line.indexOf(CLOSE, i + 1);
            int nested = line.indexOf(OPEN, i + 1);
            if (close < 0) {
                throw problem(file, n, i, "⟦ が行内で閉じていません", "⟦ is not closed on its line");
            }
            if (nested >= 0 && nested < close) {
                throw problem(file, n, nested, "印の中に印は書けません", "a marker inside a marker");
            }
            String inner = line.substring(i + 1, close);
            int colon = inner.indexOf(':');
            if (colon <= 0 || colon == inner.length() - 1) {
                throw problem(file, n, i, "印は ⟦型:値⟧ です", "a marker is ⟦TYPE:value⟧");
            }
            PiiType type = type(inner.substring(0, colon), file + ":" + n + " " + (i + 1) + " 桁目",
                    file + ":" + n + ", column " + (i + 1));
            int start = text.length();
            text.append(inner, colon + 1, inner.length());
            labels.add(new Evaluation.Label(start, text.length(), type));
            i = close + 1;
        }
    }

    private static Message.Problem problem(Path file, int line, int index, String ja, String en) {
        return new Message.Problem(file + ":" + line + " " + (index + 1) + " 桁目: " + ja, file + ":" + line + ", column " + (index + 1) + ": " + en);
    }

    private static PiiType type(String name, String whereJa, String whereEn) {
        try {
            return PiiType.valueOf(name);
        } catch (IllegalArgumentException e) {
            throw new Message.Problem(whereJa + ": 型 \"" + name + "\" を知りません", whereEn + ": unknown type \"" + name + "\"");
        }
    }
}
