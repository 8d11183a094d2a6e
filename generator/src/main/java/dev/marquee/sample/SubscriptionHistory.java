package dev.marquee.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Simulates a member's subscriptions month by month: they may leave (more likely in the first months, on a cheap
 * plan, in some regions, when they watch little), and may come back months later, possibly on another plan.
 * Payments fail now and then, and much more often in the last two months before leaving.
 */
final class SubscriptionHistory {

    private static final int MAX_PERIODS = 5;
    private static final int EARLY_MONTHS = 3;
    private static final double EARLY_CHURN_FACTOR = 1.5;
    private static final double MEAN_MONTHS_AWAY = 5.0;
    private static final double KEEP_PLAN_ON_RETURN = 0.6;
    private static final double FAILURE_LAST_MONTH = 0.25;
    private static final double FAILURE_MONTH_BEFORE_LAST = 0.08;
    private static final double FAILURE_OTHERWISE = 0.015;

    private final LocalDate end;
    private final LocalDate priceRise;
    private final LongSupplier subscriptionIds;

    SubscriptionHistory(LocalDate end, LocalDate priceRise, LongSupplier subscriptionIds) {
        this.end = end;
        this.priceRise = priceRise;
        this.subscriptionIds = subscriptionIds;
    }

    /** @param churnFactor multiplies the monthly chance of leaving (engagement: light watchers leave more) */
    List<Subscription> simulate(SplittableRandom rng, LocalDate signup, Country country, double churnFactor) {
        List<Subscription> periods = new ArrayList<>();
        Plan plan = pickPlan(rng, country);
        LocalDate startedOn = signup;
        while (true) {
            Subscription period = period(rng, startedOn, plan, country.region().monthlyChurn * churnFactor);
            periods.add(period);
            if (!period.ended() || periods.size() == MAX_PERIODS || !Draw.chance(rng, country.region().returnRate)) {
                return periods;
            }
            int monthsAway = 1 + Draw.geometric(rng, MEAN_MONTHS_AWAY);
            startedOn = period.endedOn().plusMonths(monthsAway).plusDays(rng.nextInt(28));
            if (startedOn.isAfter(end)) {
                return periods;
            }
            if (!Draw.chance(rng, KEEP_PLAN_ON_RETURN)) {
                plan = pickPlan(rng, country);
            }
        }
    }

    private Subscription period(SplittableRandom rng, LocalDate startedOn, Plan plan, double monthlyChurn) {
        double churn = monthlyChurn * plan.churnFactor;
        int months = 0;
        boolean leaves = false;
        while (!leaves && !startedOn.plusMonths(months).isAfter(end)) {
            leaves = Draw.chance(rng, months < EARLY_MONTHS ? churn * EARLY_CHURN_FACTOR : churn);
            months++;
        }
        LocalDate endedOn = startedOn.plusMonths(months).minusDays(1);
        if (!leaves || endedOn.isAfter(end)) {
            leaves = false;
            endedOn = null;
        }
        int[] failed = new int[months];
        int failures = 0;
        for (int month = 0; month < months; month++) {
            int monthsBeforeLeaving = leaves ? months - 1 - month : Integer.MAX_VALUE;
            double failure = monthsBeforeLeaving == 0 ? FAILURE_LAST_MONTH
                    : monthsBeforeLeaving == 1 ? FAILURE_MONTH_BEFORE_LAST : FAILURE_OTHERWISE;
            if (Draw.chance(rng, failure)) {
                failed[failures++] = month;
            }
        }
        return new Subscription(subscriptionIds.getAsLong(), plan, startedOn, endedOn,
                plan.monthlyCents(startedOn, priceRise), months, Arrays.copyOf(failed, failures));
    }

    private static Plan pickPlan(SplittableRandom rng, Country country) {
        return Plan.values()[Draw.index(rng, country.planMix())];
    }
}
