-- genre_rating: the ratings given up to the as-of date, per genre, a title's rating counting in each of its genres:
-- how many, their mean and sample standard deviation, and how many members gave them. The genre rankings read this.

WITH title_genres AS (
    SELECT t.title_id, trim(g.genre) AS genre
    FROM titles AS t CROSS JOIN {{ split_list(t.genres, '|') }} AS g(genre)
    WHERE t.genres IS NOT NULL AND trim(g.genre) <> ''
),
-- The genres are grouped by number rather than by name: a narrower key for the largest grouping here (1.7M genre and
-- member pairs at ten million events), named once at the end.
genre_numbers AS (
    SELECT genre, row_number() OVER (ORDER BY genre) AS number
    FROM (SELECT DISTINCT genre FROM title_genres) AS named
),
title_genre_numbers AS (
    SELECT tg.title_id, n.number FROM title_genres AS tg JOIN genre_numbers AS n ON n.genre = tg.genre
),
-- Read by the two groupings below, each computing it where it reads it: copied once in full instead (2.9M rows), and
-- with the members counted in the same grouping as the scores, it took twice the time.
rated AS {{ not_materialized() }} (
    SELECT t.number, r.user_id, CAST(r.score AS DOUBLE) AS score
    FROM ratings AS r
    JOIN title_genre_numbers AS t ON t.title_id = r.title_id
    WHERE r.rated_at < {{as_of}} + INTERVAL '1' DAY
),
scores AS (
    SELECT number, count(*) AS ratings, avg(score) AS average_score, stddev_samp(score) AS score_sd
    FROM rated
    GROUP BY number
),
-- A genre's raters: each rater's genres are the bits of one number per run of 62 genre numbers, so the ratings are
-- grouped by member, not by member and genre (1.8M groups, not 16.5M, at a hundred million events), and a genre's
-- raters are the members whose number has its bit set.
genre_bits AS (
    SELECT number, {{ bit_run(number) }} AS first_number, {{ bit_in_run(number) }} AS bit FROM genre_numbers
),
rater_genres AS (
    SELECT r.user_id, g.first_number, {{ bits_or(g.bit) }} AS genres
    FROM rated AS r JOIN genre_bits AS g ON g.number = r.number
    GROUP BY r.user_id, g.first_number
),
raters AS (
    SELECT g.number, count(*) FILTER (WHERE {{ bits_and(m.genres, g.bit) }} <> 0) AS raters
    FROM genre_bits AS g JOIN rater_genres AS m ON m.first_number = g.first_number
    GROUP BY g.number
)
SELECT n.genre, s.ratings, s.average_score, s.score_sd, r.raters
FROM scores AS s
JOIN raters AS r ON r.number = s.number
JOIN genre_numbers AS n ON n.number = s.number
