package dev.marquee.sample;

import java.time.LocalDate;
import java.util.Objects;

/**
 * What to generate: the random seed, the number of viewing sessions (which also sets the number of
 * members, about one per 40 sessions) and the first and last day of the period.
 */
public record SampleOptions(long seed, long sessions, LocalDate start, LocalDate end) {

    public static final long DEFAULT_SEED = 42;
    public static final long DEFAULT_SESSIONS = 200_000;
    public static final LocalDate DEFAULT_START = LocalDate.of(2022, 1, 1);
    public static final LocalDate DEFAULT_END = LocalDate.of(2024, 12, 31);
    public static final long MAX_SESSIONS = 1_000_000_000L;

    public SampleOptions {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (sessions < 0 || sessions > MAX_SESSIONS) {
            throw new IllegalArgumentException("sessions must be between 0 and " + MAX_SESSIONS + ", was " + sessions);
        }
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    /** Seed 42, 200,000 sessions, 2022-01-01 to 2024-12-31: the data set committed in data/. */
    public static SampleOptions defaults() {
        return new SampleOptions(DEFAULT_SEED, DEFAULT_SESSIONS, DEFAULT_START, DEFAULT_END);
    }

    public SampleOptions withSeed(long newSeed) {
        return new SampleOptions(newSeed, sessions, start, end);
    }

    public SampleOptions withSessions(long newSessions) {
        return new SampleOptions(seed, newSessions, start, end);
    }

    /** About one member per 40 sessions, at least one. */
    int members() {
        return (int) Math.max(1, Math.round(sessions / 40.0));
    }
}
