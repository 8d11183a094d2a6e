package dev.marquee.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Writes Marquee's sample data set: members of a streaming service in ~25 countries, their subscriptions and
 * payments, what they watched from ~400 real catalogue titles, and their ratings, as six gzipped CSV files that
 * follow model/tables.yaml. The same options always give byte-identical files.
 */
public final class SampleData {

    /** The files {@link #write} writes, in the order it writes them. */
    public static final List<String> FILES = List.of(SampleFiles.USERS, SampleFiles.TITLES, SampleFiles.VIEWING_SESSIONS,
            SampleFiles.RATINGS, SampleFiles.SUBSCRIPTIONS, SampleFiles.PAYMENTS);

    private SampleData() {
    }

    /** Writes the six files into {@code dir} (created if missing; files of the same name are replaced). */
    public static SampleSummary write(Path dir, SampleOptions options) throws IOException {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(options, "options");
        Files.createDirectories(dir);
        // Each part draws from its own stream, so changing one part leaves the others' numbers as they were.
        SplittableRandom root = new SplittableRandom(options.seed());
        List<Title> catalogue = Catalogue.load();
        TitleMix titles = TitleMix.of(catalogue, options.start(), root.split());
        List<Member> members = Members.create(options, root.split());
        SplittableRandom viewingRandom = root.split();

        Map<String, Long> rows = new LinkedHashMap<>();
        rows.put(SampleFiles.USERS, SampleFiles.writeUsers(dir, members));
        rows.put(SampleFiles.TITLES, SampleFiles.writeTitles(dir, catalogue));
        try (CsvSink sessions = CsvSink.open(dir.resolve(SampleFiles.VIEWING_SESSIONS),
                     SampleFiles.VIEWING_SESSIONS_HEADER);
             CsvSink ratings = CsvSink.open(dir.resolve(SampleFiles.RATINGS), SampleFiles.RATINGS_HEADER)) {
            new Viewing(options, titles).write(members, options.sessions(), viewingRandom, sessions, ratings);
            rows.put(SampleFiles.VIEWING_SESSIONS, sessions.rows());
            rows.put(SampleFiles.RATINGS, ratings.rows());
        }
        rows.put(SampleFiles.SUBSCRIPTIONS, SampleFiles.writeSubscriptions(dir, members));
        rows.put(SampleFiles.PAYMENTS, SampleFiles.writePayments(dir, members));
        return new SampleSummary(rows);
    }
}
