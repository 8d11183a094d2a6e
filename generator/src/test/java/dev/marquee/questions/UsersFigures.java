package dev.marquee.questions;

import dev.marquee.questions.PublicSite.Published;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static dev.marquee.questions.RawFile.assertBlank;
import static dev.marquee.questions.RawFile.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The figures the Kaggle "Netflix Users Database" file must give (issue #17), each computed here from the raw file: one
 * row per user with age, country (USA, UK), plan, watch hours, favourite genre and last login. Its Name column is
 * never read here either.
 */
abstract class UsersFigures extends MemberFileFigures<UsersFigures.Member> {

    static final String FILE = "netflix_users.csv";
    private static final Map<Path, List<Member>> READ = new ConcurrentHashMap<>();

    record Member(String id, Integer age, String country, String plan, Double hours, String genre, LocalDate lastLogin) {
    }

    @Override
    String source() {
        return FILE;
    }

    @Override
    List<Member> members() {
        return READ.computeIfAbsent(site().file(FILE), file -> RawFile.records(file).stream().map(UsersFigures::member).toList());
    }

    private static Member member(CSVRecord row) {
        String country = RawFile.cell(row, "Country");
        country = "USA".equals(country) ? "United States" : "UK".equals(country) ? "United Kingdom" : country;
        return new Member(row.get("User_ID").strip(), RawFile.integer(row, "Age"), country, RawFile.cell(row, "Subscription_Type"),
                RawFile.decimal(row, "Watch_Time_Hours"), RawFile.cell(row, "Favorite_Genre"), LocalDate.parse(row.get("Last_Login").strip()));
    }

    /** The latest date the file carries (a last login): the day its recency is counted to. */
    LocalDate latestDate() {
        return members().stream().map(Member::lastLogin).max(LocalDate::compareTo).orElseThrow();
    }

    @Test
    void members_everyRowOfTheFile_onTheCoverAndInMembersByFile() {
        assertMembersKpi();
    }

    /** By hand from the real file: none: the file gives no fees. */
    @Test
    void mrr_onTheCover_fromTheFeesTheFileGives() {
        assertMrrKpi(m -> null, m -> true);
    }

    @Test
    void ageBands_sharesOfTheFilesMembers_smallBandsHidden() {
        assertShares("members-age-bands", "age_band", m -> RawFile.ageBand(m.age()), false);
    }

    @Test
    void countries_membersAndShares_usaAndUkNamedInFull() {
        assertShares("members-countries", "country", Member::country, true);
    }

    @Test
    void plans_membersAndShares_noFeeTheFileDoesNotGive() {
        Map<Published, Set<String>> rows = SmallGroups.assertMerged("members-plans", csv("members-plans"), "plan", "members", null,
                groupsBy(Member::plan), k());
        rows.forEach((row, plans) -> {
            long in = members().stream().filter(m -> plans.contains(m.plan())).count();
            assertClose((double) in / members().size(), row.number("share"), "share of " + plans);
            assertBlank(row.number("average_fee"), "average fee of " + plans);
            assertBlank(row.number("monthly_fees"), "monthly fees of " + plans);
        });
    }

    @Test
    void planMixByCountry_eachCountrysPlans_smallPlansMergedWithinTheCountry() {
        Map<String, List<Published>> planMix = assertCrossTab("plans-devices-plan-by-country", "plan", Member::country, Member::plan);
        Map<String, List<Published>> acrossCountries = assertCrossTab("plans-devices-plans-across-countries", "plan", Member::country, Member::plan);
        assertEquals(planMix.keySet(), acrossCountries.keySet(), "the stacked bars show the countries of the plan mix");
    }

    @Test
    void countryPages_showTheCountrysPlanMix() {
        assertCountryFacets("plans-devices-country-plans",
                assertCrossTab("plans-devices-plan-by-country", "plan", Member::country, Member::plan), "plan");
    }

    @Test
    void watchHoursDistribution_membersByTheHoursTheFileGives() {
        assertHoursDistribution(Member::hours);
    }

    @Test
    void heavyWatchers_theTopQuarterAndTheirShareOfHours() {
        assertHeavyWatchers(Member::hours);
    }

    @Test
    void watchHoursByFavouriteGenre_hoursPerMember() {
        assertHoursByFavouriteGenre(Member::genre, Member::hours);
    }

    @Test
    void watchHoursByAgeBand_hoursPerMember() {
        assertHoursByAgeBand(Member::age, Member::hours);
    }

    @Test
    void recency_daysSinceTheLastLogin_untilTheLatestLoginInTheFile() {
        LocalDate asOf = latestDate();
        assertRecency(m -> ChronoUnit.DAYS.between(m.lastLogin(), asOf), "login");
    }
}
