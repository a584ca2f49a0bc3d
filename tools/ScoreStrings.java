import dev.mamori.detect.Detector;
import dev.mamori.detect.Finding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores the detector on a file of eval/made-up/ (docs/detection-eval.md, session 28): each line is a text, a tab and the
 * expected values, joined by | (names) or ; (TYPE:phrase for 要配慮), with \n for a line break inside the text. Counts
 * exact matches of whole values, not the overlap matching of eval-detect, and prints each case it does not get exactly;
 * then the masking coverage (the share of the expected values' characters that findings of any type cover) and the
 * characters that findings of the scored type cover outside the expected values.
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
        long labelled = 0;
        long covered = 0;
        long over = 0;
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
            List<Finding> found = d.detect(text, d.freeText());
            boolean[] hidden = new boolean[text.length()]; // what a masked copy hides: findings of every type
            boolean[] mine = new boolean[text.length()]; // findings of the scored type
            for (Finding f : found) {
                java.util.Arrays.fill(hidden, f.start(), f.end(), true);
                if (f.type().name().startsWith(args[1])) {
                    left.add(sensitive ? f.type() + ":" + f.value() : f.value());
                    java.util.Arrays.fill(mine, f.start(), f.end(), true);
                }
            }
            boolean[] wanted = new boolean[text.length()];
            int from = 0;
            for (String x : want) {
                String v = sensitive ? x.substring(x.indexOf(':') + 1) : x;
                int at = text.indexOf(v, from);
                if (at < 0) {
                    at = text.indexOf(v);
                }
                if (at < 0) {
                    throw new IllegalArgumentException(args[0] + ": '" + v + "' is not in its text: " + p[0]);
                }
                from = at + v.length();
                java.util.Arrays.fill(wanted, at, at + v.length(), true);
            }
            for (int i = 0; i < text.length(); i++) {
                labelled += wanted[i] ? 1 : 0;
                covered += wanted[i] && hidden[i] ? 1 : 0;
                over += mine[i] && !wanted[i] ? 1 : 0;
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
        System.out.printf("cases %d expected %d exact %d extra %d; coverage %.3f of %d labelled characters, %d characters of"
                + " findings outside the labels%n", cases, expected, exact, extra, labelled == 0 ? 1.0 : (double) covered / labelled,
                labelled, over);
    }
}
