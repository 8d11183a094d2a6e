package dev.marquee.catalog;

import dev.marquee.Fixtures;
import dev.marquee.format.NumberStyle;
import dev.marquee.format.Unit;
import dev.marquee.run.ReportException;
import dev.marquee.model.DataModel;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CatalogTest {

    private static final Path CASES = Fixtures.FIXTURES.resolve("catalog");
    private static final Set<String> TABLES = Set.copyOf(DataModel.standard().tableNames());

    @TempDir
    Path temp;

    @Test
    void read_aSecondQuestionAddedAsFiles_isAnsweredWithoutJavaChanges() throws Exception {
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--questions", CASES.resolve("two-questions").toString(), "--min-group-size", "1");

        assertEquals(0, run.exitCode(), run.err());
        String page = Files.readString(site.resolve("sessions-by-device.html"));
        assertTrue(page.contains("<h2 class=\"chart-title\">Sessions by device</h2>"));
        // Hand count from the tiny fixture: TV 3 sessions of member 1, Mobile 2 of member 2, Laptop and Tablet 1 each of 3.
        assertEquals("device,sessions,viewers\nTV,3,1\nMobile,2,1\nLaptop,1,1\nTablet,1,1\n",
                Files.readString(site.resolve("csv/sessions-by-device-sessions.csv")));
        assertTrue(page.contains("Most sessions were on TV."), "narrative quotes the first row");
        assertTrue(Files.readString(site.resolve("index.html")).contains("href=\"sessions-by-device.html\""));
    }

    @Test
    void read_brokenQuestionFiles_reportsEveryProblemWithFileAndLine() {
        ReportException error = assertThrows(ReportException.class, () -> Catalog.read(CASES.resolve("broken"), TABLES, DataModel.standard().memberTables()));

        String message = error.getMessage();
        assertEquals(ReportException.QUESTION_PROBLEM, error.exitCode());
        assertTrue(message.contains("bad-kind.md:7 column kind: chart kind 'pie' is not one of [line, bar, hbar, dots, stacked-bar, stacked-percent, forecast, heatmap, table] [unknown-chart-kind]"), message);
        assertTrue(message.contains("bad-kind.md:12 column query: query 'missing_statement' is not in the SQL file"), message);
        assertTrue(message.contains("bad-kind.md:17 column colour: unknown chart key 'colour'"), message);
        assertTrue(message.contains("no-description.sql: has no no-description.md beside it"), message);
        assertTrue(message.contains("(4 problems)"), message);
    }

    @Test
    void read_aChartDrawingAnotherQuestionsResult_mustNameOneThatExists() throws Exception {
        Path questions = questionsWith("signups.md", "query: outlook/forecast_new_signups", "query: outlok/forecast_new_signups");
        edit(questions.resolve("signups.md"), "query: outlook/forecast_active_members", "query: outlook/forecast_active_member");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        String message = error.getMessage();
        assertTrue(message.contains("(2 problems)"), message);
        assertTrue(message.matches("(?s).*signups\\.md:\\d+ column query: chart '[a-z-]+' draws outlok/forecast_new_signups, but no question "
                + "is called 'outlok'; the questions are \\[catalogue, churn, .*\\] \\[unknown-question\\].*"), message);
        assertTrue(message.matches("(?s).*signups\\.md:\\d+ column query: chart '[a-z-]+' draws outlook/forecast_active_member, but question "
                + "'outlook' has no result 'forecast_active_member'; its results are \\[.*forecast_active_members.*\\] \\[unknown-query\\].*"), message);
    }

    @Test
    void read_kpiMembers_ofAResultWithoutALabel_isRefused() throws Exception {
        Path questions = questionsWith("members.md", "    label: region\n    kpi_members: [active_members]\n",
                "    kpi_members: [active_members]\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*members\\.md:\\d+ column kpi_members: 'kpi_members' is for a result with a "
                + "'label' and no 'within': a row per value of the label.*"), error.getMessage());
    }

    @Test
    void read_nestedIn_namesRegions_ofAResultByCountry() throws Exception {
        Path questions = questionsWith("members.md", "    label: country\n    nested_in: region\n",
                "    label: country\n    nested_in: continent\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*members\\.md:\\d+ column nested_in: 'nested_in' names a grouping of the countries "
                + "whose totals are published elsewhere: \\[region\\], of a result whose 'label' or 'within' is country; got 'continent' "
                + "\\[bad-nesting\\].*"), error.getMessage());
    }

    @Test
    void read_asOfMonthOf_namesAResultByMonth_ofTheSameMembersAndLabel() throws Exception {
        Path questions = questionsWith("churn.md", "    as_of_month_of: monthly_by_region\n", "    as_of_month_of: by_country\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*churn\\.md:\\d+ column as_of_month_of: 'as_of_month_of' of 'by_region' names a "
                + "result declared under 'privacy' with 'within: month', the same 'members' and the same 'label', whose as-of "
                + "month's rows are this result's; got 'by_country' \\[bad-privacy\\].*"), error.getMessage());
    }

    @Test
    void read_asOfMonthOf_ofAnotherQuestion_namesItsResultByMonth() throws Exception {
        Path questions = questionsWith("members.md", "    as_of_month_of: churn/monthly_by_country\n", "    as_of_month_of: churn/by_country\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*members\\.md:\\d+ column as_of_month_of: 'as_of_month_of' of 'by_country' names a "
                + "result declared under 'privacy' with 'within: month', the same 'members' and the same 'label', whose as-of "
                + "month's rows are this result's; got 'churn/by_country' \\[bad-privacy\\].*"), error.getMessage());
    }

    @Test
    void read_addsUp_namesAnotherDeclaredResult() throws Exception {
        Path questions = questionsWith("signups.md", "    adds_up: monthly\n", "    adds_up: yearly\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*signups\\.md:\\d+ column adds_up: 'adds_up' of 'seasonality' names another result "
                + "declared under 'privacy' whose rows this result's rows add up; got 'yearly' \\[bad-privacy\\].*"), error.getMessage());
    }

    @Test
    void read_outflow_namesAResultCountingThoseWhoLeft() throws Exception {
        Path questions = questionsWith("signups.md", "    outflow: churn/monthly_by_region\n", "    outflow: churn/monthly_by_country\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*signups\\.md:\\d+ column outflow: 'outflow' names a result declared under 'privacy' "
                + "\\(of this question, or <question>/<result>\\) that counts members, with one part: those who left; got "
                + "'churn/monthly_by_country' \\[bad-privacy\\].*"), error.getMessage());
    }

    @Test
    void read_endsIn_namesAResultCountingMembers() throws Exception {
        Path questions = questionsWith("churn.md", "    ends_in: members/by_country\n", "    ends_in: members/by_county\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*churn\\.md:\\d+ column ends_in: 'ends_in' names a result declared under 'privacy' "
                + "\\(of this question, or <question>/<result>\\) that counts members; got 'members/by_county' \\[bad-privacy\\].*"),
                error.getMessage());
    }

    @Test
    void read_totalIn_namesAResultCountingMembers() throws Exception {
        Path questions = questionsWith("watch-time.md", "    total_in: summary\n    total_leaves_out: [none]\n",
                "    total_in: summery\n    total_leaves_out: [none]\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*watch-time\\.md:\\d+ column total_in: 'total_in' names a result declared under "
                + "'privacy' \\(of this question, or <question>/<result>\\) that counts members; got 'summery' \\[bad-privacy\\].*"),
                error.getMessage());
    }

    @Test
    void read_endsIn_onAResultWithoutThoseWhoLeft_isRefused() throws Exception {
        Path questions = questionsWith("members.md", "    as_of_month_of: churn/monthly_by_country\n",
                "    as_of_month_of: churn/monthly_by_country\n    ends_in: by_region\n");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().matches("(?s).*members\\.md:\\d+ column ends_in: 'ends_in' is for a result that counts members at a "
                + "month's start with one part, those who left, and a 'label'; 'by_country' has 0 parts \\[bad-privacy\\].*"), error.getMessage());
    }

    @Test
    void read_inflowWithoutOutflow_isRefused() throws Exception {
        Path questions = questionsWith("signups.md", "    outflow: churn/monthly_by_region\n", "");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        assertTrue(error.getMessage().contains("'inflow' and 'outflow' go together"), error.getMessage());
    }

    /**
     * Given the declared-noun case, whose chart counts sessions ({@code unit: count session/sessions}) of viewers
     * ({@code units: {viewers: whole viewers}}): each column is that style counting that noun.
     */
    @Test
    void read_aUnitDeclaredAsAStyleAndANoun_isThatStyleCountingThatNoun() {
        ChartSpec chart = readAsTheRunDoes(CASES.resolve("declared-noun")).get(0).charts().get(0);

        assertEquals(new Unit(NumberStyle.COUNT, Optional.of(new Unit.Noun("session", "sessions"))), chart.unitOf("sessions_started"));
        assertEquals(new Unit(NumberStyle.WHOLE, Optional.of(new Unit.Noun("viewer", "viewers"))), chart.unitOf("viewers"));
    }

    @Test
    void read_unitDeclarationsThatNameNoUnit_areEachReportedWithFileAndLine() throws Exception {
        Path questions = temp.resolve("questions");
        Fixtures.copyTree(CASES.resolve("declared-noun"), questions);
        edit(questions.resolve("sessions-started.md"), "    unit: count session/sessions\n    units: {viewers: whole viewers}\n",
                "    unit: tally sessions\n    units:\n      viewers: percent viewers\n      sessions_started: count 3 sessions\n"
                        + "      device: whole\n");
        edit(questions.resolve("sessions-started.md"), "| count sessions }}", "| count sessions/session/s }}");

        ReportException error = assertThrows(ReportException.class, () -> readAsTheRunDoes(questions));

        String message = error.getMessage();
        assertTrue(message.contains("(5 problems)"), message);
        assertTrue(message.contains("sessions-started.md:16 column unit: unit 'tally sessions' starts with 'tally', which is not a "
                + "number style a noun may follow: [count, whole, decimal] [unknown-unit]"), message);
        assertTrue(message.contains("sessions-started.md:18 column units: unit 'percent viewers' of column viewers gives a noun to "
                + "percent, which takes none; a noun follows one of [count, whole, decimal] [unknown-unit]"), message);
        assertTrue(message.contains("sessions-started.md:19 column units: unit 'count 3 sessions' of column sessions_started has a "
                + "noun that is not words of letters: write its plural ('count sessions') or its singular and plural "
                + "('count person/people') [unknown-unit]"), message);
        assertTrue(message.contains("sessions-started.md:20 column units: unit 'whole' of column device names no noun: a whole "
                + "count names what it counts, such as 'whole subscribers' [unknown-unit]"), message);
        assertTrue(message.contains("sessions-started.md:29: narrative placeholder {{ by_device.sessions_started[0] | count "
                + "sessions/session/s }} names unit 'count sessions/session/s', which has a noun that is not words of letters"), message);
    }

    /** The project's questions, copied, with one text of one file replaced (which must be there). */
    private Path questionsWith(String file, String text, String replacement) throws Exception {
        Path questions = temp.resolve("questions");
        Fixtures.copyTree(Fixtures.QUESTIONS, questions);
        edit(questions.resolve(file), text, replacement);
        return questions;
    }

    private static void edit(Path file, String text, String replacement) throws Exception {
        String content = Files.readString(file);
        assertTrue(content.contains(text), "the text this test changes: " + text);
        Files.writeString(file, content.replace(text, replacement));
    }

    /** The questions read with the tables a run gives them: the data model's and the member and title layer's. */
    private static java.util.List<Question> readAsTheRunDoes(Path questions) {
        DataModel model = DataModel.standard();
        dev.marquee.layer.Layer layer = dev.marquee.layer.Layer.standard();
        return Catalog.read(questions, layer.withModelTables(model.tableNames()), layer.withMemberTables(model.memberTables()));
    }

    @Test
    void build_sqlErrorsAndMissingColumns_areReportedTogether() throws Exception {
        Path questions = temp.resolve("questions");
        Files.createDirectories(questions);
        for (String name : List.of("bad-sql.sql", "bad-sql.md", "bad-column.sql", "bad-column.md")) {
            Files.copy(CASES.resolve("broken").resolve(name), questions.resolve(name));
        }
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--questions", questions.toString());

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode());
        assertTrue(run.err().contains("(2 problems)"), run.err());
        assertTrue(run.err().contains("bad-sql.sql:4: statement 'broken': Parser Error"), run.err());
        assertTrue(run.err().contains("bad-column.md:5 column watch_hours: chart 'one' uses column 'watch_hours', which query 'by_device' does not return; it returns [device, sessions, viewers] [unknown-column]"), run.err());
        assertTrue(Files.notExists(site), "nothing is written when a question is wrong");
    }

    @Test
    void build_chartColumnAndModelColumnMissingAndAModelFlagAsText_allReportedOnceTheStatementsHaveRun() throws Exception {
        Path questions = temp.resolve("questions");
        Files.createDirectories(questions);
        Files.copy(CASES.resolve("broken/bad-column.sql"), questions.resolve("bad-column.sql"));
        Files.copy(CASES.resolve("broken/bad-column.md"), questions.resolve("bad-column.md"));
        Files.copy(CASES.resolve("columns/bad-model.sql"), questions.resolve("bad-model.sql"));
        Files.copy(CASES.resolve("columns/bad-model.md"), questions.resolve("bad-model.md"));
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--questions", questions.toString());

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode());
        assertTrue(run.err().contains("(3 problems)"), run.err());
        assertTrue(run.err().contains("bad-column.md:5 column watch_hours: chart 'one' uses column 'watch_hours', which query 'by_device' does not return; it returns [device, sessions, viewers] [unknown-column]"), run.err());
        assertTrue(run.err().contains("bad-model.md:5 column held_out: the model statement 'members' must return held_out as true or false (a BOOLEAN), not TEXT [not-a-flag]"), run.err());
        assertTrue(run.err().contains("bad-model.md:5 column hours_30d: the model statement 'members' must return column 'hours_30d'; it returns [held_out, scored, churned, tenure_months, plan] [unknown-column]"), run.err());
        assertTrue(Files.notExists(site), "nothing is written when a question is wrong");
    }

    /** A declared sum of prices is rounded as one of the result's sums: one that is not among them is refused at its line. */
    @Test
    void read_pricesNotAmongTheSums_isRefusedAtItsLine() throws Exception {
        Path questions = skeletonWith("watch-time.md", "    sums: [watch_hours]\n", "    sums: [watch_hours]\n    prices: [mrr]\n");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", temp.resolve("site").toString(),
                "--questions", questions.toString());

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().contains("watch-time.md:27 column prices: 'prices' names sums of prices members pay, which are among "
                + "the 'sums' too: [mrr] are not [bad-privacy]"), run.err());
    }

    /** The skeleton's watch-time question copied into a questions folder, one of its two files with a text replaced. */
    private Path skeletonWith(String file, String text, String replacement) throws Exception {
        Path questions = Files.createDirectories(temp.resolve("questions"));
        Path skeleton = Fixtures.FIXTURES.resolve("skeleton-questions");
        for (String name : List.of("watch-time.sql", "watch-time.md")) {
            String content = Fixtures.read(skeleton.resolve(name));
            if (name.equals(file)) {
                assertTrue(content.contains(text), name + " holds " + text);
                content = content.replace(text, replacement);
            }
            Files.writeString(questions.resolve(name), content);
        }
        return questions;
    }

    /**
     * A question that treats the member id as text, on data whose ids are plain whole numbers (stored as BIGINT): the
     * engine's error says which statement, and the problem says why and what to write instead.
     */
    @Test
    void build_aStatementTreatingMemberIdsAsText_onNumericIds_saysTheIdsAreNumbers() throws Exception {
        Path questions = skeletonWith("watch-time.sql", "WHERE CAST(started_at AS DATE) <= {{as_of}}\nGROUP BY 1",
                "WHERE CAST(started_at AS DATE) <= {{as_of}} AND user_id NOT LIKE 'test%'\nGROUP BY 1");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", temp.resolve("site").toString(),
                "--questions", questions.toString());

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode());
        assertTrue(run.err().contains("statement 'monthly_hours': Binder Error"), run.err());
        assertTrue(run.err().contains("(member ids are whole numbers in this data and are stored as numbers: write "
                + "CAST(user_id AS VARCHAR) where the SQL needs text)"), run.err());
    }

    /**
     * Given the skeleton's watch-time chart, whose query returns month (DATE) and viewers (BIGINT), declaring a grain
     * on viewers and a unit of numbers on month: both are reported at the chart's line once the statements are described,
     * and nothing is written.
     */
    @Test
    void build_aGrainOnANumberAndAUnitOnADate_areReportedWithFileAndLine() throws Exception {
        Path questions = skeletonWith("watch-time.md", "    unit: hours\n", "    unit: hours\n    units: {viewers: day, month: usd}\n");
        Path site = temp.resolve("site");

        Fixtures.Run run = Fixtures.marquee("build", "--data", Fixtures.TINY.toString(), "--out", site.toString(),
                "--questions", questions.toString(), "--min-group-size", "1");

        assertEquals(ReportException.QUESTION_PROBLEM, run.exitCode(), run.err());
        assertTrue(run.err().contains("(2 problems)"), run.err());
        assertTrue(run.err().contains("watch-time.md:11 column viewers: chart 'monthly-hours' declares 'viewers: day', a grain of "
                + "dates, but query 'monthly_hours' returns it as INTEGER; declare a grain only for a DATE column [not-a-date]"), run.err());
        assertTrue(run.err().contains("watch-time.md:11 column month: chart 'monthly-hours' declares 'month: usd', a unit of "
                + "numbers, but query 'monthly_hours' returns it as DATE; declare a date column's grain instead (month or day) [not-a-number]"),
                run.err());
        assertTrue(Files.notExists(site), "nothing is written when a question is wrong");
    }

    @Test
    void split_namedStatements_keepTheirFileLines() {
        List<QuerySource> statements = SqlFile.split(Path.of("q.sql"),
                "-- a comment\n-- name: first\nSELECT 1\n\n-- name: second\n\nSELECT\n  2;\n", "q");

        assertEquals(List.of("first", "second"), statements.stream().map(QuerySource::name).toList());
        assertEquals(1, statements.get(0).firstLine(), "the comment above a name line is its statement's first line");
        assertEquals("-- a comment\n\nSELECT 1", statements.get(0).sql());
        assertEquals(3, statements.get(0).fileLine(3), "SELECT 1 keeps its file line");
        assertEquals(7, statements.get(1).firstLine());
        assertEquals("SELECT\n  2", statements.get(1).sql());
    }

    @Test
    void split_theCommentAboveANameLine_describesTheNextStatementNotThePrevious() {
        List<QuerySource> statements = SqlFile.split(Path.of("q.sql"),
                "-- name: first\nSELECT 1\n\n-- Scores by genre.\n-- name: second\nSELECT 2\n", "q");

        assertEquals("SELECT 1", statements.get(0).sql());
        assertEquals("-- Scores by genre.\n\nSELECT 2", statements.get(1).sql());
        assertEquals(6, statements.get(1).fileLine(3));
    }
}
