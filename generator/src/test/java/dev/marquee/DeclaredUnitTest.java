package dev.marquee;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A question that counts something no built-in unit names needs no Java (issue #19). Given the repository's questions
 * and one more, sessions-started ({@code fixtures/catalog/declared-noun}), whose chart counts sessions declared
 * {@code unit: count session/sessions}, and whose KPI, 'Sessions started', is {@code 'count sessions' AS unit}, built on
 * the tiny fixture, where members started 3 sessions on TV, 2 on Mobile and 1 each on Laptop and Tablet, 7 in all
 * (counted by hand from its viewing_sessions.csv): the site and the PDF say sessions, and so does the next edition,
 * which reads this one's record.
 */
class DeclaredUnitTest {

    @TempDir
    static Path temp;
    private static Path questions;
    private static Path site;

    @BeforeAll
    static void givenTheQuestionsAndOneCountingSessions() {
        questions = temp.resolve("questions");
        Fixtures.copyTree(Fixtures.QUESTIONS, questions);
        Fixtures.copyTree(Fixtures.FIXTURES.resolve("catalog/declared-noun"), questions);
        site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--questions", questions.toString(),
                "--out", site.toString(), "--min-group-size", "1");

        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void theSitesTable_namesWhatItsValuesCount() {
        assertEquals("device,sessions_started (sessions),viewers\nTV,3,1\nMobile,2,1\nLaptop,1,1\nTablet,1,1\n",
                Fixtures.read(site.resolve("csv/sessions-started-by-device.csv")));
    }

    @Test
    void theChartsBars_sayTheirSessions_oneInTheSingular() {
        String page = Fixtures.read(site.resolve("sessions-started.html"));

        assertTrue(page.contains("<title>TV: 3 sessions</title>"), "a bar's tooltip");
        assertTrue(page.contains("<title>Laptop: 1 session</title>"), "one session, in the singular");
        assertTrue(page.contains("Highest: TV at 3 sessions; lowest: Laptop and Tablet at 1 session."), "the chart's alt text, "
                + "naming both bars at the lowest figure");
        assertTrue(page.contains(">Started (sessions)</text>"), "the value axis's title");
    }

    @Test
    void theKpiTile_countsSessions() {
        assertTrue(Fixtures.read(site.resolve("index.html")).contains("7 sessions"));
    }

    @Test
    void theNextEdition_readsTheDeclaredUnitFromThisOnesRecord() {
        assertTrue(Fixtures.read(site.resolve("edition.json")).contains("\"label\": \"Sessions started\", \"unit\": \"count sessions\""));
        Path next = temp.resolve("next");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--questions", questions.toString(),
                "--out", next.toString(), "--min-group-size", "1", "--history", site.toString(), "--as-of", "2024-03-08");

        assertEquals(0, run.exitCode(), run.err());
        String archive = Fixtures.read(next.resolve("archive.html"));
        String earlier = archive.substring(archive.indexOf(">1 Mar 2024</th>"));
        assertTrue(earlier.contains("<li>Sessions started: 7 sessions</li>"), "the 1 Mar record's figure, in its unit");
        assertTrue(Fixtures.read(next.resolve("digest.md")).contains("- Sessions started: 7 sessions, unchanged (was 7 sessions)"));
    }

    @Test
    void theNarrative_quotesTheCountWithItsNoun() {
        assertTrue(Fixtures.read(site.resolve("sessions-started.html")).contains("Members started 3 sessions on TV, the most of any device."));
    }

    @Test
    void thePdf_saysSessionsOnTheQuestionsPage() throws Exception {
        String text = pdfText(site.resolve("report.pdf"));

        assertTrue(text.contains("On which devices do members start their sessions? Members started 3 sessions on TV, the most "
                + "of any device."), "the page's takeaway");
        assertTrue(text.contains("Started (sessions) TV Mobile Laptop Tablet"), "the value axis's title");
        assertTrue(text.contains(" 7 sessions "), "the cover's KPI tile (the question counts 3 sessions at most)");
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PdfReader reader = new PdfReader(Files.readAllBytes(pdf))) {
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            StringBuilder text = new StringBuilder();
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString().replaceAll("\\s+", " ");
        }
    }
}
