package dev.marquee.sample;

import java.util.List;

/**
 * Groups of catalogue genres that viewers treat alike: how their scores and completion rates differ from
 * the average title. The source genres not listed here (International Movies, Independent Movies...) are neutral.
 */
enum GenreFamily {
    DOCUMENTARY(0.50, 0.04, "Documentaries", "Docuseries", "Science & Nature TV"),
    HORROR(-0.60, -0.10, "Horror Movies", "TV Horror"),
    ANIME(0.30, 0.05, "Anime Features", "Anime Series"),
    KIDS(0.10, 0.06, "Children & Family Movies", "Kids' TV"),
    STAND_UP(-0.05, 0.08, "Stand-Up Comedy", "Stand-Up Comedy & Talk Shows"),
    REALITY(-0.30, -0.05, "Reality TV"),
    CLASSIC(0.25, -0.03, "Classic Movies", "Classic & Cult TV", "Cult Movies"),
    DRAMA(0.10, 0.00, "Dramas", "TV Dramas"),
    THRILLER(0.00, 0.05, "Thrillers", "TV Thrillers", "TV Mysteries", "Crime TV Shows"),
    COMEDY(-0.05, 0.00, "Comedies", "TV Comedies"),
    ROMANCE(-0.10, -0.02, "Romantic Movies", "Romantic TV Shows"),
    ACTION(0.00, 0.02, "Action & Adventure", "TV Action & Adventure"),
    SCI_FI(0.05, -0.02, "Sci-Fi & Fantasy", "TV Sci-Fi & Fantasy");

    /** Added to the average score (1 to 5 scale). */
    final double scoreShift;
    /** Added to the chance of watching to the end. */
    final double completionShift;
    private final List<String> genres;

    GenreFamily(double scoreShift, double completionShift, String... genres) {
        this.scoreShift = scoreShift;
        this.completionShift = completionShift;
        this.genres = List.of(genres);
    }

    /** Mean score shift over the title's genres that belong to a family; 0 if none does. */
    static double scoreShift(List<String> genres) {
        return meanShift(genres, true);
    }

    static double completionShift(List<String> genres) {
        return meanShift(genres, false);
    }

    private static double meanShift(List<String> genres, boolean score) {
        double sum = 0;
        int count = 0;
        for (String genre : genres) {
            for (GenreFamily family : values()) {
                if (family.genres.contains(genre)) {
                    sum += score ? family.scoreShift : family.completionShift;
                    count++;
                }
            }
        }
        return count == 0 ? 0 : sum / count;
    }
}
