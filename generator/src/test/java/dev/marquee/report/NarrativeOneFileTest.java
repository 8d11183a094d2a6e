package dev.marquee.report;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A report of one population names its file once, on its Data and About pages: its narratives drop it beside a figure and before one. */
class NarrativeOneFileTest {

    @Test
    void oneFile_itsNameBesideAFigure_andOpeningASentence_isLeftOut() {
        String written = "{{ top.plan[0] }} brings the most, {{ top.mrr[0] | usd }} (source: {{ top.source[0] }}). "
                + "In {{ overall.source[0] }}, {{ overall.rate[0] | percent }} of them left. "
                + "In {{ heavy.source }}, the {{ heavy.viewers[0] | members }} with hours watched. "
                + "{{ without.source[0] }} gives no watch time.";

        assertEquals("{{ top.plan[0] }} brings the most, {{ top.mrr[0] | usd }}. "
                + "{{ overall.rate[0] | percent }} of them left. "
                + "The {{ heavy.viewers[0] | members }} with hours watched. "
                + "{{ without.source[0] }} gives no watch time.", Narrative.withoutTheOneFile(written));
    }

    @Test
    void aSentenceOpeningOnAFile_notTheSourceColumn_isKept() {
        String written = "In {{ top.title[0] }}, the most watched.";

        assertEquals(written, Narrative.withoutTheOneFile(written));
    }
}
