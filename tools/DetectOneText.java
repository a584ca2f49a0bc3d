import dev.mamori.detect.Detector;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Times {@code Detector.detect} on a whole file read as one text, the way a long line reaches the recognizers: a
 * diagnostic for the cost of a rule on adversarial repetition (docs/benchmarks.md, "Session 48"), not a mode of the tool.
 * Runs twice in one JVM and prints the findings and the seconds of each run; the second is the warm one.
 *
 *   python3 -c "print('喪主はノートン 由紀さん、' * 20000, end='')" > names.txt
 *   java -Xmx2g -cp mamori-app/target/mamori.jar tools/DetectOneText.java names.txt
 */
public class DetectOneText {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        Detector d = Detector.all();
        for (int run = 1; run <= 2; run++) {
            long t0 = System.nanoTime();
            int n = d.detect(text, d.freeText()).size();
            System.out.printf("run %d: %d findings, %.2f s%n", run, n, (System.nanoTime() - t0) / 1e9);
        }
    }
}
