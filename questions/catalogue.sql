-- The catalogue of the report's own service ({{platform}}; titles without a platform are its own): what there is to
-- watch, whether or not anyone watched it. Other services' catalogues are compared on the Market page. It reads the
-- catalogue layer, where a title several catalogue files list is counted once.

-- name: by_type
SELECT type, count(*) AS titles FROM catalogue_title WHERE service = {{platform}} GROUP BY type ORDER BY type

-- What the narrative says the catalogue holds, in one row: its movies and its shows when it has both, its titles of the
-- one type it has, or the service when it has none. Each column is NULL unless its case holds, so that only the
-- sentence that is true of the catalogue is kept.
-- name: holdings
SELECT CASE WHEN movies > 0 AND shows > 0 THEN movies END AS movies,
       CASE WHEN movies > 0 AND shows > 0 THEN shows END AS shows,
       CASE WHEN movies > 0 AND shows = 0 THEN movies END AS only_movies,
       CASE WHEN movies = 0 AND shows > 0 THEN shows END AS only_shows,
       CASE WHEN movies + shows = 0 THEN {{platform}} END AS service_without_titles,
       -- Titles more than one file lists, each counted once, and the files' entries they stand for: only when any is.
       CASE WHEN in_several > 0 THEN in_several END AS in_several,
       CASE WHEN in_several > 0 THEN listings END AS listings
FROM (SELECT count(*) FILTER (WHERE type = 'Movie') AS movies, count(*) FILTER (WHERE type = 'TV Show') AS shows,
             count(*) FILTER (WHERE listings > 1) AS in_several, sum(listings) AS listings
      FROM catalogue_title
      WHERE service = {{platform}}) AS counted

-- Movies are counted only when a file the catalogue comes from lists movies (catalogue_title.movies_listed): from
-- lists of shows alone they are unknown, left empty, not 0.
-- name: by_release_year
SELECT release_year,
       CASE WHEN (SELECT bool_or(movies_listed) FROM catalogue_title WHERE service = {{platform}})
            THEN count(*) FILTER (WHERE type = 'Movie') END AS movies,
       count(*) FILTER (WHERE type = 'TV Show') AS shows
FROM catalogue_title
WHERE release_year IS NOT NULL AND service = {{platform}}
GROUP BY release_year
ORDER BY release_year

-- The files of the catalogue when none of them lists a movie (lists of shows), for the narrative.
-- name: movies_unknown
SELECT {{ string_list(source, ', ') }} AS files
FROM (SELECT DISTINCT coalesce(source, 'titles') AS source FROM titles WHERE coalesce(platform, {{platform}}) = {{platform}}) AS f
WHERE NOT (SELECT bool_or(movies_listed) FROM catalogue_title WHERE service = {{platform}})

-- name: by_year_added
SELECT CAST(extract(YEAR FROM date_added) AS INTEGER) AS year_added, count(*) AS titles
FROM catalogue_title
WHERE date_added IS NOT NULL AND date_added <= {{as_of}} AND service = {{platform}}
GROUP BY 1
ORDER BY 1

-- "NR" and "UR" (not rated, unrated) are no rating: they count with the titles that have none.
-- name: by_maturity
SELECT maturity_rating, titles
FROM (SELECT CASE WHEN maturity_rating IS NULL OR upper(maturity_rating) IN ('NR', 'UR', 'UNRATED', 'NOT RATED') THEN 'Not rated'
                  ELSE maturity_rating END AS maturity_rating, count(*) AS titles
      FROM catalogue_title
      WHERE service = {{platform}}
      GROUP BY 1) AS rated
-- Largest first, titles without a rating among them: a dashboard that shows the first few shows the largest group.
ORDER BY titles DESC, maturity_rating

-- The catalogue files the service's titles come from, when there are several that date some titles: files need not be
-- of one day (a Kaggle catalogue of 2021, a JustWatch export of 2023), which the narrative says. NULL otherwise.
-- name: snapshots
SELECT CASE WHEN count(DISTINCT coalesce(source, 'titles')) > 1 AND max(date_added) IS NOT NULL
            THEN count(DISTINCT coalesce(source, 'titles')) END AS files,
       CASE WHEN count(DISTINCT coalesce(source, 'titles')) > 1 THEN max(date_added) END AS latest_added
FROM titles
WHERE coalesce(platform, {{platform}}) = {{platform}}

-- The most common maturity rating a title has (titles without one left out), for the narrative.
-- name: top_rating
SELECT maturity_rating, count(*) AS titles
FROM catalogue_title
WHERE service = {{platform}} AND maturity_rating IS NOT NULL
  AND upper(maturity_rating) NOT IN ('NR', 'UR', 'UNRATED', 'NOT RATED')
GROUP BY maturity_rating
ORDER BY titles DESC, maturity_rating
LIMIT 1

-- Titles by the decade of their first release; movies as by release year.
-- name: by_decade
SELECT CAST(floor(release_year / 10) * 10 AS INTEGER) AS decade,
       CASE WHEN (SELECT bool_or(movies_listed) FROM catalogue_title WHERE service = {{platform}})
            THEN count(*) FILTER (WHERE type = 'Movie') END AS movies,
       count(*) FILTER (WHERE type = 'TV Show') AS shows
FROM catalogue_title
WHERE release_year IS NOT NULL AND service = {{platform}}
GROUP BY 1
ORDER BY 1

-- IMDb and TMDB scores by genre (a title counts in each of its genres), with how many titles are scored and a 95%
-- interval for the mean (mean ± 1.96 × standard deviation / √n). Genres with fewer than 10 scored titles are left out.
-- name: scores_by_genre
WITH title_genres AS (
    -- Genres on one scale (genre_map): catalogues name them differently ("Dramas", "TV Dramas", "drama").
    SELECT DISTINCT c.title_id, coalesce(m.normalized, trim(g.genre)) AS genre, c.imdb_score, c.tmdb_score
    FROM catalogue_title AS c CROSS JOIN {{ split_list(c.genres, '|') }} AS g(genre)
    LEFT JOIN genre_map AS m ON m.genre = lower(trim(g.genre))
    WHERE c.service = {{platform}} AND c.genres IS NOT NULL AND trim(g.genre) <> ''
),
scored AS (
    SELECT genre, 'IMDb' AS score_source, imdb_score AS score FROM title_genres WHERE imdb_score IS NOT NULL
    UNION ALL
    SELECT genre, 'TMDB', tmdb_score FROM title_genres WHERE tmdb_score IS NOT NULL
)
SELECT genre, score_source, count(*) AS scored_titles, avg(score) AS average_score,
       avg(score) - 1.96 * stddev_samp(score) / sqrt(count(*)) AS low_95,
       avg(score) + 1.96 * stddev_samp(score) / sqrt(count(*)) AS high_95
FROM scored
GROUP BY genre, score_source
HAVING count(*) >= 10
ORDER BY score_source, average_score DESC, genre

-- Key figures of a report without members (a catalogue alone, or with an engagement report): the catalogue's movies
-- and shows, each title counted once however many files list it; a type no file lists (movies, from lists of shows
-- alone) has none. With members, the report's key figures are theirs.
-- name: kpis
SELECT kpi, label, unit, value, CAST(NULL AS DOUBLE) AS previous_month, CAST(NULL AS DOUBLE) AS year_ago, false AS partial,
       true AS higher_is_better, comparison
FROM (
    SELECT 1 AS place, 'catalogue_movies' AS kpi, 'Movies in the catalogue' AS label, 'count movies' AS unit,
           CAST(count(*) FILTER (WHERE type = 'Movie') AS DOUBLE) AS value,
           CASE WHEN (SELECT count(DISTINCT coalesce(source, 'titles')) FROM titles WHERE coalesce(platform, {{platform}}) = {{platform}}) > 1
                THEN 'each counted once, however many files list it'
                ELSE 'as its file lists them' END AS comparison
    FROM catalogue_title
    WHERE service = {{platform}} AND NOT EXISTS (SELECT 1 FROM member)
    HAVING count(*) FILTER (WHERE type = 'Movie') > 0
    UNION ALL
    SELECT 2, 'catalogue_shows', 'Shows in the catalogue', 'count shows', CAST(count(*) FILTER (WHERE type = 'TV Show') AS DOUBLE),
           CASE WHEN (SELECT count(DISTINCT coalesce(source, 'titles')) FROM titles WHERE coalesce(platform, {{platform}}) = {{platform}}) > 1
                THEN 'each counted once, however many files list it'
                ELSE 'as its file lists them' END
    FROM catalogue_title
    WHERE service = {{platform}} AND NOT EXISTS (SELECT 1 FROM member)
    HAVING count(*) FILTER (WHERE type = 'TV Show') > 0
) AS figures
ORDER BY place
