import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Word documents to time `mamori redact` on (docs/benchmarks.md, "Session 54: redacted Word documents"), written as
 * Word lays a package out, with made-up names (surname × given name) and numbers:
 *
 *   roster N      a table of N rows: 氏名, 電話, メール, 住所
 *   onepara N     one paragraph of N "name 090-…-…、" pairs
 *   deletions N   N paragraphs, each with a tracked deletion holding a name
 *   bookmarks N   N paragraphs, each a bookmark named after a person and a REF field to it
 *
 *   java tools/MakeWordDocs.java KIND N OUT.docx
 */
public class MakeWordDocs {
    static final String[] S = "佐藤 鈴木 高橋 田中 伊藤 渡辺 山本 中村 小林 加藤 吉田 山田 佐々木 山口 松本 井上 木村 林 斎藤 清水".split(" ");
    static final String[] G = "太郎 一郎 健太 翔太 大輔 直樹 拓也 和也 花子 美咲 由美 陽子 恵子 直美 裕子 智子".split(" ");

    static String name(int i) {
        return S[i % S.length] + G[(i / S.length) % G.length];
    }

    static String p(String runs) {
        return "<w:p>" + runs + "</w:p>";
    }

    static String r(String text) {
        return "<w:r><w:t xml:space=\"preserve\">" + text + "</w:t></w:r>";
    }

    public static void main(String[] args) throws IOException {
        String kind = args[0];
        int n = Integer.parseInt(args[1]);
        StringBuilder body = new StringBuilder();
        switch (kind) {
            case "roster" -> {
                body.append("<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/></w:tblPr><w:tblGrid>")
                        .append("<w:gridCol w:w=\"2000\"/>".repeat(4)).append("</w:tblGrid>");
                List<String[]> rows = new ArrayList<>();
                rows.add(new String[] {"氏名", "電話", "メール", "住所"});
                for (int i = 0; i < n; i++) {
                    rows.add(new String[] {name(i), String.format("090-%04d-%04d", i / 10000, i % 10000), "user" + i + "@example.jp",
                        "東京都千代田区千代田" + (i % 9 + 1) + "-" + (i % 7 + 1) + "-" + (i % 50 + 1)});
                }
                for (String[] row : rows) {
                    body.append("<w:tr>");
                    for (String c : row) {
                        body.append("<w:tc><w:tcPr><w:tcW w:w=\"2000\" w:type=\"dxa\"/></w:tcPr>").append(p(r(c))).append("</w:tc>");
                    }
                    body.append("</w:tr>");
                }
                body.append("</w:tbl><w:p/>");
            }
            case "onepara" -> {
                StringBuilder t = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    t.append("担当").append(name(i)).append(String.format(" 090-%04d-%04d、", i / 10000, i % 10000));
                }
                body.append(p(r(t.toString())));
            }
            case "deletions" -> {
                for (int i = 0; i < n; i++) {
                    body.append(p(r("担当者：") + "<w:del w:id=\"" + i + "\" w:author=\"編集者\"><w:r><w:delText>" + name(i)
                            + "</w:delText></w:r></w:del>" + r(name(i + 1) + "さん")));
                }
            }
            case "bookmarks" -> {
                for (int i = 0; i < n; i++) {
                    body.append(p("<w:bookmarkStart w:id=\"" + i + "\" w:name=\"" + name(i) + i + "\"/>" + r("担当 " + name(i) + "さん")
                            + "<w:bookmarkEnd w:id=\"" + i + "\"/><w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>REF "
                            + name(i) + i + " \\h</w:instrText></w:r><w:r><w:fldChar w:fldCharType=\"separate\"/></w:r>" + r("参照")
                            + "<w:r><w:fldChar w:fldCharType=\"end\"/></w:r>"));
                }
            }
            default -> throw new IllegalArgumentException("roster, onepara, deletions or bookmarks: " + kind);
        }
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(Path.of(args[2])))) {
            put(z, "[Content_Types].xml", "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\""
                    + " ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            put(z, "_rels/.rels", "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship"
                    + " Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\""
                    + " Target=\"word/document.xml\"/></Relationships>");
            put(z, "word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>"
                    + body + "</w:body></w:document>");
        }
    }

    static void put(ZipOutputStream z, String name, String xml) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n" + xml).getBytes(StandardCharsets.UTF_8));
    }
}
