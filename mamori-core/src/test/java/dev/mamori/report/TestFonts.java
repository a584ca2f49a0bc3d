package dev.mamori.report;

import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;

/**
 * The Japanese TrueType font tests draw PDFs with. .ci/run installs fonts-ipafont-gothic and sets MAMORI_REQUIRE_FONT,
 * which makes a missing font fail a test instead of skipping it.
 */
public final class TestFonts {

    private TestFonts() {
    }

    public static Path japanese() {
        try {
            return Pdf.font(null);
        } catch (Message.Problem e) {
            if (System.getenv("MAMORI_REQUIRE_FONT") != null) {
                throw e;
            }
            Assumptions.abort("no Japanese TrueType font here: " + e.getMessage());
            return null;
        }
    }
}
