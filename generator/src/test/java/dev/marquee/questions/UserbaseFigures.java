package dev.marquee.questions;

import dev.marquee.format.Formats;
import dev.marquee.questions.PublicSite.Published;
import dev.marquee.questions.SmallGroups.Group;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import static dev.marquee.questions.RawFile.assertBlank;
import static dev.marquee.questions.RawFile.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures the Kaggle "Netflix Userbase" file must give (issue #17), each computed here from the raw file: one row
 * per subscriber with plan, monthly revenue, join date, last payment (dd-mm-yyyy), country, age, gender and device.
 */
abstract class UserbaseFigures extends MemberFileFigures<UserbaseFigures.Member> {

    static final String FILE = "Netflix Userbase.csv";
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("dd-MM-yyyy");
    private static final Map<Path, List<Member>> READ = new ConcurrentHashMap<>();

    record Member(String id, String plan, double revenue, LocalDate joined, LocalDate lastPayment, String country, int age,
                  String gender, String device) {
    }

    @Override
    String source() {
        return FILE;
    }

    @Override
    List<Member> members() {
        return READ.computeIfAbsent(site().file(FILE), file -> RawFile.records(file).stream().map(UserbaseFigures::member).toList());
    }

    private static Member member(CSVRecord row) {
        return new Member(row.get("User ID").strip(), RawFile.cell(row, "Subscription Type"), RawFile.decimal(row, "Monthly Revenue"),
                LocalDate.parse(row.get("Join Date").strip(), DAY_MONTH_YEAR), LocalDate.parse(row.get("Last Payment Date").strip(), DAY_MONTH_YEAR),
                RawFile.cell(row, "Country"), RawFile.integer(row, "Age"), RawFile.cell(row, "Gender"), RawFile.cell(row, "Device"));
    }

    /** The latest date the file carries (a last payment): the day its recency is counted to. */
    LocalDate latestDate() {
        return members().stream().flatMap(m -> Stream.of(m.joined(), m.lastPayment())).max(LocalDate::compareTo).orElseThrow();
    }

    @Test
    void members_everyRowOfTheFile_onTheCoverAndInMembersByFile() {
        assertMembersKpi();
    }

    /** Beside other files the report's date is not this file's: its key figures give the file's own latest date. */
    @Test
    void keyFigures_sayTheFilesOwnDate() {
        String json = site().page("metrics.json");
        for (String label : List.of("Members (" + source() + ")", "MRR (" + source() + ")")) {
            java.util.regex.Matcher kpi = java.util.regex.Pattern.compile("\"label\": \"" + java.util.regex.Pattern.quote(label)
                    + "\"[^}]*\"comparison\": \"([^\"]*)\"").matcher(json);
            assertTrue(kpi.find(), label + " in " + json);
            assertEquals("as of " + Formats.date(latestDate()) + "; the file is one moment: nothing to compare it with", kpi.group(1), label);
        }
    }

    /** By hand from the real file: $31,271 from its 2,500 members. */
    @Test
    void mrr_onTheCover_fromTheFeesTheFileGives() {
        assertMrrKpi(Member::revenue, m -> true);
    }

    /** The file gives no watch time: the watch-time page says what it shows of its members instead (a reader's review). */
    @Test
    void watchTimePage_saysTheFileGivesNoWatchTime() {
        String sentence = source() + " gives no watch time: for its members this page shows only the days since their last payment.";
        assertTrue(site().pageText("watch-time.html").contains(sentence), sentence);
    }

    /**
     * The PDF defines MRR as its figure is computed for a subscriber list, not only for subscriptions: its first
     * sentence alone ("the sum of the monthly prices of all subscriptions active that day") did not say that a member-level
     * file's MRR leaves out the members it marks as having left.
     */
    @Test
    void pdf_definesMrr_forAMemberLevelFile() {
        assertTrue(site().pdfText().contains("For a member-level file (a subscriber list), MRR (in all, by plan and by country) is the sum of "
                + "the monthly revenue it gives for the members it does not mark as having left"), "the PDF's definition of MRR");
    }

    @Test
    void ageBands_sharesOfTheFilesMembers_smallBandsHidden() {
        assertShares("members-age-bands", "age_band", m -> RawFile.ageBand(m.age()), false);
    }

    @Test
    void gender_sharesOfTheFilesMembers_smallGroupsMerged() {
        assertShares("members-gender", "gender", Member::gender, true);
    }

    @Test
    void countries_membersAndShares_smallCountriesMerged() {
        assertShares("members-countries", "country", Member::country, true);
    }

    @Test
    void plans_membersSharesAndAverageFee_fromMonthlyRevenue() {
        Map<String, Group> truth = groupsBy(Member::plan);
        Map<Published, Set<String>> rows = SmallGroups.assertMerged("members-plans", csv("members-plans"), "plan", "members", null, truth, k());
        rows.forEach((row, plans) -> {
            List<Member> in = members().stream().filter(m -> plans.contains(m.plan())).toList();
            double fees = in.stream().mapToDouble(Member::revenue).sum();
            assertClose((double) in.size() / members().size(), row.number("share"), "share of " + plans);
            assertClose(published(fees), row.number("monthly_fees"), "monthly fees of " + plans);
            assertAverage(fees, in.size(), row.number("average_fee"), "average fee of " + plans);
        });
    }

    @Test
    void planMixByCountry_eachCountrysPlans_smallPlansMergedWithinTheCountry() {
        Map<String, List<Published>> planMix = assertCrossTab("plans-devices-plan-by-country", "plan", Member::country, Member::plan);
        Map<String, List<Published>> acrossCountries = assertCrossTab("plans-devices-plans-across-countries", "plan", Member::country, Member::plan);
        assertEquals(planMix.keySet(), acrossCountries.keySet(), "the stacked bars show the countries of the plan mix");
    }

    @Test
    void mainDeviceByCountry_theFilesDevice_smallDevicesMergedWithinTheCountry() {
        assertCrossTab("plans-devices-main-device-by-country", "device", Member::country, Member::device);
    }

    @Test
    void countryPages_showTheCountrysPlanAndMainDeviceMix() {
        assertCountryFacets("plans-devices-country-plans",
                assertCrossTab("plans-devices-plan-by-country", "plan", Member::country, Member::plan), "plan");
        assertCountryFacets("plans-devices-country-main-devices",
                assertCrossTab("plans-devices-main-device-by-country", "device", Member::country, Member::device), "device");
    }

    @Test
    void revenueByCountry_sumOfMonthlyRevenue_smallCountriesMerged() {
        assertRevenue("revenue-by-country", "country", Member::country);
    }

    @Test
    void revenueByPlan_sumOfMonthlyRevenue() {
        assertRevenue("revenue-by-plan", "plan", Member::plan);
    }

    /** By hand from the real file: Basic, $12,469 of monthly revenue from 999 members. */
    @Test
    void revenueNarrative_namesThePlanThatBringsTheMost() {
        assertTopPlanNamed(Member::plan, Member::revenue, m -> true);
    }

    private void assertRevenue(String chart, String label, java.util.function.Function<Member, String> key) {
        Map<Published, Set<String>> rows = SmallGroups.assertMerged(chart, csv(chart), label, "members", null, groupsBy(key), k());
        rows.forEach((row, names) -> {
            List<Member> in = members().stream().filter(m -> names.contains(key.apply(m))).toList();
            double mrr = in.stream().mapToDouble(Member::revenue).sum();
            assertClose(published(mrr), row.number("mrr"), chart + ", MRR of " + names);
            assertAverage(mrr, in.size(), row.number("arpu"), chart + ", ARPU of " + names);
        });
    }

    /** Members per month of their join date, from the first month to the month of the file's latest date. */
    Map<YearMonth, Long> signupsByMonth() {
        Map<YearMonth, Long> months = new TreeMap<>();
        YearMonth first = members().stream().map(m -> YearMonth.from(m.joined())).min(YearMonth::compareTo).orElseThrow();
        // To the file's latest date, its month only when over or with a join: the real file, dated 15 Jul 2023 by its last
        // payment, had no join in July's first half, shown as the lowest month.
        YearMonth asOf = YearMonth.from(latestDate());
        YearMonth lastComplete = latestDate().equals(asOf.atEndOfMonth()) ? asOf : asOf.minusMonths(1);
        YearMonth lastJoin = members().stream().map(m -> YearMonth.from(m.joined())).max(YearMonth::compareTo).orElseThrow();
        YearMonth last = lastJoin.isAfter(lastComplete) ? lastJoin : lastComplete;
        for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
            months.put(month, 0L);
        }
        members().forEach(m -> months.merge(YearMonth.from(m.joined()), 1L, Long::sum));
        return months;
    }

    /**
     * The page opens with every join of the file, from its first month to the month of its last join, and says that a
     * list of members counts only those who stayed (the real file: 2,500 from Sep 2021 to Jun 2023; dated 15 Jul 2023 by
     * its last payment, it had been said to run "to Jul 2023", a month no one joined in).
     */
    @Test
    void signupsPage_opensWithTheFilesSignups_andWhomTheyCount() {
        Map<YearMonth, Long> months = signupsByMonth();
        long signups = months.values().stream().mapToLong(Long::longValue).sum();
        String sentence = String.format(java.util.Locale.ENGLISH, "%,d members signed up from %s to %s. They are the members the file "
                + "lists, not those who had left by the day it was made: the earlier months count only those who stayed.", signups,
                Formats.month(months.keySet().iterator().next().atDay(1)),
                Formats.month(members().stream().map(Member::joined).max(LocalDate::compareTo).orElseThrow().withDayOfMonth(1)));
        assertTrue(site().pageText("signups.html").replaceAll("\\s+", " ").contains(sentence), sentence);
    }

    @Test
    void signupsPage_namesTheBusiestCompleteMonth() {
        YearMonth asOfMonth = YearMonth.from(latestDate());
        // Complete months: the as-of month only when the latest date is its last day.
        YearMonth lastComplete = latestDate().equals(asOfMonth.atEndOfMonth()) ? asOfMonth : asOfMonth.minusMonths(1);
        Map.Entry<YearMonth, Long> busiest = null;
        for (Map.Entry<YearMonth, Long> month : signupsByMonth().entrySet()) {
            if (!month.getKey().isAfter(lastComplete) && (busiest == null || month.getValue() > busiest.getValue())) {
                busiest = month;
            }
        }
        String page = site().pageText("signups.html");
        if (busiest.getValue() < k()) {
            // A month of fewer than k signups is not published, nor the sentence that would name it (the excerpt's).
            assertFalse(page.contains("the most of any complete month"), page);
            return;
        }
        String sentence = String.format(java.util.Locale.ENGLISH, "%,d %s signed up in %s, the most of any complete month.",
                busiest.getValue(), busiest.getValue() == 1 ? "member" : "members", Formats.month(busiest.getKey().atDay(1)));
        assertTrue(page.contains(sentence), sentence);
    }

    @Test
    void signupsByMonth_fromJoinDates_smallMonthsHiddenWithTheirRunningTotal_butTheLast() {
        Map<YearMonth, Long> truth = signupsByMonth();
        List<Published> rows = csv("signups-monthly");
        assertEquals(truth.keySet().stream().map(m -> m.atDay(1).toString()).toList(), rows.stream().map(r -> r.text("month")).toList(),
                "one row per month from the first join to the file's last complete month or last join");
        long running = 0;
        long hiddenRun = 0;
        int i = 0;
        for (Map.Entry<YearMonth, Long> month : truth.entrySet()) {
            Published row = rows.get(i++);
            running += month.getValue();
            if (row.blank("signups")) {
                if (i == rows.size()) {
                    // The last month's running total is every signup, the total the page opens with: shown even hidden.
                    assertClose(running, row.number("cumulative_signups"), month.getKey() + ": the last running total, the total");
                } else {
                    assertBlank(row.number("cumulative_signups"), month.getKey() + ": a running total on a hidden month");
                }
                hiddenRun += month.getValue();
                continue;
            }
            assertTrue(month.getValue() == 0 || month.getValue() >= k(), month.getKey() + " shows " + month.getValue() + " signups, under k");
            assertTrue(hiddenRun == 0 || hiddenRun >= k(), "the hidden months before " + month.getKey() + " hold " + hiddenRun + ", under k");
            hiddenRun = 0;
            assertClose(month.getValue(), row.number("signups"), month.getKey() + " signups");
            assertClose(running, row.number("cumulative_signups"), month.getKey() + " cumulative signups");
        }
        assertTrue(hiddenRun == 0 || hiddenRun >= k(), "the hidden months at the end hold " + hiddenRun + ", under k");
    }

    /**
     * The complete calendar years of signups (the report's definition): from the first join's year when it is January,
     * else the next, to the latest date's year when it is 31 December, else the one before.
     */
    java.util.List<Integer> completeYears() {
        LocalDate first = members().stream().map(Member::joined).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = latestDate();
        int from = first.getMonthValue() == 1 ? first.getYear() : first.getYear() + 1;
        int to = last.plusDays(1).getYear() - 1;
        java.util.List<Integer> years = new java.util.ArrayList<>();
        for (int year = from; year <= to; year++) {
            years.add(year);
        }
        return years;
    }

    /** Signups per calendar month over the complete years. */
    Map<Integer, Group> seasonality() {
        java.util.List<Integer> years = completeYears();
        Map<Integer, Group> months = new TreeMap<>();
        members().stream().filter(m -> years.contains(m.joined().getYear()))
                .forEach(m -> months.merge(m.joined().getMonthValue(), Group.of(1), Group::plus));
        return months;
    }

    /** The months of the year in which a complete year had some signups but fewer than k: their seasonality is hidden. */
    Set<String> monthsOfTheYearWithASmallMonth() {
        java.util.List<Integer> years = completeYears();
        Map<YearMonth, Long> months = new TreeMap<>();
        members().stream().filter(m -> years.contains(m.joined().getYear()))
                .forEach(m -> months.merge(YearMonth.from(m.joined()), 1L, Long::sum));
        Set<String> small = new java.util.TreeSet<>();
        months.forEach((month, n) -> {
            if (n > 0 && n < k()) {
                small.add(Integer.toString(month.getMonthValue()));
            }
        });
        return small;
    }

    @Test
    void seasonality_signupsPerCalendarMonth_averagedOverTheCompleteYears() {
        List<Published> rows = csv("signups-seasonality");
        if (completeYears().size() < 2) {
            // The real file's one complete year, 2022: its average would be 2022's monthly chart again.
            assertEquals(List.of(), rows, "no seasonality from fewer than two complete years");
            assertTrue(site().pageText("signups.html").contains("Not shown: the data has fewer than two complete calendar years"),
                    "the page says why the seasonality is not shown");
            assertFalse(site().pageText("signups.html").contains("averages complete calendar years"), "nor the sentence on it");
            return;
        }
        long years = completeYears().size();
        int first = completeYears().get(0);
        int last = completeYears().get(completeYears().size() - 1);
        // One year is named alone: "from 2022 to 2022" read as a slip.
        String span = "averages complete calendar years only: " + (first == last ? first : first + "–" + last) + ".";
        assertTrue(site().pageText("signups.html").contains(span), span);
        Map<String, Group> truth = new TreeMap<>();
        seasonality().forEach((month, group) -> truth.put(Integer.toString(month), group));
        Map<Published, Set<String>> shown = SmallGroups.assertHidden("signups-seasonality", rows, "month_number",
                "signups", null, truth, k());
        shown.forEach((row, month) -> assertClose((double) truth.get(month.iterator().next()).members() / years,
                row.number("average_signups"), "average signups in month " + month));
        // The real file's one complete year, 2022, had 8 signups in January and 5 in February: those months, and any
        // other month of the year holding a month the monthly table hides, show no figure.
        Set<String> shownMonths = new java.util.TreeSet<>();
        shown.values().forEach(shownMonths::addAll);
        shownMonths.retainAll(monthsOfTheYearWithASmallMonth());
        assertEquals(Set.of(), shownMonths, "months of the year adding up a month under k");
    }

    @Test
    void seasonality_revealsNoMonthHiddenInSignupsByMonth() {
        Map<Integer, Group> seasonality = seasonality();
        java.util.List<Integer> years = completeYears();
        List<Published> monthly = csv("signups-monthly");
        for (Published row : csv("signups-seasonality")) {
            if (row.blank("signups")) {
                continue;
            }
            int month = Integer.parseInt(row.text("month_number"));
            double shownMonths = monthly.stream()
                    .filter(m -> !m.blank("signups") && LocalDate.parse(m.text("month")).getMonthValue() == month
                            && years.contains(LocalDate.parse(m.text("month")).getYear()))
                    .mapToDouble(m -> m.number("signups")).sum();
            double worked = row.number("signups") - shownMonths;
            assertTrue(worked == 0 || worked >= k(), "month " + month + ": " + row.number("signups") + " signups in all minus " + shownMonths
                    + " shown month by month leaves " + worked + " members of hidden months (" + seasonality.get(month) + ")");
        }
    }

    @Test
    void seasonality_showsEveryMonthOfTheYearWhoseMonthsAreAllShown() {
        java.util.List<Integer> years = completeYears();
        List<Published> monthly = csv("signups-monthly");
        for (Published row : csv("signups-seasonality")) {
            int month = Integer.parseInt(row.text("month_number"));
            boolean hidesOne = monthly.stream().anyMatch(m -> m.blank("signups") && LocalDate.parse(m.text("month")).getMonthValue() == month
                    && years.contains(LocalDate.parse(m.text("month")).getYear()));
            assertEquals(hidesOne, row.blank("signups"), "month " + month + " of the complete years " + years
                    + " is hidden exactly when the monthly signups hide one of its months");
            assertEquals(years.get(0) + "–" + years.get(years.size() - 1), row.text("first_year") + "–" + row.text("last_year"),
                    "the years the averages cover");
        }
    }

    @Test
    void recency_daysSinceTheLastPayment_untilTheLatestDateInTheFile() {
        LocalDate asOf = latestDate();
        assertRecency(m -> ChronoUnit.DAYS.between(m.lastPayment(), asOf), "payment");
    }
}
