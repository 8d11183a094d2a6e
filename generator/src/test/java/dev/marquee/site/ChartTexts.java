package dev.marquee.site;

import org.openqa.selenium.chrome.ChromeDriver;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The texts of the chart drawings a reader sees on the open page, measured by Chromium, and what is wrong with where
 * they are: two texts on top of each other, a text outside its drawing, a label cut short with an ellipsis.
 * Positions are in the drawing's own units (its viewBox), so a check means the same at every width.
 */
final class ChartTexts {

    /** How far two texts may overlap, or a text cross its drawing's edge, before a reader notices: one unit. */
    static final double TOLERANCE = 1.0;

    /**
     * Every {@code svg.chart-svg} with a size (the site draws each chart twice, wide and narrow, and its style sheet
     * hides one), each non-empty text as the four corners of its box in the drawing's units: getBBox in the text's
     * own units carried through its transforms, so a rotated label is a rotated box, not the larger upright box
     * around it.
     */
    private static final String MEASURE = """
            var drawings = [];
            document.querySelectorAll('svg.chart-svg').forEach(function (svg) {
              var shown = svg.getBoundingClientRect();
              if (shown.width === 0 || shown.height === 0) { return; }
              var figure = svg.closest('figure');
              var view = svg.viewBox.baseVal;
              var toDrawing = svg.getScreenCTM().inverse();
              var texts = [];
              svg.querySelectorAll('text').forEach(function (text) {
                var content = text.textContent;
                if (!content.trim()) { return; }
                var b = text.getBBox();
                var m = toDrawing.multiply(text.getScreenCTM());
                var corners = [[b.x, b.y], [b.x + b.width, b.y], [b.x + b.width, b.y + b.height], [b.x, b.y + b.height]]
                    .map(function (p) { return [m.a * p[0] + m.c * p[1] + m.e, m.b * p[0] + m.d * p[1] + m.f]; });
                texts.push({content: content, corners: corners});
              });
              var hasView = view && view.width > 0;
              drawings.push({chart: figure && figure.id ? figure.id : (svg.id || 'svg'),
                  x: hasView ? view.x : 0, y: hasView ? view.y : 0,
                  width: hasView ? view.width : shown.width, height: hasView ? view.height : shown.height, texts: texts});
            });
            return drawings;
            """;

    private ChartTexts() {
    }

    /** A text of a drawing: what it says and the corners of its box, in order around it. */
    record Text(String content, List<double[]> corners) {
    }

    /** A chart drawing the reader sees: the figure it belongs to, its box, and its texts. */
    record Drawing(String chart, double x, double y, double width, double height, List<Text> texts) {
    }

    /** The drawings shown on the page the browser has open, at its current width. */
    static List<Drawing> measure(ChromeDriver browser) {
        List<Drawing> drawings = new ArrayList<>();
        for (Object item : (List<?>) browser.executeScript(MEASURE)) {
            Map<?, ?> drawing = (Map<?, ?>) item;
            List<Text> texts = new ArrayList<>();
            for (Object t : (List<?>) drawing.get("texts")) {
                Map<?, ?> text = (Map<?, ?>) t;
                List<double[]> corners = new ArrayList<>();
                for (Object corner : (List<?>) text.get("corners")) {
                    List<?> xy = (List<?>) corner;
                    corners.add(new double[] {number(xy.get(0)), number(xy.get(1))});
                }
                texts.add(new Text((String) text.get("content"), corners));
            }
            drawings.add(new Drawing((String) drawing.get("chart"), number(drawing.get("x")), number(drawing.get("y")),
                    number(drawing.get("width")), number(drawing.get("height")), texts));
        }
        return drawings;
    }

    /** Every fault of one drawing, each a line naming {@code where} (page and width), the chart and the text. */
    static List<String> problems(String where, Drawing drawing) {
        List<String> problems = new ArrayList<>();
        String at = where + " " + drawing.chart() + ": ";
        List<Text> texts = drawing.texts();
        for (int i = 0; i < texts.size(); i++) {
            Text text = texts.get(i);
            String content = text.content().strip();
            if (content.endsWith("…") || content.endsWith("...")) {
                problems.add(at + quote(content) + " is cut short");
            }
            double outside = outside(text, drawing);
            if (outside > TOLERANCE) {
                problems.add(at + quote(content) + " leaves the drawing by " + units(outside));
            }
            for (int j = i + 1; j < texts.size(); j++) {
                double overlap = overlap(text.corners(), texts.get(j).corners());
                if (overlap > TOLERANCE) {
                    problems.add(at + quote(content) + " overlaps " + quote(texts.get(j).content().strip()) + " by " + units(overlap));
                }
            }
        }
        return problems;
    }

    /** How far the text's box reaches beyond the drawing's box, on its worst side; zero or less when inside. */
    static double outside(Text text, Drawing drawing) {
        double worst = Double.NEGATIVE_INFINITY;
        for (double[] p : text.corners()) {
            worst = Math.max(worst, Math.max(Math.max(drawing.x() - p[0], p[0] - (drawing.x() + drawing.width())),
                    Math.max(drawing.y() - p[1], p[1] - (drawing.y() + drawing.height()))));
        }
        return worst;
    }

    /**
     * How deep two convex boxes overlap: the smallest overlap of their shadows on the axes perpendicular to their
     * edges (separating axis theorem); zero or less when some axis separates them. For two upright boxes this is the
     * smaller of their overlaps across and down.
     */
    static double overlap(List<double[]> a, List<double[]> b) {
        double depth = Double.POSITIVE_INFINITY;
        for (List<double[]> shape : List.of(a, b)) {
            for (int i = 0; i < shape.size(); i++) {
                double[] p = shape.get(i);
                double[] q = shape.get((i + 1) % shape.size());
                double nx = q[1] - p[1];
                double ny = p[0] - q[0];
                double length = Math.hypot(nx, ny);
                if (length == 0) {
                    continue;
                }
                double[] sa = shadow(a, nx / length, ny / length);
                double[] sb = shadow(b, nx / length, ny / length);
                depth = Math.min(depth, Math.min(sa[1], sb[1]) - Math.max(sa[0], sb[0]));
            }
        }
        return depth;
    }

    private static double[] shadow(List<double[]> shape, double nx, double ny) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double[] p : shape) {
            double d = p[0] * nx + p[1] * ny;
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
        return new double[] {min, max};
    }

    private static double number(Object value) {
        return ((Number) value).doubleValue();
    }

    private static String quote(String text) {
        return "\"" + text + "\"";
    }

    private static String units(double amount) {
        return String.format(Locale.ROOT, "%.1f", amount);
    }
}
