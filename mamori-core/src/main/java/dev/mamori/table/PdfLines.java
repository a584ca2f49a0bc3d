package dev.mamori.table;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of each page of a PDF in reading order (PDFBox's text stripper, sorted by position), with the lines that a
 * paragraph wraps at the right margin joined again: a PDF keeps no paragraphs, and a name, an address or an e-mail
 * address that wraps (渡辺 / 恵子) is otherwise cut in two. A line is joined to the next when it reaches the right margin
 * (the rightmost end three lines of the page share, or of the document when the page has no three), is long, ends in
 * no closing punctuation, has no wide gap inside and is not set out in fields by blanks (as a table's row or a form's
 * line is), and the next line starts where it does or further left (under its text, for a list's item) and not as a
 * new item (an indent, a list's number, a bullet, 第3条). Written here because PDFBox finds paragraphs by spacing and indentation but does not join their
 * lines. A gap of more than a line and a half between two lines becomes a blank line. Words set two characters or more apart are separated by a tab rather than a blank, so that a table's row
 * reaches the detector as a row of cells, as a table in a text file does.
 */
final class PdfLines extends PDFTextStripper {

    /** One line as drawn: its text, where it starts and ends, the widths of its characters, its widest gap. */
    private record Line(String text, float start, float end, float charWidth, float widestGap, float y) {
    }

    private final List<List<Line>> pages = new ArrayList<>();
    private List<Line> lines = new ArrayList<>();
    private StringBuilder text = new StringBuilder();
    private float start = Float.MAX_VALUE;
    private float end = -1;
    private float widths;
    private int chars;
    private float gap;
    private float lastEnd = Float.NaN;
    private boolean separator;
    private float y;

    private PdfLines() throws IOException {
        setSortByPosition(true);
    }

    /** The lines of each page, wrapped lines joined. */
    static List<List<String>> of(PDDocument pdf) throws IOException {
        PdfLines p = new PdfLines();
        for (int i = 0; i < pdf.getNumberOfPages(); i++) {
            p.pages.add(List.of()); // a page without contents is passed over by the stripper: it stays empty
        }
        p.writeText(pdf, Writer.nullWriter());
        List<Line> all = new ArrayList<>();
        p.pages.forEach(all::addAll);
        float documentMargin = margin(all, width(all));
        List<List<String>> out = new ArrayList<>();
        for (List<Line> page : p.pages) {
            out.add(joined(page, documentMargin));
        }
        return out;
    }

    @Override
    protected void writeString(String s, List<TextPosition> positions) {
        if (separator && !positions.isEmpty()) { // a gap of two characters or more between words: a table's or a form's cells
            float x = positions.get(0).getXDirAdj();
            text.append(!Float.isNaN(lastEnd) && chars > 0 && x - lastEnd >= 2 * widths / chars ? '\t' : ' ');
        } else if (separator) {
            text.append(' ');
        }
        separator = false;
        text.append(kangxi(s));
        for (TextPosition t : positions) {
            y = Math.max(y, t.getYDirAdj());
            float x = t.getXDirAdj();
            float w = t.getWidthDirAdj();
            if (!Float.isNaN(lastEnd)) {
                gap = Math.max(gap, x - lastEnd);
            }
            lastEnd = x + w;
            start = Math.min(start, x);
            end = Math.max(end, x + w);
            widths += w;
            chars++;
        }
    }

    /**
     * Kangxi radicals and CJK radical supplements as the kanji they stand for (⼭⽥ → 山田): fonts whose glyphs for 山 or
     * 田 are mapped to the radicals' code points make PDFs whose text looks right and is not (NFKC maps them).
     */
    static String kangxi(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u2E80' && c <= '\u2FDF') {
                StringBuilder b = new StringBuilder(s.length());
                s.codePoints().forEach(cp -> b.append(cp >= 0x2E80 && cp <= 0x2FDF
                        ? java.text.Normalizer.normalize(new String(Character.toChars(cp)), java.text.Normalizer.Form.NFKC)
                        : new String(Character.toChars(cp))));
                return b.toString();
            }
        }
        return s;
    }

    @Override
    protected void writeWordSeparator() {
        separator = true; // a blank or a tab, by the gap before the next word
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    @Override
    protected void writePageEnd() {
        endLine();
        pages.set(getCurrentPageNo() - 1, lines);
        lines = new ArrayList<>();
    }

    private void endLine() {
        if (text.length() > 0 || chars > 0) {
            lines.add(new Line(text.toString(), start, end, chars == 0 ? 0 : widths / chars, gap, y));
        }
        text = new StringBuilder();
        start = Float.MAX_VALUE;
        end = -1;
        widths = 0;
        chars = 0;
        gap = 0;
        lastEnd = Float.NaN;
        separator = false;
        y = 0;
    }

    /** The mean width of the lines' characters. */
    private static float width(List<Line> lines) {
        float width = 0;
        int measured = 0;
        for (Line l : lines) {
            if (l.charWidth() > 0) {
                width += l.charWidth();
                measured++;
            }
        }
        return measured == 0 ? 0 : width / measured;
    }

    /**
     * The right margin: the rightmost end that at least three lines share (within a character and a half), so that a
     * single line wider than the body (a heading, a table's row) does not set it; -1 when no three lines end together.
     */
    private static float margin(List<Line> lines, float width) {
        float[] ends = new float[lines.size()];
        int n = 0;
        for (Line l : lines) {
            if (l.charWidth() > 0) {
                ends[n++] = l.end();
            }
        }
        float[] sorted = java.util.Arrays.copyOf(ends, n);
        java.util.Arrays.sort(sorted);
        float tolerance = 1.5f * width;
        for (int i = n - 1; i >= 0; i--) {
            if (count(sorted, sorted[i] - tolerance, sorted[i] + tolerance) >= 3) {
                return sorted[i];
            }
        }
        return -1;
    }

    /** How many values of {@code sorted} lie in [lo, hi]. */
    private static int count(float[] sorted, float lo, float hi) {
        return bound(sorted, hi, true) - bound(sorted, lo, false);
    }

    /** The index of the first value above {@code x} ({@code after}) or not below it. */
    private static int bound(float[] a, float x, boolean after) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int m = (lo + hi) >>> 1;
            if (a[m] < x || after && a[m] == x) {
                lo = m + 1;
            } else {
                hi = m;
            }
        }
        return lo;
    }

    /**
     * A page's lines, joined where they wrap. The margin is the page's own (three lines end there) or, on a page with
     * fewer (a form's page with one long line), the document's.
     */
    private static List<String> joined(List<Line> lines, float documentMargin) {
        float width = width(lines);
        float pageMargin = margin(lines, width);
        float right = pageMargin > 0 ? pageMargin : documentMargin;
        float spacing = lineSpacing(lines);
        List<String> out = new ArrayList<>();
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            Line l = lines.get(i);
            paragraph.append(l.text());
            Line next = i + 1 < lines.size() ? lines.get(i + 1) : null;
            boolean item = NEW_ITEM.matcher(l.text()).lookingAt(); // its wrapped lines may hang under its text, not its number
            boolean wraps = next != null && (spacing == 0 || next.y() - l.y() <= 1.6f * spacing) && right > 0 && width > 0
                    && Math.abs(l.end() - right) <= 1.5f * width // at the margin; a line past it (a URL) overflows, it does not wrap
                    && l.end() - l.start() >= 15 * width && l.widestGap() < 2 * width && !formLike(l.text())
                    && next.charWidth() > 0 && next.start() <= l.start() + (item ? 4 : 0.5f) * width && !l.text().isBlank()
                    && !next.text().isBlank() && CLOSING.indexOf(l.text().strip().charAt(l.text().strip().length() - 1)) < 0
                    && (!NEW_ITEM.matcher(next.text()).lookingAt() || digitWrap(l.text(), next.text()));
            if (wraps) {
                char a = paragraph.charAt(paragraph.length() - 1);
                char b = next.text().charAt(0);
                if (word(a) && word(b) && !(Character.isDigit(a) && Character.isDigit(b))) {
                    paragraph.append(' '); // English wraps between words; a number wraps inside itself
                }
            } else {
                out.add(paragraph.toString());
                paragraph.setLength(0);
                if (next != null && spacing > 0 && next.y() - l.y() > 1.6f * spacing) {
                    out.add(""); // a blank line's height between them: a paragraph, a table or a form's section ends
                }
            }
        }
        return out;
    }

    /** The usual distance from one line to the next on a page (the median), or 0 when it has fewer than three lines. */
    private static float lineSpacing(List<Line> lines) {
        List<Float> steps = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            float d = lines.get(i).y() - lines.get(i - 1).y();
            if (d > 0) {
                steps.add(d);
            }
        }
        if (steps.size() < 2) {
            return 0;
        }
        steps.sort(null);
        return steps.get(steps.size() / 2);
    }

    /**
     * The start of a line that is no paragraph's continuation: an indent (字下げ, a new paragraph), a number or letter of
     * a list (１．, (2), ③, ア), a bullet or a check box, a note (※), a heading (第3条).
     */
    private static final Pattern NEW_ITEM = Pattern.compile("[\u3000 ]|[0-9０-９]{1,3}[.．)）、]|[（(][0-9０-９a-zA-Zア-ン一-十]{1,3}[)）]"
            + "|[\u2460-\u24FF\u2776-\u2793]|[・□■☐☑●○◆◇▪▫\\-－※*＊]|第[0-9０-９一二三四五六七八九十百]+[条章節項号回]");

    /** A number cut by the margin (…（0268-22-431 / 9）へ): digits on both sides, not a list's number after a sentence. */
    private static boolean digitWrap(String line, String next) {
        return Character.isDigit(line.charAt(line.length() - 1)) && Character.isDigit(next.charAt(0));
    }

    /**
     * A form's line, its fields set apart by blanks (新住所　札幌市…, 住民票コード 7045…　個人番号 …), and not prose: an
     * ideographic space inside it, two blanks or a tab. Prose that writes a name with an ideographic space (山田　太郎) is
     * then not joined either: a name cut by the margin there is the cost of never joining a form's line to the next.
     */
    private static boolean formLike(String text) {
        String t = text.strip();
        return t.indexOf('\u3000') >= 0 || t.contains("  ") || t.indexOf('\t') >= 0;
    }

    /** What ends a sentence, a clause or a form's label: the line ends there, it did not wrap. */
    private static final String CLOSING = "。．.！!？?」』）)】〕：:";

    private static boolean word(char c) {
        return c < 0x80 && Character.isLetterOrDigit(c);
    }
}
