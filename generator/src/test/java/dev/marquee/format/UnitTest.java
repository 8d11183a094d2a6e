package dev.marquee.format;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A unit is a number style and what it counts: the built-in names are predefined ones, any other is declared. */
class UnitTest {

    @ParameterizedTest
    @ValueSource(strings = {"hours", "minutes", "days", "count", "members", "titles", "ratings", "percent", "usd", "dollars",
            "score", "year", "decimal"})
    void aBuiltInName_isWrittenBackAsItself(String name) {
        assertEquals(name, Unit.of(name).id());
    }

    @Test
    void theBuiltInNames_areStylesAndNouns() {
        assertEquals(new Unit(NumberStyle.WHOLE, Optional.of(new Unit.Noun("member", "members"))), Unit.MEMBERS);
        assertEquals(new Unit(NumberStyle.COUNT, Optional.of(new Unit.Noun("title", "titles"))), Unit.TITLES);
        assertEquals(Optional.of(new Unit.Noun("hour", "hours")), Unit.HOURS.noun(), "a style of time has its own noun");
        assertEquals(Optional.empty(), Unit.PERCENT.noun());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "count sessions         | count sessions",
            "Count  Sessions        | count Sessions",
            "count person/people    | count person/people",
            "count person / people  | count person/people",
            "count session/sessions | count sessions",
            "whole subscribers      | whole subscribers",
            "decimal goals          | decimal goals",
            "count titles           | titles",
            "whole members          | members",
    })
    void aDeclaredUnit_isWrittenSoThatItReadsBackTheSame(String declared, String id) {
        Unit unit = Unit.of(declared);

        assertEquals(id, unit.id());
        assertEquals(unit, Unit.of(unit.id()));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "fortnight        | is not one of [hours, minutes, days, count, members, titles, ratings, percent, change, usd, dollars, score, year, decade, "
                    + "decimal], nor a number style followed by a noun, such as 'count sessions'",
            "tally sessions   | starts with 'tally', which is not a number style a noun may follow: [count, whole, decimal]",
            "percent viewers  | gives a noun to percent, which takes none; a noun follows one of [count, whole, decimal]",
            "hours watched    | gives a noun to hours, which takes none; a noun follows one of [count, whole, decimal]",
            "whole            | names no noun: a whole count names what it counts, such as 'whole subscribers'",
            "count 3 sessions | has a noun that is not words of letters: write its plural ('count sessions') or its singular "
                    + "and plural ('count person/people')",
            "count a/b/c      | has a noun that is not words of letters: write its plural ('count sessions') or its singular "
                    + "and plural ('count person/people')",
    })
    void aDeclarationThatNamesNoUnit_saysWhy(String declared, String problem) {
        assertEquals(Optional.empty(), Unit.parse(declared));
        assertEquals(problem, Unit.problem(declared));
    }
}
