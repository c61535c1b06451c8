package dev.keyway.integration.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * The ratios of the {@link ResultTable} as bar charts, drawn by JFreeChart onto JFreeSVG's
 * {@code Graphics2D}: one chart for throughput (MB/s, connections/s; above 1 Keyway is faster)
 * and one for latency (ms; below 1 Keyway is quicker), one above the other in one SVG file. A
 * bar per row and ratio (Keyway/OpenSSH, Keyway/MINA) and JVM; a line marks 1.
 */
final class RatioChart {
    private static final int WIDTH = 1100;
    private static final int BAR_ROW_HEIGHT = 22;
    private static final int CHART_PADDING = 160;

    private RatioChart() {
    }

    static void write(ResultTable table, Path svg) throws IOException {
        List<ResultTable.Row> throughput = table.rows(r -> r.unit().higherIsBetter());
        List<ResultTable.Row> latency = table.rows(r -> r.unit() == Unit.MILLISECONDS);
        int top = height(throughput);
        int bottom = height(latency);
        SVGGraphics2D g = new SVGGraphics2D(WIDTH, top + bottom);
        chart("Throughput, Keyway's median / the other's (above 1: Keyway is faster)", throughput)
                .draw(g, new Rectangle(0, 0, WIDTH, top));
        chart("Latency, Keyway's median / the other's (below 1: Keyway is quicker)", latency)
                .draw(g, new Rectangle(0, top, WIDTH, bottom));
        Files.writeString(svg, g.getSVGDocument(), StandardCharsets.UTF_8);
    }

    private static int height(List<ResultTable.Row> rows) {
        return CHART_PADDING + BAR_ROW_HEIGHT * Math.max(1, (int) rows.stream().map(RatioChart::category).distinct().count())
                * 2;
    }

    private static JFreeChart chart(String title, List<ResultTable.Row> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (ResultTable.Row r : rows) {
            if (r.keywayToOpenSsh() != null) {
                data.addValue(r.keywayToOpenSsh(), "Keyway/OpenSSH, Java " + r.jvm(), category(r));
            }
            if (r.keywayToMina() != null) {
                data.addValue(r.keywayToMina(), "Keyway/MINA, Java " + r.jvm(), category(r));
            }
        }
        JFreeChart chart = ChartFactory.createBarChart(title, null, "ratio", data, PlotOrientation.HORIZONTAL,
                true, false, false);
        chart.getTitle().setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.addRangeMarker(new ValueMarker(1.0, Color.BLACK, new BasicStroke(1.5f)));
        plot.getDomainAxis().setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        plot.getDomainAxis().setMaximumCategoryLabelWidthRatio(0.45f);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setItemMargin(0.05);
        return chart;
    }

    private static String category(ResultTable.Row r) {
        return r.measurement() + ", " + r.compared();
    }
}
