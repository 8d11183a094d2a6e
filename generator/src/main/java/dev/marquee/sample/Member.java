package dev.marquee.sample;

import java.time.LocalDate;
import java.util.List;

/**
 * A member and the traits that drive their behaviour. {@code age} and {@code gender} are null when not given.
 * {@code intensity} scales how much they watch (0 for members who never watch); {@code ratingBias} is added to
 * every score they give.
 */
record Member(long id, LocalDate signupDate, Country country, Integer age, String gender, double intensity,
              double ratingBias, Device device, List<Subscription> subscriptions) {

    Member {
        subscriptions = List.copyOf(subscriptions);
        if (subscriptions.isEmpty()) {
            throw new IllegalArgumentException("member " + id + " has no subscription");
        }
    }

    /** The plan of the latest subscription. */
    Plan plan() {
        return subscriptions.get(subscriptions.size() - 1).plan();
    }
}
