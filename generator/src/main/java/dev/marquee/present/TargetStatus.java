package dev.marquee.present;

import dev.marquee.format.Tone;
/**
 * A target as the reader sees it: its name, its bound in words (the name when it has none), its status in words
 * (met, missed, no data) with the status's tone, and what this edition measured.
 */
public record TargetStatus(String id, String name, String bound, String status, Tone tone, String detail) {

    static TargetStatus of(dev.marquee.history.Edition.TargetResult result) {
        Tone tone = switch (result.status()) {
            case MET -> Tone.GOOD;
            case MISSED -> Tone.BAD;
            case NO_DATA -> Tone.FLAT;
        };
        return new TargetStatus(result.id(), result.name(), result.bound().isEmpty() ? result.name() : result.bound(),
                result.status().text(), tone, result.detail());
    }
}
