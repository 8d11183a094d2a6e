-- viewing_month: the viewing sessions up to the as-of date per calendar month, from member_month_device: the minutes
-- watched (added up exactly) and the viewers, the members with a session that month. The monthly watch hours and
-- their forecast read this, so the viewers' distinct count, which groups every member's months, runs once.

SELECT month, sum(minutes) AS minutes, count(DISTINCT user_id) AS viewers
FROM member_month_device
GROUP BY month
