-- member_genre: each member's minutes watched per genre, a title counting in each of its genres (from
-- member_title). A member's favourite genre and the genres members watch together read this.

WITH title_genres AS (
    SELECT t.title_id, trim(g.genre) AS genre
    FROM titles AS t CROSS JOIN {{ split_list(t.genres, '|') }} AS g(genre)
    WHERE t.genres IS NOT NULL AND trim(g.genre) <> ''
)
SELECT v.user_id, tg.genre, sum(v.minutes) AS minutes
FROM member_title AS v
JOIN title_genres AS tg ON tg.title_id = v.title_id
GROUP BY v.user_id, tg.genre
