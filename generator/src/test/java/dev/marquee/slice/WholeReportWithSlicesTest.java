package dev.marquee.slice;

import dev.marquee.Fixtures;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole report of a sliced run is the report without slices, byte for byte (README): what differencing across
 * slices would reveal, the slices hide. Sliced by region and by plan, the whole report had merged 9 more countries
 * into "Other (small groups)" (Brazil's 251 members among them, which the Latin America slice showed by name).
 */
class WholeReportWithSlicesTest {

    /** The pages that list the slices (the overview links them, the methodology states their rule). */
    private static final Set<String> NAME_THE_SLICES = Set.of("index.html", "methodology.html");

    @ParameterizedTest
    @ValueSource(strings = {"region", "plan", "country"})
    void theWholeReport_isTheSameWithOrWithoutSlices(String dimension) throws IOException {
        Map<String, byte[]> without = Fixtures.tree(Fixtures.sampleSite());
        Map<String, byte[]> with = new TreeMap<>(Fixtures.tree(Fixtures.slicedSample(dimension)));
        with.keySet().removeIf(name -> name.startsWith("slices/") || name.equals("recipients.json"));

        assertEquals(without.keySet(), with.keySet());
        assertTrue(without.size() > 100, "files: " + without.size());
        without.forEach((name, bytes) -> {
            if (!NAME_THE_SLICES.contains(name)) {
                assertArrayEquals(bytes, with.get(name), name + " differs sliced by " + dimension);
            }
        });
    }
}
