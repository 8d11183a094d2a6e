package dev.marquee.sample;

import java.time.LocalDate;
import java.util.List;

/** A catalogue title, as in titles.csv. Integer fields and dateAdded are null when unknown. */
record Title(String id, String name, String type, List<String> genres, Integer releaseYear, String maturityRating,
             Integer runtimeMinutes, Integer seasons, LocalDate dateAdded) {

    static final String MOVIE = "Movie";
    static final String SHOW = "TV Show";

    Title {
        if (!type.equals(MOVIE) && !type.equals(SHOW)) {
            throw new IllegalArgumentException("title " + id + " has type " + type + ", expected Movie or TV Show");
        }
        genres = List.copyOf(genres);
    }

    boolean isShow() {
        return type.equals(SHOW);
    }

    /** Minutes of the movie or of one episode; 45 when the catalogue does not say. */
    int minutes() {
        return runtimeMinutes == null ? 45 : runtimeMinutes;
    }
}
