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

        assertEquals(List.of("users", "titles", "viewing_sessions", "ratings", "subscriptions", "payments", "regions", "member_profiles", "title_engagement", "title_scores", "market_figures", "fiscal_calendars", "genre_map", "maturity_map"),
                model.tableNames());
        assertEquals(List.of("user_id"), model.table("users").orElseThrow().key());
        ColumnSpec score = model.table("ratings").orElseThrow().column("score").orElseThrow();
        assertEquals("INTEGER, required, 1–5", score.rulesInWords());
        assertEquals("VARCHAR, required, must exist in titles.title_id",
                model.table("viewing_sessions").orElseThrow().column("title_id").orElseThrow().rulesInWords());
    }

    @Test
    void standard_givesEveryTextColumnAMaximumLength_andMarksTheMembersTablesPersonal() {
        DataModel model = DataModel.standard();

        for (TableSpec table : model.tables()) {
            for (ColumnSpec column : table.columns()) {
                assertEquals(column.sqlType().equals("VARCHAR"), column.maxLength().isPresent(), table.name() + "." + column.name());
            }
        }
        assertEquals(java.util.Optional.of(ColumnSpec.DEFAULT_MAX_LENGTH), model.table("titles").orElseThrow().column("title").orElseThrow().maxLength());
        assertEquals(List.of("users", "viewing_sessions", "ratings", "subscriptions", "payments", "member_profiles"),
                model.tables().stream().filter(TableSpec::personal).map(TableSpec::name).toList());
    }

    @Test
    void fromYaml_maxLengthOfAColumn_overridesTheDefaultAndIsStated() {
        DataModel model = DataModel.fromYaml(java.util.Map.of("notes", java.util.Map.of("columns", java.util.Map.of(
                "text", java.util.Map.of("type", "VARCHAR", "max_length", 200)))));

        ColumnSpec text = model.table("notes").orElseThrow().column("text").orElseThrow();
        assertEquals(java.util.Optional.of(200), text.maxLength());
        assertEquals("VARCHAR, at most 200 characters", text.rulesInWords());
    }

    @Test
    void dataModelPage_documentsEveryColumnWithItsTypeAndWhetherItIsRequired() {
        String page = Fixtures.read(Fixtures.ROOT.resolve("docs/data-model.md"));

        for (TableSpec table : DataModel.standard().tables()) {
            assertTrue(page.contains("## `" + table.name() + "`"), "docs/data-model.md lacks table " + table.name());
            String section = page.substring(page.indexOf("## `" + table.name() + "`") + 3);
            section = section.contains("\n## ") ? section.substring(0, section.indexOf("\n## ")) : section;
            assertEquals(table.personal(), section.contains("Personal: its rows describe members."),
                    "docs/data-model.md says whether " + table.name() + " is personal");
            for (ColumnSpec column : table.columns()) {
                String row = "| `" + column.name() + "` | " + column.sqlType() + " | " + (column.required() ? "yes" : "no") + " |";
                assertTrue(page.contains(row), "docs/data-model.md lacks or misstates " + table.name() + "." + column.name());
            }
        }
    }
}
