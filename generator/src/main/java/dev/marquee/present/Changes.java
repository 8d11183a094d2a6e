package dev.marquee.present;

import dev.marquee.format.Tone;
import java.util.List;

/**
 * What changed since the previous edition and where the targets stand, as the overview, the changes page and the
 * PDF's page after the cover say it.
 *
 * @param remembers whether an earlier edition is on record to compare with (a first edition's page is its targets)
 * @param since     which edition this one is compared with, in a sentence
 * @param targets   the targets shown, each with its status
 * @param quietSince the same as {@code since} for an edition where nothing moved, said where the targets stand alone
 */
public record Changes(String title, boolean remembers, String since, List<Part> parts, List<TargetStatus> targets, String quietSince) {


    public Changes {
        parts = List.copyOf(parts);
        targets = List.copyOf(targets);
    }

    /** A heading ("Targets", "Watch time") and its lines. */
    public record Part(String heading, List<Line> lines) {
        public Part {
            lines = List.copyOf(lines);
        }
    }

    /**
     * A line of the digest, the page it links to, and whether it is good or bad news.
     *
     * @param lead the start of {@code text} that says the news ("Newly missed:"), shown in the tone's colour; often empty
     */
    public record Line(String text, String href, Tone tone, String lead) {
    }

    public boolean isEmpty() {
        return parts.isEmpty() && targets.isEmpty();
    }
}
