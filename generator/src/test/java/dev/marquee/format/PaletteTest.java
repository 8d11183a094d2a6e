package dev.marquee.format;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The colours are defined once: the style sheet only reads the variables Palette writes. */
class PaletteTest {

    @Test
    void theVariablesAreWrittenForLightAndDark() {
        String css = Palette.cssVariables();

        assertTrue(css.startsWith("/* Written from dev.marquee.format.Palette"), css);
        assertEquals(2, css.split("--down: #", -1).length - 1, "light and dark");
        assertTrue(css.contains("--down: #cf222e;") && css.contains("--down: #f85149;"), css);
        assertEquals(0xcf222e, Palette.BAD.colour().getRGB() & 0xffffff);
    }

    /**
     * The forecast's intervals: on white the opacity JFreeSVG writes for their alpha (50 and 90 of 255), so the light
     * page draws them as before and as the PDF does; on the dark page thicker.
     */
    @Test
    void intervalOpacities_onWhiteAreTheDrawnAlpha_thickerOnDark() {
        String css = Palette.cssVariables();

        assertTrue(css.contains("--interval-95: 0.19607843458652496; --interval-80: 0.3529411852359772; }"), css);
        assertTrue(css.contains("--interval-95: 0.35; --interval-80: 0.4; }"), css);
        assertEquals(50, Palette.Opacity.INTERVAL_95.alpha());
    }

    @Test
    void theStyleSheetDefinesNoColourVariableOfItsOwn() throws IOException {
        String sheet;
        try (InputStream in = PaletteTest.class.getResourceAsStream("/site/style.css")) {
            sheet = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertFalse(Pattern.compile("--(bg|fg|muted|line|card|accent|up|down)\\s*:").matcher(sheet).find(),
                "a colour variable is defined in style.css besides Palette");
        assertTrue(sheet.contains("var(--down)"), "and it reads them");
    }
}
