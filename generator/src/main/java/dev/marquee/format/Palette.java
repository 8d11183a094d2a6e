package dev.marquee.format;

import java.awt.Color;
import java.util.Locale;

/**
 * The report's colours, defined once: the site's style sheet gets them as CSS variables (light, and dark for readers
 * who prefer it), the charts and the PDF as AWT colours. The charts' series colours are the chart theme's own.
 */
public enum Palette {
    BACKGROUND("bg", 0xffffff, 0x0d1117),
    INK("fg", 0x1f2328, 0xe6edf3),
    MUTED("muted", 0x59636e, 0x9198a1),
    RULE("line", 0xd8dee4, 0x3d444d),
    CARD("card", 0xf6f8fa, 0x151b23),
    ACCENT("accent", 0x0969da, 0x4493f8),
    GOOD("up", 0x1a7f37, 0x3fb950),
    BAD("down", 0xcf222e, 0xf85149),
    /**
     * A stretch of a chart shaded (the forecast period): the card's colour on white; on a dark page lighter than the
     * card, which there is all but the page's own colour.
     */
    SHADE("shade", 0xf6f8fa, 0x343b45);

    private final String variable;
    private final int light;
    private final int dark;

    Palette(String variable, int light, int dark) {
        this.variable = variable;
        this.light = light;
        this.dark = dark;
    }

    /** The colour on white: the charts' panels and the PDF are always light. */
    public Color colour() {
        return new Color(light);
    }

    /**
     * The opacities of the charts' translucent fills (a forecast's intervals, over the grid). On a dark page a colour
     * laid as thinly as on white all but disappears: there it is laid thicker.
     */
    public enum Opacity {
        INTERVAL_95("interval-95", 50, 0.35),
        INTERVAL_80("interval-80", 90, 0.4);

        private final String variable;
        private final int alpha;
        private final double dark;

        Opacity(String variable, int alpha, double dark) {
            this.variable = variable;
            this.alpha = alpha;
            this.dark = dark;
        }

        /** The alpha (0 to 255) on white: the charts' panels and the PDF are always light. */
        public int alpha() {
            return alpha;
        }

        /** The CSS custom property's name, without its dashes. */
        public String variable() {
            return variable;
        }

        /** The opacity as JFreeSVG writes an alpha: the float alpha / 255 printed as a double. */
        public String light() {
            return String.valueOf((double) (alpha / 255f));
        }
    }

    /** The CSS custom properties ({@code --fg}, ...) the style sheet reads, for light and dark colour schemes. */
    public static String cssVariables() {
        StringBuilder css = new StringBuilder("/* Written from dev.marquee.format.Palette: the colours of the site, the charts and the PDF. */\n:root {");
        for (Palette colour : values()) {
            css.append(String.format(Locale.ROOT, " --%s: #%06x;", colour.variable, colour.light));
        }
        for (Opacity opacity : Opacity.values()) {
            css.append(String.format(Locale.ROOT, " --%s: %s;", opacity.variable, opacity.light()));
        }
        css.append(" }\n@media (prefers-color-scheme: dark) {\n  :root {");
        for (Palette colour : values()) {
            css.append(String.format(Locale.ROOT, " --%s: #%06x;", colour.variable, colour.dark));
        }
        for (Opacity opacity : Opacity.values()) {
            css.append(String.format(Locale.ROOT, " --%s: %s;", opacity.variable, opacity.dark));
        }
        return css.append(" }\n}\n").toString();
    }
}
