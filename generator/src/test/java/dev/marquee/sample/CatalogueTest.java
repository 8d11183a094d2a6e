package dev.marquee.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CatalogueTest {


    @Test
    void catalogue_hasAboutFourHundredValidTitles() {
        List<Title> titles = Catalogue.load();

        assertTrue(titles.size() >= 400 && titles.size() <= 420, "titles: " + titles.size());
        Set<String> ids = new HashSet<>();
        for (Title title : titles) {
            assertTrue(ids.add(title.id()), "duplicate id " + title.id());
            assertTrue(title.id().matches("t\\d{4}"), title.id());
            assertTrue(!title.name().isBlank(), title.id());
            assertTrue(title.runtimeMinutes() != null && title.runtimeMinutes() > 0, title.id());
            assertEquals(title.isShow(), title.seasons() != null, title.id());
            assertTrue(title.releaseYear() >= 1900 && title.releaseYear() <= 2100, title.id());
            assertTrue(!title.genres().isEmpty(), title.id());
        }
    }

    @Test
    void catalogue_keepsTitlesInOtherScripts() {
        List<Title> titles = Catalogue.load();

        assertTrue(titles.stream().filter(t -> CatalogueExtraction.hasNonLatinLetters(t.name())).count() >= 5);
        assertTrue(titles.stream().anyMatch(t -> t.name().chars().anyMatch(c -> c > 127)
                && !CatalogueExtraction.hasNonLatinLetters(t.name())), "accented Latin titles");
    }

    @Test
    void hasNonLatinLetters_tellsScriptsApart() {
        assertTrue(CatalogueExtraction.hasNonLatinLetters("반드시 잡는다"));
        assertTrue(!CatalogueExtraction.hasNonLatinLetters("Niyazi Gül Dörtnala"));
        assertEquals("Goli Soda 2", CatalogueExtraction.cleanTitle("\u200bGoli Soda 2"));
        assertEquals("Legend of Exorcism", CatalogueExtraction.cleanTitle("Legend\u00a0of\u00a0Exorcism"));
    }
}
