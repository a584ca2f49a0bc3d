import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The bench CSV with cells that do not repeat, to measure a scan without what repetition saves (docs/benchmarks.md,
 * "Session 46"): every remark gets the row's receipt number in brackets (…（受付12）), and every 氏名 and フリガナ two more
 * characters from a fixed list chosen by the row's number, so that almost no two rows share them. A diagnostic, not a
 * mode of the tool; commas inside quotes are not handled (the bench's CSV has none).
 *
 * With {@code --words} (session 50) the remark's brackets hold four characters from the list instead of the number
 * (…（受付美和翔大）): remarks that differ in their words, not only in their digits, which the tokenizer's memory of texts
 * whose digits alone differ cannot save.
 *
 *   java tools/UniqueCells.java bench-data/customers-200m.csv cust-uniq2.csv
 *   java tools/UniqueCells.java bench-data/customers-200m.csv cust-uniq3.csv --words
 */
public class UniqueCells {
    private static final String KANJI = "一二三四五六七八九十美和子太郎明子香奈恵理真由樹翔大輝優花菜穂里沙也加奈々千春夏秋冬光信義正英智";
    private static final String KANA = "アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワ";

    public static void main(String[] args) throws Exception {
        boolean words = args.length > 2 && args[2].equals("--words");
        try (BufferedReader r = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8);
             BufferedWriter w = Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)) {
            w.write(r.readLine());
            w.write("\r\n");
            int n = 0;
            for (String line = r.readLine(); line != null; line = r.readLine(), n++) {
                String[] cells = line.split(",", -1);
                cells[1] += two(KANJI, n);
                cells[2] += two(KANA, n);
                if (cells.length > 11 && !cells[11].isEmpty()) {
                    cells[11] += "（受付" + (words ? two(KANJI, n) + two(KANJI, n / 2401 + n) : String.valueOf(n)) + "）";
                }
                w.write(String.join(",", cells));
                w.write("\r\n");
            }
        }
    }

    private static String two(String chars, int n) {
        int k = chars.length();
        return "" + chars.charAt(n % k) + chars.charAt(n / k % k);
    }
}
