package dev.hearth.node.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as SVG text: enough for benchmark plots that GitHub and any browser show
 * inline, with no plotting library to install. Series are drawn in the order added;
 * horizontal marks draw targets (a p99 bound).
 */
final class Plot {
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final int WIDTH = 720, HEIGHT = 360, LEFT = 70, RIGHT = 20, TOP = 40, BOTTOM = 50;

    record Point(double x, double y) {
    }

    private record Series(String name, List<Point> points) {
    }

    private record Mark(String label, double y) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<Mark> marks = new ArrayList<>();

    Plot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    Plot series(String name, List<Point> points) {
        if (!points.isEmpty()) series.add(new Series(name, List.copyOf(points)));
        return this;
    }

    Plot mark(String label, double y) {
        marks.add(new Mark(label, y));
        return this;
    }

    String svg() {
        double maxX = 0, maxY = 0;
        for (Series s : series) {
            for (Point p : s.points) {
                maxX = Math.max(maxX, p.x);
                maxY = Math.max(maxY, p.y);
            }
        }
        for (Mark m : marks) maxY = Math.max(maxY, m.y);
        maxX = nice(maxX);
        maxY = nice(maxY);
        int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
        StringBuilder svg = new StringBuilder();
        svg.append(fmt("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n",
                WIDTH, HEIGHT, WIDTH, HEIGHT));
        svg.append(fmt("<rect width=\"%d\" height=\"%d\" fill=\"white\"/>\n", WIDTH, HEIGHT));
        svg.append(fmt("<text x=\"%d\" y=\"22\" font-size=\"15\" font-weight=\"bold\">%s</text>\n", LEFT, escape(title)));
        for (int i = 0; i <= 5; i++) {
            double fx = maxX * i / 5, fy = maxY * i / 5;
            double x = LEFT + plotW * i / 5.0, y = TOP + plotH - plotH * i / 5.0;
            svg.append(fmt("<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#eee\"/>\n", x, TOP, x, TOP + plotH));
            svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>\n", LEFT, y, LEFT + plotW, y));
            svg.append(fmt("<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", x, TOP + plotH + 16, number(fx)));
            svg.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 6, y + 4, number(fy)));
        }
        svg.append(fmt("<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"none\" stroke=\"#888\"/>\n", LEFT, TOP, plotW, plotH));
        svg.append(fmt("<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%s</text>\n", LEFT + plotW / 2, HEIGHT - 12, escape(xLabel)));
        svg.append(fmt("<text transform=\"translate(16 %d) rotate(-90)\" text-anchor=\"middle\">%s</text>\n", TOP + plotH / 2, escape(yLabel)));
        for (Mark m : marks) {
            double y = TOP + plotH - plotH * (maxY == 0 ? 0 : m.y / maxY);
            svg.append(fmt("<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\" stroke-dasharray=\"6 4\"/>\n", LEFT, y, LEFT + plotW, y));
            svg.append(fmt("<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\" fill=\"#666\">%s</text>\n", LEFT + plotW - 4, y - 4, escape(m.label)));
        }
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder line = new StringBuilder();
            for (Point p : s.points) {
                double x = LEFT + plotW * (maxX == 0 ? 0 : p.x / maxX), y = TOP + plotH - plotH * (maxY == 0 ? 0 : p.y / maxY);
                line.append(fmt("%.1f,%.1f ", x, y));
                svg.append(fmt("<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2.5\" fill=\"%s\"/>\n", x, y, colour));
            }
            svg.append(fmt("<polyline points=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"/>\n", line.toString().strip(), colour));
            int legendY = TOP + 14 + 16 * i;
            svg.append(fmt("<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>\n", LEFT + 10, legendY - 4, LEFT + 28, legendY - 4, colour));
            svg.append(fmt("<text x=\"%d\" y=\"%d\">%s</text>\n", LEFT + 34, legendY, escape(s.name)));
        }
        return svg.append("</svg>\n").toString();
    }

    /** The next round number at or above {@code value} (1, 2 or 5 times a power of ten). */
    static double nice(double value) {
        if (value <= 0) return 1;
        double power = Math.pow(10, Math.floor(Math.log10(value)));
        for (double step : new double[]{1, 2, 2.5, 5, 10}) {
            if (step * power >= value) return step * power;
        }
        return 10 * power;
    }

    private static String number(double value) {
        if (value >= 1_000_000) return trim(value / 1_000_000) + "M";
        if (value >= 10_000) return trim(value / 1000) + "k";
        return trim(value);
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : fmt("%.1f", value);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String fmt(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
