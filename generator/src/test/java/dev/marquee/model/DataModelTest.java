package dev.marquee.model;

import dev.marquee.Fixtures;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DataModelTest {

    @Test
    void standard_declaresTheTablesWithKeysAndReferences() {
        DataModel model = DataModel.standard();

        assertEquals(List.of("users", "titles", "viewing_sessions", "ratings", "subscriptions", "payments", "regions", "member_snapshots", "title_scores", "market_figures", "fiscal_calendars", "genre_map", "maturity_map"),
                model.tableNames());
        assertEquals(List.of("user_id"), model.table("users").orElseThrow().key());
        ColumnSpec score = model.table("ratings").orElseThrow().column("score").orElseThrow();
        assertEquals("INTEGER, required, 1–5", score.rulesInWords());
        assertEquals("VARCHAR, required, must exist in titles.title_id",
                model.table("viewing_sessions").orElseThrow().column("title_id").orElseThrow().rulesInWords());
    }

    @Test
    void dataModelPage_documentsEveryColumnWithItsTypeAndWhetherItIsRequired() {
        String page = Fixtures.read(Fixtures.ROOT.resolve("docs/data-model.md"));

        for (TableSpec table : DataModel.standard().tables()) {
            assertTrue(page.contains("## `" + table.name() + "`"), "docs/data-model.md lacks table " + table.name());
            for (ColumnSpec column : table.columns()) {
                String row = "| `" + column.name() + "` | " + column.sqlType() + " | " + (column.required() ? "yes" : "no") + " |";
                assertTrue(page.contains(row), "docs/data-model.md lacks or misstates " + table.name() + "." + column.name());
            }
        }
    }
}
