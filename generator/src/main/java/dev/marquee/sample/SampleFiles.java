package dev.marquee.sample;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Names and headers of the files, and the writers of the small ones (viewing is in {@link Viewing}). */
final class SampleFiles {

    static final String USERS = "users.csv.gz";
    static final String TITLES = "titles.csv.gz";
    static final String VIEWING_SESSIONS = "viewing_sessions.csv.gz";
    static final String RATINGS = "ratings.csv.gz";
    static final String SUBSCRIPTIONS = "subscriptions.csv.gz";
    static final String PAYMENTS = "payments.csv.gz";

    static final List<String> USERS_HEADER = List.of("user_id", "signup_date", "country", "age", "gender", "plan");
    static final List<String> TITLES_HEADER = List.of("title_id", "title", "type", "genres", "release_year",
            "maturity_rating", "runtime_minutes", "seasons", "date_added");
    static final List<String> VIEWING_SESSIONS_HEADER =
            List.of("user_id", "title_id", "started_at", "minutes_watched", "device", "completed");
    static final List<String> RATINGS_HEADER = List.of("user_id", "title_id", "rated_at", "score");
    static final List<String> SUBSCRIPTIONS_HEADER =
            List.of("subscription_id", "user_id", "plan", "started_on", "ended_on", "monthly_price");
    static final List<String> PAYMENTS_HEADER = List.of("payment_id", "user_id", "paid_on", "amount", "status");

    private SampleFiles() {
    }

    static long writeUsers(Path dir, List<Member> members) throws IOException {
        try (CsvSink out = CsvSink.open(dir.resolve(USERS), USERS_HEADER)) {
            for (Member member : members) {
                out.row(Long.toString(member.id()), CellText.date(member.signupDate()), member.country().name(),
                        CellText.integer(member.age()), member.gender(), member.plan().label);
            }
            return out.rows();
        }
    }

    static long writeTitles(Path dir, List<Title> titles) throws IOException {
        try (CsvSink out = CsvSink.open(dir.resolve(TITLES), TITLES_HEADER)) {
            for (Title title : titles) {
                out.row(title.id(), title.name(), title.type(), String.join("|", title.genres()),
                        CellText.integer(title.releaseYear()), title.maturityRating(),
                        CellText.integer(title.runtimeMinutes()), CellText.integer(title.seasons()),
                        CellText.date(title.dateAdded()));
            }
            return out.rows();
        }
    }

    static long writeSubscriptions(Path dir, List<Member> members) throws IOException {
        try (CsvSink out = CsvSink.open(dir.resolve(SUBSCRIPTIONS), SUBSCRIPTIONS_HEADER)) {
            for (Member member : members) {
                for (Subscription subscription : member.subscriptions()) {
                    out.row("s" + subscription.id(), Long.toString(member.id()), subscription.plan().label,
                            CellText.date(subscription.startedOn()), CellText.date(subscription.endedOn()),
                            CellText.hundredths(subscription.monthlyCents()));
                }
            }
            return out.rows();
        }
    }

    /** One payment attempt per billed month, for the subscription's monthly price. */
    static long writePayments(Path dir, List<Member> members) throws IOException {
        try (CsvSink out = CsvSink.open(dir.resolve(PAYMENTS), PAYMENTS_HEADER)) {
            for (Member member : members) {
                String userId = Long.toString(member.id());
                for (Subscription subscription : member.subscriptions()) {
                    String amount = CellText.hundredths(subscription.monthlyCents());
                    for (int month = 0; month < subscription.billedMonths(); month++) {
                        out.row("p" + (out.rows() + 1), userId, CellText.date(subscription.billedOn(month)), amount,
                                subscription.paymentFailed(month) ? "failed" : "paid");
                    }
                }
            }
            return out.rows();
        }
    }
}
