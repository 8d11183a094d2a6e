package dev.marquee.present;

import dev.marquee.Fixtures;
import dev.marquee.catalog.Question;
import dev.marquee.query.LeftOut;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class LeftOutSummaryTest {

    private static final String GIVES = ", which no file in the data folder gives";

    private static LeftOut chart(Question question, String title, String... needs) {
        return new LeftOut(question, List.of(needs), "", Optional.of(title));
    }

    @Test
    void aQuestionMissingManyCharts_takesOneLine_namingThreeAndWhatTheyNeed() {
        Question watch = Fixtures.question("watch-time");
        Question revenue = Fixtures.question("revenue");
        Question outlook = Fixtures.question("outlook");
        List<LeftOut> leftOut = List.of(
                new LeftOut(outlook, List.of("users", "viewing_sessions")),
                chart(watch, "Monthly watch hours", "viewing_sessions.started_at"),
                chart(watch, "Headline figures", "viewing_sessions.started_at"),
                chart(watch, "Members by total watch hours", "member.watch_hours"),
                chart(watch, "Completion rate, movies and shows", "viewing_sessions.completed"),
                chart(watch, "Watch hours, with forecast", "viewing_sessions.started_at"),
                chart(revenue, "MRR by country", "member.country"),
                LeftOut.kpi(watch, "Watch hours"));

        List<Presentation.LeftOutLine> lines = LeftOutSummary.byQuestion(leftOut);

        assertEquals(List.of(
                new Presentation.LeftOutLine("Outlook", "needs the event data's users file (users.csv) and viewing sessions" + GIVES),
                new Presentation.LeftOutLine("Watch time and engagement", "5 charts and its key figure left out (“Monthly watch hours”, "
                        + "“Headline figures”, “Members by total watch hours” and 2 more): they need viewing sessions and members' "
                        + "watch hours" + GIVES),
                new Presentation.LeftOutLine("Revenue: MRR by country", "needs members' countries" + GIVES)), lines);
    }

    @Test
    void fourCharts_areAllNamed_andOneReasonIsSaidOnce() {
        Question signups = Fixtures.question("signups");
        List<LeftOut> leftOut = List.of(chart(signups, "Subscribers at the end of each month", "subscriptions.started_on"),
                chart(signups, "Monthly growth rate of subscribers", "subscriptions.started_on"),
                chart(signups, "New signups, with forecast", "subscriptions.started_on"),
                chart(signups, "Active subscribers, with forecast", "subscriptions.started_on"));

        assertEquals(List.of(new Presentation.LeftOutLine("Signups and growth", "4 charts left out (“Subscribers at the end of each month”, "
                        + "“Monthly growth rate of subscribers”, “New signups, with forecast” and “Active subscribers, with forecast”): "
                        + "they need subscriptions" + GIVES)),
                LeftOutSummary.byQuestion(leftOut));
    }

    @Test
    void keyFiguresAlone_sayWhatTheQuestionComputesThemFrom_orThatNoFileGivesTheirData() {
        Question revenue = Fixtures.question("revenue");
        assertEquals(List.of(new Presentation.LeftOutLine("Revenue", "its 2 key figures left out: they need subscriptions with their prices"
                        + GIVES)),
                LeftOutSummary.byQuestion(List.of(LeftOut.kpi(revenue, "MRR"), LeftOut.kpi(revenue, "ARPU"))), "revenue.md's kpi_needs");
        Question members = Fixtures.question("members");
        assertEquals(List.of(new Presentation.LeftOutLine("Members", "its 2 key figures left out: no loaded file gives its data")),
                LeftOutSummary.byQuestion(List.of(LeftOut.kpi(members, "A"), LeftOut.kpi(members, "B"))), "members.md says none");
    }

    @Test
    void wholeQuestionsOfOneReason_shareALine_whereTheFirstStood() {
        Question members = Fixtures.question("members");
        Question outlook = Fixtures.question("outlook");
        Question signups = Fixtures.question("signups");
        Question revenue = Fixtures.question("revenue");
        List<LeftOut> leftOut = List.of(new LeftOut(members, List.of("member")), new LeftOut(outlook, List.of("users")),
                new LeftOut(signups, List.of("member")), chart(revenue, "MRR by country", "member.country"),
                new LeftOut(revenue, List.of("member")));

        assertEquals(List.of(
                new Presentation.LeftOutLine("Members, Signups and growth and Revenue", "they need a file of members (users with "
                        + "subscriptions, or a users table, a churn table or a subscriber list)" + GIVES),
                new Presentation.LeftOutLine("Outlook", "needs the event data's users file (users.csv)" + GIVES)),
                LeftOutSummary.byQuestion(leftOut));
    }
}
