package dev.marquee.slice;

import dev.marquee.Fixtures;
import dev.marquee.catalog.FrontMatter;
import dev.marquee.run.ReportException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code --slices territories.yaml}: slices that are groups of countries, on the fixture {@code fixtures/slices} (see
 * SlicesTest: 1 United States, 2 Canada, 3 France, 4 Germany (left on 2024-03-10), 5 Brazil, 6 Atlantis), as of
 * 2024-03-31 with k = 1. Given the territories Americas (United States, Canada), Western Europe (France, Germany) and
 * Nordics (no member of the data), Brazil and Atlantis are listed by none: their members are Everyone else.
 */
class SliceFileTest {

    static final String TERRITORIES = """
            # Who reads which countries
            by: country
            label: Territory
            slices:
              Americas: [United States, Canada]
              Western Europe: [France, Germany]
              Nordics: [Sweden, Norway, Denmark, Finland]
            """;
    static final List<String> FOLDERS = List.of("americas", "everyone-else", "western-europe");

    static Path folder;
    static Path site;
    static Fixtures.Run run;

    @BeforeAll
    static void build() throws IOException {
        folder = Fixtures.scratch("marquee-slice-file-");
        Files.writeString(folder.resolve("territories.yaml"), TERRITORIES);
        Files.writeString(folder.resolve("recipients.yaml"), """
                slices: territories.yaml
                recipients:
                  - id: board
                    slice: all
                  - id: americas-lead
                    slice: Americas
                  - id: rest-lead
                    slice: Everyone else
                  - id: nordics-lead
                    slice: Nordics
                """);
        site = folder.resolve("site");
        run = build(site);
        assertEquals(0, run.exitCode(), run.err());
    }

    static Fixtures.Run build(Path out) {
        return Fixtures.marquee("build", "--data", SlicesTest.DATA.toString(), "--out", out.toString(), "--as-of", "2024-03-31",
                "--min-group-size", "1", "--slices", folder.resolve("territories.yaml").toString(),
                "--recipients", folder.resolve("recipients.yaml").toString());
    }

    @Test
    void eachSlicesOverview_saysWhoItCounts() throws IOException {
        assertTrue(Files.readString(site.resolve("slices/americas/index.html"))
                .contains("These figures count only the members whose country is one of United States, Canada."));
        assertTrue(Files.readString(site.resolve("slices/everyone-else/index.html"))
                .contains("These figures count only the members of no other slice."));
    }

    @Test
    void parse_groupsOfCountries_inTheFilesOrder_withEveryoneElseLast() {
        SliceFile file = SliceFile.parse(TERRITORIES, "territories.yaml", Path.of("territories.yaml"));

        assertEquals(Dimension.Column.COUNTRY, file.by());
        assertEquals(List.of("Americas", "Western Europe", "Nordics", "Everyone else"), file.names());
        assertEquals(List.of(new FrontMatter.Item("France", 6), new FrontMatter.Item("Germany", 6)), file.groups().get(1).values());
        assertEquals("Territory", file.label());
        assertEquals("territory", file.noun());
        assertEquals("All territories", file.all());
        assertEquals("territories.yaml", file.option());
    }

    @Test
    void label_isSaidAsANoun_acronymsKept_andSliceWhenTheFileGivesNone() {
        SliceFile emea = SliceFile.parse("by: region\nlabel: EMEA cluster\nslices:\n  Core: [Europe]\n", "a.yaml", Path.of("a.yaml"));
        SliceFile plain = SliceFile.parse("by: plan\nslices:\n  Paid: [Premium, Standard]\n", "b.yaml", Path.of("b.yaml"));

        assertEquals("EMEA cluster", emea.noun());
        assertEquals("All EMEA clusters", emea.all());
        assertEquals("Slice", plain.label());
        assertEquals("All slices", plain.all());
    }

    @Test
    void parse_aCountryInTwoSlices_failsNamingTheLineAndTheOtherSlice() {
        ReportException e = assertThrows(ReportException.class, () -> SliceFile.parse("""
                by: country
                slices:
                  DACH: [Germany, Austria, Switzerland]
                  Western Europe: [France,
                                   Germany]
                """, "territories.yaml", Path.of("territories.yaml")));

        assertEquals(3, e.exitCode());
        assertEquals("territories.yaml, line 5: 'Germany' is in two slices, 'DACH' (line 3) and 'Western Europe': a member can be "
                + "in one slice only", e.getMessage());
    }

    @Test
    void parse_aSliceCalledEveryoneElse_isRefused() {
        ReportException e = assertThrows(ReportException.class, () -> SliceFile.parse(
                "by: country\nslices:\n  Americas: [Canada]\n  everyone else: [France]\n", "territories.yaml", Path.of("t.yaml")));

        assertEquals("territories.yaml, line 4: 'everyone else' cannot name a slice: it is the slice of the members whose country "
                + "no slice lists; give the slice another name", e.getMessage());
    }

    @Test
    void parse_noColumn_failsSayingWhatIsNeeded() {
        ReportException e = assertThrows(ReportException.class, () -> SliceFile.parse(
                "slices:\n  Americas: [Canada]\n", "territories.yaml", Path.of("t.yaml")));

        assertEquals("territories.yaml, line 1: the file needs 'by: region', 'by: country' or 'by: plan': the member column its "
                + "slices are groups of", e.getMessage());
    }

    @Test
    void build_malformedFile_failsNamingFileAndLine_likeOtherConfigProblems() throws IOException {
        Path file = Files.writeString(folder.resolve("malformed.yaml"), "by: country\nslices:\n  Americas: [Canada\n  DACH: [Germany]\n");

        Fixtures.Run failed = Fixtures.marquee("build", "--data", SlicesTest.DATA.toString(), "--out",
                folder.resolve("malformed-site").toString(), "--slices", file.toString());

        assertEquals(3, failed.exitCode(), failed.out());
        assertTrue(failed.err().startsWith("marquee: malformed.yaml, line 4: malformed.yaml is not valid YAML: "), failed.err());
        assertFalse(Files.exists(folder.resolve("malformed-site")));
    }

    @Test
    void build_aCountryInTwoSlices_failsNamingFileAndLine() throws IOException {
        Path file = Files.writeString(folder.resolve("twice.yaml"), "by: country\nslices:\n  North: [Canada]\n  Americas: [Brazil, Canada]\n");

        Fixtures.Run failed = Fixtures.marquee("build", "--data", SlicesTest.DATA.toString(), "--out",
                folder.resolve("twice-site").toString(), "--slices", file.toString());

        assertEquals(3, failed.exitCode(), failed.out());
        assertEquals("marquee: twice.yaml, line 4: 'Canada' is in two slices, 'North' (line 3) and 'Americas': a member can be in "
                + "one slice only\n", failed.err());
    }

    @Test
    void build_aCountryTheDataDoesNotHave_failsNamingFileLineAndTheCountries_andWritesNothing() throws IOException {
        Path file = Files.writeString(folder.resolve("narnia.yaml"), "by: country\nlabel: Territory\nslices:\n  Americas: [Canada]\n"
                + "  Fable: [Atlantis, Narnia]\n");
        Path out = folder.resolve("narnia-site");

        Fixtures.Run failed = Fixtures.marquee("build", "--data", SlicesTest.DATA.toString(), "--out", out.toString(),
                "--as-of", "2024-03-31", "--min-group-size", "1", "--slices", file.toString());

        assertEquals(3, failed.exitCode(), failed.out());
        // The regions table's 49 countries, Atlantis (a member's), and Unknown.
        assertTrue(failed.err().startsWith("marquee: narnia.yaml, line 5: unknown country 'Narnia' in slice 'Fable'; the countries "
                + "are [Argentina, Atlantis, Australia, Austria, "), failed.err());
        assertTrue(failed.err().endsWith(", United States, Unknown, Vietnam]\n"), failed.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void slices_oneFolderPerGroupWithMembers_andEveryoneElse() throws IOException {
        try (Stream<Path> folders = Files.list(site.resolve("slices"))) {
            assertEquals(FOLDERS, folders.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertTrue(run.out().contains("3 territory slices cut from the loaded data and the layer"), run.out());
    }

    @Test
    void activeMembers_perTerritory_addUpToTheWhole_everyoneElseHoldingTheUnlisted() {
        // Active on 2024-03-31: 1, 2 (Americas), 3 (Western Europe; 4 left on 03-10), 5 Brazil and 6 Atlantis (Everyone else).
        assertEquals(5.0, SlicesTest.kpi(site, "", "active_members"));
        assertEquals(Map.of("americas", 2.0, "everyone-else", 2.0, "western-europe", 1.0), perTerritory("active_members"));
    }

    @Test
    void mrr_perTerritory_addsUpToTheWhole() {
        // Running subscriptions on 2024-03-31: Americas 15.49 + 9.99, Western Europe 22.99, Brazil 15.49 and Atlantis 9.99.
        assertEquals(73.95, SlicesTest.kpi(site, "", "mrr"), 1e-9);
        Map<String, Double> mrr = perTerritory("mrr");
        assertEquals(25.48, mrr.get("americas"), 1e-9);
        assertEquals(22.99, mrr.get("western-europe"), 1e-9);
        assertEquals(25.48, mrr.get("everyone-else"), 1e-9);
    }

    @Test
    void pages_nameTheSliceByTheFilesLabel_andTheWholeReportListsTheSlicesInTheFilesOrder() throws Exception {
        assertTrue(Fixtures.read(site.resolve("slices/everyone-else/index.html"))
                .contains("<title>Overview · Marquee streaming report · Territory: Everyone else</title>"));
        String cover = Fixtures.poppler("pdftotext", site.resolve("slices/americas/report.pdf"), "-f", "1", "-l", "1");
        assertTrue(cover.startsWith("Marquee streaming report · Territory: Americas\n"), cover);
        assertTrue(cover.contains("All territories: 25.0%"), cover);
        String overview = Fixtures.read(site.resolve("index.html"));
        assertTrue(overview.contains("<h2 id=\"slices-heading\">Per territory</h2>"), overview);
        int americas = overview.indexOf("<a href=\"slices/americas/index.html\">Territory: Americas</a>");
        int europe = overview.indexOf("<a href=\"slices/western-europe/index.html\">Territory: Western Europe</a>");
        int rest = overview.indexOf("<a href=\"slices/everyone-else/index.html\">Territory: Everyone else</a>");
        assertTrue(americas > 0 && americas < europe && europe < rest, overview);
    }

    @Test
    void recipients_getTheirSliceByName_andOneWithoutMembersANote() {
        String note = "no member of the data is in slice Nordics, so there is no PDF of that slice to send (nothing is sent "
                + "rather than an empty report)";
        assertTrue(run.out().contains("note     recipients.yaml, line 10: recipient 'nordics-lead': " + note + "\n"), run.out());
        assertEquals("""
                {
                  "recipients": [
                    {"id": "board", "address_variable": "MARQUEE_RECIPIENT_BOARD", "slice": "all", "pdf": "report.pdf"},
                    {"id": "americas-lead", "address_variable": "MARQUEE_RECIPIENT_AMERICAS_LEAD", "slice": "slice: Americas", "pdf": "slices/americas/report.pdf"},
                    {"id": "rest-lead", "address_variable": "MARQUEE_RECIPIENT_REST_LEAD", "slice": "slice: Everyone else", "pdf": "slices/everyone-else/report.pdf"},
                    {"id": "nordics-lead", "address_variable": "MARQUEE_RECIPIENT_NORDICS_LEAD", "slice": "slice: Nordics", "pdf": null, "note": "%s"}
                  ]
                }
                """.formatted(note), Fixtures.read(site.resolve("slices/recipients.json")));
    }

    @Test
    void build_twice_givesByteIdenticalSlices() throws IOException {
        Path again = folder.resolve("again");
        Fixtures.Run second = build(again);
        assertEquals(0, second.exitCode(), second.err());

        SlicesTest.assertSameSlices(site, again, 30);
    }

    private static Map<String, Double> perTerritory(String id) {
        Map<String, Double> values = new java.util.LinkedHashMap<>();
        for (String territory : FOLDERS) {
            values.put(territory, SlicesTest.kpi(site, "slices/" + territory + "/", id));
        }
        return values;
    }
}
