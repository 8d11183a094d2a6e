package dev.marquee.format;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** File-name parts for values: plain where they are unique, told apart by a hash where they are not. */
class SlugsTest {

    @Test
    void unique_valuesThatReadDifferently_keepTheirPlainSlugs() {
        assertEquals(Map.of("India", "india", "United States", "united-states", "Côte d'Ivoire", "cote-d-ivoire"),
                Slugs.unique(List.of("India", "United States", "Côte d'Ivoire")));
    }

    @Test
    void unique_twoNamesWithTheSameSlug_getTwoNames() {
        Map<String, String> slugs = Slugs.unique(List.of("Côte d'Ivoire", "Cote d Ivoire"));

        assertEquals("cote-d-ivoire--95ffc51d", slugs.get("Côte d'Ivoire"));
        assertEquals("cote-d-ivoire--b3d9b42c", slugs.get("Cote d Ivoire"));
    }

    @Test
    void unique_namesWithoutLatinLetters_getAHashEach() {
        Map<String, String> slugs = Slugs.unique(List.of("日本", "中国", "X"));

        assertEquals("x--cf2abf0c", slugs.get("日本"));
        assertEquals("x--f0e95216", slugs.get("中国"));
        assertTrue(slugs.get("X").startsWith("x--"), "X reads like them, so it is hashed too: " + slugs.get("X"));
    }

    @Test
    void unique_isTheSameWhateverTheOrder() {
        List<String> values = List.of("Cote d Ivoire", "日本", "Côte d'Ivoire", "India", "中国");
        List<String> reversed = new java.util.ArrayList<>(values);
        java.util.Collections.reverse(reversed);

        assertEquals(Slugs.unique(values), Slugs.unique(reversed));
    }

    @Test
    void unique_aValueSpellingAnotherOnesHashedName_doesNotTakeIt() {
        Map<String, String> slugs = Slugs.unique(List.of("Côte d'Ivoire", "Cote d Ivoire", "cote d ivoire 95ffc51d"));

        assertEquals(3, new HashSet<>(slugs.values()).size(), slugs.toString());
        assertEquals("cote-d-ivoire-95ffc51d", slugs.get("cote d ivoire 95ffc51d"));
    }

    @Test
    void plain_longValue_isCutToAFileNameLength() {
        String slug = Slugs.plain("Long title ".repeat(1000));

        assertTrue(slug.length() <= Slugs.MAX_LENGTH && !slug.endsWith("-"), slug);
    }
}
