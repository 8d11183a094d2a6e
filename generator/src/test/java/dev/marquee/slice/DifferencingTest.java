package dev.marquee.slice;

import dev.marquee.Fixtures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample data sliced by country (four countries have fewer than 10 members): every KPI that counts members,
 * published by the whole report and by the slices, searched for a group under k that subtraction would give.
 */
class DifferencingTest {

    private static final int K = 10;

    private static Path site;

    @BeforeAll
    static void build() throws IOException {
        site = Fixtures.scratch("marquee-differencing-").resolve("site");
        Fixtures.Run run = Fixtures.marquee("build", "--out", site.toString(), "--as-of", "2024-12-31", "--slices", "country");
        assertEquals(0, run.exitCode(), run.err());
    }

    @Test
    void theWholeMinusThePublishedSlices_isNoGroupUnderK_forAnyKpiCountingMembers() throws IOException {
        List<Path> slices;
        try (Stream<Path> folders = Files.list(site.resolve("slices"))) {
            slices = folders.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(slices.size() >= 10, "the sample's countries of 10 members or more: " + slices);
        List<String> checked = new ArrayList<>();
        for (String line : Fixtures.read(site.resolve("metrics.json")).lines().filter(l -> l.contains("\"unit\": \"members\"")).toList()) {
            String id = field(line, "id");
            for (String period : List.of("value", "previous_month", "year_ago")) {
                if (field(line, period).equals("null")) {
                    continue;
                }
                double residual = Double.parseDouble(field(line, period));
                for (Path slice : slices) {
                    for (String kpi : Fixtures.read(slice.resolve("metrics.json")).lines().filter(l -> l.contains("\"id\": \"" + id + "\"")).toList()) {
                        if (!field(kpi, period).equals("null")) {
                            residual -= Double.parseDouble(field(kpi, period));
                        }
                    }
                }
                assertTrue(Math.abs(residual) < 1e-9 || residual >= K, id + " " + period + ": the whole minus the slices showing it "
                        + "leaves " + residual + " members, a group under " + K);
                checked.add(id + "/" + period);
            }
        }
        assertEquals(List.of("active_members/value", "active_members/previous_month", "active_members/year_ago",
                "new_signups/value", "new_signups/previous_month", "new_signups/year_ago"), checked);
    }

    /** A field of a KPI's line in metrics.json, as written: a number, null, or a string without its quotes. */
    private static String field(String line, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\": (\"[^\"]*\"|[^,}]+)").matcher(line);
        assertTrue(matcher.find(), name + " in " + line);
        return matcher.group(1).replace("\"", "");
    }

    @Test
    void aSliceKpiHiddenAgainstDifferencing_saysWhy() throws IOException {
        // Without the rule, active members of the countries shown add up to 3,410 of 3,419: the 4 withheld countries'
        // 9 active members would be recoverable. The smallest slice showing the figure hides it too.
        long saying = 0;
        try (Stream<Path> folders = Files.list(site.resolve("slices"))) {
            for (Path slice : folders.filter(Files::isDirectory).toList()) {
                if (Fixtures.read(slice.resolve("index.html")).contains("with the slices that do not show it, it would let fewer than 10 members be worked out")) {
                    saying++;
                }
            }
        }
        assertTrue(saying >= 1, "a slice says why a figure is hidden");
    }
}
