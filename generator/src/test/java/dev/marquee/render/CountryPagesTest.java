package dev.marquee.render;

import dev.marquee.Fixtures;
import dev.marquee.Pipeline;
import dev.marquee.config.Config;
import dev.marquee.engine.Table;
import dev.marquee.report.Report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The countries table and each country's page on the hand-built fixture in fixtures/questions (as of 2024-03-31,
 * k = 2; its README shows the members, subscriptions and MRR by country).
 */
class CountryPagesTest {

    private static Report report;
    private static Path site;

    @BeforeAll
    static void build() throws Exception {
        site = Fixtures.scratch("marquee-countries-").resolve("site");
        Config config = Config.defaults().withDataDir(Fixtures.FIXTURES.resolve("questions")).withOutDir(site)
                .withQuestionsDir(Fixtures.QUESTIONS).withAsOf(LocalDate.of(2024, 3, 31)).withMinGroupSize(2);
        report = new Pipeline(config, new PrintStream(new ByteArrayOutputStream())).build();
    }

    /**
     * Active on 31 Jan: s1, s2 (US), s4 (Canada), s6 (France); on 29 Feb: s1 (US), s4 (Canada), s6 (France), s2 having
     * ended on 20 Feb; on 31 Mar: s1, s3, s7 (US), s4, s5 (Canada), s6 having ended on 10 Mar. With k = 2, January's
     * Canada and France (1 each) merge into Other, and February's three countries of 1 all do (3). The United States'
     * line then hides February's 1 member, fewer than k: its smallest shown month, January (2), is merged too (Other 4).
     */
    @Test
    void activeMembersByCountry_countEachMonthsLastDay_andMergeSmallCountriesWithinTheMonth() {
        Table trend = report.sections().stream().filter(s -> s.slug().equals("churn")).findFirst().orElseThrow()
                .answer().result("monthly_by_country");

        List<String> rows = trend.rows().stream().map(r -> r.get(0) + " " + r.get(1) + " " + r.get(2)).sorted().toList();
        assertEquals(List.of("2024-01-01 Other (small groups) 4", "2024-02-01 Other (small groups) 3",
                "2024-03-01 Canada 2", "2024-03-01 United States 3"), rows);
    }

    /**
     * Members on 31 Mar: United States 3 (members 1, 2, 6), Canada 2 (3, 4): 5 in all. MRR: United States 8.99 + 15.49
     * + 8.99 = 33.47, Canada 22.99 + 8.99 = 31.98, each published rounded to the $50 step of the fixture's prices (8.99 to
     * 22.99 at k = 2: the first round amount at or above 28): $50 and $50, without cents, 100 in all countries shown, so
     * 50% of all countries' MRR, a share without that total and in whole percent (the rounded rows need not add up to the rounded MRR of all
     * members). Churn by
     * country is one Other row whose churner count is hidden: no country has a churn rate, and there is nothing to pool.
     */
    @Test
    void countryPage_comparesEachFigureWithAllCountries() throws Exception {
        String us = Files.readString(site.resolve("country-united-states.html"));

        assertTrue(us.contains("<span class=\"kpi-value\">3 members</span><span class=\"kpi-note\">60.0% of all countries’ 5 members</span>"), us);
        assertTrue(us.contains("<span class=\"kpi-value\">$50</span><span class=\"kpi-note\">50% of all countries’ MRR</span>"), us);
        assertTrue(us.contains("Not published"), "the churn rate is not published for a country merged into Other");
        // Its reason leads with the protection, not with a size its own members (shown beside it) contradict.
        assertTrue(us.contains("Counted in Other (small groups) so that no group of fewer than 2 members can be worked out from the totals"), us);
        assertFalse(us.contains("All countries:"), "no pooled churn rate where the churners are hidden");
    }

    @Test
    void countriesTable_givesEveryCountrysFiguresInFull() throws Exception {
        String hub = Files.readString(site.resolve("countries.html"));
        // Its note says what a dash is, which it has.
        assertTrue(hub.contains("A dash is a figure not published for that country"), hub);

        assertTrue(hub.contains("<th scope=\"col\" class=\"num\">Members</th><th scope=\"col\" class=\"num\">Churn rate</th>"
                + "<th scope=\"col\" class=\"num\">MRR</th>"), hub);
        assertTrue(hub.contains("<a href=\"country-canada.html\">Canada</a></th><td class=\"num\" data-label=\"Members\">2</td>"
                + "<td class=\"num\" data-label=\"Churn rate\">–</td><td class=\"num\" data-label=\"MRR\">$50</td>"), hub);
    }

    /** Other's line counts other countries from one month to the next: its page says so before a reader takes a jump for growth. */
    @Test
    void theOtherPage_saysItsCountriesChange_aCountrysPageHasNoSuchLead() throws Exception {
        String other = Files.readString(site.resolve("country-other-small-groups.html"));
        assertTrue(other.contains("<p class=\"lead\">The countries too small to show on their own, together. Which countries they are "
                + "can differ from one figure to the next and from one month to the next"), other);
        assertFalse(Files.readString(site.resolve("country-canada.html")).contains("<p class=\"lead\">"));
    }

    /**
     * In the sample, Argentina is merged into Other in every key figure (its members, churners or MRR are too few, or
     * protect a smaller country): its page said the same four lines under each of its three tiles, and now says them
     * once under the tiles. Japan, with one figure not published, keeps the reason under that tile.
     */
    @Test
    void countryPage_everyFigureNotPublished_saysWhyOnce() throws Exception {
        String argentina = Files.readString(Fixtures.sampleSite().resolve("country-argentina.html"));

        assertEquals(3, argentina.split("<span class=\"kpi-value\">Not published</span>", -1).length - 1, argentina);
        assertFalse(argentina.contains("kpi-note"), argentina);
        assertTrue(argentina.contains("<p class=\"note\">Members, churn rate and MRR are not published here: each is counted in "
                + "Other (small groups) so that no group of fewer than 10 members can be worked out from the totals"), argentina);
        String japan = Files.readString(Fixtures.sampleSite().resolve("country-japan.html"));
        assertFalse(japan.contains("<p class=\"note\">"), japan);
        assertTrue(japan.contains("<span class=\"kpi-value\">Not published</span><span class=\"kpi-note\">Counted in Other"), japan);
    }

    @Test
    void countryPage_linksTheOtherCountriesButNotItself() throws Exception {
        String canada = Files.readString(site.resolve("country-canada.html"));
        String others = canada.substring(canada.indexOf("<h2>Other countries</h2>"));

        assertTrue(others.contains("href=\"country-united-states.html\""));
        assertFalse(others.contains("href=\"country-canada.html\""));
    }
}
