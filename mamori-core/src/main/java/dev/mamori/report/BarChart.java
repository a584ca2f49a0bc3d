package dev.mamori.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG horizontal grouped bar chart: one row per category (an area, say), one bar per
 * series in each row (現状 and 改善計画後, or 前回 and 今回), a legend, the value at the end of each
 * bar, and a {@code <title>} on the chart and on every bar for screen readers and tooltips. The
 * width is fixed ({@link #WIDTH}); the height grows with the number of categories. Values run from
 * 0 to {@link #max(double)} (100 by default, shown with a "%" unit); a null value draws no bar and
 * reads "—". All text is escaped.
 *
 * <pre>{@code
 * String svg = new BarChart("分野別の準拠率", List.of("事業リスクの理解", "統制"))
 *         .series("現状", "#90a4ae", List.of(40.0, 55.5))
 *         .series("改善計画後", "#1565c0", List.of(80.0, null))
 *         .svg();
 * }</pre>
 */
public final class BarChart {

    /** Width of the chart in pixels. */
    public static final int WIDTH = 720;

    /** Colours used for series added without one. */
    public static final List<String> PALETTE = List.of("#90a4ae", "#1565c0", "#ef6c00", "#2e7d32");

    private static final int LABEL_RIGHT = 212;
    private static final int PLOT_LEFT = 220;
    private static final int PLOT_WIDTH = WIDTH - PLOT_LEFT - 60;
    private static final int TOP = 58;
    private static final int BAR = 14;
    private static final int BAR_GAP = 2;
    private static final int GROUP_GAP = 12;
    private static final int AXIS = 26;
    private static final String FONT = "'Hiragino Sans','Noto Sans CJK JP','Yu Gothic',Meiryo,sans-serif";

    /** One series: its name (for the legend), colour and one value per category (null: none). */
    public record Series(String name, String color, List<Double> values) {
    }

    private final String title;
    private final List<String> categories;
    private final List<Series> series = new ArrayList<>();
    private double max = 100;
    private String unit = "%";

    /** A chart titled {@code title} with these category labels, top to bottom. */
    public BarChart(String title, List<String> categories) {
        this.title = title == null ? "" : title;
        this.categories = List.copyOf(categories);
    }

    /** The value a full-width bar stands for (default 100). */
    public BarChart max(double max) {
        if (!(max > 0)) {
            throw new IllegalArgumentException("the maximum must be positive: " + max);
        }
        this.max = max;
        return this;
    }

    /** What follows each value label and axis tick ("%" by default; "" for plain numbers). */
    public BarChart unit(String unit) {
        this.unit = unit == null ? "" : unit;
        return this;
    }

    /**
     * Adds a series; {@code values} has one entry per category, null where there is no value.
     * {@code color} is a CSS colour, or null for the next colour of {@link #PALETTE}.
     */
    public BarChart series(String name, String color, List<Double> values) {
        if (values.size() != categories.size()) {
            throw new IllegalArgumentException("series " + name + " has " + values.size() + " values for " + categories.size()
                    + " categories");
        }
        String c = color != null ? color : PALETTE.get(series.size() % PALETTE.size());
        series.add(new Series(name == null ? "" : name, c, java.util.Collections.unmodifiableList(new ArrayList<>(values))));
        return this;
    }

    /** The height the chart will have, in pixels. */
    public int height() {
        return TOP + categories.size() * groupHeight() + AXIS;
    }

    private int groupHeight() {
        int s = Math.max(1, series.size());
        return s * BAR + (s - 1) * BAR_GAP + GROUP_GAP;
    }

    /** The chart as an {@code <svg>} element (well-formed XML, SVG namespace). */
    public String svg() {
        if (series.isEmpty()) {
            throw new IllegalStateException("a bar chart needs at least one series");
        }
        int height = height();
        int plotBottom = TOP + categories.size() * groupHeight();
        StringBuilder b = new StringBuilder();
        b.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bar-chart\" role=\"img\" width=\"").append(WIDTH)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
                .append("\" font-family=\"").append(FONT).append("\" font-size=\"12\" aria-label=\"").append(Html.esc(title))
                .append("\">\n");
        b.append("<title>").append(Html.esc(title)).append("</title>\n");
        b.append("<desc>").append(Html.esc(description())).append("</desc>\n");
        b.append("<rect x=\"0\" y=\"0\" width=\"").append(WIDTH).append("\" height=\"").append(height).append("\" fill=\"#ffffff\"/>\n");
        b.append("<text x=\"8\" y=\"20\" font-size=\"14\" font-weight=\"bold\" fill=\"#1d2228\">").append(Html.esc(title))
                .append("</text>\n");
        legend(b);
        for (int t = 0; t <= 4; t++) {
            double x = PLOT_LEFT + PLOT_WIDTH * t / 4.0;
            b.append("<line x1=\"").append(n(x)).append("\" y1=\"").append(TOP - 6).append("\" x2=\"").append(n(x)).append("\" y2=\"")
                    .append(plotBottom).append("\" stroke=\"").append(t == 0 ? "#5f6670" : "#e1e4e8").append("\" stroke-width=\"1\"/>\n");
            b.append("<text x=\"").append(n(x)).append("\" y=\"").append(plotBottom + 16)
                    .append("\" font-size=\"10\" fill=\"#5f6670\" text-anchor=\"middle\">").append(Html.esc(value(max * t / 4)))
                    .append("</text>\n");
        }
        for (int i = 0; i < categories.size(); i++) {
            int y0 = TOP + i * groupHeight();
            String label = categories.get(i) == null ? "" : categories.get(i);
            int mid = y0 + (groupHeight() - GROUP_GAP) / 2;
            b.append("<text x=\"").append(LABEL_RIGHT).append("\" y=\"").append(mid + 4)
                    .append("\" text-anchor=\"end\" fill=\"#1d2228\"><title>").append(Html.esc(label.strip())).append("</title>")
                    .append(Html.esc(fit(label, LABEL_RIGHT - 8))).append("</text>\n");
            for (int s = 0; s < series.size(); s++) {
                Series sr = series.get(s);
                Double v = sr.values().get(i);
                int y = y0 + s * (BAR + BAR_GAP);
                String tip = label.strip() + " — " + sr.name() + ": " + (v == null ? "—" : value(v));
                double w = v == null ? 0 : PLOT_WIDTH * Math.max(0, Math.min(v, max)) / max;
                b.append("<rect x=\"").append(PLOT_LEFT).append("\" y=\"").append(y).append("\" width=\"").append(n(w))
                        .append("\" height=\"").append(BAR).append("\" fill=\"").append(Html.esc(sr.color())).append("\"><title>")
                        .append(Html.esc(tip)).append("</title></rect>\n");
                b.append("<text x=\"").append(n(PLOT_LEFT + w + 4)).append("\" y=\"").append(y + BAR - 3)
                        .append("\" font-size=\"11\" fill=\"#1d2228\">").append(Html.esc(v == null ? "—" : value(v))).append("</text>\n");
            }
        }
        b.append("</svg>");
        return b.toString();
    }

    private void legend(StringBuilder b) {
        double x = PLOT_LEFT;
        for (Series s : series) {
            b.append("<rect x=\"").append(n(x)).append("\" y=\"30\" width=\"12\" height=\"12\" fill=\"").append(Html.esc(s.color()))
                    .append("\"/>\n");
            b.append("<text x=\"").append(n(x + 16)).append("\" y=\"40\" fill=\"#1d2228\">").append(Html.esc(s.name())).append("</text>\n");
            x += 16 + textWidth(s.name()) + 20;
        }
    }

    /** "category: series value, series value; …" for the chart's {@code <desc>}. */
    private String description() {
        StringBuilder d = new StringBuilder();
        for (int i = 0; i < categories.size(); i++) {
            if (i > 0) {
                d.append("; ");
            }
            d.append(categories.get(i) == null ? "" : categories.get(i).strip()).append(':');
            for (int s = 0; s < series.size(); s++) {
                Double v = series.get(s).values().get(i);
                d.append(s == 0 ? " " : ", ").append(series.get(s).name()).append(' ').append(v == null ? "—" : value(v));
            }
        }
        return d.toString();
    }

    private String value(double v) {
        return number(v) + unit;
    }

    /** 75.0 → "75", 66.666 → "66.7". */
    static String number(double v) {
        String s = String.format(Locale.ROOT, "%.1f", v);
        return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
    }

    private static String n(double v) {
        return number(v);
    }

    /** The label shortened with "…" to fit {@code width} pixels at 12px (full-width characters count double). */
    static String fit(String label, double width) {
        if (textWidth(label) <= width) {
            return label;
        }
        StringBuilder out = new StringBuilder();
        double w = textWidth("…");
        for (int i = 0; i < label.length(); ) {
            int cp = label.codePointAt(i);
            double cw = charWidth(cp);
            if (w + cw > width) {
                break;
            }
            out.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        return out.append('…').toString();
    }

    static double textWidth(String s) {
        return s.codePoints().mapToDouble(BarChart::charWidth).sum();
    }

    private static double charWidth(int cp) {
        return cp >= 0x1100 && (cp <= 0x115f || cp >= 0x2e80) && !(cp >= 0xff61 && cp <= 0xffdc) ? 12 : 7;
    }
}
