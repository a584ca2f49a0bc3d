import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/**
 * Writes the same text as .txt, .docx, .pdf, .eml and .html, {@code copies} times each, into one directory per format,
 * so that `mamori scan` can be timed on each (the cost of pulling text out of documents, against plain text):
 *
 * <pre>
 * java -cp mamori-app/target/mamori.jar tools/MakeDocuments.java TEXT OUT COPIES [FONT.ttf]
 * for f in txt docx pdf eml html; do /usr/bin/time -f "$f %e s %M KB" java -jar mamori-app/target/mamori.jar scan OUT/$f --format jsonl --output /tmp/$f.jsonl; done
 * </pre>
 *
 * A PDF page holds 50 lines; a line is cut where it reaches 400 points (40 full-width characters), as a page's margin
 * cuts it; a line with tabs is a table's row, its cells drawn 20 points apart; characters the font lacks (𠮷, emoji)
 * become blanks. The font defaults to Debian's IPA Gothic.
 */
public class MakeDocuments {
    public static void main(String[] args) throws Exception {
        List<String> lines = Files.readAllLines(Path.of(args[0]), StandardCharsets.UTF_8);
        Path out = Path.of(args[1]);
        int copies = Integer.parseInt(args[2]);
        File font = new File(args.length > 3 ? args[3] : "/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf");
        for (String f : new String[] {"txt", "docx", "pdf", "eml", "html"}) {
            Files.createDirectories(out.resolve(f));
        }
        String text = String.join("\n", lines) + "\n";
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>doc</title></head><body>");
        boolean inTable = false;
        for (String l : lines) {
            boolean row = l.contains("\t") || l.startsWith("|");
            if (row != inTable) {
                html.append(row ? "<table>\n" : "</table>\n");
                inTable = row;
            }
            String esc = l.replace("&", "&amp;").replace("<", "&lt;");
            if (row) { // a table's row as HTML writes it: its cells in td
                String[] cells = l.contains("\t") ? esc.split("\t", -1) : esc.replaceAll("^\\||\\|$", "").split("\\|", -1);
                html.append("<tr>");
                for (String c : cells) {
                    html.append("<td>").append(c.strip()).append("</td>");
                }
                html.append("</tr>\n");
            } else {
                html.append("<p>").append(esc).append("</p>\n");
            }
        }
        if (inTable) {
            html.append("</table>\n");
        }
        html.append("</body></html>\n");
        for (int i = 0; i < copies; i++) {
            Files.writeString(out.resolve("txt/" + i + ".txt"), text);
            Files.writeString(out.resolve("html/" + i + ".html"), html);
            try (XWPFDocument doc = new XWPFDocument(); OutputStream o = Files.newOutputStream(out.resolve("docx/" + i + ".docx"))) {
                for (String l : lines) {
                    org.apache.poi.xwpf.usermodel.XWPFRun run = doc.createParagraph().createRun();
                    String[] cells = l.split("\t", -1); // a tab as Word writes it (w:tab), not inside the text
                    for (int c = 0; c < cells.length; c++) {
                        if (c > 0) {
                            run.addTab();
                        }
                        run.setText(cells[c], c);
                    }
                }
                doc.write(o);
            }
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("sender@example.jp"));
            m.setSubject("doc " + i, "UTF-8");
            m.setText(text, "UTF-8");
            try (OutputStream o = Files.newOutputStream(out.resolve("eml/" + i + ".eml"))) {
                m.writeTo(o);
            }
            try (PDDocument doc = new PDDocument()) {
                PDType0Font jp = PDType0Font.load(doc, font);
                PDPageContentStream s = null;
                int onPage = 50;
                for (String l : lines) {
                    for (String piece : l.contains("\t") ? List.of(l) : wrap(clean(l, jp), jp)) {
                        if (onPage == 50) {
                            if (s != null) {
                                s.endText();
                                s.close();
                            }
                            PDPage p = new PDPage();
                            doc.addPage(p);
                            s = new PDPageContentStream(doc, p);
                            s.beginText();
                            s.setFont(jp, 10);
                            s.newLineAtOffset(40, 750);
                            onPage = 0;
                        }
                        float x = 0;
                        for (String cell : piece.split("\t", -1)) { // a table's row: its cells 20 points apart, as a table draws them
                            String c = clean(cell, jp);
                            s.showText(c);
                            float w = jp.getStringWidth(c) / 1000 * 10 + 20;
                            s.newLineAtOffset(w, 0);
                            x += w;
                        }
                        s.newLineAtOffset(-x, -14);
                        onPage++;
                    }
                }
                if (s != null) {
                    s.endText();
                    s.close();
                }
                doc.save(out.resolve("pdf/" + i + ".pdf").toFile());
            }
        }
    }

    /** A line cut where it reaches 400 points at 10 points a character's em, as a page's right margin cuts it. */
    private static List<String> wrap(String line, PDType0Font font) throws java.io.IOException {
        List<String> out = new java.util.ArrayList<>();
        int from = 0;
        float width = 0;
        for (int i = 0; i < line.length(); i++) {
            float w = font.getStringWidth(line.substring(i, i + 1)) / 1000 * 10;
            if (width + w > 400) {
                out.add(line.substring(from, i));
                from = i;
                width = 0;
            }
            width += w;
        }
        out.add(line.substring(from));
        return out;
    }

    /** The characters the font has (a tab or an emoji it lacks becomes a blank). */
    private static String clean(String s, PDType0Font font) {
        StringBuilder b = new StringBuilder();
        s.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                b.append(c);
            } catch (Exception e) {
                b.append(' ');
            }
        });
        return b.toString();
    }
}
