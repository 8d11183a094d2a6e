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
    BAD("down", 0xcf222e, 0xf85149);

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

    /** The CSS custom properties ({@code --fg}, ...) the style sheet reads, for light and dark colour schemes. */
    public static String cssVariables() {
        StringBuilder css = new StringBuilder("/* Written from dev.marquee.format.Palette: the colours of the site, the charts and the PDF. */\n:root {");
        for (Palette colour : values()) {
            css.append(String.format(Locale.ROOT, " --%s: #%06x;", colour.variable, colour.light));
        }
        css.append(" }\n@media (prefers-color-scheme: dark) {\n  :root {");
        for (Palette colour : values()) {
            css.append(String.format(Locale.ROOT, " --%s: #%06x;", colour.variable, colour.dark));
        }
        return css.append(" }\n}\n").toString();
    }
}
