package dev.marquee.sample;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * One subscription period. {@code endedOn} is null while active. The member is billed on the start day and then
 * monthly on the same day of the month; {@code failedMonths} lists the (sorted) billings whose payment failed.
 */
record Subscription(long id, Plan plan, LocalDate startedOn, LocalDate endedOn, int monthlyCents, int billedMonths,
                    int[] failedMonths) {

    Subscription {
        failedMonths = failedMonths.clone();
        Arrays.sort(failedMonths);
    }

    boolean ended() {
        return endedOn != null;
    }

    /** The last day of service within the period ending on {@code end}. */
    LocalDate lastDay(LocalDate end) {
        return endedOn == null ? end : endedOn;
    }

    LocalDate billedOn(int month) {
        return startedOn.plusMonths(month);
    }

    boolean paymentFailed(int month) {
        return Arrays.binarySearch(failedMonths, month) >= 0;
    }
}
