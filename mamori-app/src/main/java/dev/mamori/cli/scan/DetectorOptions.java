package dev.mamori.cli.scan;

import dev.mamori.cli.Main;

import dev.mamori.detect.Detector;
import dev.mamori.detect.PiiType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The options that choose what to detect, shared by the commands that detect. */
final class DetectorOptions {

    @Option(names = "--types", split = ",", paramLabel = "TYPE", description = "Only these types (comma-separated). Names and addresses need morphological analysis; leaving them out is much faster. Types: ${COMPLETION-CANDIDATES}")
    List<PiiType> types;

    @Option(names = "--min-confidence", paramLabel = "P", description = "Drop findings below this confidence, 0..1 (default ${DEFAULT-VALUE}).")
    double minConfidence = Detector.DEFAULT_MIN_CONFIDENCE;

    /** The types asked for: all when none were named. */
    Set<PiiType> types() {
        return types == null || types.isEmpty() ? EnumSet.allOf(PiiType.class) : EnumSet.copyOf(types);
    }

    double minConfidence() {
        if (!(minConfidence >= 0 && minConfidence <= 1)) { // NaN fails both comparisons
            throw new Main.UsageProblem("--min-confidence は 0 から 1 の数にしてください（指定は " + minConfidence + "）",
                    "--min-confidence must be a number from 0 to 1, not " + minConfidence);
        }
        return minConfidence;
    }

    /** The encoding named by {@code --encoding}, or null when none was given. */
    static java.nio.charset.Charset charset(String encoding) {
        if (encoding == null) {
            return null;
        }
        try {
            return java.nio.charset.Charset.forName(encoding);
        } catch (RuntimeException e) {
            throw new Main.UsageProblem("文字コード '" + encoding + "' を知りません（UTF-8、windows-31j、EUC-JP などを指定してください）",
                    "unknown encoding '" + encoding + "' (try UTF-8, windows-31j, EUC-JP)");
        }
    }

    /** The masking scope named by {@code option} (span, clause or sentence). */
    static dev.mamori.detect.MaskScope scope(String option, String value) {
        try {
            return dev.mamori.detect.MaskScope.parse(value);
        } catch (IllegalArgumentException e) {
            throw new Main.UsageProblem(option + " は span、clause、sentence のどれかです（指定は " + value + "）",
                    option + " is span, clause or sentence, not " + value);
        }
    }
}
