package dev.mamori.deid;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * The publication notice (公表事項) the law asks for once processed information is made, as Markdown
 * or plain text, in Japanese (the text the law asks for) or English (a courtesy translation).
 * <ul>
 *   <li>匿名加工情報: the items of information relating to individuals it contains (個人情報保護法43条3項,
 *       施行規則36条: published without delay after creation, on the internet or by another fitting
 *       way); for a provision to third parties, the items provided and the method of provision,
 *       before providing (法44条, 施行規則37条), with the statement to the recipient that it is
 *       匿名加工情報.</li>
 *   <li>仮名加工情報: the purpose of use (法41条4項, reading 法21条's "通知し、又は公表し" as "公表し"), and
 *       that it is not provided to third parties except as the law allows (法41条6項).</li>
 * </ul>
 * The wording lives in {@code notice-ja.properties} and {@code notice-en.properties} beside this
 * class, each with a version ({@link #wordingVersion(Language)}) and the articles it comes from.
 */
public final class PublicationNotice {

    /** The language of a notice. */
    public enum Language {
        JA, EN;

        Locale locale() {
            return this == JA ? Locale.JAPANESE : Locale.ENGLISH;
        }
    }

    private static final Map<Language, Properties> WORDING = new EnumMap<>(Language.class);

    private PublicationNotice() {
    }

    /** The notice as Markdown: a level-1 title, level-2 headings, bulleted lists. */
    public static String markdown(NoticeInput input, Language language) {
        return render(blocks(input, language), language, true);
    }

    /** The notice as plain text, for a web form or a letter. */
    public static String plainText(NoticeInput input, Language language) {
        return render(blocks(input, language), language, false);
    }

    /** The version of the wording used, e.g. {@code ja-2026.1}, for the processing record. */
    public static String wordingVersion(Language language) {
        return wording(language).getProperty("version");
    }

    private sealed interface Block permits Title, Heading, Para, Bullets, Field {
    }

    private record Title(String text) implements Block {
    }

    private record Heading(String text) implements Block {
    }

    private record Para(String text) implements Block {
    }

    private record Bullets(List<String> items) implements Block {
    }

    private record Field(String label, String value) implements Block {
    }

    private static List<Block> blocks(NoticeInput in, Language language) {
        Properties w = wording(language);
        String created = DateTimeFormatter.ofPattern(w.getProperty("date.pattern"), language.locale()).format(in.created());
        Map<String, String> vars = Map.of("operator", in.operator(), "created", created);
        List<Block> out = new ArrayList<>();
        String p = in.mode() == Mode.ANONYMOUS ? "anonymous." : "pseudonymous.";
        out.add(new Title(text(w, p + "title", vars)));
        out.add(new Para(text(w, p + "intro", vars)));
        if (in.mode() == Mode.ANONYMOUS) {
            out.add(new Heading(text(w, "anonymous.items.heading", vars)));
            out.add(new Bullets(in.items()));
            ThirdPartyProvision tp = in.provision();
            if (tp != null) {
                out.add(new Heading(text(w, "anonymous.provision.heading", vars)));
                out.add(new Para(text(w, "anonymous.provision.intro", vars)));
                out.add(new Field(text(w, "anonymous.provision.items", vars),
                        String.join(w.getProperty("list.separator"), tp.items())));
                out.add(new Field(text(w, "anonymous.provision.method", vars), tp.method()));
                if (tp.recipients() != null) {
                    out.add(new Field(text(w, "anonymous.provision.recipients", vars), tp.recipients()));
                }
                out.add(new Para(text(w, "anonymous.provision.disclosure", vars)));
            }
        } else {
            out.add(new Heading(text(w, "pseudonymous.purpose.heading", vars)));
            out.add(new Para(in.purpose()));
            if (!in.items().isEmpty()) {
                out.add(new Heading(text(w, "pseudonymous.items.heading", vars)));
                out.add(new Bullets(in.items()));
            }
            out.add(new Heading(text(w, "pseudonymous.provision.heading", vars)));
            out.add(new Para(text(w, "pseudonymous.provision.text", vars)));
        }
        out.add(new Field(text(w, "footer.operator", vars), in.operator()));
        out.add(new Field(text(w, "footer.created", vars), created));
        return out;
    }

    private static String render(List<Block> blocks, Language language, boolean markdown) {
        Properties w = wording(language);
        StringBuilder out = new StringBuilder();
        Block previous = null;
        for (Block b : blocks) {
            if (previous != null && !(previous instanceof Field && b instanceof Field)) {
                out.append('\n');
            }
            if (b instanceof Title t) {
                out.append(markdown ? "# " + md(t.text()) : t.text()).append('\n');
            } else if (b instanceof Heading h) {
                out.append(markdown ? "## " + md(h.text()) : w.getProperty("plain.heading").replace("{text}", h.text()))
                        .append('\n');
            } else if (b instanceof Para p) {
                out.append(markdown ? md(p.text()) : p.text()).append('\n');
            } else if (b instanceof Bullets l) {
                l.items().forEach(i -> out.append(markdown ? "- " + md(i) : w.getProperty("plain.bullet") + i).append('\n'));
            } else if (b instanceof Field f) {
                out.append(markdown ? "- **" + md(f.label()) + "**: " + md(f.value())
                        : w.getProperty("plain.field").replace("{label}", f.label()).replace("{value}", f.value()))
                        .append('\n');
            }
            previous = b;
        }
        return out.toString();
    }

    /** Escapes the characters that would make a caller's text Markdown syntax. */
    static String md(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ("\\`*_[]<>#|".indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return out.toString();
    }

    private static String text(Properties w, String key, Map<String, String> vars) {
        String t = w.getProperty(key);
        if (t == null) {
            throw new IllegalStateException("notice wording has no '" + key + "'");
        }
        for (Map.Entry<String, String> v : vars.entrySet()) {
            t = t.replace("{" + v.getKey() + "}", v.getValue());
        }
        return t;
    }

    private static synchronized Properties wording(Language language) {
        return WORDING.computeIfAbsent(language, l -> {
            String name = "notice-" + l.name().toLowerCase(Locale.ROOT) + ".properties";
            try (InputStream in = PublicationNotice.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource dev/mamori/deid/" + name);
                }
                Properties p = new Properties();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return p;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read dev/mamori/deid/" + name, e);
            }
        });
    }
}
