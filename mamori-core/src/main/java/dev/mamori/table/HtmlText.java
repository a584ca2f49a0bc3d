package dev.mamori.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeVisitor;

/** The text of an HTML page for {@link DocumentText}, in lines as a browser lays it out (jsoup gives an element's text on one line). */
final class HtmlText {

    private HtmlText() {
    }

    /**
     * HTML's text: a line for each block and line break (no blank lines between blocks), a row's cells separated by tabs;
     * then what the page holds and does not show: its comments and the data of its JSON scripts (a page's embedded
     * records). Not scripts' code, nor styles.
     */
    static void read(String html, DocumentText.Lines lines) {
        StringBuilder out = new StringBuilder(html.length() / 2);
        List<String> unseen = new ArrayList<>();
        Element root = Jsoup.parse(html);
        root.traverse(new NodeVisitor() {
            private int pre;
            private int hidden; // inside a script, a style, a template or ruby's reading

            @Override
            public void head(Node node, int depth) {
                if (node instanceof org.jsoup.nodes.Comment c) {
                    unseen.add(c.getData());
                } else if (node instanceof org.jsoup.nodes.DataNode d && d.parent() != null && d.parent().normalName().equals("script")
                        && d.parent().attr("type").toLowerCase(Locale.ROOT).contains("json")) {
                    unseen.add(d.getWholeData());
                } else if (node instanceof TextNode t) {
                    if (hidden > 0) {
                        return;
                    }
                    if (pre > 0) {
                        out.append(t.getWholeText());
                        return;
                    }
                    String text = t.text(); // blanks collapsed, as a browser shows them
                    Element p = t.parent();
                    if (blank(text) && p != null && p.normalName().equals("p") && blank(p.text())) {
                        return; // an empty paragraph's &nbsp;: the blank line it makes is added at its end
                    }
                    out.append(atLineStart(out) ? text.replaceFirst("^[ \t\n\r\f]+", "") : text); // the source's breaks between blocks are no text (an indent of 　 is)
                } else if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("pre") || tag.equals("textarea")) {
                        pre++;
                    }
                    if (HIDDEN.contains(tag)) {
                        hidden++;
                    }
                    if (tag.equals("br")) {
                        endLine(out);
                    } else if (BLOCKS.contains(tag)) {
                        newLine(out);
                    } else if ((tag.equals("td") || tag.equals("th")) && e.elementSiblingIndex() > 0) {
                        out.append('\t');
                    } else if (tag.equals("img") && !e.attr("alt").isBlank()) {
                        out.append(' ').append(e.attr("alt")).append(' ');
                    } else if (tag.equals("input") && !e.attr("value").isBlank()
                            && !NO_TEXT_INPUTS.contains(e.attr("type").toLowerCase(Locale.ROOT))) {
                        out.append(atLineStart(out) ? "" : " ").append(e.attr("value")).append(' '); // a form saved as filled in
                    }
                    String href = tag.equals("a") ? e.attr("href").strip() : "";
                    if (href.regionMatches(true, 0, "mailto:", 0, 7) || href.regionMatches(true, 0, "tel:", 0, 4)) {
                        unseen.add(target(href)); // the address a link's words (メールはこちら) hide
                    }
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String tag = e.normalName();
                    if (tag.equals("pre") || tag.equals("textarea")) {
                        pre--;
                    }
                    if (HIDDEN.contains(tag)) {
                        hidden--;
                    }
                    if (BLOCKS.contains(tag)) {
                        newLine(out);
                    }
                    if (tag.equals("p") && blank(e.text())) {
                        out.append('\n'); // an empty paragraph (<p></p>, Word's <p>&nbsp;</p>) is a blank line
                    }
                }
            }
        });
        lines.add(out.toString());
        unseen.stream().filter(u -> !u.isBlank()).forEach(lines::add);
    }

    /** A mailto: or tel: link's address, without its query (?subject=…), percent-decoded when that works. */
    private static String target(String href) {
        String t = href.substring(href.indexOf(':') + 1);
        int q = t.indexOf('?');
        t = q < 0 ? t : t.substring(0, q);
        try {
            return java.net.URLDecoder.decode(t.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return t;
        }
    }

    /** A block starts or ends a line, once: <p>a</p><div>b</div> are two lines, not two lines and a blank one. */
    private static void newLine(StringBuilder out) {
        if (!atLineStart(out)) {
            endLine(out);
        }
    }

    /** Ends the line, without the blank the source's layout left at its end. */
    private static void endLine(StringBuilder out) {
        int n = out.length();
        while (n > 0 && out.charAt(n - 1) == ' ') {
            n--;
        }
        out.setLength(n);
        out.append('\n');
    }

    /** Blank as a browser shows it: no characters but blanks and no-break spaces. */
    private static boolean blank(String text) {
        return text.replace('\u00A0', ' ').isBlank();
    }

    private static boolean atLineStart(StringBuilder out) {
        return out.length() == 0 || out.charAt(out.length() - 1) == '\n';
    }

    /** Not shown as text: scripts, styles, templates, and ruby's readings (rt, rp), which a name's kanji carry. */
    private static final Set<String> HIDDEN = Set.of("script", "style", "noscript", "template", "rt", "rp");
    /** Inputs whose value is no text a person typed (a button's label, a check box's code) or a secret. */
    private static final Set<String> NO_TEXT_INPUTS = Set.of("submit", "button", "reset", "image", "checkbox", "radio", "file",
            "password", "color", "range");
    private static final Set<String> BLOCKS = Set.of("p", "div", "li", "ul", "ol", "dl", "dt", "dd", "tr", "table", "h1", "h2", "h3",
            "h4", "h5", "h6", "title", "section", "article", "header", "footer", "nav", "aside", "main", "blockquote", "pre",
            "address", "figure", "figcaption", "form", "fieldset", "legend", "caption", "hr", "option", "summary", "details");
}
