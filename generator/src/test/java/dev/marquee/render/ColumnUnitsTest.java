package dev.marquee.render;

import dev.marquee.Fixtures;
import dev.marquee.catalog.Catalog;
import dev.marquee.catalog.ChartSpec;
import dev.marquee.catalog.Question;
import dev.marquee.format.Unit;
import dev.marquee.model.DataModel;
import dev.marquee.run.ReportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A question declares the unit of any column of its tables in its front matter: a new unit needs no Java. */
class ColumnUnitsTest {

    @TempDir
    Path questions;

    List<Question> givenTheSkeletonQuestionWith(String chartKeys) throws Exception {
        Path source = Fixtures.FIXTURES.resolve("skeleton-questions");
        Files.copy(source.resolve("watch-time.sql"), questions.resolve("watch-time.sql"));
        Files.writeString(questions.resolve("watch-time.md"), Fixtures.read(source.resolve("watch-time.md"))
                .replace("    unit: hours\n", "    unit: hours\n" + chartKeys));
        return Catalog.read(questions, Set.copyOf(DataModel.standard().tableNames()), DataModel.standard().memberTables());
    }

    @Test
    void aDeclaredUnitFormatsItsColumn() throws Exception {
        ChartSpec chart = givenTheSkeletonQuestionWith("    units: {viewers: usd, share_of_hours: decimal}\n").get(0).charts().get(0);

        assertEquals(Unit.USD, chart.unitOf("viewers"));
        assertEquals("$1,234.50", chart.cellText(1234.5, "viewers"));
        assertEquals("0.25", chart.cellText(0.25, "share_of_hours"), "declared, not read from the name");
    }

    @Test
    void withoutADeclarationAColumnIsACountWhateverItsName() throws Exception {
        ChartSpec chart = givenTheSkeletonQuestionWith("").get(0).charts().get(0);

        assertEquals("1,234.5", chart.cellText(1234.5, "viewers"));
        assertEquals("0.4", chart.cellText(0.4, "share_of_hours"), "not a percentage: the name decides nothing");
        assertEquals("2,019", chart.cellText(2019, "release_year"), "a year is declared, not guessed");
        assertEquals("12.5", chart.cellText(12.5, "watch_hours"), "the y column has the chart's unit");
    }

    @Test
    void anUnknownUnitIsNamedWithItsLine() {
        ReportException error = assertThrows(ReportException.class, () -> givenTheSkeletonQuestionWith("    units:\n      viewers: euros\n"));

        assertTrue(error.getMessage().contains("watch-time.md:22"), error.getMessage());
        assertTrue(error.getMessage().contains("unit 'euros' of column viewers is not one of"), error.getMessage());
    }

    @Test
    void aDeclaredGrainFormatsItsDateColumn() throws Exception {
        ChartSpec chart = givenTheSkeletonQuestionWith("    units: {month: day, first_seen: month, viewers: usd}\n").get(0).charts().get(0);

        assertEquals("1 Dec 2024", chart.cellText(LocalDate.of(2024, 12, 1), "month"), "declared day, whatever the name");
        assertEquals("Dec 2024", chart.cellText(LocalDate.of(2024, 12, 17), "first_seen"), "a month, whatever the day");
        assertEquals("$1,234.50", chart.cellText(1234.5, "viewers"), "units and grains share one mapping");
    }

    @Test
    void anUnknownGrainIsNamedWithItsLineAndTheGrainsThereAre() {
        ReportException error = assertThrows(ReportException.class, () -> givenTheSkeletonQuestionWith("    units:\n      month: fortnight\n"));

        assertTrue(error.getMessage().contains("watch-time.md:22"), error.getMessage());
        assertTrue(error.getMessage().contains("unit 'fortnight' of column month is not one of [hours, minutes, days, count, members, "
                + "titles, ratings, percent, change, usd, dollars, score, year, decade, decimal] (numbers) nor of [month, day] (dates)"), error.getMessage());
    }
}
