package org.mimamori.training.card;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * A small chart drawn with Java2D (headless) into a PNG: a white canvas with a title, numeric axes with ticks,
 * grid lines and labels (or a category axis for horizontal bars), and data as lines, markers and boxes in
 * data coordinates, clipped to the plot area. Nothing in it depends on the time or on the machine's locale,
 * so the same data gives the same picture. Use once: set the axes, draw, then call {@link #png()}.
 */
final class Plot {

    /** The usual width of a card plot, in pixels. */
    static final int WIDTH = 640;
    /** The usual height of a card plot, in pixels. */
    static final int HEIGHT = 420;
    /** The main data colour (blue). */
    static final Color BLUE = new Color(0x1f, 0x5f, 0xa8);
    /** The second data colour (orange). */
    static final Color ORANGE = new Color(0xd9, 0x5f, 0x02);
    /** The colour of reference lines (grey). */
    static final Color GREY = new Color(0x88, 0x88, 0x88);

    private static final Color GRID = new Color(0xe4, 0xe4, 0xe4);
    /** The font file every plot's text is drawn with (Latin and Japanese), shipped with the training tool. */
    static final String FONT_RESOURCE = "fonts/NotoSansJP-Subset.otf";
    /** The shipped font at size 1, loaded from its file: never looked up on the machine. */
    static final Font FONT = loadFont();
    private static final Font TITLE = FONT.deriveFont(Font.BOLD, 15f);
    private static final Font LABEL = FONT.deriveFont(Font.PLAIN, 12f);
    private static final Font TICK = FONT.deriveFont(Font.PLAIN, 11f);
    private static final Stroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 4f}, 0f);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static Font loadFont() {
        System.setProperty("java.awt.headless", "true");
        try (java.io.InputStream in = Plot.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the card font " + FONT_RESOURCE + " is missing from the jar");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (java.awt.FontFormatException | IOException e) {
            throw new IllegalStateException("cannot load the card font " + FONT_RESOURCE, e);
        }
    }

    /** Where a legend goes inside the plot area. */
    enum Corner { TOP_LEFT, TOP_RIGHT, BOTTOM_RIGHT }

    private final BufferedImage image;
    private final Graphics2D g;
    private final int left;
    private final int top = 44;
    private final int right;
    private final int bottom;
    private double xMin;
    private double xMax = 1;
    private double yMin;
    private double yMax = 1;

    /**
     * A blank chart with its title.
     *
     * @param width      width in pixels
     * @param height     height in pixels
     * @param title      the title, drawn at the top
     * @param leftMargin room for the y axis's tick labels and label, in pixels
     */
    Plot(int width, int height, String title, int leftMargin) {
        image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        left = leftMargin;
        right = width - 24;
        bottom = height - 56;
        g.setFont(TITLE);
        g.setColor(Color.BLACK);
        FontMetrics fm = g.getFontMetrics();
        String shown = fit(title, width - 20, fm);
        g.drawString(shown, (width - fm.stringWidth(shown)) / 2, 26);
    }

    /** A chart of the usual size. */
    Plot(String title) {
        this(WIDTH, HEIGHT, title, 66);
    }

    /** Sets both numeric axes and draws them: frame, grid, ticks and labels. */
    Plot axes(double xFrom, double xTo, String xLabel, double yFrom, double yTo, String yLabel) {
        xMin = xFrom;
        xMax = xTo;
        yMin = yFrom;
        yMax = yTo;
        for (double t : ticks(xMin, xMax)) {
            int x = px(t);
            gridLine(x, top, x, bottom);
            tickLabel(Numbers.plain(t), x, bottom + 16, true);
        }
        for (double t : ticks(yMin, yMax)) {
            int y = py(t);
            gridLine(left, y, right, y);
            tickLabel(Numbers.plain(t), left - 6, y + 4, false);
        }
        frameAndLabels(xLabel, yLabel);
        return this;
    }

    /**
     * Sets a numeric x axis and a category y axis (first category at the top, one unit per category) and
     * draws them, for horizontal bars.
     */
    Plot categoryAxes(double xFrom, double xTo, String xLabel, List<String> categories) {
        xMin = xFrom;
        xMax = xTo;
        yMin = 0;
        yMax = Math.max(1, categories.size());
        for (double t : ticks(xMin, xMax)) {
            int x = px(t);
            gridLine(x, top, x, bottom);
            tickLabel(Numbers.plain(t), x, bottom + 16, true);
        }
        g.setFont(TICK);
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < categories.size(); i++) {
            String label = fit(categories.get(i), left - 12, fm);
            g.setColor(Color.DARK_GRAY);
            g.drawString(label, left - 6 - fm.stringWidth(label), py(yMax - i - 0.5) + 4);
        }
        frameAndLabels(xLabel, null);
        return this;
    }

    /** Draws a line through points in data coordinates; points with a NaN coordinate are skipped. */
    Plot line(double[] xs, double[] ys, Color color, boolean dashed) {
        Path2D path = new Path2D.Double();
        boolean started = false;
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                if (started) {
                    path.lineTo(fx(xs[i]), fy(ys[i]));
                } else {
                    path.moveTo(fx(xs[i]), fy(ys[i]));
                    started = true;
                }
            }
        }
        draw(path, color, dashed ? DASHED : new BasicStroke(2f), false);
        return this;
    }

    /** Draws a round marker at each point in data coordinates. */
    Plot markers(double[] xs, double[] ys, Color color) {
        for (int i = 0; i < xs.length; i++) {
            if (Double.isFinite(xs[i]) && Double.isFinite(ys[i])) {
                draw(new Ellipse2D.Double(fx(xs[i]) - 3.5, fy(ys[i]) - 3.5, 7, 7), color, new BasicStroke(1f), true);
            }
        }
        return this;
    }

    /** Fills the box between two corners in data coordinates. */
    Plot box(double x0, double y0, double x1, double y1, Color color) {
        double l = Math.min(fx(x0), fx(x1));
        double t = Math.min(fy(y0), fy(y1));
        draw(new Rectangle2D.Double(l, t, Math.abs(fx(x1) - fx(x0)), Math.abs(fy(y1) - fy(y0))), color,
                new BasicStroke(1f), true);
        return this;
    }

    /** Draws a vertical line across the plot area at x, in data coordinates. */
    Plot verticalLine(double x, Color color, boolean dashed) {
        draw(new Line2D.Double(fx(x), top, fx(x), bottom), color, dashed ? DASHED : new BasicStroke(1.5f), false);
        return this;
    }

    /** Draws a legend: one coloured swatch and name per entry. */
    Plot legend(List<String> names, List<Color> colors, Corner corner) {
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        int w = 0;
        for (String n : names) {
            w = Math.max(w, fm.stringWidth(n));
        }
        int boxW = w + 42;
        int boxH = names.size() * 18 + 10;
        int x = corner == Corner.TOP_LEFT ? left + 10 : right - boxW - 10;
        int y = corner == Corner.BOTTOM_RIGHT ? bottom - boxH - 10 : top + 10;
        g.setColor(Color.WHITE);
        g.fillRect(x, y, boxW, boxH);
        g.setColor(Color.LIGHT_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, boxW, boxH);
        for (int i = 0; i < names.size(); i++) {
            int cy = y + 14 + i * 18;
            g.setColor(colors.get(i));
            g.fillRect(x + 8, cy - 6, 22, 8);
            g.setColor(Color.BLACK);
            g.drawString(names.get(i), x + 36, cy + 3);
        }
        return this;
    }

    /** The chart as PNG bytes. */
    byte[] png() {
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** About five round tick values (steps of 1, 2 or 5 times a power of ten) from min to max. */
    static List<Double> ticks(double min, double max) {
        List<Double> out = new ArrayList<>();
        if (!(max > min)) {
            out.add(min);
            return out;
        }
        double raw = (max - min) / 5;
        double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
        double n = raw / magnitude;
        double step = (n < 1.5 ? 1 : n < 3 ? 2 : n < 7 ? 5 : 10) * magnitude;
        for (long k = (long) Math.ceil(min / step - 1e-9); k * step <= max + step * 1e-9; k++) {
            out.add(k * step);
        }
        return out;
    }

    /** A round upper bound for data reaching {@code max}: 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 times a power of ten. */
    static double niceCeiling(double max) {
        if (!(max > 0) || !Double.isFinite(max)) {
            return 1;
        }
        double magnitude = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10}) {
            if (m * magnitude >= max * (1 - 1e-12)) {
                return m * magnitude;
            }
        }
        return 10 * magnitude;
    }

    private void frameAndLabels(String xLabel, String yLabel) {
        g.setColor(Color.DARK_GRAY);
        g.setStroke(new BasicStroke(1f));
        g.drawRect(left, top, right - left, bottom - top);
        g.setFont(LABEL);
        FontMetrics fm = g.getFontMetrics();
        g.setColor(Color.BLACK);
        g.drawString(xLabel, (left + right - fm.stringWidth(xLabel)) / 2, bottom + 38);
        if (yLabel != null) {
            AffineTransform saved = g.getTransform();
            g.rotate(-Math.PI / 2);
            g.drawString(yLabel, -(top + bottom + fm.stringWidth(yLabel)) / 2, 18);
            g.setTransform(saved);
        }
    }

    private void gridLine(int x0, int y0, int x1, int y1) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1f));
        g.drawLine(x0, y0, x1, y1);
    }

    private void tickLabel(String text, int x, int y, boolean centred) {
        g.setFont(TICK);
        g.setColor(Color.DARK_GRAY);
        int w = g.getFontMetrics().stringWidth(text);
        g.drawString(text, centred ? x - w / 2 : x - w, y);
    }

    private void draw(Shape shape, Color color, Stroke stroke, boolean fill) {
        Shape clip = g.getClip();
        g.clipRect(left, top, right - left + 1, bottom - top + 1);
        g.setColor(color);
        g.setStroke(stroke);
        if (fill) {
            g.fill(shape);
        } else {
            g.draw(shape);
        }
        g.setClip(clip);
    }

    private static String fit(String text, int width, FontMetrics fm) {
        if (fm.stringWidth(text) <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && fm.stringWidth(s + "…") > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s + "…";
    }

    private double fx(double x) {
        return left + (x - xMin) / (xMax - xMin) * (right - left);
    }

    private double fy(double y) {
        return bottom - (y - yMin) / (yMax - yMin) * (bottom - top);
    }

    private int px(double x) {
        return (int) Math.round(fx(x));
    }

    private int py(double y) {
        return (int) Math.round(fy(y));
    }
}
