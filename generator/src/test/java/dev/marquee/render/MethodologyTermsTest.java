package dev.marquee.render;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** A churn table alone has the churn model and no Outlook page: its Methodology page still defines the model's terms. */
class MethodologyTermsTest {

    @TempDir
    Path temp;

    @Test
    void aChurnTable_definesAucAndOddsRatios() throws Exception {
        Path site = Fixtures.siteOf(temp, Fixtures.FIXTURES.resolve("shapes/netflix_customer_churn.csv"));

        String methodology = Files.readString(site.resolve("methodology.html"));
        assertTrue(methodology.contains("randomly chosen member who left was given a higher risk"), "AUC is defined");
        assertTrue(methodology.contains("How many times the odds of leaving are multiplied"), "odds ratios are defined");
    }
}
