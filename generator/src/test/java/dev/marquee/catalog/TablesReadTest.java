package dev.marquee.catalog;

import dev.marquee.Fixtures;
import dev.marquee.layer.Layer;
import dev.marquee.model.DataModel;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which tables a statement reads: the tables it names as words, outside its comments. */
class TablesReadTest {

    @Test
    void among_aNameInsideALongerWord_isNotRead() {
        String sql = "SELECT user_id FROM member_title JOIN member_genre USING (user_id)";

        assertEquals(List.of("member_title", "member_genre"), TablesRead.among(sql, List.of("member", "member_title", "member_genre")));
    }

    @Test
    void among_aNameFirstInsideALongerWord_thenAlone_isRead() {
        assertEquals(List.of("member"), TablesRead.among("SELECT m.x FROM member_title AS t JOIN member AS m USING (user_id)",
                List.of("member")));
    }

    @Test
    void among_givesTheTablesInTheOrderAsked_inAnyCase() {
        String sql = "select * from MEMBER m join Titles t on t.title_id = m.favourite_title";

        assertEquals(List.of("titles", "member"), TablesRead.among(sql, List.of("titles", "users", "member")));
    }

    @Test
    void among_aNameInACommentOnly_isNotRead_oneInAStringIs() {
        String sql = """
                -- reads member_month for the months
                SELECT 'payments' AS kind, count(*) FROM users -- and subscriptions
                """;

        assertEquals(List.of("payments", "users"), TablesRead.among(sql, List.of("member_month", "payments", "subscriptions", "users")));
    }

    @Test
    void among_punctuationAndSymbolsBoundAWord_lettersOfAnyScriptDoNot() {
        // "×" and "–" are not letters: the name beside them is a word of its own. "é" is a letter, so "émember" is one word.
        assertEquals(List.of("member"), TablesRead.among("SELECT 1 FROM (member×2)", List.of("member")));
        assertEquals(List.of("users"), TablesRead.among("SELECT '–users–' AS label", List.of("users")));
        assertEquals(List.of(), TablesRead.among("SELECT émember FROM x", List.of("member")));
        assertEquals(List.of(), TablesRead.among("SELECT member2 FROM x", List.of("member")));
    }

    /**
     * The lookup replaced a regular expression per table (the table's name between word bounds, in any case): on every
     * statement the report ships, with every table it has, both find the same tables.
     */
    @Test
    void among_onEveryShippedStatement_findsWhatAWordBoundedSearchFinds() throws IOException {
        List<String> tables = new ArrayList<>(Layer.standard().names());
        tables.addAll(DataModel.standard().tableNames());
        tables.addAll(List.of("member_profiles", "regions", "genre_map", "maturity_map", "fiscal_calendars"));
        List<Path> files;
        try (Stream<Path> questions = Files.list(Fixtures.QUESTIONS);
             Stream<Path> layer = Files.list(Fixtures.ROOT.resolve("generator/src/main/resources/layer"))) {
            files = Stream.concat(questions, layer).filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        assertTrue(files.size() > 20, "the questions' and the layer's SQL files: " + files.size());
        int found = 0;
        for (Path file : files) {
            String sql = Files.readString(file);
            String code = sql.replaceAll("--[^\\n]*", " ");
            List<String> searched = tables.stream()
                    .filter(t -> Pattern.compile("(?i)\\b" + Pattern.quote(t) + "\\b").matcher(code).find()).toList();
            assertEquals(searched, TablesRead.among(sql, tables), file.getFileName().toString());
            found += searched.size();
        }
        assertTrue(found > files.size(), "most statements read a table: " + found);
    }
}
