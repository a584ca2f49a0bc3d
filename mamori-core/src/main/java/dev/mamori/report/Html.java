package dev.mamori.report;

/**
 * Self-contained HTML pages for reports: one file, no scripts, no external fonts or style sheets,
 * readable on screen and printable on A4 (table rows and charts are not split across pages, every page has the
 * report's title at its head and its number at its foot; anything with class {@code no-print} is left out of the
 * print). The same page becomes a PDF through {@link Pdf}, so the style keeps to what both a browser and
 * openhtmltopdf read (CSS 2.1 and paged media, no custom properties).
 */
public final class Html {

    private static final String STYLE = """
            *{box-sizing:border-box}
            body{font-family:'Hiragino Sans','Noto Sans CJK JP','Yu Gothic',Meiryo,sans-serif;color:#1d2228}
            body{margin:2em auto;max-width:1080px;padding:0 1.5em;line-height:1.6;font-size:14px}
            h1{font-size:1.6em;margin:.2em 0 .6em;border-bottom:3px solid #34495e;padding-bottom:.2em}
            h2{font-size:1.25em;margin:1.8em 0 .6em;border-left:6px solid #34495e;padding-left:.5em}
            h3{font-size:1.05em;margin:1.4em 0 .4em}
            table{border-collapse:collapse;width:100%;margin:.4em 0 1.2em}
            th,td{border:1px solid #d0d4da;padding:4px 8px;vertical-align:top;text-align:left;overflow-wrap:anywhere}
            th{background:#eef1f5;font-weight:600}
            td.item{min-width:7em}
            td.q{min-width:14em}
            thead{display:table-header-group}
            tr.total td{font-weight:700;background:#f7f8fa}
            td.num,th.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            td.pre{white-space:pre-wrap;word-break:break-word}
            table.meta{width:auto}
            table.meta th{width:10em}
            .rating{display:inline-block;padding:0 .6em;border-radius:3px;color:#fff;white-space:nowrap}
            .result{border:2px solid #34495e;border-radius:6px;padding:.8em 1.2em;margin:1em 0;font-size:1.1em}
            .result strong{font-size:1.2em}
            .muted{color:#5f6670}
            .up{color:#2e7d32}.down{color:#c62828}
            figure{margin:1em 0}
            svg{max-width:100%;height:auto}
            footer{margin-top:3em;color:#5f6670;font-size:.85em}
            @page{size:A4 portrait;margin:16mm 12mm 14mm 12mm;
              @top-left{content:"%s";font-family:'mamori-pdf','Hiragino Sans','Noto Sans CJK JP',sans-serif;font-size:7pt;color:#5f6670}
              @bottom-right{content:counter(page) " / " counter(pages);font-family:'mamori-pdf',sans-serif;font-size:7pt;color:#5f6670}}
            @media print{
              body{margin:0;max-width:none;padding:0;font-size:7.5pt;line-height:1.3}
              h1{font-size:15pt}h2{font-size:12pt}h3{font-size:10pt}
              th,td{padding:1px 3px}
              table{margin:.2em 0 .8em}
              h2{margin:1.2em 0 .4em}
              td.item,td.q{min-width:0}
              figure{width:48%}
              h2,h3{break-after:avoid;page-break-after:avoid}
              tr,figure,svg,.result{break-inside:avoid;page-break-inside:avoid}
              .rating{-webkit-print-color-adjust:exact;print-color-adjust:exact}
              th,tr.total td{-webkit-print-color-adjust:exact;print-color-adjust:exact}
              .no-print{display:none!important}
            }
            """;

    private Html() {
    }

    /** The text with {@code & < > " '} escaped for element content and attribute values; null gives "". */
    public static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Text inside a CSS string (the page header when printed): quotes, backslashes, line ends and {@code <} escaped. */
    static String cssString(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\' || c == '<' || c == '>' || c == '&' || c < 0x20) {
                b.append('\\').append(Integer.toHexString(c)).append(' ');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * A complete HTML document, printed on A4 with the title at the top of every page and page numbers at the foot. {@code title} is plain text (escaped here); {@code body} is HTML
     * that the caller has already escaped.
     */
    public static String page(String lang, String title, String body) {
        String l = "en".equals(lang) ? "en" : "ja";
        return "<!DOCTYPE html>\n<html lang=\"" + l + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<title>" + esc(title) + "</title>\n<style>\n" + STYLE.replace("%s", cssString(title)) + "</style>\n</head>\n<body>\n"
                + body + "\n</body>\n</html>\n";
    }
}
