import java.io.StringReader;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.dict.ConnectionCosts;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.UnknownDictionary;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * What Kuromoji's word index costs, as Lucene ships it and as Mamori's build rebuilds it (dev.mamori.detect.Ipadic):
 * docs/benchmarks.md ("Session 46"). Times each sample text, then every non-blank line of the files given, with each
 * tokenizer in turn (alternating, the last of five rounds printed), and counts the texts whose tokens differ (0 expected).
 * A diagnostic, not a mode of the tool.
 *
 *   java -cp mamori-app/target/mamori.jar tools/KuromojiIndexCost.java eval/genres/*.txt
 */
public class KuromojiIndexCost {
    private static final String KUROMOJI = "org/apache/lucene/analysis/ja/dict/TokenInfoDictionary";

    public static void main(String[] args) throws Exception {
        ClassLoader cl = TokenInfoDictionary.class.getClassLoader();
        URL rebuiltIndex = KuromojiIndexCost.class.getClassLoader().getResource("dev/mamori/detect/ipadic-surfaces.fst");
        if (rebuiltIndex == null) {
            throw new IllegalStateException("no rebuilt index on the class path: run with -cp mamori-app/target/mamori.jar");
        }
        TokenInfoDictionary rebuilt = new TokenInfoDictionary(cl.getResource(KUROMOJI + "$targetMap.dat"),
                cl.getResource(KUROMOJI + "$posDict.dat"), cl.getResource(KUROMOJI + "$buffer.dat"), rebuiltIndex);
        JapaneseTokenizer shipped = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.NORMAL);
        JapaneseTokenizer ours = new JapaneseTokenizer(JapaneseTokenizer.DEFAULT_TOKEN_ATTRIBUTE_FACTORY, rebuilt,
                UnknownDictionary.getInstance(), ConnectionCosts.getInstance(), null, true, true, JapaneseTokenizer.Mode.NORMAL);
        for (String s : List.of("キャンペーン応募済み", "キャンペーン応募済み（受付3）", "２０２４年２月２４日に来店", "加藤　浩", "ＡＢＣ")) {
            double[] us = new double[2];
            for (int round = 0; round < 5; round++) {
                us[0] = time(shipped, List.of(s), 20_000);
                us[1] = time(ours, List.of(s), 20_000);
            }
            System.out.printf("%8.2f → %6.2f µs  %s%n", us[0], us[1], s);
        }
        List<String> lines = new ArrayList<>();
        for (String f : args) {
            for (String l : Files.readAllLines(Path.of(f))) {
                if (!l.isBlank()) {
                    lines.add(l);
                }
            }
        }
        if (!lines.isEmpty()) {
            double[] us = new double[2];
            for (int round = 0; round < 5; round++) {
                us[0] = time(shipped, lines, 1);
                us[1] = time(ours, lines, 1);
            }
            int differ = 0;
            for (String l : lines) {
                differ += tokens(shipped, l).equals(tokens(ours, l)) ? 0 : 1;
            }
            System.out.printf("%8.2f → %6.2f µs a line, %d lines, %d with other tokens%n", us[0], us[1], lines.size(), differ);
        }
    }

    private static double time(JapaneseTokenizer t, List<String> texts, int times) throws Exception {
        long t0 = System.nanoTime();
        for (int i = 0; i < times; i++) {
            for (String s : texts) {
                tokens(t, s);
            }
        }
        return (System.nanoTime() - t0) / 1e3 / times / texts.size();
    }

    private static String tokens(JapaneseTokenizer t, String s) throws Exception {
        OffsetAttribute off = t.addAttribute(OffsetAttribute.class);
        PartOfSpeechAttribute pos = t.addAttribute(PartOfSpeechAttribute.class);
        StringBuilder b = new StringBuilder();
        t.setReader(new StringReader(s));
        t.reset();
        while (t.incrementToken()) {
            b.append(off.startOffset()).append('-').append(off.endOffset()).append(pos.getPartOfSpeech()).append(' ');
        }
        t.end();
        t.close();
        return b.toString();
    }
}
