package dev.marquee.present;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void choices_addASentenceAtATime_withinTheRoom_fromTheFirstTwo() {
        assertEquals(List.of("One. Two.", "One. Two. Three 3.5 long."), Takeaway.choices("One. Two. Three 3.5 long."));
        String sentence = "A sentence of fifty characters, give or take one. ";
        // 600 characters hold twelve whole sentences of 50 and a part of the thirteenth: up to the twelve.
        List<String> choices = Takeaway.choices(sentence.repeat(13).strip());
        assertEquals(11, choices.size());
        assertEquals(sentence.repeat(12).strip(), choices.get(10));
        String two = "A " + "long ".repeat(130) + "sentence. And a second one. A third.";
        assertEquals(List.of("A " + "long ".repeat(130) + "sentence. And a second one."), Takeaway.choices(two), "the first two, however long");
        assertEquals(List.of("Only one sentence, and no end"), Takeaway.choices("Only one sentence, and no end"));
        String huge = "A title " + "very ".repeat(300) + "long.";
        String cut = Takeaway.of(huge);
        assertTrue(cut.length() <= Takeaway.MAX_LENGTH && cut.length() > Takeaway.MAX_LENGTH - 6, cut);
        assertTrue(cut.endsWith(" very\u2026"), cut);
    }

}
