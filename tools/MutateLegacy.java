import dev.mamori.table.DocumentReader;
import dev.mamori.table.DocumentVisitor;
import dev.mamori.table.ReadException;
import dev.mamori.table.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.apache.poi.hslf.usermodel.HSLFSlideShow;
import org.apache.poi.poifs.filesystem.DirectoryEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * Robustness of the Office 97–2003, Outlook and OpenDocument readers (docs/benchmarks.md, "Session 53" and "Session 54"):
 * mutated copies of a .doc, a .xls, a .ppt, a .msg (with an attached .xls), of the OpenDocument fixtures (.ods, .odt,
 * .odp and their flat .fods, .fodt, .fodp) and of an .rtf — cut at a random offset, or 1–4 or 1–64 random bytes overwritten —
 * are read through DocumentReader; each must give its lines and rows or a ReadException naming the input. Prints what
 * each seed gave, and the first two of anything else thrown.
 *
 *   java -cp mamori-app/target/mamori.jar tools/MutateLegacy.java SEED COPIES
 */
public class MutateLegacy {
    private static final Path FIXTURES = Path.of("mamori-core/src/test/resources/dev/mamori/table/legacy");

    public static void main(String[] args) throws Exception {
        System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
        System.setProperty("org.apache.logging.log4j.simplelog.level", "OFF");
        Map<String, byte[]> seeds = new LinkedHashMap<>();
        seeds.put("in.doc", Files.readAllBytes(FIXTURES.resolve("rireki.doc")));
        seeds.put("in.xls", Files.readAllBytes(FIXTURES.resolve("roster.xls")));
        seeds.put("in.ppt", ppt());
        seeds.put("in.msg", msg(seeds.get("in.xls")));
        Path odf = FIXTURES.resolveSibling("odf"); // OpenDocument (session 54): packages and flat files
        for (String f : new String[] {"meibo.ods", "rireki.odt", "slides.odp", "meibo.fods", "rireki.fodt", "slides.fodp"}) {
            seeds.put("in" + f.substring(f.indexOf('.')), Files.readAllBytes(odf.resolve(f)));
        }
        seeds.put("in.rtf", Files.readAllBytes(FIXTURES.resolveSibling("rtf").resolve("rireki.rtf")));
        Random rnd = new Random(Long.parseLong(args[0]));
        int copies = Integer.parseInt(args[1]);
        Map<String, Integer> outcomes = new TreeMap<>();
        for (Map.Entry<String, byte[]> seed : seeds.entrySet()) {
            String name = seed.getKey();
            for (int i = 0; i < copies; i++) {
                byte[] b = seed.getValue().clone();
                int mode = rnd.nextInt(3);
                if (mode == 0) {
                    b = Arrays.copyOf(b, rnd.nextInt(b.length));
                } else {
                    for (int k = 1 + rnd.nextInt(mode == 1 ? 4 : 64); k > 0; k--) {
                        b[rnd.nextInt(b.length)] = (byte) rnd.nextInt(256);
                    }
                }
                String outcome;
                try {
                    new DocumentReader(null).read(new ByteArrayInputStream(b), name, new DocumentVisitor() {
                        public void text(long l, int o, int ov, String c) { }
                        public void table(String s, List<String> h) { }
                        public void row(long r, long l, List<String> c) { }
                        public void labeled(long l, String d, String t) { }
                        public void problem(ReadProblem p) { }
                    });
                    outcome = "read";
                } catch (ReadException e) {
                    outcome = e.getMessage().contains(name) ? "ReadException naming the input" : "ReadException WITHOUT the input's name";
                } catch (Throwable t) {
                    outcome = "THROWN " + t.getClass().getName();
                    if (outcomes.getOrDefault(name + ": " + outcome, 0) < 2) {
                        t.printStackTrace();
                    }
                }
                outcomes.merge(name + ": " + outcome, 1, Integer::sum);
            }
        }
        outcomes.forEach((k, v) -> System.out.println(k + "  " + v));
    }

    private static byte[] ppt() throws Exception {
        try (HSLFSlideShow show = new HSLFSlideShow(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            show.createSlide().createTextBox().setText("営業部長　渡辺 健一　watanabe@example.co.jp　090-1234-5678");
            show.write(out);
            return out.toByteArray();
        }
    }

    /** An Outlook message laid out as Outlook does: properties as streams, a recipient and an attachment in storages. */
    private static byte[] msg(byte[] attachment) throws Exception {
        try (POIFSFileSystem fs = new POIFSFileSystem(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            DirectoryEntry root = fs.getRoot();
            put(root, "001A001F", utf16("IPM.Note"));
            put(root, "0037001F", utf16("名簿の件 山本様"));
            put(root, "0C1A001F", utf16("中島 裕子"));
            put(root, "1000001F", utf16("お電話 090-8765-4321 ありがとうございました。"));
            root.createDocument("__properties_version1.0", new ByteArrayInputStream(new byte[32]));
            DirectoryEntry to = root.createDirectory("__recip_version1.0_#00000000");
            put(to, "3001001F", utf16("山本 一郎"));
            put(to, "39FE001F", utf16("ichiro.yamamoto@example.jp"));
            ByteBuffer p = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
            p.position(8);
            p.putInt(0x0C150003).putInt(6).putLong(1); // PR_RECIPIENT_TYPE: To
            to.createDocument("__properties_version1.0", new ByteArrayInputStream(p.array()));
            DirectoryEntry a = root.createDirectory("__attach_version1.0_#00000000");
            put(a, "3707001F", utf16("名簿.xls"));
            put(a, "37010102", attachment);
            fs.writeFilesystem(out);
            return out.toByteArray();
        }
    }

    private static void put(DirectoryEntry dir, String tag, byte[] value) throws Exception {
        dir.createDocument("__substg1.0_" + tag, new ByteArrayInputStream(value));
    }

    private static byte[] utf16(String s) {
        return s.getBytes(StandardCharsets.UTF_16LE);
    }
}
