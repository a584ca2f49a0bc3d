import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the detector on a file of eval/made-up/ (docs/detection-eval.md, session 28): each line is a text, a tab and the
 * expected values, joined by | (names) or ; (TYPE:phrase for 要配慮), with \n for a line break inside the text. Counts
 * exact matches of whole values, not the overlap matching of eval-detect, and prints each case it does not get exactly.
 *
 *   java -cp mamori-app/target/mamori.jar tools/ScoreStrings.java eval/made-up/names.tsv PERSON
 *   java -cp mamori-app/target/mamori.jar tools/ScoreStrings.java eval/made-up/sensitive.tsv SENSITIVE
 */
public class ScoreStrings {
    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: ScoreStrings FILE PERSON|SENSITIVE");
            System.exit(2);
        }
        Detector d = Detector.all();
        boolean sensitive = args[1].startsWith("SENSITIVE");
        int cases = 0;
        int expected = 0;
        int exact = 0;
        int extra = 0;
        for (String line : Files.readAllLines(Path.of(args[0]))) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] p = line.split("\t", -1);
            String text = p[0].replace("\\n", "\n").replace("\\t", "\t");
            List<String> want = new ArrayList<>();
            if (p.length > 1 && !p[1].isBlank()) {
                for (String x : p[1].split(sensitive ? ";" : "\\|")) {
                    want.add(x.trim());
                }
            }
            List<String> left = new ArrayList<>();
            for (Finding f : d.detect(text, d.freeText())) {
                if (f.type().name().startsWith(args[1])) {
                    left.add(sensitive ? f.type() + ":" + f.value() : f.value());
                }
            }
            List<String> missed = new ArrayList<>();
            for (String x : want) {
                if (left.remove(x)) {
                    exact++;
                } else {
                    missed.add(x);
                }
            }
            cases++;
            expected += want.size();
            extra += left.size();
            if (!missed.isEmpty() || !left.isEmpty()) {
                System.out.println("MISS " + missed + " EXTRA " + left + "  <= " + p[0]);
            }
        }
        System.out.printf("cases %d expected %d exact %d extra %d%n", cases, expected, exact, extra);
    }
}
