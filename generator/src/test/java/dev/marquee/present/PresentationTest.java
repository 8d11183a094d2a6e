package dev.marquee.present;

import dev.marquee.Fixtures;
import dev.marquee.Pipeline;
import dev.marquee.config.Config;
import dev.marquee.report.Report;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The report as readers see it, built from the sample data's answers: what the site and the PDF both lay out, so
 * neither of them has a choice left to make.
 */
class PresentationTest {

    private static Report report;
    private static Presentation shown;

    @BeforeAll
    static void buildTheSampleReport() throws Exception {
        Config config = Config.defaults().withDataDir(Fixtures.ROOT.resolve("data")).withQuestionsDir(Fixtures.QUESTIONS)
                .withOutDir(Fixtures.scratch("marquee-presentation-").resolve("site")).withAsOf(LocalDate.of(2024, 12, 31));
        report = new Pipeline(config, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).build();
        shown = Presentation.of(report);
    }

    @Test
    void everyQuestion_isAPage_inTheQuestionsOrder_withItsTakeawayFromItsNarrative() {
        assertEquals(report.sections().stream().map(s -> s.slug()).toList(), shown.pages().stream().map(Page::slug).toList());
        for (Page page : shown.pages()) {
            String opening = page.takeaway().endsWith("…") ? page.takeaway().substring(0, page.takeaway().length() - 1) : page.takeaway();
            assertTrue(Takeaway.plain(page.narrative()).startsWith(opening), page.slug() + ": the takeaway opens the narrative");
            assertFalse(page.takeaway().isBlank(), page.slug());
        }
    }

    @Test
    void aFacetedChartsTableOfEveryCountry_isNotShownAgain_besideTheChartOfTheSameStatement() {
        Page plans = shown.pages().stream().filter(p -> p.slug().equals("plans-devices")).findFirst().orElseThrow();
        List<Figure> everyCountry = plans.figures().stream()
                .filter(f -> f.chart().spec().facet().isPresent() && f.chart().facetValue().isEmpty()).toList();
        assertFalse(everyCountry.isEmpty(), "the plans page has charts per country");
        for (Figure table : everyCountry) {
            boolean repeats = plans.shown().stream().anyMatch(f -> f.chart().spec().facet().isEmpty()
                    && f.chart().spec().query().equals(table.chart().spec().query()) && f.chart().data().equals(table.chart().data()));
            assertEquals(!repeats, plans.shown().contains(table), table.title() + ": shown only where no chart has its rows");
        }
    }

    @Test
    void aDashboardPage_drawsAtMostFourCharts_ofItsQuestionsOwnPage() {
        for (Page page : shown.pages()) {
            List<Figure> dashboard = page.dashboard();
            assertTrue(dashboard.size() <= Page.DASHBOARD_CHARTS, page.slug());
            assertTrue(page.shown().containsAll(dashboard), page.slug());
            assertTrue(dashboard.stream().allMatch(Figure::drawn), page.slug() + ": a table-only entry is no chart");
            assertTrue(page.shown().stream().noneMatch(f -> f.chart().facetValue().isPresent()), page.slug()
                    + ": a country's chart is on the country's page");
        }
    }

    @Test
    void theHeadlines_areEachQuestionsDeclaredHeadline_once() {
        List<Presentation.Headline> headlines = shown.headlines();
        long declared = report.sections().stream().filter(s -> s.answer().question().headline().isPresent()).count();
        assertEquals(declared, headlines.size());
        for (Presentation.Headline headline : headlines) {
            assertTrue(headline.page().shown().contains(headline.figure()));
            assertEquals(headline.page().slug(), headline.figure().chart().questionSlug());
        }
    }

    @Test
    void everyFiguresTable_isFormattedOnce_oneCellPerValue() {
        for (Page page : shown.pages()) {
            for (Figure figure : page.figures()) {
                DataTable table = figure.table();
                assertEquals(figure.chart().data().rowCount(), table.rows().size(), figure.chart().fileStem());
                assertEquals(figure.chart().data().columns().size(), table.headers().size(), figure.chart().fileStem());
                assertTrue(table.headers().stream().noneMatch(h -> h.contains("_")), figure.chart().fileStem() + ": " + table.headers());
            }
        }
    }

    @Test
    void aChartFacetedByCountry_saysWhereEachCountrysChartIs_andTheCountriesEndWithOther() {
        Figure all = shown.pages().stream().flatMap(p -> p.shown().stream())
                .filter(f -> f.chart().spec().facet().isPresent()).findFirst().orElseThrow();
        assertTrue(all.description().endsWith("Every country has its own chart on its page; here is the data for all of them.")
                || all.description().contains("Every country has its own chart on its page; here is the data for all of them. "),
                all.description());
        List<Countries.Country> countries = shown.countries().countries();
        assertFalse(countries.isEmpty());
        assertTrue(countries.get(countries.size() - 1).isOther(), "Other (small groups) comes last");
        List<String> named = countries.stream().filter(c -> !c.isOther()).map(Countries.Country::name).toList();
        assertEquals(named.stream().sorted().toList(), named, "the countries in name order");
        for (Countries.Country country : countries) {
            assertEquals(shown.countries().columns().size(), country.values().size(), country.name());
            assertTrue(country.figures().stream().allMatch(f -> f.chart().facetValue().orElseThrow().equals(country.name())));
        }
    }

    @Test
    void theFixedTexts_sayTheSmallestGroupRule_withK() {
        assertTrue(shown.privacyRule().contains(Integer.toString(report.parameters().minGroupSize())), shown.privacyRule());
        assertTrue(shown.privacySummary().startsWith("Only aggregates are published. " + shown.privacyRule()));
        assertEquals("as of 31 Dec 2024", shown.dateline());
        assertTrue(shown.sources().startsWith("The files of the data folder: "), shown.sources());
        assertTrue(shown.changes().isEmpty(), "an edition without a history has no changes to tell");
    }
}
