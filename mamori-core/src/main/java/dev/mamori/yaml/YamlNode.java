package dev.mamori.yaml;

import dev.mamori.report.Message;
import dev.mamori.report.Terminal;
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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
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
 * A YAML node that knows where it is: the one way Mamori reads the YAML people write (processing
 * policies, questionnaires, answers). SnakeYAML's node graph is used rather than a data-binding
 * tree because it keeps the line and column of every node, so every mistake is reported as
 * {@code file:line:column}; scalars are read as the text written, so {@code yes} stays "yes" and
 * {@code 1} stays "1", and the reader decides what a value must be.
 *
 * <p>Hostile files are bounded: at most {@value #MAX_CHARS} characters, {@value #MAX_DEPTH} levels
 * of nesting, 20 aliases of collections, and aliases may not make the document more than twice its
 * written size (one long string referenced by an alias on every line would otherwise make a small
 * file expand to gigabytes in a report).
 */
public final class YamlNode {

    /** Largest file read, in characters. */
    public static final int MAX_CHARS = 16 * 1024 * 1024;
    /** Deepest nesting of mappings and lists. */
    public static final int MAX_DEPTH = 64;

    private final String file;
    private final Node node;
    private final YamlNode parent;

    private YamlNode(String file, Node node, YamlNode parent) {
        this.file = file;
        this.node = node;
        this.parent = parent;
    }

    /**
     * Parses one YAML document.
     *
     * @param file the name used in messages
     * @throws YamlException if it is not YAML, or is past the limits
     */
    public static YamlNode parse(String file, String text) {
        LoaderOptions options = new LoaderOptions();
        options.setMaxAliasesForCollections(20);
        options.setCodePointLimit(MAX_CHARS);
        options.setNestingDepthLimit(MAX_DEPTH);
        Node root;
        try (Reader r = new StringReader(text)) {
            root = new Yaml(options).compose(r);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            int column = e.getProblemMark() == null ? 0 : e.getProblemMark().getColumn() + 1;
            throw new YamlException(file, line, column, new Message("YAML として読めません: " + e.getProblem(), "not valid YAML: " + e.getProblem()), null);
        } catch (YAMLException | IOException e) {
            String why = firstLine(e.getMessage());
            throw new YamlException(file, 0, 0, new Message("YAML として読めません: " + why, "not valid YAML: " + why), null);
        }
        long limit = 2L * text.length() + 65_536;
        if (root != null && expandedSize(root, new IdentityHashMap<>(), limit) > limit) {
            throw new YamlException(file, 0, 0, new Message("エイリアス（*name）で文書が元の大きさの 2 倍を超えます",
                    "aliases (*name) expand the document to more than twice its size"),
                    new Message("値をそのまま書いてください。Mamori のファイルにアンカーやエイリアスは要りません",
                            "write the values out; Mamori's files need no anchors or aliases"));
        }
        return new YamlNode(file, root, null);
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }

    /** Characters of every scalar, an alias counted again each time it is used; stops counting past {@code limit}. */
    private static long expandedSize(Node n, Map<Node, Long> done, long limit) {
        Long known = done.get(n);
        if (known != null) {
            return known;
        }
        done.put(n, 0L); // a recursive alias counts nothing more
        long size = 1;
        if (n instanceof ScalarNode s) {
            size += s.getValue().length();
        } else if (n instanceof SequenceNode s) {
            for (Node c : s.getValue()) {
                size += expandedSize(c, done, limit);
                if (size > limit) {
                    break;
                }
            }
        } else if (n instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                size += expandedSize(t.getKeyNode(), done, limit) + expandedSize(t.getValueNode(), done, limit);
                if (size > limit) {
                    break;
                }
            }
        }
        done.put(n, size);
        return size;
    }

    /**
     * A file's text; bytes that are not UTF-8 are a problem naming the file and line. A BOM is dropped.
     *
     * @throws YamlException if the bytes are not UTF-8 or the file is larger than {@link #MAX_CHARS}
     */
    public static String readUtf8(Path path) throws IOException {
        if (Files.size(path) > 4L * MAX_CHARS) {
            int mb = MAX_CHARS / (1024 * 1024);
            throw new YamlException(path.toString(), 0, 0, new Message("テキストとして " + mb + " MB を超えます。Mamori が YAML として読むファイルではありません",
                    "larger than " + mb + " MB of text; not a file Mamori reads as YAML"), null);
        }
        return decodeUtf8(path.toString(), Files.readAllBytes(path));
    }

    /** {@code bytes} as UTF-8 text without a byte-order mark; refuses anything else, naming {@code name} and the line. */
    public static String decodeUtf8(String name, byte[] bytes) {
        if (bytes.length > 4L * MAX_CHARS) {
            int mb = MAX_CHARS / (1024 * 1024);
            throw new YamlException(name, 0, 0, new Message("テキストとして " + mb + " MB を超えます。Mamori が YAML として読むファイルではありません",
                    "larger than " + mb + " MB of text; not a file Mamori reads as YAML"), null);
        }
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
            throw new YamlException(name, line, 0, new Message("UTF-8 のテキストではありません（バイト位置 " + in.position() + "）",
                    "not UTF-8 text (byte offset " + in.position() + ")"), new Message("UTF-8 で保存してください", "save the file as UTF-8"));
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    public String file() {
        return file;
    }

    /** 1-based line; a missing key reports the line of the mapping it is missing from. */
    public int line() {
        return node != null ? node.getStartMark().getLine() + 1 : parent != null ? parent.line() : 0;
    }

    public int column() {
        return node != null ? node.getStartMark().getColumn() + 1 : parent != null ? parent.column() : 0;
    }

    public boolean missing() {
        return node == null || (node instanceof ScalarNode s && s.getTag().equals(Tag.NULL));
    }

    public boolean isMap() {
        return node instanceof MappingNode;
    }

    public boolean isList() {
        return node instanceof SequenceNode;
    }

    public boolean isScalar() {
        return node instanceof ScalarNode && !missing();
    }

    /** An error at this node, in Japanese and English. */
    public YamlException error(Message problem) {
        return error(problem, null);
    }

    /** An error at this node, in Japanese and English, with a suggestion (or null). */
    public YamlException error(Message problem, Message suggestion) {
        return new YamlException(file, line(), column(), problem, suggestion);
    }

    /**
     * The key node of {@code key} in this mapping, for reporting at the line where the key is written (an
     * empty value has no place of its own); a missing node (reported at this mapping) if absent.
     */
    public YamlNode keyOf(String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                    return new YamlNode(file, k, this);
                }
            }
        }
        return new YamlNode(file, null, this);
    }

    /** The value under {@code key} (a missing node if absent); this node must be a mapping. */
    public YamlNode get(String key) {
        if (missing()) {
            return new YamlNode(file, null, this);
        }
        if (!(node instanceof MappingNode m)) {
            throw error(new Message("ここには対応付け（キー: 値）を書きます", "expected a mapping (key: value) here"));
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return new YamlNode(file, t.getValueNode(), this);
            }
        }
        return new YamlNode(file, null, this);
    }

    /** The entries of a mapping in file order; a key written twice is an error. */
    public List<Map.Entry<String, YamlNode>> entries() {
        if (missing()) {
            return List.of();
        }
        if (!(node instanceof MappingNode m)) {
            throw error(new Message("ここには対応付け（キー: 値）を書きます", "expected a mapping (key: value) here"));
        }
        List<Map.Entry<String, YamlNode>> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple t : m.getValue()) {
            YamlNode key = new YamlNode(file, t.getKeyNode(), this);
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw key.error(new Message("キーはただの文字列で書きます", "a key must be plain text"));
            }
            if (!seen.add(k.getValue())) {
                throw key.error(new Message("「" + k.getValue() + "」が 2 回書かれています", "\"" + k.getValue() + "\" is given twice"),
                        new Message("1 つにしてください", "keep one"));
            }
            out.add(Map.entry(k.getValue(), new YamlNode(file, t.getValueNode(), this)));
        }
        return out;
    }

    /** The items of a sequence; a missing node is an empty list. */
    public List<YamlNode> items() {
        if (missing()) {
            return List.of();
        }
        if (!(node instanceof SequenceNode s)) {
            throw error(new Message("ここにはリストを書きます", "expected a list here"));
        }
        List<YamlNode> out = new ArrayList<>();
        for (Node n : s.getValue()) {
            out.add(new YamlNode(file, n, this));
        }
        return out;
    }

    /** The scalar text, or null when missing. */
    public String text() {
        if (missing()) {
            return null;
        }
        if (!(node instanceof ScalarNode s)) {
            throw error(new Message("ここには値を 1 つ書きます（" + (isMap() ? "対応付け" : "リスト") + "ではなく）",
                    "expected a single value here, not a " + (isMap() ? "mapping" : "list")));
        }
        return s.getValue();
    }

    public String text(String key) {
        return get(key).text();
    }

    public String required(String key) {
        String v = text(key);
        if (v == null || v.isBlank()) {
            throw error(new Message("ここには「" + key + "」が必要です", "\"" + key + "\" is required here"));
        }
        return v;
    }

    public Double number(String key) {
        YamlNode v = get(key);
        String t = v.text();
        if (t == null) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw v.error(new Message("「" + key + "」は数値で書きます（「" + t + "」ではなく）", "\"" + key + "\" must be a number, not \"" + t + "\""));
        }
    }

    /** A whole number under {@code key} in {@code [min, max]}, or null when missing. */
    public Integer integer(String key, int min, int max) {
        YamlNode v = get(key);
        String t = v.text();
        if (t == null) {
            return null;
        }
        int n;
        try {
            n = Integer.parseInt(t.strip());
        } catch (NumberFormatException e) {
            throw v.error(new Message("「" + key + "」は整数で書きます（「" + t + "」ではなく）", "\"" + key + "\" must be a whole number, not \"" + t + "\""));
        }
        if (n < min || n > max) {
            throw v.error(new Message("「" + key + "」は " + (max == Integer.MAX_VALUE ? min + " 以上" : min + " から " + max + " まで") + "です（" + n + " ではなく）",
                    "\"" + key + "\" must be " + (max == Integer.MAX_VALUE ? "at least " + min : "from " + min + " to " + max) + ", not " + n));
        }
        return n;
    }

    public boolean flag(String key, boolean otherwise) {
        YamlNode v = get(key);
        String t = v.text();
        if (t == null) {
            return otherwise;
        }
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw v.error(new Message("「" + key + "」は true か false です（「" + t + "」ではなく）",
                    "\"" + key + "\" must be true or false, not \"" + t + "\""));
        };
    }

    /**
     * Rejects keys other than {@code allowed}, at the key, naming the nearest allowed key and all of them;
     * a key written twice is rejected too. {@code what} names the place in Japanese and English.
     */
    public void only(Set<String> allowed, Message what) {
        entries(); // a scalar or list where a mapping belongs, or a key given twice, is reported there
        if (!(node instanceof MappingNode m)) {
            return;
        }
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && !allowed.contains(k.getValue())) {
                String near = Suggest.nearest(k.getValue(), allowed);
                String key = Terminal.safe(k.getValue().length() > 40 ? k.getValue().substring(0, 40) + "…" : k.getValue());
                String all = String.join(", ", new java.util.TreeSet<>(allowed));
                throw new YamlNode(file, k, this).error(
                        new Message(what.ja() + "に不明な項目「" + key + "」があります", "unknown field \"" + key + "\" in " + what.en()),
                        new Message((near == null ? "" : near + " のことですか？ ") + "使える項目: " + all,
                                (near == null ? "" : "did you mean " + near + "? ") + "allowed: " + all));
            }
        }
    }
}
