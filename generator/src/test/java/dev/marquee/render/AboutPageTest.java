package dev.marquee.render;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The About page says what this edition was made from: the sample's description only where the data is in the model's own files. */
class AboutPageTest {

    @TempDir
    Path temp;

    @Test
    void sample_describesTheGeneratedSampleAndTheChurnModel() throws Exception {
        String about = Files.readString(Fixtures.sampleSite().resolve("about.html"));

        assertTrue(about.contains("generated (seed 42) and is not about real people"), "the sample is said to be generated");
        assertTrue(about.contains("users.csv.gz"), "the files are named");
        assertTrue(about.contains("The churn-risk model is published only as"), "the model's privacy is described where there is one");
        assertTrue(about.contains("Forecasts show how wrong they have been."), "the sample has forecasts");
        assertTrue(about.contains("Forecasting with Exponential Smoothing"), "and the references for them");
    }

    /** A catalogue alone answers what is in it: the page promised how much members watch and why they leave. */
    @Test
    void aCatalogueAlone_listsTheQuestionsItAnswers_andNoOther() throws Exception {
        String about = Fixtures.pageOf(temp, "about.html", Fixtures.EXCERPTS.resolve("netflix_titles.csv"));
        assertTrue(about.contains("<li><a href=\"catalogue.html\">What is in the catalogue, how old is it, and for whom?</a></li>"), about);
        assertFalse(about.contains("why they leave"), "no member question is promised");
        assertFalse(about.contains("members.html"), "nor linked");
        assertFalse(about.contains("Forecasting with Exponential Smoothing"), "no forecast, so no reference for one");
        assertTrue(about.contains("k-anonymity"), "the smallest-group rule's reference stays");
    }

    @Test
    void aUsersTable_isNotCalledGenerated_andHasNoModelOrFeeColumns() throws Exception {
        Path site = Fixtures.siteOf(temp, Fixtures.EXCERPTS.resolve("netflix_users.csv"));

        String about = Files.readString(site.resolve("about.html"));
        assertFalse(about.contains("seed 42"), "a public file is not the generated sample");
        assertTrue(about.contains("netflix_users.csv (Netflix users table)"), "the file is named with what it was read as");
        assertFalse(about.contains("churn-risk model"), "no model was fitted, so none is described");
        assertFalse(about.contains("Forecasts"), "a users table has no series to forecast");
        assertTrue(about.contains("goes back that far"), "comparisons are promised only where the data allows");
        String members = Files.readString(site.resolve("members.html"));
        // The users table gives no fees: the plan table shows members and shares, not empty fee columns.
        assertTrue(members.contains(">share<"), "the plan table is there");
        assertFalse(members.contains(">monthly fees<"), "no empty fee column");
        assertFalse(members.contains(">members with fee<"), "no column of zeros for a file without fees");
        assertFalse(members.contains("Revenue page"), "no pointer to a page the report does not have");
    }
}
