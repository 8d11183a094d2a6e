package dev.marquee.privacy;

import dev.marquee.catalog.GroupSpec;
import dev.marquee.catalog.Question;
import dev.marquee.catalog.Reference;
import dev.marquee.engine.Table;
import dev.marquee.query.Answer;

import java.util.List;
import java.util.Optional;

/**
 * A result a privacy declaration names ({@code as_of_month_of}, {@code inflow}, {@code totals_of}, {@code same_rows_as}):
 * of the question the declaration is in, or of another one, written {@code <question>/<result>}.
 *
 * @param answer the position of its question's answer in the report's answers
 */
record NamedResult(int answer, Question question, String result, GroupSpec spec) {

    /** The result {@code named} in the declarations of answer {@code declaredIn}; empty where its question did not run. */
    static Optional<NamedResult> of(List<Answer> computed, int declaredIn, String named) {
        Optional<Reference> reference = Reference.parse(named);
        String result = reference.map(Reference::name).orElse(named);
        int at = declaredIn;
        if (reference.isPresent()) {
            at = -1;
            for (int a = 0; a < computed.size() && at < 0; a++) {
                if (computed.get(a).question().slug().equals(reference.get().question())) {
                    at = a;
                }
            }
        }
        if (at < 0) {
            return Optional.empty();
        }
        Question question = computed.get(at).question();
        int answer = at;
        return question.privacy(result).map(spec -> new NamedResult(answer, question, result, spec));
    }

    /** Its table in {@code answers} (as computed, or as published), or null where the statement returned none. */
    Table in(List<Answer> answers) {
        return answers.get(answer).results().get(result);
    }

    /** How it is named among every question's results (see {@link Disclosure#resultKey}). */
    String key() {
        return Disclosure.resultKey(question, result);
    }
}
