package dev.marquee.site;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report of fixtures/hostile (titles, ratings and countries holding Markdown links to javascript:, an external
 * image, a narrative placeholder, ESC sequences, C1 controls, line breaks, every bidi control, and country names that
 * read the same as file names), read back file by file: every page, the SVG inside them, every CSV, metrics.json and
 * the PDF's text.
 */
class HostileTextTest {

    /** The most-watched title of the fixture: the Top titles narrative quotes it. */
    private static final String TOP_TITLE = "[j](JaVaScRiPt:alert(1)) {{ by_hours.viewers[0] | members }}";
    private static final Pattern URL_ATTRIBUTE = Pattern.compile("\\b(?:href|src|action|xlink:href)\\s*=\\s*\"([^\"]*)\"");
    private static final Pattern HIDDEN = Pattern.compile("[\\p{Cc}&&[^\\n\\t]]|[\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069]");
    private static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = Fixtures.scratch("marquee-hostile-").resolve("site");
        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.FIXTURES.resolve("hostile").toString(), "--out", site.toString(),
                "--min-group-size", "1");
        assertEquals(0, run.exitCode(), run.err());
    }

    private static Map<String, String> files(String extension) {
        Map<String, String> files = new TreeMap<>();
        Fixtures.tree(site).forEach((name, bytes) -> {
            if (name.endsWith(extension)) {
                files.put(name, new String(bytes, StandardCharsets.UTF_8));
            }
        });
        return files;
    }

    @Test
    void everyPage_linksAndLoadsOnlyFilesOfTheSite() {
        List<String> outside = new ArrayList<>();
        files(".html").forEach((name, page) -> {
            Matcher url = URL_ATTRIBUTE.matcher(page);
            while (url.find()) {
                if (!url.group(1).matches("[a-z0-9][a-z0-9./_-]*(#[A-Za-z0-9_-]+)?|#[A-Za-z0-9_-]+")) {
                    outside.add(name + ": " + url.group());
                }
            }
            if (page.contains("<img")) {
                outside.add(name + ": an image");
            }
        });

        assertEquals(List.of(), outside);
    }

    @Test
    void everyPage_hasTheContentSecurityPolicy() {
        files(".html").forEach((name, page) -> assertTrue(page.contains("<meta http-equiv=\"Content-Security-Policy\" "
                + "content=\"default-src 'self'; "), name));
    }

    @Test
    void narrative_quotesTheTitleAsText_andExpandsNothingInIt() {
        String page = files(".html").get("top-titles.html");

        assertTrue(page.contains("<div class=\"narrative\"><p>The most-watched title is <em>" + TOP_TITLE
                + "</em> with 5 hours from 3 members."), page);
    }

    @Test
    void narrative_quotesTheRatingAsText_notAnImage() {
        String page = files(".html").get("catalogue.html");

        assertTrue(page.contains("Among the titles with a maturity rating, the most common is ![p](https://evil.example/t.png).</p>"), page);
    }

    @Test
    void noPage_hasAPlaceholderLeft_butTheTitleThatHoldsOne() {
        // The title, whole in tables and the narrative, cut in chart labels.
        String titleStart = TOP_TITLE.substring(0, TOP_TITLE.indexOf("[0]"));
        // A chart wraps the title over lines of its own, and fills in no placeholder: the pages' text is what is checked.
        files(".html").forEach((name, page) -> assertFalse(page.replaceAll("(?s)<svg.*?</svg>", "").replace(titleStart, "").contains("{{"), name));
    }

    @Test
    void everyOutputFile_hasNoControlCharacterNorBidiControl() throws Exception {
        Map<String, String> files = new TreeMap<>();
        files.putAll(files(".html"));
        files.putAll(files(".csv"));
        files.putAll(files(".json"));
        files.put("report.pdf as text", pdfText());
        List<String> found = new ArrayList<>();
        files.forEach((name, text) -> {
            Matcher hidden = HIDDEN.matcher(text);
            if (hidden.find()) {
                found.add(name + ": U+" + String.format("%04X", (int) hidden.group().charAt(0)) + " at " + hidden.start());
            }
        });

        assertEquals(List.of(), found);
    }

    @Test
    void bidiOverride_isShownAsAReplacementCharacter_inTablesChartsCsvAndPdf() throws Exception {
        String page = files(".html").get("top-titles.html");

        assertTrue(Pattern.compile("<td class=\"txt\"( data-label=\"[^\"]*\")?>Evil\uFFFDgnp.exe</td>").matcher(page).find(), "the table");
        assertTrue(Pattern.compile("<text[^>]*>Evil\uFFFDgnp.exe</text>").matcher(page).find(), "the chart");
        assertTrue(files(".csv").get("csv/top-titles-by-hours.csv").contains("\nEvil\uFFFDgnp.exe,"), "the CSV");
        assertTrue(pdfText().contains("Evil\uFFFDgnp.exe"), "the PDF");
    }

    @Test
    void countriesWhoseNamesReadTheSame_getAPageEach() {
        Map<String, String> countries = new TreeMap<>();
        files(".html").forEach((name, page) -> {
            if (name.startsWith("country-")) {
                Matcher heading = Pattern.compile("<h1>([^<]*)</h1>").matcher(page);
                assertTrue(heading.find(), name);
                countries.put(heading.group(1), name);
            }
        });

        assertEquals(Map.of("Côte d'Ivoire", "country-cote-d-ivoire--95ffc51d.html",
                "Cote d Ivoire", "country-cote-d-ivoire--b3d9b42c.html",
                "日本", "country-x--cf2abf0c.html",
                "中国", "country-x--f0e95216.html",
                "United States", "country-united-states.html",
                "Right\uFFFDto left", "country-right-to-left.html",
                "Esc\uFFFD[2Jland", "country-esc-2jland.html",
                "\"&gt;&lt;svg onload=alert(3)&gt;", "country-svg-onload-alert-3.html"), countries);
        assertEquals(8, files(".csv").keySet().stream().filter(f -> f.startsWith("csv/plans-devices-country-plans-")).count(),
                "a CSV per country");
    }

    private static String pdfText() throws Exception {
        // pdftotext ends every page with a form feed.
        return Fixtures.poppler("pdftotext", site.resolve("report.pdf")).replace("\f", "");
    }
}
