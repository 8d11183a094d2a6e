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

    /**
     * Given the market fixture (three services' catalogues), when the market page is read, then its decades read as
     * decades in the chart's alt text and its table ("1990s", "2010s (Netflix)"), never as a year ("2010 (Netflix)").
     */
    @Test
    void marketCatalogues_titlesByDecade_readAsDecadesInTextTableAndTicks() throws java.io.IOException {
        List<Path> files;
        try (var listed = java.nio.file.Files.list(Fixtures.FIXTURES.resolve("market"))) {
            files = listed.filter(f -> f.toString().endsWith(".csv")).sorted().toList();
        }
        PublicSite site = PublicSite.build(work.resolve("market"), 1, false, files);
        assertEquals(0, site.run().exitCode(), site.run().err());
        String text = site.pageText("market.html");
        int chart = text.indexOf("Titles by decade of release");
        String decades = text.substring(chart, text.indexOf("SQL (market.sql: by_decade)", chart));

        assertTrue(decades.matches("(?s).*Highest: \\d{3}0s \\([^)]+\\) at .*"), decades);
        assertFalse(decades.matches("(?s).*\\b\\d{3}0\\b.*"), decades);
        String svg = site.page("market.html").replaceAll("(?s).*?(<svg[^>]*id='svg-market-decades'.*?</svg>).*", "$1");
        assertFalse(svg.matches("(?s).*>\\d{4}</text>.*"), "a decade's tick reads as a year: " + svg);
    }

    /**
     * Given the engagement report's shows sheet alone, when the page of what was watched is read, then the empty
     * "shows and movies" chart says in a sentence what is missing, not "(shows, or movies)".
     */
    @Test
    void showsSheetAlone_emptyShowsAndMoviesChart_saysWhatIsMissingInASentence() {
        String text = built(EngagementReportFigures.FILE).pageText("what-was-watched.html");

        assertTrue(text.contains("Hours viewed, shows and movies Not shown: every title the report lists is of one type, all shows "
                + "or all movies, so there is no other type to set its hours beside."), text);
        assertFalse(text.contains("(shows, or movies)"), text);
    }

    /**
     * Given the userbase alone, when the e-mail of its first edition is read, then the subject names the members once
     * ("2,500 members (…)", not "members (…) 2,500 members") and the body, with nothing to compare, gives the headline
     * figures. The excerpt's 12 members, hand-counted.
     */
    @Test
    void userbaseAlone_digest_saysTheUnitOnce_andItsBodyCarriesTheFigures() {
        PublicSite site = built(UserbaseFigures.FILE);

        assertTrue(site.page("digest-subject.txt").strip().matches("Marquee, [0-9]{1,2} [A-Z][a-z]{2} [0-9]{4}: 12 members( \\(Netflix Userbase\\.csv\\))?"), site.page("digest-subject.txt"));
        assertTrue(site.page("digest.md").contains("Headline figures: 12 members"), site.page("digest.md"));
    }

    /** Given the catalogue alone, when the e-mail's subject is read, then it says "movies" once: "N movies in the catalogue". */
    @Test
    void catalogueAlone_digestSubject_saysMoviesOnce() {
        String subject = built(KaggleCatalogueFigures.FILE).page("digest-subject.txt").strip();

        assertTrue(subject.matches("Marquee, .*: [0-9,]+ movies in the catalogue"), subject);
    }

    /**
     * Given the three member files, one of them (the churn table) without dates, when the overview's lead is read, then
     * the dated files run to their latest date and the undated one is said to have none, not listed as "none for …".
     */
    @Test
    void threeMemberFiles_oneWithoutDates_overviewLeadSaysSoInWords() {
        String text = built(UserbaseFigures.FILE, ChurnFigures.FILE, UsersFigures.FILE).pageText("index.html");

        assertTrue(text.matches("(?s).*a file of members runs to its own latest date: [A-Z][a-z]{2} [0-9]{4} for "
                + java.util.regex.Pattern.quote(UserbaseFigures.FILE) + " and [A-Z][a-z]{2} [0-9]{4} for "
                + java.util.regex.Pattern.quote(UsersFigures.FILE) + "; " + java.util.regex.Pattern.quote(ChurnFigures.FILE)
                + " has no dates\\..*"), text);
        assertFalse(text.contains("none for"), text);
    }
}
