package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mamori.assess.Assessment;
import dev.mamori.assess.ReportHtml;
import dev.mamori.assess.ScoreSheet;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reports as PDF: Japanese text in the text layer with the font embedded, A4 pages with headers and numbers, a page
 * that renders. Needs a Japanese TrueType font (.ci/run installs fonts-ipafont-gothic and sets MAMORI_REQUIRE_FONT,
 * which makes a missing font fail the test instead of skipping it).
 */
class PdfTest {

    @TempDir
    Path dir;

    private static Path font() {
        return TestFonts.japanese();
    }

    private static byte[] icsScorePdf(String lang) throws IOException {
        ScoreSheet s = Assessment.score(Assessment.open(Path.of("..", "examples", "assess", "ics-model-system.yaml"), null, false));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Pdf.write(ReportHtml.score(s, lang), font(), out);
        return out.toByteArray();
    }

    @Test
    void theIcsScoreReportPrintsOnFewA4PagesWithJapaneseTextAndItsFontEmbedded() throws IOException {
        byte[] pdf = icsScorePdf("ja");
        try (PDDocument d = Loader.loadPDF(pdf)) {
            assertThat(d.getNumberOfPages()).isBetween(2, 8);
            var box = d.getPage(0).getMediaBox();
            assertThat(box.getWidth()).isCloseTo(595.3f, org.assertj.core.data.Offset.offset(1f)); // A4 portrait, in points
            assertThat(box.getHeight()).isCloseTo(841.9f, org.assertj.core.data.Offset.offset(1f));
            String text = new PDFTextStripper().getText(d);
            assertThat(text).contains("制御システム").contains("改善計画").contains("1 / " + d.getNumberOfPages());
            boolean embedded = false;
            for (var name : d.getPage(0).getResources().getFontNames()) {
                PDFont f = d.getPage(0).getResources().getFont(name);
                embedded |= f.isEmbedded() && f.getName().toLowerCase().contains("ipa");
            }
            assertThat(embedded).as("the Japanese font is embedded").isTrue();
            BufferedImage page = new PDFRenderer(d).renderImage(0, 0.5f);
            long ink = 0;
            for (int y = 0; y < page.getHeight(); y++) {
                for (int x = 0; x < page.getWidth(); x++) {
                    if ((page.getRGB(x, y) & 0xff) < 128) {
                        ink++;
                    }
                }
            }
            assertThat(ink).as("dark pixels on the first page").isGreaterThan(2_000);
        }
    }

    @Test
    void aFontThatCannotBeEmbeddedIsRefusedByName() throws IOException {
        Path ttc = Files.writeString(dir.resolve("x.ttc"), "not a font");
        assertThatThrownBy(() -> Pdf.font(ttc)).isInstanceOf(Message.Problem.class).hasMessageContaining("x.ttc").hasMessageContaining(".ttf");
        assertThatThrownBy(() -> Pdf.font(dir.resolve("none.ttf"))).isInstanceOf(Message.Problem.class).hasMessageContaining("no such font file");
    }
}
