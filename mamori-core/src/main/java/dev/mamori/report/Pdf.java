package dev.mamori.report;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A report page ({@link Html#page}) as a PDF for A4, with the Japanese font embedded (subset), page headers and numbers
 * from the page's print style, and the charts (SVG) drawn as vectors. The layout is openhtmltopdf's (CSS 2.1 and paged
 * media on PDFBox); the HTML is parsed by jsoup, so the page need not be XHTML.
 *
 * <p>Why a font file: a PDF that prints the same everywhere carries its glyphs, and PDFBox embeds TrueType outlines.
 * The font is the one named, else {@code MAMORI_PDF_FONT}, else the first Japanese TrueType font found among the usual
 * places (Debian's fonts-ipafont-gothic and fonts-ipaexfont-gothic, fonts-takao-gothic).
 */
public final class Pdf {

    /** Where Japanese TrueType fonts are usually found, in order of preference. */
    static final List<Path> KNOWN_FONTS = List.of(
            Path.of("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
            Path.of("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),
            Path.of("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
            Path.of("/usr/share/fonts/truetype/takao-gothic/TakaoGothic.ttf"),
            Path.of("/usr/share/fonts/truetype/ipafont/ipag.ttf"),
            Path.of("/Library/Fonts/ipag.ttf"),
            Path.of("C:\\Windows\\Fonts\\ipag.ttf"));

    /** The embedded font's family in the PDF's style (also named first in {@link Html}'s page header and number). */
    static final String FAMILY = "mamori-pdf";

    static {
        // openhtmltopdf reports every CSS property it does not know (print-color-adjust, …) on standard error
        com.openhtmltopdf.util.XRLog.setLoggingEnabled(false);
    }

    private Pdf() {
    }

    /**
     * The font to embed: {@code given}, else $MAMORI_PDF_FONT, else the first of {@link #KNOWN_FONTS} that exists.
     *
     * @throws Message.Problem when there is none, saying what to install or name
     */
    public static Path font(Path given) {
        List<Path> tried = new ArrayList<>();
        if (given != null) {
            return checked(given);
        }
        String env = System.getenv("MAMORI_PDF_FONT");
        if (env != null && !env.isBlank()) {
            return checked(Path.of(env));
        }
        for (Path p : KNOWN_FONTS) {
            tried.add(p);
            if (Files.isRegularFile(p)) {
                return p;
            }
        }
        throw new Message.Problem("PDF に埋め込む日本語の TrueType フォントが見つかりません。fonts-ipafont-gothic を入れるか"
                + "（Debian/Ubuntu: apt install fonts-ipafont-gothic）、--font FILE か環境変数 MAMORI_PDF_FONT で .ttf を指定してください",
                "no Japanese TrueType font to embed in the PDF; install fonts-ipafont-gothic (Debian/Ubuntu: apt install"
                        + " fonts-ipafont-gothic) or name a .ttf with --font FILE or MAMORI_PDF_FONT (looked in " + tried + ")");
    }

    private static Path checked(Path p) {
        if (!Files.isRegularFile(p)) {
            throw new Message.Problem(p + ": フォントファイルがありません", p + ": no such font file");
        }
        String n = p.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!n.endsWith(".ttf")) {
            throw new Message.Problem(p + ": TrueType フォント（.ttf）を指定してください（.ttc や .otf は埋め込めません）",
                    p + ": give a TrueType font (.ttf); collections (.ttc) and CFF OpenType (.otf) cannot be embedded");
        }
        return p;
    }

    /** Writes {@code html} as a PDF to {@code out}, with {@code font} (a .ttf, see {@link #font}) embedded. */
    public static void write(String html, Path font, OutputStream out) throws IOException {
        String awtFamily = registerWithAwt(font);
        Document doc = Jsoup.parse(html);
        // every text in the font embedded (the page names fonts a reader's system may have; a PDF must carry its own)
        // (the page header and number name this family first in the page's own style: a second @page rule would replace them)
        doc.head().appendElement("style").text("body,table,th,td,h1,h2,h3{font-family:'" + FAMILY + "'}");
        for (Element svg : doc.select("svg")) { // charts: drawn by Batik, through Java's fonts
            svg.attr("font-family", awtFamily);
        }
        PdfRendererBuilder b = new PdfRendererBuilder();
        b.useFastMode();
        b.useFont(font.toFile(), FAMILY);
        b.useSVGDrawer(new BatikSVGDrawer());
        b.withW3cDocument(new W3CDom().fromJsoup(doc), null);
        b.toStream(out);
        b.run();
    }

    /** Makes the font known to Java's graphics by its family name, for the charts; returns that name. */
    private static synchronized String registerWithAwt(Path font) throws IOException {
        try {
            Font f = Font.createFont(Font.TRUETYPE_FONT, font.toFile());
            GraphicsEnvironment.getLocalGraphicsEnvironment().registerFont(f);
            return f.getFamily(java.util.Locale.ROOT);
        } catch (FontFormatException e) {
            throw new Message.Problem(font + ": TrueType フォントとして読めません", font + ": not a TrueType font Java can read");
        }
    }
}
