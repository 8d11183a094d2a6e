package dev.marquee.present;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A narrative's Markdown as the words the site shows it (the PDF's takeaway), and a definition's first sentence: what
 * is markup goes, what is text stays as written.
 */
class TakeawayTest {

    @Test
    void plain_underscoresInsideNames_stay() {
        assertEquals("Genres are mapped by the reference table genre_map; AGES_18_ is adult.",
                Takeaway.plain("Genres are mapped by the reference table genre_map; AGES_18_ is adult."));
    }

    @Test
    void plain_emphasisCodeAndLinks_areTheirWords() {
        assertEquals("A month counts the sessions that started in it: see member_month and the churn page.",
                Takeaway.plain("A month counts the sessions that **started** in it: see `member_month` and\nthe [churn page](churn.html)."));
    }

    @Test
    void plain_aValueEscapedForMarkdown_isTheValueAsWritten() {
        assertEquals("The files: tv_shows.csv and *Stranger Things* [2].", Takeaway.plain("The files: tv\\_shows.csv and \\*Stranger Things\\* \\[2\\]."));
    }

    @Test
    void of_isTheFirstTwoSentencesOfTheText() {
        assertEquals("The table genre_map maps Dramas. Scores are 0.5 to 1.", Takeaway.of("The table genre_map maps *Dramas*. Scores are 0.5 to 1. A third."));
    }

}
