package dev.mamori.cli.assess;

import dev.mamori.assess.Numbers;
import dev.mamori.cli.Lang;
import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The options the assess commands share, as picocli mixins: each command takes the outputs it writes. Their
 * descriptions are per command in the package's Help bundle ({@code mamori.assess.score.html}, …).
 */
final class AssessOptions {

    private AssessOptions() {
    }

    /** {@code --html FILE}. */
    static final class Html {
        @Option(names = "--html", paramLabel = "FILE", description = "Write an HTML report.")
        Path html;
    }

    /** {@code --pdf FILE} and {@code --font FILE}: the HTML report as an A4 PDF with a Japanese font embedded. */
    static final class Pdf {
        @Option(names = "--pdf", paramLabel = "FILE", description = "Write the report as a PDF for A4 (Japanese font embedded).")
        Path pdf;

        @Option(names = "--font", paramLabel = "FILE.ttf", description = "The TrueType font to embed in the PDF (default: $MAMORI_PDF_FONT, else IPA Gothic or another Japanese .ttf found on the system).")
        Path font;

        /** Writes {@code html} as a PDF to --pdf, atomically; nothing without --pdf. */
        void write(String html) throws java.io.IOException {
            if (pdf != null) {
                Path f = dev.mamori.report.Pdf.font(font);
                dev.mamori.report.AtomicFiles.write(pdf, o -> dev.mamori.report.Pdf.write(html, f, o));
            }
        }
    }

    /** {@code --xlsx FILE}. */
    static final class Xlsx {
        @Option(names = "--xlsx", paramLabel = "FILE", description = "Write an XLSX workbook.")
        Path xlsx;
    }

    /** {@code --json}: JSON on standard output instead of the table. */
    static final class JsonOutput {
        @Option(names = "--json", description = "Print JSON instead of the table.")
        boolean json;
    }

    /** {@code --allow-missing}: unanswered required questions scored as unanswered instead of refusing the file. */
    static final class AllowMissing {
        @Option(names = "--allow-missing", description = "Score unanswered required questions as unanswered (0 points) instead of refusing the file.")
        boolean allowMissing;
    }

    /**
     * A count as people write it: {@code 350000}, {@code 350,000}, {@code ３５０，０００}, {@code 35万}. Anything else
     * (or a negative number) is refused in the run's language; picocli names the option.
     */
    static final class Count implements CommandLine.ITypeConverter<Long> {
        @Override
        public Long convert(String value) {
            Long n = Numbers.count(value);
            if (n == null) {
                throw new CommandLine.TypeConversionException(Lang.tr(
                        "「" + value + "」は人数として読めません。350000、350,000、35万 のように 0 以上の整数で書きます",
                        "'" + value + "' is not a count; write a whole number of 0 or more such as 350000, 350,000 or 35万"));
            }
            return n;
        }
    }
}
