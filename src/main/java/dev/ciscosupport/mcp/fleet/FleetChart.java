package dev.ciscosupport.mcp.fleet;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The fleet at a glance, as a PNG (JFreeChart, drawn headless): on the left the devices' last dates of support by year
 * (those already past apart, and those with no date), on the right the devices by their most severe advisory.
 */
final class FleetChart {
    static final int WIDTH = 1000;
    static final int HEIGHT = 420;

    static {
        System.setProperty("java.awt.headless", "true"); // a server draws with no display
    }

    private FleetChart() {
    }

    static byte[] png(FleetReport report, LocalDate today) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            timeline(report, today).draw(g, new Rectangle2D.Double(0, 0, WIDTH * 0.58, HEIGHT));
            exposure(report).draw(g, new Rectangle2D.Double(WIDTH * 0.58, 0, WIDTH * 0.42, HEIGHT));
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static JFreeChart timeline(FleetReport report, LocalDate today) {
        TreeMap<Integer, int[]> byYear = new TreeMap<>();
        int noRecord = 0;
        for (DeviceRow r : report.rows()) {
            if (!r.lastDateOfSupport().isEmpty()) {
                LocalDate last = LocalDate.parse(r.lastDateOfSupport().substring(0, 10));
                byYear.computeIfAbsent(last.getYear(), y -> new int[2])[last.isBefore(today) ? 0 : 1]++;
            } else if (r.lifecycle().equals(DeviceRow.NO_EOX_RECORD) || r.lifecycle().equals(DeviceRow.ANNOUNCED)) {
                noRecord++;
            }
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        byYear.forEach((year, counts) -> {
            data.addValue(counts[0], "already past", String.valueOf(year));
            data.addValue(counts[1], "ahead", String.valueOf(year));
        });
        data.addValue(noRecord, "no EoX date", "none");
        JFreeChart chart = ChartFactory.createStackedBarChart("Last date of support (" + report.rows().size() + " devices)",
                "year", "devices", data, PlotOrientation.VERTICAL, true, false, false);
        style(chart, List.of(new Color(0xC0392B), new Color(0x2E86C1), new Color(0x99A3A4)));
        return chart;
    }

    private static JFreeChart exposure(FleetReport report) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        report.summary().advisoriesBySeverity().forEach((severity, devices) -> data.addValue(devices, "devices", severity));
        data.addValue(report.summary().notChecked().get("advisories"), "devices", "not checked");
        JFreeChart chart = ChartFactory.createBarChart("Devices by most severe advisory", "", "devices", data,
                PlotOrientation.VERTICAL, false, false, false);
        style(chart, List.of(new Color(0x884EA0)));
        return chart;
    }

    private static void style(JFreeChart chart, List<Color> colors) {
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(new Color(0xF8F9F9));
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        plot.getRangeAxis().setStandardTickUnits(NumberAxis.createIntegerTickUnits()); // devices are whole
        plot.getDomainAxis().setMaximumCategoryLabelLines(2);
        BarRenderer renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int i = 0; i < colors.size(); i++) {
            renderer.setSeriesPaint(i, colors.get(i));
        }
    }
}
