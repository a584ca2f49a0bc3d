import dev.mamori.detect.Evaluation;
import dev.mamori.detect.LabelledSet;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the labelled sets' writers treat a shape: counts the matches of a regular expression in the development documents
 * of the given sets (split=dev; every document of a set with no split), split by whether a label of the given type (or of
 * any type, with ANY) covers any of the match's characters. The counts behind "the sets disagree" in docs/detection-eval.md.
 *
 * <pre>java -cp mamori-app/target/mamori.jar tools/CountInLabels.java REGEX TYPE|ANY SET...</pre>
 */
public class CountInLabels {
    public static void main(String[] a) throws Exception {
        Pattern p = Pattern.compile(a[0]);
        String type = a[1];
        int in = 0;
        int out = 0;
        for (int k = 2; k < a.length; k++) {
            for (LabelledSet.Doc d : LabelledSet.read(Path.of(a[k]))) {
                if ("test".equals(d.split())) {
                    continue;
                }
                Matcher m = p.matcher(d.text());
                while (m.find()) {
                    boolean covered = false;
                    for (Evaluation.Label l : d.labels()) {
                        covered |= (type.equals("ANY") || l.type().name().equals(type)) && l.start() < m.end() && m.start() < l.end();
                    }
                    if (covered) {
                        in++;
                    } else {
                        out++;
                    }
                }
            }
        }
        System.out.println("inside a label: " + in + ", outside: " + out);
    }
}
