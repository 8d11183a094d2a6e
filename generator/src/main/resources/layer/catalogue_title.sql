-- catalogue_title: one row per title of each service's catalogue. Several catalogue files of one service (a Kaggle
-- catalogue, a JustWatch export, a list of shows by service) list many of the same titles: a title is the same when
-- its service and type match, its name matches once lower-cased and stripped of punctuation and of a leading "The",
-- and its release years are close where both give one (see same_title below). It is counted once, with the earliest
-- release year any listing gives, the richest listing's details (date added, rating, runtime), the genres of the
-- listing that gives scores (else of the first that gives genres) and the scores any listing gives; 'listings' says
-- how many entries it had. Two entries of one file are two titles (a catalogue may hold two shows of the same name
-- and year): only listings of different files merge.
-- 'movies_listed' says whether a file that lists the title lists any movie (for any service): a file that lists none
-- is a list of shows only, which says nothing of a service's movies. A service none of whose titles has it
-- has no movie count (unknown, not 0).

WITH movie_files AS (
    SELECT DISTINCT coalesce(source, 'titles') AS source FROM titles WHERE type = 'Movie'
),
letters AS (
    SELECT t.*, trim({{ replace_all(lower(trim(t.title)), '[^\p{L}\p{N} ]', '') }}) AS plain_title
    FROM titles AS t
),
keyed AS (
    SELECT t.title_id, coalesce(t.platform, {{platform}}) AS service, coalesce(t.source, 'titles') AS source, t.title, t.type,
           t.genres, t.release_year, t.maturity_rating, t.runtime_minutes, t.seasons, t.date_added, t.countries,
           trim({{ replace_all(plain_title, '^the ', '') }}) AS title_key
    FROM letters AS t
),
dated AS (
    -- A listing without a year joins the listing of the same name and type that has one (the earliest, if several).
    SELECT k.*, coalesce(k.release_year, y.release_year) AS key_year
    FROM keyed AS k
    LEFT JOIN (SELECT service, title_key, type, min(release_year) AS release_year FROM keyed
               WHERE release_year IS NOT NULL GROUP BY service, title_key, type) AS y
        ON k.release_year IS NULL AND y.service = k.service AND y.title_key = k.title_key AND y.type = k.type
),
gaps AS (
    SELECT d.*,
           row_number() OVER (PARTITION BY service, title_key, type ORDER BY key_year, title_id) AS by_year,
           key_year - lag(key_year) OVER (PARTITION BY service, title_key, type ORDER BY key_year, title_id) AS years_after,
           greatest(coalesce(seasons, 0), coalesce(lag(seasons) OVER (PARTITION BY service, title_key, type
                                                                       ORDER BY key_year, title_id), 0)) AS most_seasons
    FROM dated AS d
),
same_title AS (
    -- Listings of a name, in order of year, are one title while each is close enough to the one before. Files date a
    -- title differently: a movie by its festival or its release, a year apart at most; a show by its first season or
    -- its latest (the Kaggle catalogue's Survivor is 2014, JustWatch's 2000), so two listings of a show are one while
    -- their years are no further apart than twice the larger number of seasons either gives (seasons are not always
    -- yearly), or a year where neither gives one. A remake years later under the same name (Rebelde, 2004 and 2022,
    -- one season and two) stays a title of its own, and so do two shows of one season three years apart (Oh My Ghost,
    -- a Korean show of 2015 and a Thai one of 2018).
    SELECT g.*,
           sum(CASE WHEN by_year = 1 THEN 1
                    WHEN years_after > CASE WHEN type = 'Movie' THEN 1 ELSE greatest(1, 2 * most_seasons) END THEN 1
                    ELSE 0 END)
               OVER (PARTITION BY service, title_key, type ORDER BY key_year, title_id ROWS UNBOUNDED PRECEDING) AS title_number
    FROM gaps AS g
),
instances AS (
    -- The n-th entry of a title in one file matches the n-th entry of that title in another.
    SELECT t.*, row_number() OVER (PARTITION BY service, title_key, type, title_number, source ORDER BY key_year, title_id) AS instance
    FROM same_title AS t
),
flagged AS (
    SELECT i.*, CASE WHEN i.title_id IN (SELECT title_id FROM title_scores) THEN 0 ELSE 1 END AS unscored,
           i.source IN (SELECT source FROM movie_files) AS from_movie_file
    FROM instances AS i
),
grouped AS (
    SELECT f.*,
           -- Genres as the scored listing names them, where one is (even none): the scores by genre are the scoring file's.
           first_value(genres) OVER (PARTITION BY service, title_key, type, title_number, instance
                                     ORDER BY unscored, CASE WHEN genres IS NULL THEN 1 ELSE 0 END, title_id) AS group_genres,
           row_number() OVER (PARTITION BY service, title_key, type, title_number, instance
                              ORDER BY CASE WHEN genres IS NULL THEN 1 ELSE 0 END, CASE WHEN date_added IS NULL THEN 1 ELSE 0 END,
                                       title_id) AS pick,
           count(*) OVER (PARTITION BY service, title_key, type, title_number, instance) AS listings,
           bool_or(from_movie_file) OVER (PARTITION BY service, title_key, type, title_number, instance) AS movies_listed,
           min(title_id) OVER (PARTITION BY service, title_key, type, title_number, instance) AS group_id,
           -- A show's first season, where one listing dates it by that and another by its latest.
           min(key_year) OVER (PARTITION BY service, title_key, type, title_number, instance) AS first_year
    FROM flagged AS f
),
scores AS (
    SELECT g.group_id, g.service,
           avg(s.score) FILTER (WHERE s.source = 'IMDb') AS imdb_score, max(s.votes) FILTER (WHERE s.source = 'IMDb') AS imdb_votes,
           avg(s.score) FILTER (WHERE s.source = 'TMDB') AS tmdb_score,
           avg(s.score) FILTER (WHERE s.source = 'Rotten Tomatoes') AS rotten_tomatoes_score
    FROM grouped AS g JOIN title_scores AS s ON s.title_id = g.title_id
    GROUP BY g.group_id, g.service
)
SELECT g.title_id, g.service, g.title, g.type, g.group_genres AS genres, g.first_year AS release_year,
       g.maturity_rating, g.runtime_minutes, g.seasons, g.date_added, g.countries, g.listings, g.movies_listed,
       s.imdb_score, s.imdb_votes, s.tmdb_score, s.rotten_tomatoes_score
FROM grouped AS g
LEFT JOIN scores AS s ON s.group_id = g.group_id AND s.service = g.service
WHERE g.pick = 1
