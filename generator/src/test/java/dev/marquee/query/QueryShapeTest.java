package dev.marquee.query;

import dev.marquee.catalog.QuerySource;
import dev.marquee.model.Problem;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One query per statement, told from the text alone, the same way on every engine. */
class QueryShapeTest {

    private static List<Problem> problems(String sql) {
        List<Problem> problems = new ArrayList<>();
        QueryShape.check(new QuerySource("s", sql, Path.of("q.sql"), 10), problems);
        return problems;
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "SELECT 1 AS one",
            "select 1 as one",
            "(SELECT 1 AS a) UNION ALL (SELECT 2)",
            "WITH a AS (SELECT 1 AS x) SELECT x FROM a",
            "WITH RECURSIVE a (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM a WHERE n < 3), \"b c\" AS MATERIALIZED (SELECT 2) SELECT * FROM a",
            "WITH a AS NOT MATERIALIZED (SELECT ';' AS semicolon) (SELECT * FROM a)",
            "SELECT 'it''s; fine' AS a, \"odd;name\" AS b, $$ ; $$ AS c, $t$ ; $t$ AS d, E'\\'; ' AS e -- ;\n/* ; /* ; */ ; */",
            "SELECT {{ as_of }} AS day, {{ median(x) }} AS m FROM t",
    })
    void check_oneQuery_hasNoProblem(String sql) {
        assertEquals(List.of(), problems(sql));
    }

    @Test
    void check_anotherStatement_namesItsFirstWordAndLine() {
        assertEquals("q.sql:11: statement 's' starts with COPY, which is not a query: a question may only read the data, "
                + "with one SELECT (or WITH … AS (…) SELECT) per statement [not-a-query]",
                problems("-- a comment\nCOPY (SELECT 1) TO 'x.csv'").get(0).toString());
    }

    @Test
    void check_withClauseFeedingAnInsert_namesTheInsertsLine() {
        assertEquals("q.sql:12: statement 's' uses its WITH clause for INSERT, which is not a query: a question may only read "
                + "the data, with one SELECT (or WITH … AS (…) SELECT) per statement [not-a-query]",
                problems("WITH a AS (\n  SELECT 1 AS x)\nINSERT INTO t SELECT x FROM a").get(0).toString());
    }

    @Test
    void check_twoStatements_namesTheSemicolonsLine() {
        assertEquals(11, problems("SELECT 1 AS one\n; DROP TABLE users").get(0).line());
    }

    @Test
    void check_aCommentEndedByACarriageReturn_hidesNothing() {
        assertEquals(10, problems("SELECT 1 AS one -- note\r; DROP TABLE users").get(0).line());
    }

    @Test
    void check_withFunctionOrOtherShapes_areNotQueriesItKnows() {
        assertEquals("not-a-query", problems("WITH FUNCTION f() RETURNS int RETURN 1 SELECT f()").get(0).rule());
        assertEquals("not-a-query", problems("VALUES (1)").get(0).rule());
        assertEquals("not-a-query", problems("-- nothing").get(0).rule());
    }

    @Test
    void lineOfColumn_theOuterSelectListLine_notACommonTableExpressions() {
        String sql = "WITH a AS (\n  SELECT user_id FROM users\n)\nSELECT\n  country,\n  user_id\nFROM a";

        assertEquals(Optional.of(6), QueryShape.lineOfColumn(sql, "user_id"));
        assertEquals(Optional.of(4), QueryShape.lineOfColumn(sql, "region"), "a column the list does not name: the SELECT's line");
    }
}
