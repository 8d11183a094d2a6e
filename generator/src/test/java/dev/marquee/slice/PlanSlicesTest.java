package dev.marquee.slice;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The sample sliced by plan: each slice's members hold one plan, so no sentence compares its plan with the others. */
class PlanSlicesTest {

    private static final String TOP_PLAN = "brings the most recurring revenue of any plan";

    @Test
    void aPlansSlice_doesNotSayItsPlanBringsTheMostRevenueOfAnyPlan() throws IOException, InterruptedException {
        // "Premium brings the most recurring revenue of any plan, $20.7K" beside a chart of MRR by plan with one bar.
        Path site = Fixtures.slicedSample("plan");
        assertTrue(Files.readString(site.resolve("revenue.html")).contains("Standard " + TOP_PLAN), "the whole report names its top plan");
        List<String> plans = List.of("basic", "premium", "standard");
        for (String plan : plans) {
            Path slice = site.resolve("slices").resolve(plan);
            assertFalse(Files.readString(slice.resolve("revenue.html")).contains(TOP_PLAN), plan + "'s revenue page");
            assertFalse(Fixtures.poppler("pdftotext", slice.resolve("report.pdf")).replaceAll("\\s+", " ").contains(TOP_PLAN),
                    plan + "'s PDF");
        }
        try (Stream<Path> slices = Files.list(site.resolve("slices"))) {
            assertEquals(plans.size(), slices.filter(Files::isDirectory).count(), "every plan's slice was read");
        }
    }
}
