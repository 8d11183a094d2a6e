package dev.marquee.render;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample's genre pairs on a phone: with the colour legend on the right, the columns' labels skipped every other
 * genre; under the plot, every column keeps its label, as on a desktop.
 */
class HeatmapOnAPhoneTest {

    @Test
    void genrePairs_phoneDrawing_labelsEveryColumnTheDesktopDoes() throws Exception {
        String page = Files.readString(Fixtures.sampleSite().resolve("outlook.html"));
        List<String> desktop = texts(svg(page, "svg-outlook-genre-affinity"));
        List<String> phone = texts(svg(page, "svg-outlook-genre-affinity-narrow"));

        assertTrue(desktop.size() > 10, desktop.toString());
        for (String label : desktop) {
            // A genre labels its row and, if it is the first of a pair, its column: as often on the phone as on the desktop.
            if (label.matches("[A-Z].*") && !label.startsWith("Lift") && !label.equals("Genre")) {
                assertTrue(java.util.Collections.frequency(phone, label) >= java.util.Collections.frequency(desktop, label),
                        label + " is less often on the phone's drawing than on the desktop's: " + phone);
            }
        }
    }

    private static String svg(String page, String id) {
        int at = page.indexOf("id='" + id + "'");
        assertTrue(at > 0, id);
        int start = page.lastIndexOf("<svg", at);
        return page.substring(start, page.indexOf("</svg>", at));
    }

    private static List<String> texts(String svg) {
        List<String> texts = new ArrayList<>();
        Matcher text = Pattern.compile("<text[^>]*>([^<]*)</text>").matcher(svg);
        while (text.find()) {
            texts.add(text.group(1).replace("&amp;", "&"));
        }
        return texts;
    }
}
