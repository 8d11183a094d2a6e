package dev.marquee.sample;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What members watch: each title's popularity (a long tail, Zipf-like by rank), its chance of being watched
 * to the end and its average score. Popular titles lean towards good and recent ones.
 */
final class TitleMix {

    private static final double AVERAGE_SCORE = 3.45;
    private static final double MOVIE_COMPLETION = 0.68;
    private static final double SHOW_COMPLETION = 0.54;
    /** Zipf exponent and offset: the top title draws about 5% of sessions, the last few hardly any. */
    private static final double ZIPF_EXPONENT = 1.05;
    private static final double ZIPF_OFFSET = 4.0;
    /** A show has many episodes, so at the same rank it gets more sessions than a movie. */
    private static final double SHOW_SESSIONS_FACTOR = 1.6;
    private static final int PICK_ATTEMPTS = 32;

    private final List<Title> titles;
    private final double[] cumulativePopularity;
    private final Integer[] byPopularity;
    private final long[] watchableFrom;
    private final double[] meanScore;
    private final double[] completion;

    private TitleMix(List<Title> titles, double[] popularity, Integer[] byPopularity, double[] meanScore,
                     double[] completion) {
        this.titles = List.copyOf(titles);
        this.cumulativePopularity = Draw.cumulative(popularity);
        this.byPopularity = byPopularity;
        this.meanScore = meanScore;
        this.completion = completion;
        this.watchableFrom = new long[titles.size()];
        for (int i = 0; i < watchableFrom.length; i++) {
            LocalDate added = titles.get(i).dateAdded();
            watchableFrom[i] = added == null ? Long.MIN_VALUE : added.toEpochDay();
        }
    }

    static TitleMix of(List<Title> titles, LocalDate start, SplittableRandom rng) {
        int n = titles.size();
        if (n == 0) {
            throw new IllegalArgumentException("the catalogue is empty");
        }
        double[] meanScore = new double[n];
        double[] completion = new double[n];
        double[] rankKey = new double[n];
        for (int i = 0; i < n; i++) {
            Title title = titles.get(i);
            double quality = AVERAGE_SCORE + GenreFamily.scoreShift(title.genres()) + Draw.normal(rng, 0, 0.3);
            meanScore[i] = clamp(quality, 1.8, 4.7);
            double base = title.isShow() ? SHOW_COMPLETION : MOVIE_COMPLETION;
            completion[i] = clamp(base + GenreFamily.completionShift(title.genres()) + Draw.normal(rng, 0, 0.05),
                    0.15, 0.95);
            boolean recent = title.releaseYear() != null && title.releaseYear() >= start.getYear() - 3;
            double appeal = StrictMath.exp(1.2 * (quality - AVERAGE_SCORE)) * (recent ? 2.0 : 1.0);
            // Weighted random order (Efraimidis-Spirakis): a larger key means a higher rank.
            rankKey[i] = StrictMath.log(1.0 - rng.nextDouble()) / appeal;
        }
        Integer[] byPopularity = new Integer[n];
        Arrays.setAll(byPopularity, i -> i);
        Arrays.sort(byPopularity, Comparator.<Integer>comparingDouble(i -> -rankKey[i]).thenComparingInt(i -> i));
        double[] popularity = new double[n];
        for (int rank = 0; rank < n; rank++) {
            int i = byPopularity[rank];
            double zipf = 1.0 / StrictMath.pow(rank + ZIPF_OFFSET, ZIPF_EXPONENT);
            popularity[i] = zipf * (titles.get(i).isShow() ? SHOW_SESSIONS_FACTOR : 1.0);
        }
        return new TitleMix(titles, popularity, byPopularity, meanScore, completion);
    }

    int size() {
        return titles.size();
    }

    Title title(int index) {
        return titles.get(index);
    }

    double meanScore(int index) {
        return meanScore[index];
    }

    double completion(int index) {
        return completion[index];
    }

    boolean watchableOn(int index, long epochDay) {
        return watchableFrom[index] <= epochDay;
    }

    /** The first day on which some title can be watched. */
    long firstWatchableDay() {
        return Arrays.stream(watchableFrom).min().orElseThrow();
    }

    /** A title by popularity among those in the catalogue on that day (the day must be on or after the first). */
    int pick(SplittableRandom rng, long epochDay) {
        for (int attempt = 0; attempt < PICK_ATTEMPTS; attempt++) {
            int index = Draw.fromCumulative(rng, cumulativePopularity);
            if (watchableOn(index, epochDay)) {
                return index;
            }
        }
        for (int index : byPopularity) {
            if (watchableOn(index, epochDay)) {
                return index;
            }
        }
        throw new IllegalStateException("no title is in the catalogue on " + LocalDate.ofEpochDay(epochDay));
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
    }
}
