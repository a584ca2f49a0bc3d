package dev.mamori.assess;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A YAML node that knows where it is. SnakeYAML's node graph (not Jackson's tree) is used because
 * it keeps the line and column of every node, which the error messages of issue 4 require; scalars
 * are read as the text written, so {@code yes} stays "yes" and {@code 1} stays "1".
 */
final class YamlNode {

    private final String file;
    private final Node node;
    private final YamlNode parent;

    private YamlNode(String file, Node node, YamlNode parent) {
        this.file = file;
        this.node = node;
        this.parent = parent;
    }

    static YamlNode parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(16 * 1024 * 1024);
        try (Reader r = new StringReader(text)) {
            Node root = new Yaml(options).compose(r);
            return new YamlNode(file, root, null);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            int column = e.getProblemMark() == null ? 0 : e.getProblemMark().getColumn() + 1;
            throw new AssessException(new Problem(file, line, column, null, "not valid YAML: " + e.getProblem(), null));
        } catch (YAMLException | IOException e) {
            throw new AssessException(new Problem(file, 0, 0, null, "not valid YAML: " + e.getMessage(), null));
        }
    }

    /** A file's text; a byte sequence that is not UTF-8 is a problem naming the file and the byte offset. */
    static String readUtf8(Path path) throws IOException {
        byte[] bytes = Files.readAllBytes(path);
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = d.decode(in, out, true);
        if (r.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new AssessException(new Problem(path.toString(), line, 0, null, "not UTF-8 text (byte offset " + in.position()
                    + ")", "save the file as UTF-8; answers and questionnaire files are UTF-8 YAML"));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    String file() {
        return file;
    }

    /** 1-based line; a missing key reports the line of the mapping it is missing from. */
    int line() {
        return node != null ? node.getStartMark().getLine() + 1 : parent != null ? parent.line() : 0;
    }

    int column() {
        return node != null ? node.getStartMark().getColumn() + 1 : parent != null ? parent.column() : 0;
    }

    boolean missing() {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    boolean isMap() {
        return node instanceof MappingNode;
    }

    boolean isList() {
        return node instanceof SequenceNode;
    }

    boolean isScalar() {
        return node instanceof ScalarNode && !missing();
    }

    Problem problem(String questionId, String message, String suggestion) {
        return new Problem(file, line(), column(), questionId, message, suggestion);
    }

    AssessException error(String message) {
        return new AssessException(problem(null, message, null));
    }

    /** The value under {@code key} (a missing node if absent); this node must be a mapping. */
    YamlNode get(String key) {
        if (missing()) {
            return new YamlNode(file, null, this);
        }
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value) here");
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return new YamlNode(file, t.getValueNode(), this);
            }
        }
        return new YamlNode(file, null, this);
    }

    /** The entries of a mapping in file order; a key written twice is an error. */
    List<Map.Entry<String, YamlNode>> entries() {
        if (missing()) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            throw error("expected a mapping (key: value) here");
        }
        List<Map.Entry<String, YamlNode>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            YamlNode key = new YamlNode(file, t.getKeyNode(), this);
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw key.error("a key must be plain text");
            }
            if (!seen.add(k.getValue())) {
                throw new AssessException(key.problem(null, "\"" + k.getValue() + "\" is given twice", "keep one"));
            }
            out.add(Map.entry(k.getValue(), new YamlNode(file, t.getValueNode(), this)));
        }
        return out;
    }

    /** The items of a sequence; a missing node is an empty list. */
    List<YamlNode> items() {
        if (missing()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            throw error("expected a list here");
        }
        List<YamlNode> out = new ArrayList<>();
        for (Node n : s.getValue()) {
            out.add(new YamlNode(file, n, this));
        }
        return out;
    }

    /** The scalar text, or null when missing. */
    String text() {
        if (missing()) {
            return null;
        }
        if (!(node instanceof ScalarNode s)) {
            throw error("expected a single value here, not a " + (isMap() ? "mapping" : "list"));
        }
        return s.getValue();
    }

    String text(String key) {
        return get(key).text();
    }

    String required(String key) {
        String v = text(key);
        if (v == null || v.isBlank()) {
            throw error("\"" + key + "\" is required here");
        }
        return v;
    }

    Double number(String key) {
        YamlNode v = get(key);
        String t = v.text();
        if (t == null) {
            return null;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw v.error("\"" + key + "\" must be a number, not \"" + t + "\"");
        }
    }

    boolean flag(String key, boolean otherwise) {
        YamlNode v = get(key);
        String t = v.text();
        if (t == null) {
            return otherwise;
        }
        return switch (t.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw v.error("\"" + key + "\" must be true or false, not \"" + t + "\"");
        };
    }

    /** {ja: …, en: …} under {@code key}, or a plain string taken as Japanese. */
    Label label(String key) {
        YamlNode v = get(key);
        if (v.missing()) {
            return Label.EMPTY;
        }
        if (v.isScalar()) {
            return new Label(v.text(), null);
        }
        return new Label(v.text("ja"), v.text("en"));
    }

    /** This mapping's own ja and en. */
    Label label() {
        return new Label(text("ja"), text("en"));
    }

    /** Rejects keys other than {@code allowed}, suggesting the nearest. */
    void only(Set<String> allowed, String what) {
        for (Map.Entry<String, YamlNode> e : entries()) {
            if (!allowed.contains(e.getKey())) {
                throw new AssessException(new Problem(file, e.getValue().line(), e.getValue().column(), null,
                        "unknown field \"" + e.getKey() + "\" in " + what, Suggest.didYouMean(e.getKey(), allowed)));
            }
        }
    }
}
