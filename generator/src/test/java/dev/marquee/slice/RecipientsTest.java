package dev.marquee.slice;

import dev.marquee.Fixtures;
import dev.marquee.run.ReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The recipients file: read into records, every mistake named with the file and line; the manifest the mail step reads. */
class RecipientsTest {

    @TempDir
    Path temp;

    @Test
    void parse_allAndARegion_givesOneRecordEach() {
        Recipients recipients = Recipients.parse("""
                # Who gets which PDF
                recipients:
                  - id: board
                    slice: all
                  - id: europe-lead
                    region: Europe
                """, "recipients.yaml");

        assertEquals(List.of(new Recipients.Recipient("board", Optional.empty(), "all", 4),
                new Recipients.Recipient("europe-lead", Optional.of(Dimension.Column.REGION), "Europe", 6)), recipients.recipients());
    }

    @Test
    void addressVariable_isTheIdInCapitals() {
        assertEquals("MARQUEE_RECIPIENT_EUROPE_LEAD", new Recipients.Recipient("europe-lead", Optional.of(Dimension.Column.REGION), "Europe", 1)
                .addressVariable());
    }

    @Test
    void parse_malformedLine_failsNamingFileAndLine() {
        ReportException e = assertThrows(ReportException.class, () -> Recipients.parse("""
                recipients:
                  - id: board
                    slice: all
                  - id: europe-lead
                   region: Europe
                """, "recipients.yaml"));

        assertEquals(3, e.exitCode());
        assertTrue(e.getMessage().startsWith("recipients.yaml, line 5: recipients.yaml is not valid YAML: "), e.getMessage());
    }

    @Test
    void parse_twoSlicesForOneRecipient_failsNamingTheLine() {
        ReportException e = assertThrows(ReportException.class, () -> Recipients.parse("""
                recipients:
                  - id: board
                    slice: all
                  - id: europe-lead
                    region: Europe
                    plan: Premium
                """, "recipients.yaml"));

        assertEquals("recipients.yaml, line 4: recipient 'europe-lead' needs exactly one of 'slice: all', 'slice: NAME' (of a "
                + "slices file), 'region: ...', 'country: ...' and 'plan: ...', got [region, plan]", e.getMessage());
    }

    @Test
    void parse_anAddressAsId_isRefused() {
        ReportException e = assertThrows(ReportException.class, () -> Recipients.parse("""
                recipients:
                  - id: jane@example.com
                    slice: all
                """, "recipients.yaml"));

        assertEquals("recipients.yaml, line 2: id 'jane@example.com' must be up to 40 lower-case letters, digits and '-', starting "
                + "with a letter or digit: a role or a code, never a name or an address (those go in the secret "
                + "MARQUEE_RECIPIENT_<ID>)", e.getMessage());
    }

    @Test
    void parse_unknownDimension_failsNamingTheLine() {
        ReportException e = assertThrows(ReportException.class, () -> Recipients.parse("""
                recipients:
                  - id: lead
                    continent: Europe
                """, "recipients.yaml"));

        assertEquals("recipients.yaml, line 3: unknown key 'continent'; the keys are [country, id, plan, region, slice]", e.getMessage());
    }

    @Test
    void check_aSliceOfAnotherDimension_failsNamingTheLine() {
        Recipients recipients = Recipients.parse("recipients:\n  - id: premium-lead\n    plan: Premium\n", "recipients.yaml");

        ReportException e = assertThrows(ReportException.class, () -> recipients.check(Dimension.Column.REGION, java.util.Set.of("Europe")));
        assertEquals("recipients.yaml, line 3: recipient 'premium-lead' gets a plan slice, but this run slices by region "
                + "(--slices region)", e.getMessage());
    }

    @Test
    void parse_aSliceByName_isASliceOfTheSlicesFile_andSliceAllTheWholeReport() {
        Recipients recipients = Recipients.parse("recipients:\n  - id: board\n    slice: all\n  - id: nordics-lead\n"
                + "    slice: Nordics\n", "recipients.yaml");

        assertEquals(List.of(new Recipients.Recipient("board", Optional.empty(), "all", 3),
                new Recipients.Recipient("nordics-lead", Optional.empty(), "Nordics", 5)), recipients.recipients());
        assertTrue(recipients.recipients().get(0).all());
        assertFalse(recipients.recipients().get(1).all());
    }

    @Test
    void check_aSliceByNameWhenSlicedByRegion_failsNamingTheLine() {
        Recipients recipients = Recipients.parse("recipients:\n  - id: nordics-lead\n    slice: Nordics\n", "recipients.yaml");

        ReportException e = assertThrows(ReportException.class, () -> recipients.check(Dimension.Column.REGION, java.util.Set.of("Europe")));
        assertEquals("recipients.yaml, line 3: recipient 'nordics-lead' gets the slice 'Nordics' of a slices file, but this run "
                + "slices by region (--slices region)", e.getMessage());
    }

    @Test
    void check_slicesTheFileNames_otherThanTheRuns_failsNamingTheLine() {
        Recipients recipients = Recipients.parse("slices: plan\nrecipients:\n  - id: board\n    slice: all\n", "recipients.yaml");

        ReportException e = assertThrows(ReportException.class, () -> recipients.check(Dimension.Column.REGION, java.util.Set.of("Europe")));
        assertEquals("recipients.yaml, line 1: 'slices: plan' says the run slices by plan, but it slices by region (--slices region)",
                e.getMessage());
    }

    @Test
    void build_recipientOfAnUnknownRegion_failsNamingFileAndLine_andWritesNothing() throws IOException {
        Path file = write("""
                recipients:
                  - id: board
                    slice: all
                  - id: pacific-lead
                    region: Oceania
                """);
        Path out = temp.resolve("site");

        Fixtures.Run run = build(file, out);

        assertEquals(3, run.exitCode(), run.out());
        assertEquals("marquee: recipients.yaml, line 5: unknown region 'Oceania' for recipient 'pacific-lead'; the regions are "
                + "[Asia-Pacific, Europe, Latin America, Middle East & Africa, North America, Unknown]\n", run.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void build_recipientOfARegionWithoutMembers_getsANote_andTheManifestSendsEachTheirPdf() throws IOException {
        Path file = write("""
                recipients:
                  - id: board
                    slice: all
                  - id: europe-lead
                    region: Europe
                  - id: mea-lead
                    region: Middle East & Africa
                """);
        Path out = temp.resolve("site");

        Fixtures.Run run = build(file, out);

        assertEquals(0, run.exitCode(), run.err());
        String note = "no member of the data is in region Middle East & Africa, so there is no PDF of that region to send "
                + "(nothing is sent rather than an empty report)";
        assertTrue(run.out().contains("note     recipients.yaml, line 7: recipient 'mea-lead': " + note + "\n"), run.out());
        assertEquals("""
                {
                  "recipients": [
                    {"id": "board", "address_variable": "MARQUEE_RECIPIENT_BOARD", "slice": "all", "pdf": "report.pdf"},
                    {"id": "europe-lead", "address_variable": "MARQUEE_RECIPIENT_EUROPE_LEAD", "slice": "region: Europe", "pdf": "slices/europe/report.pdf"},
                    {"id": "mea-lead", "address_variable": "MARQUEE_RECIPIENT_MEA_LEAD", "slice": "region: Middle East & Africa", "pdf": null, "note": "%s"}
                  ]
                }
                """.formatted(note), Fixtures.read(out.resolve("slices/recipients.json")));
        assertTrue(Files.isRegularFile(out.resolve("slices/europe/report.pdf")));
    }

    @Test
    void build_recipientsWithoutSlices_failsSaying() throws IOException {
        Fixtures.Run run = Fixtures.marquee("build", "--data", SlicesTest.DATA.toString(), "--out", temp.resolve("site").toString(),
                "--recipients", write("recipients: []\n").toString());

        assertEquals(3, run.exitCode());
        assertEquals("marquee: --recipients needs --slices: the recipients get the PDFs of the slices (e.g. --slices region)\n", run.err());
    }

    private Path write(String text) throws IOException {
        Path file = temp.resolve("recipients.yaml");
        Files.writeString(file, text);
        return file;
    }

    private static Fixtures.Run build(Path recipients, Path out) {
        return Fixtures.marquee("build", "--data", SlicesTest.DATA.toString(), "--out", out.toString(), "--as-of", "2024-03-31",
                "--min-group-size", "1", "--slices", "region", "--recipients", recipients.toString());
    }
}
