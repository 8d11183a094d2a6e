package dev.marquee.slice;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample sliced by country: a country's KPI tiles say more than the whole report's (each sets its figure beside
 * all countries'), so its cover has less room for the headline charts. A bar chart there that could draw only its first
 * bar or two ("The 1 highest of 10 shown") gave the reader no headline: it gives its cell to the next chart instead.
 */
class SliceCoversTest {

    private static final Pattern NARRATIVE = Pattern.compile("<div class=\"narrative\">(.*?)</div>", Pattern.DOTALL);
    private static final Pattern SHORTENED = Pattern.compile("The (?:first )?(\\d+) (?:highest )?of (\\d+) shown");

    @Test
    void everyCover_drawsItsBarChartsWhole_orAtLeastFiveBars() throws IOException, InterruptedException {
        Path site = Fixtures.slicedSample("country");
        List<Path> pdfs = pdfs(site);
        assertTrue(pdfs.size() > 10, "the whole report and the countries' slices: " + pdfs);
        List<String> few = new ArrayList<>();
        for (Path pdf : pdfs) {
            String cover = Fixtures.poppler("pdftotext", pdf, "-f", "1", "-l", "1");
            assertTrue(cover.contains("Marquee streaming report"), cover);
            few.addAll(cutBelow(5, cover, site.relativize(pdf)));
        }
        assertEquals(List.of(), few, "covers drawing a bar chart cut to fewer than 5 bars");
    }

    /**
     * The sample sliced by region: no page of any PDF cuts a bar chart to fewer than 4 bars. Asia-Pacific's plans and
     * devices page had drawn its four charts with 2 of their 5 countries each, having kept room above them for a line
     * naming charts left to the site that the page did not write.
     */
    @Test
    void everyPageOfTheRegions_drawsItsBarChartsWhole_orAtLeastFourBars() throws IOException, InterruptedException {
        Path site = Fixtures.slicedSample("region");
        List<Path> pdfs = pdfs(site);
        assertTrue(pdfs.size() > 3, "the whole report and the regions' slices: " + pdfs);
        List<String> few = new ArrayList<>();
        for (Path pdf : pdfs) {
            few.addAll(cutBelow(4, Fixtures.poppler("pdftotext", pdf), site.relativize(pdf)));
        }
        assertEquals(List.of(), few, "pages drawing a bar chart cut to fewer than 4 bars");
    }

    /**
     * No narrative of the regions' slices has a sentence saying "n/a" (a key figure's tile may: its value hidden): Latin America's revenue page said "Standard brings the
     * most recurring revenue of any plan, n/a", naming a plan whose figures the slice hides.
     */
    @Test
    void noPageOfTheRegions_saysNA() throws IOException {
        Path site = Fixtures.slicedSample("region");
        Pattern unfilled = Pattern.compile("[^.>]{0,80}\\bn/a\\b(?! vs a (month|year) earlier)[^.<]{0,40}");
        List<String> found = new ArrayList<>();
        try (Stream<Path> pages = Files.walk(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html") && !p.endsWith("methodology.html")).sorted().toList()) {
                Matcher narrative = NARRATIVE.matcher(Files.readString(page));
                while (narrative.find()) {
                    Matcher na = unfilled.matcher(narrative.group(1).replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
                    while (na.find()) {
                        found.add(site.relativize(page) + ": " + na.group().strip());
                    }
                }
            }
        }
        assertEquals(List.of(), found);
    }

    /** Each "The 3 highest of 10 shown" of a PDF's text that shows fewer than {@code least} bars, named by its PDF. */
    private static List<String> cutBelow(int least, String text, Path pdf) {
        List<String> few = new ArrayList<>();
        Matcher shortened = SHORTENED.matcher(text.replaceAll("\\s+", " "));
        while (shortened.find()) {
            if (Integer.parseInt(shortened.group(1)) < least) {
                few.add(pdf + ": " + shortened.group());
            }
        }
        return few;
    }

    /** The whole report's PDF, then each published slice's. */
    private static List<Path> pdfs(Path site) throws IOException {
        List<Path> pdfs = new ArrayList<>(List.of(site.resolve("report.pdf")));
        try (Stream<Path> slices = Files.list(site.resolve("slices"))) {
            slices.map(s -> s.resolve("report.pdf")).filter(Files::exists).sorted().forEach(pdfs::add);
        }
        return pdfs;
    }
}
