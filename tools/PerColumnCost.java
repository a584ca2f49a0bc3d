import dev.mamori.detect.Detector;
import dev.mamori.detect.ScanContext;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where a full scan of a CSV spends its detection time, column by column: docs/benchmarks.md ("Session 42"). Each
 * column's cells of the first N rows go through {@code Detector.detect} with that column's context, four rounds (the
 * last one printed, after the JIT has warmed), so a column whose every cell costs a fixed price shows apart from the
 * free-text ones. A diagnostic, not a mode of the tool; commas inside quotes are not handled (the bench's CSV has none).
 *
 *   java -cp mamori-app/target/mamori.jar tools/PerColumnCost.java bench-data/customers-200m.csv 100000
 */
public class PerColumnCost {
    public static void main(String[] args) throws Exception {
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        List<String[]> cells = new ArrayList<>();
        String[] header;
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]))) {
            header = r.readLine().split(",", -1);
            String line;
            while ((line = r.readLine()) != null && cells.size() < rows) {
                cells.add(line.split(",", -1));
            }
        }
        Detector d = Detector.all();
        List<ScanContext> contexts = d.contextsFor(List.of(header));
        long[] nanos = new long[header.length];
        for (int round = 0; round < 4; round++) {
            for (int c = 0; c < header.length; c++) {
                long t0 = System.nanoTime();
                for (String[] row : cells) {
                    if (c < row.length && !row[c].isEmpty()) {
                        d.detect(row[c], contexts.get(c));
                    }
                }
                nanos[c] = System.nanoTime() - t0;
            }
        }
        for (int c = 0; c < header.length; c++) {
            System.out.printf("%-12s %6.2f µs a row%n", header[c], nanos[c] / 1e3 / cells.size());
        }
        System.out.printf("%-12s %6.2f µs a row%n", "all", Arrays.stream(nanos).sum() / 1e3 / cells.size());
    }
}
