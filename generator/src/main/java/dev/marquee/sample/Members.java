package dev.marquee.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Creates the members: signup dates (growing over time, seasonal), country (fast-growing markets gain share),
 * age, gender, how much they watch and their subscription history. Ids follow signup order.
 */
final class Members {

    private static final double NON_VIEWER_SHARE = 0.07;
    private static final double INTENSITY_SPREAD = 1.05;
    private static final double MISSING_AGE = 0.015;
    private static final String[] GENDERS = {"Female", "Male", "Other", null};
    private static final double[] GENDER_WEIGHTS = {0.49, 0.48, 0.02, 0.01};

    private final SampleOptions options;
    private final SubscriptionHistory history;
    private long nextSubscriptionId = 1;

    private Members(SampleOptions options) {
        this.options = options;
        this.history = new SubscriptionHistory(options.end(), Plan.priceRise(options.start(), options.end()),
                () -> nextSubscriptionId++);
    }

    static List<Member> create(SampleOptions options, SplittableRandom rng) {
        return new Members(options).create(rng);
    }

    private List<Member> create(SplittableRandom rng) {
        int count = options.members();
        double[] signupCumulative = Draw.cumulative(Seasons.signupWeights(options.start(), options.end()));
        int[] signupOffsets = new int[count];
        for (int i = 0; i < count; i++) {
            signupOffsets[i] = Draw.fromCumulative(rng, signupCumulative);
        }
        Arrays.sort(signupOffsets);
        List<Member> members = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            // One stream per member, so a change in how one member is drawn leaves the others as they were.
            members.add(member(i + 1, options.start().plusDays(signupOffsets[i]), rng.split()));
        }
        return members;
    }

    private Member member(long id, LocalDate signup, SplittableRandom rng) {
        double years = (signup.toEpochDay() - options.start().toEpochDay()) / 365.25;
        Country country = SampleCountries.ALL.get(Draw.index(rng, SampleCountries.weightsAt(years)));
        Integer age = Draw.chance(rng, MISSING_AGE) ? null : age(rng);
        String gender = GENDERS[Draw.index(rng, GENDER_WEIGHTS)];
        double intensity = Draw.chance(rng, NON_VIEWER_SHARE) ? 0
                : StrictMath.exp(Draw.normal(rng, 0, INTENSITY_SPREAD)) * ageFactor(age);
        double ratingBias = Draw.normal(rng, 0, 0.45);
        Device device = Device.values()[Draw.index(rng, deviceMix(country, age))];
        List<Subscription> subscriptions = history.simulate(rng, signup, country, churnFactor(intensity));
        return new Member(id, signup, country, age, gender, intensity, ratingBias, device, subscriptions);
    }

    /** Mostly 18 to 70 around the mid-thirties, a few teenagers and a few over 70. */
    private static int age(SplittableRandom rng) {
        double u = rng.nextDouble();
        if (u < 0.03) {
            return 13 + rng.nextInt(5);
        }
        if (u > 0.985) {
            return 71 + rng.nextInt(15);
        }
        while (true) {
            long age = Math.round(Draw.normal(rng, 36, 12.5));
            if (age >= 18 && age <= 70) {
                return (int) age;
            }
        }
    }

    private static double ageFactor(Integer age) {
        if (age == null) {
            return 1.0;
        }
        return age < 25 ? 1.2 : age < 35 ? 1.1 : age >= 60 ? 0.75 : 1.0;
    }

    /** Younger members lean to phones, older ones to the TV. */
    static double[] deviceMix(Country country, Integer age) {
        double[] mix = country.deviceMix().clone();
        if (age != null && age < 30) {
            mix[Device.MOBILE.ordinal()] *= 1.5;
        } else if (age != null && age >= 55) {
            mix[Device.TV.ordinal()] *= 1.4;
            mix[Device.MOBILE.ordinal()] *= 0.7;
        }
        return mix;
    }

    /** Members who watch little leave more; those who never watch leave the most. */
    private static double churnFactor(double intensity) {
        if (intensity == 0) {
            return 2.5;
        }
        return Math.max(0.5, Math.min(2.2, StrictMath.pow(intensity, -0.35)));
    }
}
