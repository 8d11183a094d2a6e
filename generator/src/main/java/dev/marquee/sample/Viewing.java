package dev.marquee.sample;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Writes viewing sessions and ratings member by member, holding one member's sessions at a time.
 *
 * <p>The requested number of sessions is shared out exactly, in proportion to how much each member watches
 * times the days they can watch. A member's sessions fall on days inside their subscriptions (and the period),
 * more often in winter and at weekends, less in the weeks before they leave, mostly in the local evening; the
 * times written are UTC. Members tend to carry on with a show they started. A member rates a title at most once.
 */
final class Viewing {

    private static final int SECONDS_PER_DAY = 86_400;
    private static final double KEEP_WATCHING_SHOW = 0.5;
    private static final double PRIMARY_DEVICE = 0.65;
    private static final double RATE_COMPLETED = 0.25;
    private static final double RATE_PARTIAL = 0.08;
    private static final int FADE_DAYS = 45;
    private static final double FADE = 0.45;

    private final TitleMix titles;
    private final long firstDay;
    private final long lastDay;
    private final long firstWatchableDay;
    private final String[] dayTexts;
    private final double[] northWeights;
    private final double[] southWeights;

    /** A run of days a member can watch; from {@code fadeFrom} on they watch less (they are about to leave). */
    private record Stretch(long firstDay, long lastDay, long fadeFrom) {
        long days() {
            return lastDay - firstDay + 1;
        }
    }

    Viewing(SampleOptions options, TitleMix titles) {
        this.titles = titles;
        this.firstDay = options.start().toEpochDay();
        this.lastDay = options.end().toEpochDay();
        this.firstWatchableDay = Math.max(firstDay, titles.firstWatchableDay());
        int days = (int) (lastDay - firstDay + 1);
        this.dayTexts = new String[days];
        this.northWeights = new double[days];
        this.southWeights = new double[days];
        for (int i = 0; i < days; i++) {
            LocalDate day = options.start().plusDays(i);
            dayTexts[i] = day.toString();
            northWeights[i] = Seasons.viewing(day, false);
            southWeights[i] = Seasons.viewing(day, true);
        }
    }

    void write(List<Member> members, long sessionsWanted, SplittableRandom rng, CsvSink sessions, CsvSink ratings)
            throws IOException {
        double[] weights = new double[members.size()];
        double total = 0;
        for (int i = 0; i < weights.length; i++) {
            Member member = members.get(i);
            weights[i] = member.intensity() * days(stretches(member));
            total += weights[i];
        }
        if (total == 0) {
            return; // nobody can watch: no title was in the catalogue during any subscription
        }
        BitSet rated = new BitSet(titles.size());
        double cumulative = 0;
        long allocated = 0;
        for (int i = 0; i < weights.length; i++) {
            // Member i gets floor(S * C(i) / W) - floor(S * C(i-1) / W) sessions: the shares add up to exactly S.
            cumulative += weights[i];
            long upTo = i == weights.length - 1 ? sessionsWanted
                    : Math.min(sessionsWanted, (long) StrictMath.floor(sessionsWanted * (cumulative / total)));
            int count = (int) (upTo - allocated);
            allocated = upTo;
            rated.clear();
            writeMember(members.get(i), count, rng.split(), rated, sessions, ratings);
        }
    }

    private void writeMember(Member member, int count, SplittableRandom rng, BitSet rated, CsvSink sessions,
                             CsvSink ratings) throws IOException {
        if (count == 0) {
            return;
        }
        List<Stretch> stretches = stretches(member);
        long days = days(stretches);
        long[] starts = new long[count];
        for (int k = 0; k < count; k++) {
            starts[k] = sessionStart(rng, member, stretches, days);
        }
        Arrays.sort(starts);
        String userId = Long.toString(member.id());
        double[] deviceMix = Members.deviceMix(member.country(), member.age());
        int currentShow = -1;
        for (long start : starts) {
            long day = Math.floorDiv(start, SECONDS_PER_DAY);
            int title = currentShow >= 0 && Draw.chance(rng, KEEP_WATCHING_SHOW) ? currentShow : titles.pick(rng, day);
            if (titles.title(title).isShow()) {
                currentShow = title;
            }
            Device device = Draw.chance(rng, PRIMARY_DEVICE) ? member.device()
                    : Device.values()[Draw.index(rng, deviceMix)];
            boolean completed = Draw.chance(rng, titles.completion(title) + device.completionShift);
            double minutes = minutesWatched(rng, titles.title(title).minutes(), completed);
            sessions.row(userId, titles.title(title).id(), timestamp(start), CellText.twoDecimals(minutes),
                    device.label, Boolean.toString(completed));
            if (!rated.get(title) && Draw.chance(rng, completed ? RATE_COMPLETED : RATE_PARTIAL)) {
                long ratedAt = start + Math.round(minutes * 60) + rng.nextInt(1800);
                long lastSecond = (stretchOf(stretches, day).lastDay() + 1) * SECONDS_PER_DAY - 1;
                if (ratedAt <= lastSecond) {
                    rated.set(title);
                    ratings.row(userId, titles.title(title).id(), timestamp(ratedAt),
                            Integer.toString(score(rng, member, title, completed)));
                }
            }
        }
    }

    /** Days the member can watch: inside a subscription, inside the period, once some title is in the catalogue. */
    private List<Stretch> stretches(Member member) {
        List<Stretch> stretches = new ArrayList<>();
        for (Subscription subscription : member.subscriptions()) {
            long first = Math.max(firstWatchableDay, subscription.startedOn().toEpochDay());
            long last = Math.min(lastDay, subscription.lastDay(LocalDate.ofEpochDay(lastDay)).toEpochDay());
            if (first <= last) {
                long fadeFrom = subscription.ended() ? last - FADE_DAYS : Long.MAX_VALUE;
                stretches.add(new Stretch(first, last, fadeFrom));
            }
        }
        return stretches;
    }

    private static long days(List<Stretch> stretches) {
        return stretches.stream().mapToLong(Stretch::days).sum();
    }

    private static Stretch stretchOf(List<Stretch> stretches, long day) {
        for (Stretch stretch : stretches) {
            if (day >= stretch.firstDay() && day <= stretch.lastDay()) {
                return stretch;
            }
        }
        throw new IllegalStateException("day " + LocalDate.ofEpochDay(day) + " is outside every subscription");
    }

    /** Epoch second (UTC) of a session start: a day drawn by season and weekday, a local evening-heavy hour. */
    private long sessionStart(SplittableRandom rng, Member member, List<Stretch> stretches, long days) {
        double[] dayWeights = member.country().southern() ? southWeights : northWeights;
        long day;
        while (true) {
            long position = rng.nextLong(days);
            Stretch stretch = stretches.get(0);
            for (Stretch candidate : stretches) {
                stretch = candidate;
                if (position < candidate.days()) {
                    break;
                }
                position -= candidate.days();
            }
            day = stretch.firstDay() + position;
            double weight = dayWeights[(int) (day - firstDay)] * (day >= stretch.fadeFrom() ? FADE : 1.0);
            if (rng.nextDouble() * Seasons.MAX_VIEWING_WEIGHT < weight) {
                break;
            }
        }
        int localSecond = Draw.fromCumulative(rng, Seasons.LOCAL_HOUR_CUMULATIVE) * 3600 + rng.nextInt(3600);
        // Kept on the same calendar day so the session stays inside the subscription's days.
        int utcSecond = Math.floorMod(localSecond - member.country().utcOffsetMinutes() * 60, SECONDS_PER_DAY);
        return day * SECONDS_PER_DAY + utcSecond;
    }

    private String timestamp(long epochSecond) {
        long day = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
        return CellText.timestamp(dayTexts[(int) (day - firstDay)], Math.floorMod(epochSecond, SECONDS_PER_DAY));
    }

    /** About the runtime when completed (credits skipped); otherwise mostly an early stop. */
    private static double minutesWatched(SplittableRandom rng, int runtime, boolean completed) {
        double u = rng.nextDouble();
        double share = completed ? 0.94 + 0.06 * u : 0.02 + 0.88 * StrictMath.pow(u, 1.5);
        return runtime * share;
    }

    private int score(SplittableRandom rng, Member member, int title, boolean completed) {
        double score = titles.meanScore(title) + member.ratingBias() + (completed ? 0.25 : -0.6)
                + Draw.normal(rng, 0, 0.75);
        return (int) Math.max(1, Math.min(5, Math.round(score)));
    }
}
