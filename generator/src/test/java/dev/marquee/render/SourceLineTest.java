package dev.marquee.render;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A chart names the population it counts only where populations sit side by side (PublicFilesTest checks those):
 * the sample is one, named on the About and Data pages, and "Source: event files." under its every chart said nothing.
 */
class SourceLineTest {

    @Test
    void onePopulation_noSourceLineUnderItsCharts() throws Exception {
        Path site = Fixtures.sampleSite();
        try (Stream<Path> pages = Files.list(site)) {
            for (Path page : pages.filter(p -> p.toString().endsWith(".html")).toList()) {
                assertFalse(Files.readString(page).contains("Source: event files."), page.getFileName().toString());
            }
        }
        assertTrue(Files.readString(site.resolve("about.html")).contains("users.csv.gz"), "the About page names the files");
    }
}
