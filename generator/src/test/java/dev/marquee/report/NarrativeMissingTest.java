package dev.marquee.report;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A narrative's sentences around figures a report does not publish: a sentence that quotes a missing value ("n/a signed
 * up in Dec 2024", a slice whose month's signups are hidden; "Standard brings the most recurring revenue of any plan,
 * n/a", a slice that hides that plan's revenue) is left out, and the next stands on its own.
 */
class NarrativeMissingTest {

    @Test
    void aSentenceOpeningWithAMissingValue_isLeftOut_theNextStandsOnItsOwn() {
        String narrative = "{{ monthly.signups | members }} signed up in {{ monthly.month }}. {{ subscribers.subscribers | members }} "
                + "were subscribed at the end of {{ subscribers.month }}.";
        Map<String, String> values = Map.of("{{ monthly.signups | members }}", "n/a", "{{ monthly.month }}", "Dec 2024",
                "{{ subscribers.subscribers | members }}", "44 members", "{{ subscribers.month }}", "Dec 2024");

        assertEquals("{{ subscribers.subscribers | members }} were subscribed at the end of {{ subscribers.month }}.",
                Narrative.withoutEmptySentences(narrative, values));
    }

    @Test
    void aSentenceWithAMissingValueAmongOthers_goesToo_noSentenceSaysNA() {
        String narrative = "The first month has {{ a.x[0] }}, the last {{ a.x[-1] }}. MRR stood at {{ b.mrr }}. "
                + "{{ top.plan[0] }} brings the most of any plan, {{ top.mrr[0] | usd }}. It has {{ a.x[-1] }}.";
        Map<String, String> values = Map.of("{{ a.x[0] }}", "n/a", "{{ a.x[-1] }}", "5 hours", "{{ b.mrr }}", "n/a",
                "{{ top.plan[0] }}", "Standard", "{{ top.mrr[0] | usd }}", "n/a");

        assertEquals("It has {{ a.x[-1] }}.", Narrative.withoutEmptySentences(narrative, values));
    }
}
