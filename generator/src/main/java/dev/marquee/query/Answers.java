package dev.marquee.query;

import java.util.List;

/** Every question the data could answer, and the ones left out. */
public record Answers(List<Answer> answered, List<LeftOut> leftOut) {
    public Answers {
        answered = List.copyOf(answered);
        leftOut = List.copyOf(leftOut);
    }
}
