-- member: one row per member of every population the data holds, as of the report date.
--
-- Two kinds of source give members:
-- * the event files (users with their subscriptions, viewing sessions and payments): one population, named "event
--   files"; plan and price are those of the subscription active on the as-of date (the latest started, if two
--   are), or of the last one for a member who has left; the last activity is the last viewing session
--   (viewing totals from member_device and member_genre);
-- * the member-level public files (member_profiles): each file its own population, with what it gives.
-- A column no source fills stays NULL, and a question needing it leaves that chart out.
-- 'current' says whether a member counts in the population's figures of the day: for the event files, a member with a
-- subscription active on the as-of date; for a member-level file, every member it lists (churned or not: the file
-- describes them at one moment). 'active' is false for a member who has left. 'source_as_of' is the day the
-- population is counted to: the report's as-of date for the event files, a member-level file's own latest date
-- (empty for a file without dates); days since the last activity are counted to it.

WITH subscription_state AS (
    SELECT s.user_id,
           count(*) FILTER (WHERE s.ended_on IS NULL OR s.ended_on >= {{as_of}}) AS active_subscriptions,
           max(s.ended_on) AS last_ended_on
    FROM subscriptions AS s
    WHERE s.started_on <= {{as_of}}
    GROUP BY s.user_id
),
current_subscription AS (
    -- The subscription active on the as-of date, else the member's last one.
    SELECT user_id, plan, monthly_price
    FROM (
        SELECT s.user_id, s.plan, s.monthly_price,
               row_number() OVER (PARTITION BY s.user_id
                                  ORDER BY CASE WHEN s.ended_on IS NULL OR s.ended_on >= {{as_of}} THEN 0 ELSE 1 END,
                                           s.started_on DESC, s.subscription_id DESC) AS n
        FROM subscriptions AS s
        WHERE s.started_on <= {{as_of}}
    ) AS ranked
    WHERE n = 1
),
viewing AS (
    -- The viewing layer tables hold the sessions up to the as-of date only.
    SELECT user_id, CAST(sum(minutes) AS DOUBLE) / 60 AS watch_hours, max(last_day) AS last_viewing
    FROM member_device
    GROUP BY user_id
),
main_device AS (
    -- The device with the most minutes watched (the first by name on a tie): the device of the smallest (minus the
    -- minutes, device) pair, in one grouping by member (a window then a grouping took half as long again).
    SELECT user_id, min_by(device, ROW(-minutes, device)) AS device
    FROM member_device
    WHERE device IS NOT NULL AND minutes IS NOT NULL
    GROUP BY user_id
),
favourite_genre AS (
    -- The genre with the most minutes watched (a title counts in each of its genres; the first by name on a tie), as
    -- the main device is picked.
    SELECT user_id, min_by(genre, ROW(-minutes, genre)) AS genre
    FROM member_genre
    WHERE minutes IS NOT NULL
    GROUP BY user_id
),
events AS (
    SELECT u.user_id, CAST({{event_source}} AS VARCHAR) AS source, u.country, r.region, u.age, u.gender,
           coalesce(c.plan, u.plan) AS plan, CAST(c.monthly_price AS DECIMAL(10,2)) AS monthly_fee, d.device AS main_device,
           u.signup_date, v.last_viewing AS last_activity_date, 'viewing' AS last_activity_kind,
           CAST(date_diff('day', v.last_viewing, {{as_of}}) AS INTEGER) AS days_since_last_activity,
           coalesce(v.watch_hours, 0.0) AS watch_hours, f.genre AS favourite_genre,
           coalesce(st.active_subscriptions, 0) > 0 AS active,
           coalesce(st.active_subscriptions, 0) > 0 AS current,
           CASE WHEN st.user_id IS NULL THEN CAST(NULL AS BOOLEAN) ELSE st.active_subscriptions = 0 END AS churned,
           CASE WHEN st.active_subscriptions = 0 THEN st.last_ended_on END AS ended_on,
           CAST(NULL AS VARCHAR) AS payment_method, CAST(NULL AS INTEGER) AS profiles, {{as_of}} AS source_as_of
    FROM users AS u
    LEFT JOIN regions AS r ON r.country = u.country
    LEFT JOIN subscription_state AS st ON st.user_id = u.user_id
    LEFT JOIN current_subscription AS c ON c.user_id = u.user_id
    LEFT JOIN viewing AS v ON v.user_id = u.user_id
    LEFT JOIN main_device AS d ON d.user_id = u.user_id
    LEFT JOIN favourite_genre AS f ON f.user_id = u.user_id
    WHERE u.signup_date <= {{as_of}}
),
file_dates AS (
    -- Each member-level file is counted to its own latest date (capped at the report's): a subscriber list of 2023
    -- read beside a users table of 2025 is not two years stale.
    SELECT source, CASE WHEN max(greatest(coalesce(last_activity_date, signup_date), coalesce(signup_date, last_activity_date)))
                             > {{as_of}} THEN {{as_of}}
                        ELSE max(greatest(coalesce(last_activity_date, signup_date), coalesce(signup_date, last_activity_date))) END
               AS source_as_of
    FROM member_profiles
    GROUP BY source
),
profiles AS (
    SELECT p.user_id, p.source, p.country, coalesce(p.region, r.region) AS region, p.age, p.gender, p.plan, p.monthly_fee,
           p.device AS main_device, p.signup_date,
           coalesce(p.last_activity_date, CAST(NULL AS DATE)) AS last_activity_date, p.last_activity_kind,
           CAST(coalesce(date_diff('day', p.last_activity_date, f.source_as_of), p.days_since_last_activity) AS INTEGER)
               AS days_since_last_activity, f.source_as_of,
           p.watch_hours, p.favourite_genre,
           NOT coalesce(p.churned, false) AS active, true AS current, p.churned, CAST(NULL AS DATE) AS ended_on,
           p.payment_method, p.profiles
    FROM member_profiles AS p
    JOIN file_dates AS f ON f.source = p.source
    LEFT JOIN regions AS r ON r.country = p.country
)
SELECT user_id, source, country, region, age,
       CASE WHEN age IS NULL THEN 'unknown' WHEN age < 18 THEN '<18' WHEN age < 25 THEN '18–24' WHEN age < 35 THEN '25–34'
            WHEN age < 45 THEN '35–44' WHEN age < 55 THEN '45–54' WHEN age < 65 THEN '55–64' ELSE '65+' END AS age_band,
       gender, plan, monthly_fee, main_device, signup_date, last_activity_date, last_activity_kind, days_since_last_activity,
       watch_hours, favourite_genre, active, current, churned, ended_on, payment_method, profiles,
       CASE WHEN source_as_of >= DATE '2999-01-01' THEN CAST(NULL AS DATE) ELSE source_as_of END AS source_as_of
FROM events
UNION ALL
SELECT user_id, source, country, region, age,
       CASE WHEN age IS NULL THEN 'unknown' WHEN age < 18 THEN '<18' WHEN age < 25 THEN '18–24' WHEN age < 35 THEN '25–34'
            WHEN age < 45 THEN '35–44' WHEN age < 55 THEN '45–54' WHEN age < 65 THEN '55–64' ELSE '65+' END AS age_band,
       gender, plan, monthly_fee, main_device, signup_date, last_activity_date, last_activity_kind, days_since_last_activity,
       watch_hours, favourite_genre, active, current, churned, ended_on, payment_method, profiles,
       CASE WHEN source_as_of >= DATE '2999-01-01' THEN CAST(NULL AS DATE) ELSE source_as_of END AS source_as_of
FROM profiles
