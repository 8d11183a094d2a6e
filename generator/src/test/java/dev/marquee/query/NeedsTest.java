package dev.marquee.query;

import dev.marquee.Fixtures;
import dev.marquee.catalog.Question;
import dev.marquee.model.DataModel;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class NeedsTest {

    @Test
    void everyNeedOfTheQuestions_isNamedInWords() {
        DataModel model = DataModel.standard();
        List<Question> questions = dev.marquee.catalog.Catalog.read(Fixtures.QUESTIONS,
                dev.marquee.layer.Layer.standard().withModelTables(model.tableNames()),
                dev.marquee.layer.Layer.standard().withMemberTables(model.memberTables()));
        List<String> unnamed = questions.stream()
                .flatMap(q -> Stream.of(q.requires().stream(), q.kpiNeeds().stream(), q.charts().stream().flatMap(c -> c.needs().stream()))
                        .flatMap(s -> s))
                .distinct()
                // A column of an input table may go by its table's words ("viewing sessions" for started_at).
                .filter(need -> !Needs.named(need) && !(need.contains(".") && !need.startsWith("member.")
                        && Needs.named(need.substring(0, need.indexOf('.')))))
                .sorted().toList();

        assertEquals(List.of(), unnamed, "needs that model/needs.yaml does not put in words");
    }

    @Test
    void needs_areSaidInWords_eachOnce_asASentenceListsThem() {
        assertEquals("viewing sessions", Needs.inWords(List.of("viewing_sessions.started_at")));
        assertEquals("viewing sessions", Needs.inWords(List.of("viewing_sessions.started_at", "viewing_sessions", "viewing_sessions.device")),
                "the narrower need goes where the general one is said");
        assertEquals("viewing sessions with their devices and payments", Needs.inWords(List.of("viewing_sessions.device", "payments")));
        assertEquals("members' watch hours, subscriptions and payments",
                Needs.inWords(List.of("member.watch_hours", "subscriptions.started_on", "payments.amount")));
        assertEquals("members' shoe size", Needs.inWords(List.of("member.shoe_size")), "a member column not listed, in its own words");
        assertEquals("box office", Needs.inWords(List.of("box_office.gross")), "a table not listed, by its name");
    }
}
