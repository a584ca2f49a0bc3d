import dev.mamori.detect.Detector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Times {@code Detector.detect} on a whole file read as one text, the way a long line reaches the recognizers: a
 * diagnostic for the cost of a rule on adversarial repetition (docs/benchmarks.md, "Session 48" and "Session 51"), not a
 * mode of the tool. Runs twice in one JVM (or RUNS times) and prints the findings and the seconds of each run; the second
 * is the warm one. With RUNS above 2 it also prints the median of the runs after the first two.
 *
 *   python3 -c "print('喪主はノートン 由紀さん、' * 20000, end='')" > names.txt
 *   java -Xmx2g -cp mamori-app/target/mamori.jar tools/DetectOneText.java names.txt [RUNS]
 */
public class DetectOneText {
    public static void main(String[] args) throws Exception {
        String text = Files.readString(Path.of(args[0]));
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Detector d = Detector.all();
        long[] ms = new long[runs];
        for (int run = 1; run <= runs; run++) {
            long t0 = System.nanoTime();
            int n = d.detect(text, d.freeText()).size();
            ms[run - 1] = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("run %d: %d findings, %.2f s%n", run, n, ms[run - 1] / 1e3);
        }
        if (runs > 2) {
            long[] warm = Arrays.copyOfRange(ms, 2, runs);
            Arrays.sort(warm);
            System.out.printf("median of runs 3-%d: %d ms%n", runs, warm[warm.length / 2]);
        }
    }
}
