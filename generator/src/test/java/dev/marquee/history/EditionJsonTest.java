package dev.marquee.history;

import dev.marquee.format.Unit;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An edition's record keeps each figure's unit by its id: the built-in names as before, a declared unit as declared. */
class EditionJsonTest {

    /** KPI and rate lines as the records written before units could be declared hold them. */
    private static final String OLD_RECORD = """
            {
              "format": "marquee-edition",
              "version": 1,
              "as_of": "2024-12-31",
              "title": "Marquee streaming report",
              "min_group_size": 10,
              "kpis": [
                {"id": "active_members", "label": "Active members", "unit": "members", "value": 3419, "previous_month": 3156, "higher_is_better": true, "partial": false},
                {"id": "watch_hours", "label": "Watch hours", "unit": "hours", "value": 12338.15, "previous_month": 10378.07, "higher_is_better": true, "partial": false}
              ],
              "rankings": [],
              "rates": [
                {"id": "churn/by-region", "title": "Churn rate by region", "href": "churn.html#chart-churn-by-region", "unit": "percent", "group_label": "Region", "groups": [{"group": "Europe", "rate": 0.04, "members": 1200}]}
              ],
              "targets": []
            }
            """;

    @Test
    void aRecordWrittenWithTheBuiltInNames_readsTheirUnits() {
        Edition edition = EditionJson.read(OLD_RECORD, "2024-12-31/edition.json");

        assertEquals(List.of(Unit.MEMBERS, Unit.HOURS), edition.kpis().stream().map(Edition.KpiFigure::unit).toList());
        assertEquals(Unit.PERCENT, edition.rates().get(0).unit());
    }

    @Test
    void aDeclaredUnit_isWrittenAsDeclared_andReadBackTheSame() {
        Edition edition = new Edition(LocalDate.of(2024, 12, 31), "Report", 10, List.of(
                new Edition.KpiFigure("sessions_started", "Sessions started", Unit.of("count sessions"), 1234, Optional.of(1100.0), true, false),
                new Edition.KpiFigure("households", "Households", Unit.of("whole household/households"), 812, Optional.empty(), true, false),
                new Edition.KpiFigure("people", "People", Unit.of("count person/people"), 3, Optional.empty(), true, false)),
                List.of(), List.of(), List.of());

        String json = EditionJson.write(edition);

        assertTrue(json.contains("\"unit\": \"count sessions\""), json);
        assertTrue(json.contains("\"unit\": \"whole households\""), json);
        assertTrue(json.contains("\"unit\": \"count person/people\""), json);
        assertEquals(edition, EditionJson.read(json, "edition.json"));
    }

    /**
     * A member file's figure among several files keeps its own date, which the e-mail's subject gives: "Marquee, 30 Jun
     * 2025: members (Netflix Userbase.csv) 2,500 members" had put the report's date on a count of July 2023.
     */
    @Test
    void aFiguresOwnDate_isWrittenReadBack_andNamedInTheSubject() {
        Edition edition = new Edition(LocalDate.of(2025, 6, 30), "Report", 10, List.of(
                new Edition.KpiFigure("members_1", "Members (Netflix Userbase.csv)", Unit.MEMBERS, 2500, Optional.empty(), true, false,
                        Optional.of(LocalDate.of(2023, 7, 15))),
                new Edition.KpiFigure("members_2", "Members (churn.csv)", Unit.MEMBERS, 5000, Optional.empty(), true, false)),
                List.of(), List.of(), List.of());

        String json = EditionJson.write(edition);

        assertTrue(json.contains("\"partial\": false, \"as_of\": \"2023-07-15\"}"), json);
        assertEquals(edition, EditionJson.read(json, "edition.json"));
        assertEquals(Optional.empty(), EditionJson.read(OLD_RECORD, "edition.json").kpis().get(0).asOf(), "a record without it");
        assertEquals("Marquee, 30 Jun 2025: 2,500 members (Netflix Userbase.csv) as of 15 Jul 2023",
                Digest.subject(edition, Optional.empty(), List.of()));
    }

    /** A file without dates beside dated files: the subject had put another file's date on its count. */
    @Test
    void aFigureOfAFileWithoutDates_isWrittenUndated_andSaidSoInTheSubject() {
        Edition edition = new Edition(LocalDate.of(2025, 3, 8), "Report", 10, List.of(
                new Edition.KpiFigure("members_1", "Members (churn.csv)", Unit.MEMBERS, 5000, Optional.empty(), true, false,
                        Optional.of(dev.marquee.query.Parameters.UNDATED))),
                List.of(), List.of(), List.of());

        String json = EditionJson.write(edition);

        assertTrue(json.contains("\"as_of\": \"undated\"}"), json);
        assertEquals(edition, EditionJson.read(json, "edition.json"));
        assertEquals("Marquee, 8 Mar 2025: 5,000 members (churn.csv), a file without dates",
                Digest.subject(edition, Optional.empty(), List.of()));
    }

    /** An initialism keeps its capitals in the subject: "MRR $31.3K", not "mRR $31.3K". */
    @Test
    void aLabelThatIsAnInitialism_keepsItsCapitals_inTheSubject() {
        Edition edition = new Edition(LocalDate.of(2025, 6, 30), "Report", 10, List.of(
                new Edition.KpiFigure("mrr", "MRR (Netflix Userbase.csv)", Unit.USD, 31_300, Optional.empty(), true, false)),
                List.of(), List.of(), List.of());

        assertEquals("Marquee, 30 Jun 2025: MRR (Netflix Userbase.csv) $31.3K", Digest.subject(edition, Optional.empty(), List.of()));
    }
}
