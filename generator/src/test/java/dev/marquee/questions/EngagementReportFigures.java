package dev.marquee.questions;

import dev.marquee.questions.PublicSite.Published;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static dev.marquee.questions.RawFile.assertClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The figures Netflix's "What We Watched" report for the first half of 2025 (TV) must give (issue #17), each computed here
 * from the raw file: title, available globally (Yes/No), release date, hours viewed, runtime (H:MM) and views. Its period
 * and type come from the file name (2025H1, shows). A publisher's figures about titles: no member is counted.
 */
abstract class EngagementReportFigures {

    static final String FILE = "what_we_watched_2025H1_shows.csv";
    static final String SOURCE = "What We Watched, Jan–Jun 2025";
    private static final Map<Path, List<Title>> READ = new ConcurrentHashMap<>();

    abstract PublicSite site();

    record Title(String title, Boolean global, Integer releaseYear, double hours, Double views, Integer runtimeMinutes) {
    }

    List<Title> titles() {
        return READ.computeIfAbsent(site().file(FILE), file -> RawFile.records(file).stream().filter(r -> RawFile.cell(r, "title") != null)
                .map(EngagementReportFigures::title).toList());
    }

    private static Title title(CSVRecord row) {
        String global = RawFile.cell(row, "available_globally?");
        String released = RawFile.cell(row, "release_date");
        String runtime = RawFile.cell(row, "runtime");
        // H:MM; Netflix marks a runtime it does not give with "*".
        Integer minutes = runtime == null || !runtime.matches("\\d+:\\d+") ? null
                : Integer.parseInt(runtime.split(":")[0]) * 60 + Integer.parseInt(runtime.split(":")[1]);
        return new Title(row.get("title").strip(), global == null ? null : global.equalsIgnoreCase("yes"),
                released == null ? null : Integer.valueOf(released.substring(0, 4)), RawFile.decimal(row, "hours_viewed"),
                RawFile.decimal(row, "views"), minutes);
    }

    List<Published> csv(String chart) {
        return site().csv(chart, SOURCE);
    }

    @Test
    void totals_theReportsPeriodTitlesHoursAndViews() {
        List<Published> rows = csv("what-was-watched-totals");
        assertEquals(1, rows.size(), rows.toString());
        Published totals = rows.get(0);
        assertEquals("2025-01-01", totals.text("period_start"));
        assertEquals("2025-06-30", totals.text("period_end"));
        assertClose(titles().size(), totals.number("titles"), "titles");
        assertClose(titles().stream().mapToDouble(Title::hours).sum(), totals.number("hours_viewed"), "hours viewed");
        assertClose(titles().stream().filter(t -> t.views() != null).mapToDouble(Title::views).sum(), totals.number("views"), "views");
    }

    private void assertTop(String chart, Function<Title, Double> figure) {
        List<Title> top = titles().stream().filter(t -> figure.apply(t) != null)
                .sorted(Comparator.comparing(figure, Comparator.reverseOrder()).thenComparing(Title::title)).limit(15).toList();
        List<Published> rows = csv(chart);
        assertEquals(top.stream().map(Title::title).toList(), rows.stream().map(r -> r.text("title")).toList(), chart + ": the 15 first, in order");
        for (int i = 0; i < top.size(); i++) {
            Title title = top.get(i);
            Published row = rows.get(i);
            assertClose(title.hours(), row.number("hours_viewed"), chart + ", hours of " + title.title());
            assertClose(title.views(), row.number("views"), chart + ", views of " + title.title());
            if (title.runtimeMinutes() == null) {
                RawFile.assertBlank(row.number("runtime_minutes"), chart + ", runtime of " + title.title());
            } else {
                assertClose(title.runtimeMinutes(), row.number("runtime_minutes"), chart + ", runtime of " + title.title());
            }
            assertEquals("TV Show", row.text("type"), chart + ": the file lists shows");
        }
    }

    @Test
    void topTitles_byHoursViewed() {
        assertTop("what-was-watched-top-hours", Title::hours);
        List<Published> rows = csv("what-was-watched-top-hours");
        Map<String, Boolean> global = new TreeMap<>();
        titles().forEach(t -> global.put(t.title(), t.global()));
        rows.forEach(r -> assertEquals(String.valueOf(global.get(r.text("title"))), r.text("available_globally"), r.text("title")));
    }

    @Test
    void topTitles_byViews() {
        assertTop("what-was-watched-top-views", Title::views);
    }

    /** The shows sheet has one type: a chart of one bar of 100% would say nothing, so the page says why it has none. */
    @Test
    void hoursByType_allShows_notDrawn_andSaidWhy() {
        assertEquals(List.of(), csv("what-was-watched-by-type"));
        assertTrue(site().pageText("what-was-watched.html").contains("Not shown: every title the report lists is of one type, all shows or all movies, so there is no other type to set its hours beside."));
    }

    @Test
    void hoursByGlobalAvailability_titlesHoursAndShares() {
        double all = titles().stream().filter(t -> t.global() != null).mapToDouble(Title::hours).sum();
        Map<String, List<Title>> byAvailability = new TreeMap<>();
        titles().stream().filter(t -> t.global() != null).forEach(t ->
                byAvailability.computeIfAbsent(t.global() ? "Available in every country" : "Not in every country", a -> new java.util.ArrayList<>()).add(t));
        List<Published> rows = csv("what-was-watched-by-availability");
        assertEquals(List.copyOf(byAvailability.keySet()), rows.stream().map(r -> r.text("availability")).toList());
        for (Published row : rows) {
            List<Title> in = byAvailability.get(row.text("availability"));
            double hours = in.stream().mapToDouble(Title::hours).sum();
            assertClose(in.size(), row.number("titles"), row.text("availability") + " titles");
            assertClose(hours, row.number("hours_viewed"), row.text("availability") + " hours");
            assertClose(hours / all, row.number("share_of_hours"), row.text("availability") + " share");
        }
    }

    @Test
    void hoursByReleaseYear_titlesWithAReleaseDate() {
        Map<String, Long> titles = RawFile.count(titles(), t -> t.releaseYear() == null ? null : t.releaseYear().toString());
        Map<String, Double> hours = RawFile.sum(titles(), t -> t.releaseYear() == null ? null : t.releaseYear().toString(), Title::hours);
        List<Published> rows = csv("what-was-watched-by-release-year");
        assertEquals(List.copyOf(titles.keySet()), rows.stream().map(r -> r.text("release_year")).toList());
        for (Published row : rows) {
            assertClose(titles.get(row.text("release_year")), row.number("titles"), row.text("release_year") + " titles");
            assertClose(hours.get(row.text("release_year")), row.number("hours_viewed"), row.text("release_year") + " hours");
        }
    }

    /**
     * The narrative names the leader of each measure, which differ where a long show leads by hours and a short one by
     * views (the real file: Squid Game: Season 2 by hours, Adolescence: Limited Series by views); it said the first was
     * "watched most".
     */
    @Test
    void narrative_namesTheLeaderByHours_andByViewsWhereAnother() {
        Title byHours = titles().stream().max(Comparator.comparing(Title::hours).thenComparing(Title::title, Comparator.reverseOrder())).orElseThrow();
        Title byViews = titles().stream().filter(t -> t.views() != null)
                .max(Comparator.comparing(Title::views).thenComparing(Title::title, Comparator.reverseOrder())).orElseThrow();
        String page = site().pageText("what-was-watched.html").replaceAll("\\s+", " ");
        // The report is named in the sentence, even in a report of it alone: the next sentences say "it" of it.
        assertTrue(page.contains(byHours.title() + " had the most hours viewed in ") && page.contains(": "
                + dev.marquee.format.Formats.compact(byHours.hours(), dev.marquee.format.Unit.HOURS) + ". The "), page);
        assertEquals(!byViews.title().equals(byHours.title()), page.contains("By views (hours viewed over runtime), " + byViews.title() + " leads"), page);
        assertFalse(page.contains("watched most"), page);
    }

    /**
     * The narrative says what the charts cannot: the sheet lists shows only, and the titles without a release date, which
     * the chart by release year leaves out, hold a share of its hours (the real file: 3,766 titles, 30.0B of 71.1B hours).
     */
    @Test
    void narrative_saysTheSheetIsShowsOnly_andWhatTheReleaseYearChartLeavesOut() {
        List<Title> undated = titles().stream().filter(t -> t.releaseYear() == null).toList();
        double share = undated.stream().mapToDouble(Title::hours).sum() / titles().stream().mapToDouble(Title::hours).sum();
        String page = site().pageText("what-was-watched.html").replaceAll("\\s+", " ");
        assertTrue(page.contains("It lists shows only."), page);
        String sentence = String.format(java.util.Locale.ENGLISH, "The %,d %s it gives no release date for hold %s of its hours, which the "
                + "chart by release year leaves out.", undated.size(), undated.size() == 1 ? "title" : "titles", dev.marquee.format.Formats.percent(share));
        assertTrue(undated.isEmpty() ? !page.contains("no release date for") : page.contains(sentence), sentence + "\n" + page);
        // The PDF, whose takeaway is the narrative, says it beside the same chart.
        assertTrue(undated.isEmpty() || site().pdfText().contains(sentence), sentence + "\n" + site().pdfText());
    }

    @Test
    void titlesInAnyScript_surviveInTheCsvAndThePage() {
        List<String> korean = titles().stream().sorted(Comparator.comparing(Title::hours, Comparator.reverseOrder()).thenComparing(Title::title))
                .limit(15).map(Title::title).filter(t -> t.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL))
                .toList();
        assertFalse(korean.isEmpty(), "the file's most watched titles include Korean ones");
        String csv = String.join("\n", csv("what-was-watched-top-hours").stream().map(r -> r.text("title")).toList());
        String page = site().pageText("what-was-watched.html");
        for (String title : korean) {
            assertTrue(csv.contains(title), title + " in the CSV");
            assertTrue(page.contains(title), title + " on the page");
        }
    }
}
