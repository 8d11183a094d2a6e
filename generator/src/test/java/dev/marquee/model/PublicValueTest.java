package dev.marquee.model;

import dev.marquee.model.Problem.Severity;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the public Data page shows of the value of a row set aside. */
class PublicValueTest {

    @Test
    void rowOfAMembersTable_valueWithheld_evenAnAge() {
        assertEquals("(withheld)", PublicValue.of(setAside("age", "130", true)));
    }

    @Test
    void memberIdShiftedIntoADateColumn_withheld() {
        assertEquals("(withheld)", setAside("signup_date", "4815162342", true).withheld().value());
    }

    @Test
    void catalogueValue_shown() {
        assertEquals("20O1", PublicValue.of(setAside("release_year", "20O1", false)));
    }

    @Test
    void catalogueValueThatLooksLikeAnEmail_withheld() {
        assertEquals("(withheld)", PublicValue.of(setAside("genres", "jane.doe@example.com", false)));
    }

    @Test
    void catalogueValueThatLooksLikeAnId_withheld() {
        assertEquals("(withheld)", PublicValue.of(setAside("release_year", "u-004242", false)));
        assertEquals("(withheld)", PublicValue.of(setAside("release_year", "123456789", false)));
        assertEquals("(withheld)", PublicValue.of(setAside("release_year", "3f2b8c1e-9d4a-4e6f-8a7b-1c2d3e4f5a6b", false)));
    }

    @Test
    void dateAndRatingLikeValues_areNotTakenForIds() {
        assertEquals("2024-13-01", PublicValue.of(setAside("date_added", "2024-13-01", false)));
        assertEquals("TV-MA", PublicValue.of(setAside("type", "TV-MA", false)));
    }

    @Test
    void idColumnOrWholeLine_withheldWhateverTheTable() {
        assertEquals("(withheld)", PublicValue.of(setAside("title_id", "t9", false)));
        assertEquals("(withheld)", PublicValue.of(setAside("", "t9,Title,Movie", false)));
    }

    @Test
    void longValue_cutToFortyCharacters() {
        assertEquals("Endless ".repeat(5).substring(0, 39) + "…", PublicValue.of(setAside("title", "Endless ".repeat(20), false)));
    }

    @Test
    void problemOfUnknownSource_valueTreatedAsPersonal() {
        assertEquals("(withheld)", PublicValue.of(new Problem("x.csv", 2, "score", "6", "above-maximum", "m", Severity.SET_ASIDE)));
    }

    private static Problem setAside(String column, String value, boolean personal) {
        return new Problem("t.csv", 2, column, value, "wrong-type", "is not valid; row set aside", Severity.SET_ASIDE, personal);
    }
}
