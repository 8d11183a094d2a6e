package dev.marquee.format;


import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** NaN and infinity are "n/a" for people and an empty cell for machines, in every unit (declared nouns too), never an exception. */
class FormatsNonFiniteTest {

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void peopleForms_notAFiniteNumber_isNa(double value) {
        java.util.List<Unit> units = new java.util.ArrayList<>(Unit.predefined().values());
        units.add(Unit.of("count sessions"));
        units.add(Unit.of("decimal goals"));
        for (Unit unit : units) {
            assertEquals("n/a", Formats.compact(value, unit), unit.id());
            assertEquals("n/a", Formats.full(value, unit), unit.id());
            assertEquals("n/a", Formats.withUnit(value, unit), unit.id());
            assertEquals("n/a", Formats.cell(value, unit), unit.id());
        }
        assertEquals("n/a", Formats.change(value));
        assertEquals("n/a", Formats.percent(value));
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void plain_notAFiniteNumber_isAnEmptyCell(double value) {
        assertEquals("", Formats.plain(value));
        assertEquals("", Formats.plain((float) value));
    }

    @Test
    void plain_finiteNumbers_stayPlainDigits() {
        assertEquals("0.1", Formats.plain(0.1));
        assertEquals("1.5", Formats.plain(1.5f));
        assertEquals("-2", Formats.plain(-2.0));
    }
}
