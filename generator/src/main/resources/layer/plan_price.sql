-- plan_price: the lowest and the highest price each plan is sold at, per population: every subscription's for the
-- event files, the fees a member-level file gives per plan. A reader may know a plan's prices, so whether a sum of
-- prices is shown may depend on them (see Methodology, Privacy, on revenue), and never on what a group's own members
-- pay. Never published.

SELECT CAST({{event_source}} AS VARCHAR) AS source, plan, min(monthly_price) AS lowest_price, max(monthly_price) AS highest_price
FROM subscriptions
WHERE started_on <= {{as_of}}
GROUP BY plan
UNION ALL
SELECT source, plan, min(monthly_fee), max(monthly_fee)
FROM member_profiles
WHERE monthly_fee IS NOT NULL AND plan IS NOT NULL
GROUP BY source, plan
