-- Genre ratings. A title counts in each of its genres (the layer's genre_rating adds the ratings up per genre once).
-- A genre is ranked only with at least 30 ratings (and at least k members rating it); the 95% confidence interval
-- is mean ± 1.96 · sd / √n.

-- name: by_genre
SELECT genre, ratings, average_score,
       average_score - 1.96 * score_sd / sqrt(ratings) AS low_95,
       average_score + 1.96 * score_sd / sqrt(ratings) AS high_95,
       raters
FROM genre_rating
WHERE ratings >= 30
ORDER BY average_score DESC, genre

-- The five lowest-rated genres among those ranked.
-- name: lowest
SELECT genre, average_score, ratings,
       average_score - 1.96 * score_sd / sqrt(ratings) AS low_95,
       average_score + 1.96 * score_sd / sqrt(ratings) AS high_95,
       raters
FROM genre_rating
-- Ranked among the genres that may be published, so the list keeps five.
WHERE ratings >= 30 AND raters >= {{k}}
ORDER BY average_score, genre
LIMIT 5

-- name: distribution
SELECT CASE WHEN score = 1 THEN '1 star' ELSE CAST(score AS VARCHAR) || ' stars' END AS score, count(*) AS ratings,
       CAST(count(*) AS DOUBLE) / (SELECT count(*) FROM ratings WHERE rated_at < {{as_of}} + INTERVAL '1' DAY) AS share,
       count(DISTINCT user_id) AS raters
FROM ratings
WHERE rated_at < {{as_of}} + INTERVAL '1' DAY
GROUP BY score
ORDER BY score

-- Executive KPI: average score of the ratings given in the as-of month (to the as-of day) vs the same days earlier.
-- name: kpis
WITH windows AS (
    SELECT 'current' AS period, CAST(date_trunc('month', {{as_of}}) AS DATE) AS first_day, {{as_of}} AS last_day
    UNION ALL
    SELECT 'previous', CAST(date_trunc('month', {{as_of}}) - INTERVAL '1' MONTH AS DATE), CAST({{as_of}} - INTERVAL '1' MONTH AS DATE)
    UNION ALL
    SELECT 'year_ago', CAST(date_trunc('month', {{as_of}}) - INTERVAL '12' MONTH AS DATE), CAST({{as_of}} - INTERVAL '12' MONTH AS DATE)
),
coverage AS (
    SELECT CAST(min(rated_at) AS DATE) AS first_day FROM ratings
),
scores AS (
    SELECT w.period, w.first_day, avg(CAST(r.score AS DOUBLE)) AS average_score, count(r.score) AS ratings,
           count(DISTINCT r.user_id) AS raters
    FROM windows AS w LEFT JOIN ratings AS r ON CAST(r.rated_at AS DATE) BETWEEN w.first_day AND w.last_day
    GROUP BY w.period, w.first_day
)
SELECT 'average_rating' AS kpi, 'Average rating' AS label, 'score' AS unit,
       max(average_score) FILTER (WHERE period = 'current') AS value,
       max(CASE WHEN period = 'previous' AND c.first_day <= s.first_day THEN average_score END) AS previous_month,
       max(CASE WHEN period = 'year_ago' AND c.first_day <= s.first_day THEN average_score END) AS year_ago,
       extract(DAY FROM {{as_of}} + INTERVAL '1' DAY) <> 1 AS partial,
       true AS higher_is_better,
       'ratings given in the month to the as-of day vs the same days a month and a year earlier' AS comparison,
       -- The members who rated, behind each figure (see the privacy rule for KPIs).
       max(raters) FILTER (WHERE period = 'current') AS members,
       max(raters) FILTER (WHERE period = 'previous') AS members_previous_month,
       max(raters) FILTER (WHERE period = 'year_ago') AS members_year_ago
FROM scores AS s CROSS JOIN coverage AS c
