package dev.marquee.history;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Three weekly editions built in a row, each with the one before as its history, from the fixture whose figures are
 * computed by hand in fixtures/editions/README.md. The digests must name exactly the moves between them.
 */
class EditionsTest {

    static final Path EDITIONS = Fixtures.FIXTURES.resolve("editions");
    static final Path TARGETS = EDITIONS.resolve("targets.yaml");

    @TempDir
    static Path work;
    static Path site;

    static Fixtures.Run build(int week, Path out, String... more) {
        String asOf = "2024-03-" + (3 + 7 * week);
        List<String> args = new java.util.ArrayList<>(List.of("build", "--data", EDITIONS.resolve("week-" + week).toString(),
                "--as-of", asOf, "--min-group-size", "1", "--targets", TARGETS.toString(), "--out", out.toString()));
        args.addAll(Arrays.asList(more));
        return Fixtures.marquee(args.toArray(String[]::new));
    }

    @BeforeAll
    static void threeEditions() {
        site = work.resolve("site");
        for (int week = 1; week <= 3; week++) {
            Fixtures.Run run = week == 1 ? build(1, site) : build(week, site, "--history", site.toString());
            assertEquals(0, run.exitCode(), run.err());
        }
    }

    static List<String> lines(Path file) {
        return Fixtures.read(file).lines().toList();
    }

    /** The digest's list items under a heading, without the "- ". */
    static List<String> under(Path digest, String heading) {
        List<String> all = lines(digest);
        int start = all.indexOf("## " + heading);
        if (start < 0) {
            return List.of();
        }
        return all.subList(start + 1, all.size()).stream().dropWhile(String::isEmpty).takeWhile(l -> l.startsWith("- "))
                .map(l -> l.substring(2)).toList();
    }

    @Test
    void thePdfsPageOnWhatChanged_isTaggedLikeTheRest_headingsAndLists() throws Exception {
        Path pdf = site.resolve("report.pdf");
        assertEquals(List.of(), dev.marquee.pdf.PdfUa.failures(pdf), "PDF/UA-1, with the page on what changed");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(pdf.toString());
        com.lowagie.text.pdf.PdfDictionary root = reader.getCatalog().getAsDict(com.lowagie.text.pdf.PdfName.STRUCTTREEROOT);
        com.lowagie.text.pdf.PdfDictionary document = (com.lowagie.text.pdf.PdfDictionary) com.lowagie.text.pdf.PdfReader.getPdfObject(
                ((com.lowagie.text.pdf.PdfArray) com.lowagie.text.pdf.PdfReader.getPdfObject(root.get(com.lowagie.text.pdf.PdfName.K))).getPdfObject(0));
        com.lowagie.text.pdf.PdfArray kids = (com.lowagie.text.pdf.PdfArray) com.lowagie.text.pdf.PdfReader.getPdfObject(document.get(com.lowagie.text.pdf.PdfName.K));
        List<String> kinds = new java.util.ArrayList<>();
        int items = 0;
        for (int i = 0; i < kids.size(); i++) {
            com.lowagie.text.pdf.PdfDictionary kid = (com.lowagie.text.pdf.PdfDictionary) com.lowagie.text.pdf.PdfReader.getPdfObject(kids.getPdfObject(i));
            kinds.add(kid.getAsName(com.lowagie.text.pdf.PdfName.S).toString());
            if (kinds.get(i).equals("/L")) {
                items += ((com.lowagie.text.pdf.PdfArray) com.lowagie.text.pdf.PdfReader.getPdfObject(kid.get(com.lowagie.text.pdf.PdfName.K))).size();
            }
        }
        reader.close();
        // The page after the cover: its title, the edition compared with, then each part's heading and its lines as a list.
        int changes = kinds.indexOf("/L");
        assertTrue(changes > 0 && kinds.get(changes - 1).equals("/H2"), kinds.toString());
        List<String> digest = lines(site.resolve("digest.md")).stream().filter(l -> l.startsWith("- ")).toList();
        assertEquals(digest.size(), items, "every line of the digest is an item of a list: " + digest);
    }

    @Test
    void theFirstEditionHasNothingToCompareWithAndNoTargetMissed() {
        Path digest = site.resolve("archive/2024-03-10/digest.md");
        assertEquals(List.of("# Marquee streaming report, as of 10 Mar 2024", "",
                "The first edition: there is no earlier one to compare with.", "",
                // With nothing to compare, the body states the headline figures (the e-mail had none).
                "Headline figures: 54.3 watch hours; 38 active members; churn rate 5.6%; new signups 3 members; "
                        + "average rating 3.14 / 5; monthly recurring revenue $601.", "",
                "## Targets", "", "- All 3 targets are met"),
                lines(digest));
        // Churn 2/36 month to date against 1/30 for 1–10 Feb: +2.2 pts.
        assertEquals("Marquee, 10 Mar 2024: targets met, churn rate 5.6% (+2.2 pts on the month)",
                Fixtures.read(site.resolve("archive/2024-03-10/digest-subject.txt")).strip());
    }

    @Test
    void theSecondEditionNamesEveryKpiMoveComputedByHand() {
        // README, week 1 → week 2. A figure of the month to date gives what the week added, then its pace against the
        // same days of February, now and at the last report: watch hours 83.333 − 54.333 = +29 hours, 83.333 / 98.533 =
        // −15.4% (was 54.333 / 50.400 = +7.8%); churn 6/36 − 2/36 = +11.1 pts, 6/36 − 2/30 = +10.0 pts (was 2/36 − 1/30
        // = +2.2 pts); signups 6 − 3 = +3, 6 / 6 (was 3 / 4 = −25.0%); rating 2.7000 − 3.1429 = −0.44, 2.7000 − 3.1290 =
        // −0.43 (was 3.1429 − 3.2857 = −0.14). Figures on the day against the last report's: active members 36 / 38 =
        // −5.3%, MRR 576.14 / 600.62 = −4.1%.
        assertEquals(List.of(
                "Watch hours, month to date: 83.3 hours, +29 hours since the last report; −15.4% against the same days a month earlier (last report: +7.8%)",
                "Active members: 36 members, −5.3% (was 38 members)",
                "Churn rate, month to date: 16.7%, +11.1 pts since the last report; +10.0 pts against the same days a month earlier (last report: +2.2 pts)",
                "New signups, month to date: 6 members, +3 members since the last report; ±0.0% against the same days a month earlier (last report: −25.0%)",
                "Average rating, month to date: 2.70 / 5, −0.44 since the last report; −0.43 against the same days a month earlier (last report: −0.14)",
                "Monthly recurring revenue: $576, −4.1% (was $601)"),
                under(site.resolve("archive/2024-03-17/digest.md"), "Key figures since 10 Mar 2024"));
    }

    @Test
    void theSecondEditionNamesTheEntryTheExitAndTheSwapOfTheTopTen() {
        // README: Lantern Street enters at 10, Tin Soldiers leaves, Salt and Cedar and Paper Moons swap 4 and 5; the
        // titles only pushed down by the entry are not moves.
        assertEquals(List.of("“Lantern Street” entered at #10", "“Salt and Cedar” rose from #5 to #4",
                        "“Paper Moons” fell from #4 to #5", "“Tin Soldiers” left the list (was #10)"),
                under(site.resolve("archive/2024-03-17/digest.md"), "Top 10 titles by watch hours"));
    }

    @Test
    void theSecondEditionNamesTheRegionWhoseRateMovedBeyondItsSpread() {
        // Europe 0/12 → 4/12: the 95% margin of the difference is 1.96 × √(0 + (1/3)(2/3)/12) = 26.67 pts, and 33.33 pts
        // exceed it; North America (2/13 both weeks) and Latin America (0/11 both) did not move. The United Kingdom is
        // Europe's only country.
        assertEquals(List.of(
                        "Churn rate by region, as-of month: Europe 33.3%, +33.3 pts (was 0.0%; changes within ±26.7 pts are usual for its size)",
                        "Churn rate by country, as-of month: United Kingdom 33.3%, +33.3 pts (was 0.0%; changes within ±26.7 pts are usual for its size)"),
                under(site.resolve("archive/2024-03-17/digest.md"), "Rates that moved beyond their usual spread"));
    }

    @Test
    void aTargetCrossedInTheSecondEditionIsReportedThereAndAsStillMissedInTheThird() {
        // Churn at most 10%: 5.6% (met), 16.7% (missed), 19.4% (still missed). MRR growth on the month at least 15%:
        // 600.62 / 490.68 = +22.4% (met), 576.14 / 507.17 = +13.6% (missed), 638.61 / 530.16 = +20.5% (met again).
        assertEquals(List.of("Newly missed: Churn rate at most 10% (16.7%)",
                        "Newly missed: MRR grows at least 15% on the month (+13.6% on the month)"),
                under(site.resolve("archive/2024-03-17/digest.md"), "Targets"));
        assertEquals(List.of("Still missed since 17 Mar 2024: Churn rate at most 10% (19.4%)",
                        "Met again: MRR grows at least 15% on the month (+20.5% on the month)"),
                under(site.resolve("digest.md"), "Targets"));
        // The subject's change of a figure of the month to date is against the same days of February: 6/36 − 2/30 and
        // 7/36 − 3/30.
        assertEquals("Marquee, 17 Mar 2024: 2 targets missed, churn rate 16.7% (+10.0 pts on the month)",
                Fixtures.read(site.resolve("archive/2024-03-17/digest-subject.txt")).strip());
        assertEquals("Marquee, 24 Mar 2024: 1 target missed, churn rate 19.4% (+9.4 pts on the month)",
                Fixtures.read(site.resolve("digest-subject.txt")).strip());
    }

    @Test
    void theThirdEditionNamesOnlyTheSwapAndNoRate() {
        Path digest = site.resolve("digest.md");
        assertEquals(List.of("“The Quiet Signal” rose from #7 to #6", "“Echo Valley” fell from #6 to #7"),
                under(digest, "Top 10 titles by watch hours"));
        // Latin America 0/11 → 1/11 = 9.09 pts, within its margin 1.96 × √((1/11)(10/11)/11) = 16.99 pts.
        assertEquals(List.of(), under(digest, "Rates that moved beyond their usual spread"));
    }

    @Test
    void theRegionAlertComparesEachRegionsIntervalWithAllRegions() {
        // Week 2: all regions 6/36 = 16.7%; Europe's Wilson interval for 4/12 is 13.8% to 60.9%, which holds 16.7%.
        String record = Fixtures.read(site.resolve("archive/2024-03-17/edition.json"));
        assertTrue(record.contains("{\"id\": \"region-churn\", \"name\": \"No region churns above all regions by more than its interval\", "
                + "\"status\": \"met\", \"bound\": \"\", \"now\": \"\", \"detail\": \"Every region's 95% interval reaches down to the "
                + "rate of all regions, 16.7%, or below\"}"), record);
        Interval europe = Interval.wilson(4 / 12.0, 12);
        assertEquals(0.138, europe.low(), 0.0005);
        assertEquals(0.609, europe.high(), 0.0005);
    }

    @Test
    void tilesCarryASparklineOfTheThreeEditionsAndTheirTargets() {
        String overview = Fixtures.read(site.resolve("index.html"));
        assertTrue(overview.contains("aria-label=\"Churn rate in the last 3 editions: 5.6%, 16.7%, 19.4%\""), overview);
        assertTrue(overview.contains("aria-label=\"Monthly recurring revenue in the last 3 editions: $601, $576, $639\""));
        assertTrue(overview.contains("Target at most 10.0%: missed"), overview);
        assertTrue(overview.contains("Target at least +15.0% on the month: met"));
        assertTrue(overview.contains("<span class=\"spark-caption\">Last 3 editions</span>"));
        assertTrue(overview.contains("<h2 id=\"changes-heading\">Since the last report</h2>"));
    }

    @Test
    void theArchiveHoldsTheThreeEditionsWithTheirSitesAndPdfs() {
        String archive = Fixtures.read(site.resolve("archive.html"));
        int newest = archive.indexOf("24 Mar 2024");
        int middle = archive.indexOf("17 Mar 2024");
        int oldest = archive.indexOf("10 Mar 2024");
        assertTrue(newest > 0 && newest < middle && middle < oldest, archive);
        for (String date : List.of("2024-03-10", "2024-03-17")) {
            for (String file : List.of("index.html", "report.pdf", "edition.json", "churn.html", "style.css")) {
                assertTrue(Files.isRegularFile(site.resolve("archive").resolve(date).resolve(file)), date + "/" + file);
            }
            assertFalse(Files.exists(site.resolve("archive").resolve(date).resolve("archive")), "an archive holds no archive");
        }
        assertTrue(Fixtures.read(site.resolve("archive/2024-03-10/index.html"))
                .contains("<a rel=\"next\" href=\"../../archive/2024-03-17/index.html\">Next edition, 17&nbsp;Mar&nbsp;2024 →</a>"));
        assertTrue(Fixtures.read(site.resolve("archive/2024-03-17/churn.html"))
                .contains("<a rel=\"next\" href=\"../../index.html\">Latest edition, 24&nbsp;Mar&nbsp;2024 →</a>"));
    }

    @Test
    void theArchiveKeepsOnlyThePdfAndRecordOfEditionsPastTheLimit(@TempDir Path other) {
        Path out = other.resolve("site");
        assertEquals(0, build(1, out).exitCode());
        assertEquals(0, build(2, out, "--history", out.toString(), "--archive-keep", "1").exitCode());
        Fixtures.Run third = build(3, out, "--history", out.toString(), "--archive-keep", "1");
        assertEquals(0, third.exitCode(), third.err());
        assertEquals(List.of("edition.json", "report.pdf"), Fixtures.tree(out.resolve("archive/2024-03-10")).keySet().stream().toList());
        assertTrue(Files.isRegularFile(out.resolve("archive/2024-03-17/index.html")));
        assertTrue(Fixtures.read(out.resolve("archive/2024-03-17/index.html"))
                .contains("<a rel=\"prev\" href=\"../../archive/2024-03-10/report.pdf\">← Previous edition, 10&nbsp;Mar&nbsp;2024 (PDF)</a>"));
    }

    @Test
    void theSameDataAsOfAndHistoryGiveTheSameBytes(@TempDir Path other) {
        Path history = site.resolve("archive/2024-03-17");
        Path first = other.resolve("first");
        Path second = other.resolve("second");
        // An archived edition is a whole edition too; as history it gives the third edition with one earlier.
        assertEquals(0, build(3, first, "--history", history.toString()).exitCode());
        assertEquals(0, build(3, second, "--history", history.toString()).exitCode());
        var a = Fixtures.tree(first);
        var b = Fixtures.tree(second);
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, bytes) -> assertArrayEquals(bytes, b.get(name), name));
    }

    @Test
    void withoutHistoryNorTargetsTheReportIsTodaysWithItsRecord(@TempDir Path other) {
        Path out = other.resolve("site");
        assertEquals(0, Fixtures.marquee("build", "--data", EDITIONS.resolve("week-3").toString(), "--as-of", "2024-03-24",
                "--min-group-size", "1", "--targets", other.resolve("no-targets.yaml").toString(), "--out", out.toString()).exitCode());
        assertFalse(Files.exists(out.resolve("archive")));
        assertFalse(Files.exists(out.resolve("archive.html")));
        String overview = Fixtures.read(out.resolve("index.html"));
        assertTrue(overview.contains("<!--editions--><!--/editions-->"));
        assertFalse(overview.contains("changes-heading"), "nothing to compare with: no section");
        assertFalse(Files.exists(out.resolve("changes.html")));
        assertTrue(Files.isRegularFile(out.resolve("edition.json")));
    }

    @Test
    void withoutHistoryTheMissedTargetsAreTheDigest(@TempDir Path other) {
        Path out = other.resolve("site");
        assertEquals(0, build(3, out).exitCode());
        assertEquals(List.of("Missed: Churn rate at most 10% (19.4%)"),
                under(out.resolve("digest.md"), "Targets"));
        assertFalse(Files.exists(out.resolve("archive")));
    }

    @Test
    void aCorruptHistoryRecordFailsTheRunNamingIt(@TempDir Path other) throws Exception {
        Path history = other.resolve("history");
        Fixtures.copyTree(site.resolve("archive/2024-03-17"), history);
        Files.writeString(history.resolve("edition.json"), "{\n  \"format\": \"marquee-edition\",\n  \"version\": 1,\n  \"as_of\": [\n");
        Fixtures.Run run = build(3, other.resolve("site"), "--history", history.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("history record edition.json, line "), run.err());
        assertTrue(run.err().contains("is not valid YAML"), run.err());
        assertFalse(Files.exists(other.resolve("site")), "nothing written");
    }

    @Test
    void aRecordOfANewerVersionFailsTheRunNamingIt(@TempDir Path other) throws Exception {
        Path history = other.resolve("history");
        Fixtures.copyTree(site.resolve("archive/2024-03-17"), history);
        Path record = history.resolve("edition.json");
        Files.writeString(record, Fixtures.read(record).replace("\"version\": 1,", "\"version\": 2,"));
        Fixtures.Run run = build(3, other.resolve("site"), "--history", history.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("history record edition.json, line 3: cannot be read: it was written by a newer Marquee "
                + "(record version 2; this one reads up to 1)"), run.err());
    }

    @Test
    void anArchivedRecordThatIsBrokenIsNamedByItsPath(@TempDir Path other) throws Exception {
        Path history = other.resolve("history");
        Fixtures.copyTree(site, history);
        Files.writeString(history.resolve("archive/2024-03-10/edition.json"), "{\"format\": \"something else\"}");
        Fixtures.Run run = build(3, other.resolve("site"), "--history", history.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("history record archive/2024-03-10/edition.json, line 1: cannot be read: it is not a "
                + "Marquee edition record"), run.err());
    }

    @Test
    void anUndatedSnapshotCannotFollowTheEditions(@TempDir Path other) throws Exception {
        Path out = other.resolve("site");
        Fixtures.copyTree(site, out);
        // A churn table alone has no date at all.
        Path data = Files.createDirectories(other.resolve("data"));
        Files.copy(Fixtures.FIXTURES.resolve("shapes/netflix_customer_churn.csv"), data.resolve("netflix_customer_churn.csv"));
        Fixtures.Run run = Fixtures.marquee("build", "--data", data.toString(), "--out", out.toString(), "--history", out.toString());
        assertEquals(3, run.exitCode(), run.out());
        assertTrue(run.err().contains("the data has no date, so this report is an undated snapshot, not an edition"), run.err());
        assertTrue(Files.isRegularFile(out.resolve("archive/2024-03-10/edition.json")), "the archive is left whole");
    }

    @Test
    void anOutputFolderInsideTheHistoryIsRefused(@TempDir Path other) {
        Path history = other.resolve("history");
        Fixtures.copyTree(site.resolve("archive/2024-03-17"), history);
        Fixtures.Run run = build(3, history.resolve("new"), "--history", history.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("is inside --history"), run.err());
    }

    @Test
    void aRebuildOverItselfArchivesNothing(@TempDir Path other) {
        Path out = other.resolve("site");
        assertEquals(0, build(1, out).exitCode());
        assertEquals(0, build(1, out, "--history", out.toString()).exitCode());
        assertFalse(Files.exists(out.resolve("archive")));
        assertFalse(Files.exists(out.resolve("archive.html")), "an archive of this edition alone is no archive");
    }

    @Test
    void aRateOfZeroIsNeverAboveAllGroups() {
        // 0 of 12: the interval starts at 0 exactly, so with all groups at 0% no group is above them.
        assertEquals(0.0, Interval.wilson(0, 12).low());
        assertEquals(1.0, Interval.wilson(1, 12).high());
    }

    @Test
    void aMissingHistoryFolderIsNamed(@TempDir Path other) {
        Fixtures.Run run = build(1, other.resolve("site"), "--history", other.resolve("nowhere").toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("does not exist: pass the output folder of the previous edition, or leave --history out"), run.err());
    }

    @Test
    void anEditionLaterThanThisOneIsRefused(@TempDir Path other) {
        Fixtures.Run run = build(2, other.resolve("site"), "--history", site.toString());
        assertEquals(3, run.exitCode());
        assertTrue(run.err().contains("--history holds the edition of 2024-03-24, later than this one (2024-03-17)"), run.err());
    }
}
