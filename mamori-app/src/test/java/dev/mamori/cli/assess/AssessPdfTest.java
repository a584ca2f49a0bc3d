package dev.mamori.cli.assess;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mamori.cli.CliTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mamori assess score|compare|changes --pdf}: A4 PDFs with the Japanese text in their text layer. Needs a Japanese
 * TrueType font; required where MAMORI_REQUIRE_FONT is set (.ci/run installs fonts-ipafont-gothic).
 */
class AssessPdfTest {

    @TempDir
    Path dir;

    @BeforeEach
    void font() {
        try {
            dev.mamori.report.Pdf.font(null);
        } catch (dev.mamori.report.Message.Problem e) {
            if (System.getenv("MAMORI_REQUIRE_FONT") != null) {
                throw e;
            }
            Assumptions.abort(e.getMessage());
        }
    }

    private static String text(Path pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf.toFile())) {
            assertThat(d.getPage(0).getMediaBox().getWidth()).isBetween(594f, 597f); // A4
            return new PDFTextStripper().getText(d);
        }
    }

    @Test
    void theThreeReportsComeOutAsPdfBesideTheirHtml() throws IOException {
        Path ex = AssessCommandTest.EXAMPLES;
        Path score = dir.resolve("score.pdf");
        Path html = dir.resolve("score.html");
        CliTest.Run r = CliTest.run("assess", "score", ex.resolve("ics-model-system.yaml").toString(), "--pdf", score.toString(),
                "--html", html.toString(), "--lang", "ja");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).doesNotContain("openhtmltopdf");
        assertThat(text(score)).contains("制御システムセキュリティ自己評価").contains("改善計画").contains("例示計測制御工業会");
        assertThat(html).exists();

        Path compare = dir.resolve("compare.pdf");
        assertThat(CliTest.run("assess", "compare", ex.resolve("ics-model-system.yaml").toString(),
                ex.resolve("ics-model-system-after.yaml").toString(), "--pdf", compare.toString(), "--lang", "ja").code()).isZero();
        assertThat(text(compare)).contains("比較");

        Path changes = dir.resolve("changes.pdf");
        assertThat(CliTest.run("assess", "changes", ex.resolve("pia-aomori-2021.yaml").toString(),
                ex.resolve("pia-aomori-2023.yaml").toString(), "--pdf", changes.toString(), "--lang", "ja").code()).isZero();
        assertThat(text(changes)).contains("しきい値判断項目").contains("事後");
    }

    @Test
    void aMissingFontIsNamedAndNothingIsWritten() {
        Path pdf = dir.resolve("x.pdf");
        CliTest.Run r = CliTest.run("assess", "score", AssessCommandTest.EXAMPLES.resolve("ics-model-system.yaml").toString(),
                "--pdf", pdf.toString(), "--font", dir.resolve("none.ttf").toString(), "--lang", "ja");
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).contains("none.ttf").contains("フォントファイルがありません");
        assertThat(Files.exists(pdf)).isFalse();
    }
}
