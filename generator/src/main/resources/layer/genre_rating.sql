-- genre_rating: the ratings given up to the as-of date, per genre, a title's rating counting in each of its genres:
-- how many, their mean and sample standard deviation, and how many members gave them. The genre rankings read this.

WITH title_genres AS (
    SELECT t.title_id, trim(g.genre) AS genre
    FROM titles AS t CROSS JOIN {{ split_list(t.genres, '|') }} AS g(genre)
    WHERE t.genres IS NOT NULL AND trim(g.genre) <> ''
),
rated AS (
    SELECT tg.genre, r.user_id, CAST(r.score AS DOUBLE) AS score
    FROM ratings AS r JOIN title_genres AS tg ON tg.title_id = r.title_id
    WHERE CAST(r.rated_at AS DATE) <= {{as_of}}
)
SELECT genre, count(*) AS ratings, avg(score) AS average_score, stddev_samp(score) AS score_sd,
       count(DISTINCT user_id) AS raters
FROM rated
GROUP BY genre
