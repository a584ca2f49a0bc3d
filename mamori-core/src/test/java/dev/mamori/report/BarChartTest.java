package dev.mamori.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class BarChartTest {

    static final String SVG_NS = "http://www.w3.org/2000/svg";

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    static List<String> texts(Document d, String tag) {
        NodeList nodes = d.getElementsByTagNameNS(SVG_NS, tag);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getTextContent());
        }
        return out;
    }

    @Test
    void twoSeriesMakeWellFormedSvgWithOneBarPerCategoryAndSeries() throws Exception {
        String svg = new BarChart("分野別の準拠率", List.of("事業リスクの理解", "周囲防御", "合計"))
                .series("現状", "#90a4ae", List.of(21.4, 75.0, 32.377))
                .series("改善計画後", "#1565c0", List.of(64.3, 100.0, 55.0))
                .svg();
        Document d = parse(svg);
        Element root = d.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("svg");
        assertThat(root.getNamespaceURI()).isEqualTo(SVG_NS);
        assertThat(root.getAttribute("width")).isEqualTo("720");
        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("分野別の準拠率");
        // the chart's own title comes first, then one title per category label and per bar
        List<String> titles = texts(d, "title");
        assertThat(titles.get(0)).isEqualTo("分野別の準拠率");
        assertThat(titles).contains("事業リスクの理解 — 現状: 21.4%", "周囲防御 — 改善計画後: 100%", "合計 — 現状: 32.4%");
        // background + 2 legend swatches + 3 × 2 bars
        assertThat(d.getElementsByTagNameNS(SVG_NS, "rect").getLength()).isEqualTo(1 + 2 + 6);
        List<String> labels = texts(d, "text");
        assertThat(labels).contains("現状", "改善計画後", "21.4%", "75%", "100%", "0%", "50%");
    }

    @Test
    void barsAreProportionalToTheMaximumAndClamped() throws Exception {
        Document d = parse(new BarChart("t", List.of("a", "b", "c")).max(10).unit("")
                .series("s", null, Arrays.asList(5.0, 20.0, -3.0)).svg());
        NodeList rects = d.getElementsByTagNameNS(SVG_NS, "rect");
        List<Double> widths = new ArrayList<>();
        for (int i = 0; i < rects.getLength(); i++) {
            Element r = (Element) rects.item(i);
            if (r.getElementsByTagNameNS(SVG_NS, "title").getLength() > 0) {
                widths.add(Double.parseDouble(r.getAttribute("width")));
            }
        }
        assertThat(widths).hasSize(3);
        assertThat(widths.get(1)).isEqualTo(2 * widths.get(0));
        assertThat(widths.get(2)).isZero();
        assertThat(texts(d, "text")).contains("5", "20", "-3", "10");
    }

    @Test
    void labelsAreEscapedAndNullValuesReadAsADash() throws Exception {
        String svg = new BarChart("<b>\"T\" & 'x'</b>", List.of("<script>alert(1)</script>", "A&B"))
                .series("S<1>", null, Arrays.asList(null, 40.0)).svg();
        assertThat(svg).doesNotContain("<script>").doesNotContain("<b>").contains("&lt;script&gt;").contains("A&amp;B");
        Document d = parse(svg);
        assertThat(texts(d, "title")).contains("<b>\"T\" & 'x'</b>", "<script>alert(1)</script> — S<1>: —", "A&B — S<1>: 40%");
        assertThat(d.getDocumentElement().getAttribute("aria-label")).isEqualTo("<b>\"T\" & 'x'</b>");
        assertThat(texts(d, "desc").get(0)).contains("A&B: S<1> 40%");
    }

    @Test
    void heightGrowsWithTheCategoriesAndLongLabelsAreShortened() throws Exception {
        BarChart one = new BarChart("t", List.of("a")).series("s", null, List.of(1.0));
        BarChart five = new BarChart("t", List.of("a", "b", "c", "d", "e")).series("s", null, List.of(1.0, 2.0, 3.0, 4.0, 5.0));
        assertThat(five.height()).isGreaterThan(one.height());
        assertThat(parse(five.svg()).getDocumentElement().getAttribute("height")).isEqualTo(Integer.toString(five.height()));
        String longLabel = "制御システムのセキュリティに関する継続した統制の確立と運用の見直し";
        Document d = parse(new BarChart("t", List.of(longLabel)).series("s", null, List.of(50.0)).svg());
        assertThat(texts(d, "title")).contains(longLabel);
        // text elements: the chart title, one legend entry, five axis ticks, then the category label
        Element label = (Element) d.getElementsByTagNameNS(SVG_NS, "text").item(1 + 1 + 5);
        String visible = label.getLastChild().getTextContent(); // after the label's own <title>
        assertThat(visible).endsWith("…").hasSizeLessThan(longLabel.length());
        assertThat(longLabel).startsWith(visible.substring(0, visible.length() - 1));
    }

    @Test
    void seriesMustMatchTheCategories() {
        assertThatThrownBy(() -> new BarChart("t", List.of("a", "b")).series("s", null, List.of(1.0)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BarChart("t", List.of("a")).svg()).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void htmlEscapesAndMakesACompletePrintablePage() {
        assertThat(Html.esc("<a href=\"x\">'&'</a>")).isEqualTo("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
        assertThat(Html.esc(null)).isEmpty();
        String page = Html.page("ja", "評価 <1>", "<p>本文</p>");
        assertThat(page).startsWith("<!DOCTYPE html>").contains("<html lang=\"ja\">").contains("<meta charset=\"utf-8\">")
                .contains("<title>評価 &lt;1&gt;</title>").contains("'Hiragino Sans','Noto Sans CJK JP','Yu Gothic',Meiryo,sans-serif")
                .contains("@media print").contains("size:A4").contains(".no-print{display:none").contains("page-break-inside:avoid")
                .contains("<p>本文</p>").endsWith("</html>\n");
    }
}
