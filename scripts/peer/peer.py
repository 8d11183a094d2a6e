"""The peer: what a data analyst would write instead of Marquee, in pandas and matplotlib.

Reads the streaming service's tables from --data (<name>.csv.gz or <name>.csv; pandas cannot read the Parquet copy
without pyarrow, which Debian 12 does not package), answers the core questions the report answers, draws one chart
each, and writes --out/index.html (a table and an SVG chart per question) and --out/report.pdf (every chart, one per
page). Prints one line at the end, in the report's own format, so the benchmark reads both the same way:

    timings  read 1.20 s · compute 0.40 s · charts 2.10 s · pages 0.05 s · total 3.90 s · cpu 3.80 s · peak RSS 310 MB ...

Run it with scripts/peer.sh, which installs pandas and matplotlib first.
"""
import time

STARTED = time.perf_counter()

import argparse  # noqa: E402
import html  # noqa: E402
import resource  # noqa: E402
import sys  # noqa: E402
from pathlib import Path  # noqa: E402

import matplotlib  # noqa: E402

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.backends.backend_pdf import PdfPages  # noqa: E402

# Only the columns the questions use, with the types a careful analyst would give them.
TABLES = {
    "users": dict(usecols=["user_id", "signup_date", "country"], parse_dates=["signup_date"]),
    "titles": dict(usecols=["title_id", "title", "genres"]),
    "viewing_sessions": dict(usecols=["user_id", "title_id", "started_at", "minutes_watched", "device"],
                             parse_dates=["started_at"], dtype={"title_id": "category", "device": "category"}),
    "subscriptions": dict(usecols=["user_id", "plan", "started_on", "ended_on", "monthly_price"],
                          parse_dates=["started_on", "ended_on"], dtype={"plan": "category"}),
    "payments": dict(usecols=["paid_on", "amount", "status"], parse_dates=["paid_on"]),
    "ratings": dict(usecols=["title_id", "score"]),
}


def read(folder):
    tables = {}
    for name, options in TABLES.items():
        for suffix in (".csv.gz", ".csv"):
            path = folder / (name + suffix)
            if path.is_file():
                tables[name] = pd.read_csv(path, **options)
                break
    return tables


def as_of_date(t):
    """The last day with any activity in the data, as the report takes it."""
    dates = [t["viewing_sessions"]["started_at"].max()] if "viewing_sessions" in t else []
    dates += [t[name][column].max() for name, column in [("payments", "paid_on"), ("subscriptions", "started_on"),
                                                          ("subscriptions", "ended_on"), ("users", "signup_date")]
              if name in t]
    return pd.Timestamp(max(d for d in dates if pd.notna(d))).normalize()


def monthly_watch_hours(t, as_of):
    v = t["viewing_sessions"]
    return (v.groupby(v["started_at"].dt.to_period("M"))
            .agg(watch_hours=("minutes_watched", "sum"), viewers=("user_id", "nunique"))
            .assign(watch_hours=lambda d: d["watch_hours"] / 60))


def watch_per_member(t, as_of):
    hours = t["viewing_sessions"].groupby("user_id")["minutes_watched"].sum() / 60
    return hours.describe(percentiles=[.1, .25, .5, .75, .9, .99]).to_frame("hours per member"), hours


def watch_by_device(t, as_of):
    v = t["viewing_sessions"]
    d = v.groupby("device", observed=True).agg(watch_hours=("minutes_watched", "sum"), sessions=("user_id", "size"),
                                               viewers=("user_id", "nunique"))
    d["watch_hours"] /= 60
    d["share"] = d["watch_hours"] / d["watch_hours"].sum()
    return d.sort_values("watch_hours", ascending=False)


def top_titles(t, as_of):
    v = t["viewing_sessions"]
    hours = v.groupby("title_id", observed=True)["minutes_watched"].sum().div(60).nlargest(10).rename("watch_hours")
    return t["titles"].set_index("title_id")[["title"]].join(hours, how="right")


def churn_by_country(t, as_of):
    """Members active on the first day of the as-of month, and those of them whose last subscription ended in it
    (switching plans is not churn: a member churns when no subscription of theirs goes on past the end)."""
    s = t["subscriptions"]
    month_start = as_of.to_period("M").to_timestamp()
    active = s[(s["started_on"] <= month_start) & (s["ended_on"].isna() | (s["ended_on"] >= month_start))]
    last_end = (s.assign(end=s["ended_on"].fillna(pd.Timestamp.max)).groupby("user_id")["end"].max())
    churned = last_end.between(month_start, as_of)
    members = pd.DataFrame({"user_id": active["user_id"].unique()})
    members["churned"] = members["user_id"].map(churned).fillna(False).astype(bool)
    members["country"] = members["user_id"].map(t["users"].set_index("user_id")["country"]).fillna("Unknown")
    c = members.groupby("country").agg(active_at_start=("user_id", "size"), churners=("churned", "sum"))
    c["churn_rate"] = c["churners"] / c["active_at_start"]
    return c.sort_values("churn_rate", ascending=False)


def signups_by_month(t, as_of):
    u = t["users"]
    return u.groupby(u["signup_date"].dt.to_period("M")).size().to_frame("signups")


def genre_ratings(t, as_of):
    genres = t["titles"][["title_id", "genres"]].assign(genre=lambda d: d["genres"].str.split("|")).explode("genre")
    r = t["ratings"].merge(genres[["title_id", "genre"]], on="title_id")
    return (r.groupby("genre")["score"].agg(average="mean", ratings="size")
            .query("ratings >= 10").sort_values("average", ascending=False))


def top_countries(t, n=8):
    return t["users"]["country"].value_counts().index[:n]


def plan_mix(t, as_of):
    s = t["subscriptions"]
    current = s[(s["started_on"] <= as_of) & (s["ended_on"].isna() | (s["ended_on"] >= as_of))]
    current = current.assign(country=current["user_id"].map(t["users"].set_index("user_id")["country"]))
    current = current[current["country"].isin(top_countries(t))]
    return pd.crosstab(current["country"], current["plan"], normalize="index")


def device_mix(t, as_of):
    v = t["viewing_sessions"]
    recent = v[v["started_at"] > as_of - pd.Timedelta(days=90)]
    country = recent["user_id"].map(t["users"].set_index("user_id")["country"])
    hours = recent.groupby([country, "device"], observed=True)["minutes_watched"].sum().unstack(fill_value=0)
    hours = hours.loc[hours.index.intersection(top_countries(t))]
    return hours.div(hours.sum(axis=1), axis=0)


def mrr_by_plan(t, as_of):
    """Each subscription's price counted in every month it was active on the month's last day (or on the as-of date)."""
    s = t["subscriptions"]
    month_number = lambda d: d.dt.year * 12 + d.dt.month - 1  # noqa: E731
    ended = s["ended_on"]
    last = month_number(ended.fillna(as_of)).where(ended.isna() | ended.dt.is_month_end | (ended == as_of),
                                                   month_number(ended) - 1)
    spans = s.assign(first=month_number(s["started_on"]), n=lambda d: last - d["first"] + 1).query("n > 0")
    spans = spans.loc[spans.index.repeat(spans["n"])]
    spans["month"] = spans["first"] + spans.groupby(level=0).cumcount()
    mrr = spans.pivot_table(index="month", columns="plan", values="monthly_price", aggfunc="sum", observed=True)
    mrr.index = pd.PeriodIndex([pd.Period(year=m // 12, month=m % 12 + 1, freq="M") for m in mrr.index], name="month")
    return mrr


def revenue_by_month(t, as_of):
    p = t["payments"]
    paid = p[p["status"] == "paid"]
    return paid.groupby(paid["paid_on"].dt.to_period("M"))["amount"].agg(collected="sum", payments="size")


# (title, tables needed, function, chart kind, column to chart)
QUESTIONS = [
    ("Monthly watch hours", {"viewing_sessions"}, monthly_watch_hours, "line", "watch_hours"),
    ("Watch time per member", {"viewing_sessions"}, watch_per_member, "hist", None),
    ("Watch time by device", {"viewing_sessions"}, watch_by_device, "barh", "watch_hours"),
    ("Top 10 titles by watch hours", {"viewing_sessions", "titles"}, top_titles, "barh", "watch_hours"),
    ("Churn rate by country this month", {"subscriptions", "users"}, churn_by_country, "barh", "churn_rate"),
    ("Sign-ups by month", {"users"}, signups_by_month, "bar", "signups"),
    ("Average rating by genre", {"ratings", "titles"}, genre_ratings, "barh", "average"),
    ("Plan mix by country", {"subscriptions", "users"}, plan_mix, "stacked", None),
    ("Device mix by country, last 90 days", {"viewing_sessions", "users"}, device_mix, "stacked", None),
    ("Monthly recurring revenue by plan", {"subscriptions"}, mrr_by_plan, "area", None),
    ("Payments revenue by month", {"payments"}, revenue_by_month, "bar", "collected"),
]


def chart(kind, title, table, column, extra):
    rows = len(table) if kind in ("barh", "stacked") else 0
    fig, ax = plt.subplots(figsize=(9, max(4.5, 0.22 * rows + 1)))  # a readable label for each bar
    if kind == "hist":
        extra.clip(upper=extra.quantile(0.99)).plot.hist(bins=40, ax=ax)
        ax.set_xlabel("watch hours per member")
    elif kind == "line":
        table[column].plot(ax=ax)
    elif kind == "bar":
        series = table[column]
        series.index = series.index.astype(str)
        series.plot.bar(ax=ax, width=0.9)
        ax.set_xticks(ax.get_xticks()[::max(1, len(series) // 12)])
    elif kind == "barh":
        series = table.set_index("title")[column] if "title" in table else table[column]
        series.iloc[::-1].plot.barh(ax=ax)
    elif kind == "stacked":
        table.plot.barh(stacked=True, ax=ax)
        ax.legend(loc="center left", bbox_to_anchor=(1, 0.5))
    elif kind == "area":
        table.plot.area(ax=ax)
    ax.set_title(title)
    fig.tight_layout()
    return fig


def page(answers):
    parts = ["<!doctype html><html><head><meta charset='utf-8'><title>Streaming analytics</title>",
             "<style>body{font-family:sans-serif;max-width:60em;margin:auto}table{border-collapse:collapse}"
             "td,th{padding:2px 8px;border-bottom:1px solid #ddd;text-align:right}</style></head><body>",
             "<h1>Streaming analytics</h1>"]
    for title, table, svg in answers:
        parts += [f"<h2>{html.escape(title)}</h2>", f"<img src='{svg}' alt='{html.escape(title)}'>",
                  table.to_html(float_format=lambda x: f"{x:,.2f}", max_rows=40)]
    parts.append("</body></html>")
    return "\n".join(parts)


def peak_rss_mb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) // 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, help="folder with <table>.csv.gz or <table>.csv")
    parser.add_argument("--out", type=Path, help="folder to write index.html, report.pdf and charts/ into")
    parser.add_argument("--versions", action="store_true", help="print the Python, pandas and matplotlib versions")
    args = parser.parse_args()
    if args.versions:
        print(f"Python {sys.version.split()[0]}, pandas {pd.__version__}, matplotlib {matplotlib.__version__}")
        return
    if args.data is None or args.out is None:
        parser.error("--data and --out are required")
    stages = {}
    clock = STARTED

    def lap(name):
        nonlocal clock
        now = time.perf_counter()
        stages[name] = now - clock
        clock = now

    lap("start")
    tables = read(args.data)
    lap("read")
    as_of = as_of_date(tables)
    answerable = [q for q in QUESTIONS if q[1] <= tables.keys()]
    results = []
    for title, _, answer, kind, column in answerable:
        result = answer(tables, as_of)
        table, extra = result if isinstance(result, tuple) else (result, None)
        results.append((title, table, kind, column, extra))
    lap("compute")
    (args.out / "charts").mkdir(parents=True, exist_ok=True)
    answers = []
    with PdfPages(args.out / "report.pdf") as pdf:
        for number, (title, table, kind, column, extra) in enumerate(results, 1):
            fig = chart(kind, title, table, column, extra)
            svg = f"charts/{number:02d}.svg"
            fig.savefig(args.out / svg)
            pdf.savefig(fig)
            plt.close(fig)
            answers.append((title, table, svg))
    lap("charts")
    (args.out / "index.html").write_text(page(answers), encoding="utf-8")
    lap("pages")
    usage = resource.getrusage(resource.RUSAGE_SELF)
    times = " · ".join(f"{name} {seconds:.2f} s" for name, seconds in stages.items())
    print(f"timings  {times} · total {time.perf_counter() - STARTED:.2f} s · cpu {usage.ru_utime + usage.ru_stime:.2f} s"
          f" · peak RSS {peak_rss_mb()} MB  ({len(results)} questions as of {as_of:%Y-%m-%d}, "
          f"{sum(len(t) for t in tables.values()):,} rows read; {args.out / 'index.html'}, {args.out / 'report.pdf'})")


if __name__ == "__main__":
    main()
