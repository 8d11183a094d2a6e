-- Top titles. Titles are not people, but a title's figures describe its viewers: a title watched by fewer than
-- k members is not listed (top-titles.md's privacy), and "completion" rankings also need at least 50 viewers.

-- name: by_hours
WITH per_title AS (
    SELECT title_id, sum(minutes_watched) AS minutes, count(DISTINCT user_id) AS viewers
    FROM viewing_sessions
    WHERE CAST(started_at AS DATE) <= {{as_of}}
    GROUP BY title_id
    -- Ranked among the titles that may be published, so the list keeps ten.
    HAVING count(DISTINCT user_id) >= {{k}}
)
SELECT t.title, t.type, CAST(p.minutes AS DOUBLE) / 60 AS watch_hours, p.viewers
FROM per_title AS p JOIN titles AS t ON t.title_id = p.title_id
ORDER BY watch_hours DESC, t.title
LIMIT 10

-- name: by_completion
WITH per_title AS (
    SELECT title_id, CAST(count(*) FILTER (WHERE completed) AS DOUBLE) / count(*) AS completion_rate,
           count(DISTINCT user_id) AS viewers
    FROM viewing_sessions
    WHERE CAST(started_at AS DATE) <= {{as_of}}
    GROUP BY title_id
    HAVING count(DISTINCT user_id) >= 50 AND count(DISTINCT user_id) >= {{k}}
)
SELECT t.title, t.type, p.completion_rate, p.viewers
FROM per_title AS p JOIN titles AS t ON t.title_id = p.title_id
ORDER BY p.completion_rate DESC, p.viewers DESC, t.title
LIMIT 10

-- name: by_type
SELECT t.type, count(DISTINCT t.title_id) AS titles, CAST(sum(v.minutes_watched) AS DOUBLE) / 60 AS watch_hours,
       CAST(sum(v.minutes_watched) AS DOUBLE) / (SELECT CAST(sum(minutes_watched) AS DOUBLE) FROM viewing_sessions
                                                WHERE CAST(started_at AS DATE) <= {{as_of}}) AS share_of_hours,
       CAST(count(*) FILTER (WHERE v.completed) AS DOUBLE) / count(*) AS completion_rate,
       count(DISTINCT v.user_id) AS viewers
FROM viewing_sessions AS v JOIN titles AS t ON t.title_id = v.title_id
WHERE CAST(v.started_at AS DATE) <= {{as_of}}
GROUP BY t.type
ORDER BY t.type
