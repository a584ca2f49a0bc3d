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
}
