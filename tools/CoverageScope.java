import dev.mamori.detect.Detector;
import dev.mamori.detect.Evaluation;
import dev.mamori.detect.Finding;
import dev.mamori.detect.LabelledSet;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A what-if for docs/detection-eval.md ("Session 35"): the masking coverage of labelled sets if each 要配慮 finding hid
 * its span (as now), its clause (to 、，。！？ or a line's end) or its sentence (to 。！？ or a line's end), and how much
 * of the text no label covers would be hidden with it. Not a mode of the tool: a measurement of what a wider mask would buy.
 *
 *   java -cp mamori-app/target/mamori.jar tools/CoverageScope.java eval/genres eval/genres5 ...
 *
 * For eval/genres only the dev split is read (its test split is held out).
 */
public class CoverageScope {
    public static void main(String[] args) throws Exception {
        Detector d = Detector.all();
        for (String set : args) {
            System.out.println(set);
            for (String scope : new String[] {"span", "clause", "sentence"}) {
                long labelled = 0;
                long hidden = 0;
                long outside = 0;
                long chars = 0;
                for (LabelledSet.Doc doc : LabelledSet.read(Path.of(set))) {
                    if (set.endsWith("genres") && !"dev".equals(doc.split())) {
                        continue;
                    }
                    String t = doc.text();
                    boolean[] hid = new boolean[t.length()];
                    boolean[] lab = new boolean[t.length()];
                    for (Evaluation.Label l : doc.labels()) {
                        Arrays.fill(lab, l.start(), l.end(), true);
                    }
                    for (Finding f : d.detect(t, d.freeText())) {
                        int s = f.start();
                        int e = Math.min(f.end(), t.length());
                        if (f.type().name().startsWith("SENSITIVE") && !scope.equals("span")) {
                            String stops = scope.equals("clause") ? "、，。！？\n" : "。！？\n";
                            while (s > 0 && stops.indexOf(t.charAt(s - 1)) < 0) {
                                s--;
                            }
                            while (e < t.length() && stops.indexOf(t.charAt(e)) < 0) {
                                e++;
                            }
                        }
                        Arrays.fill(hid, s, e, true);
                    }
                    for (int i = 0; i < t.length(); i++) {
                        labelled += lab[i] ? 1 : 0;
                        hidden += lab[i] && hid[i] ? 1 : 0;
                        outside += !lab[i] && hid[i] ? 1 : 0;
                    }
                    chars += t.length();
                }
                System.out.printf("  %-8s coverage %.3f, hidden outside the labels %.1f %% of the text%n", scope,
                        (double) hidden / labelled, 100.0 * outside / chars);
            }
        }
    }
}
