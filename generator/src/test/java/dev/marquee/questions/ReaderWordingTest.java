package dev.marquee.questions;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words a reader of a public file's report gets, read back from the pages the command line built from the checked-in
 * excerpts (fixtures/shapes, twelve rows each, built at k = 1): what a reader review found worded wrongly for that data.
 */
class ReaderWordingTest {

    @TempDir
    static Path work;
    private static final Map<List<String>, PublicSite> BUILT = new HashMap<>();

    /** The report of some of the excerpts, built once. */
    private static synchronized PublicSite built(String... files) {
        return BUILT.computeIfAbsent(List.of(files), f -> {
            PublicSite site = PublicSite.build(work.resolve(String.join("-", f.stream().map(PublicSite::slug).toList())), 1, false,
                    f.stream().map(Fixtures.EXCERPTS::resolve).toList());
            assertEquals(0, site.run().exitCode(), site.run().err());
            return site;
        });
    }

    /**
     * Given the churn file alone (each member's watch hours as one total, no sessions), when its watch-time page is read,
     * then the hours chart says the file gives them, not that they come from viewing sessions up to 1,000 or more.
     */
    @Test
    void churnFileAlone_hoursChart_describesTheFilesTotalsNotSessions() {
        String text = built(ChurnFigures.FILE).pageText("watch-time.html");

        assertTrue(text.contains("Members by the total watch hours the file gives for each member; it holds no viewing sessions."), text);
        assertFalse(text.contains("from their viewing sessions"), text);
        assertFalse(text.contains("1,000 or more"), text);
    }
}
