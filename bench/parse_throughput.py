"""Parsing throughput of one worker process, with the full gazetteer and actor dictionary loaded.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/conflict_tracker python bench/parse_throughput.py [--articles 500]

Generates articles of about 600 words from templates (other conflicts, other phrasings), then
times (a) the parser alone and (b) the whole task as a worker runs it (claim the article, parse,
write events and claims; rolled back), and prints articles per second (median and best of the
rounds: shared machines are noisy) and the process's peak resident memory. Targets: >= 100
articles/s per process, <= 600 MB resident. Run with DEBUG unset: Django's query log costs time.
"""

import argparse
import datetime
import os
import random
import resource
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflict_tracker.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from conflict_tracker.celery import tune_garbage_collection  # noqa: E402

from events.actors import parser_actor_dictionary  # noqa: E402
from events.gazetteer import DatabaseGazetteer  # noqa: E402
from events.models import Event, Place  # noqa: E402
from sources.models import Article, content_hash  # noqa: E402
from sources.parsing import parse_article  # noqa: E402
from sources.services import article_parse  # noqa: E402

SCENES = [
    ("Sudan", "El Fasher", "North Darfur", "the Rapid Support Forces", "the Sudanese army", "RSF fighters", "soldiers"),
    ("Congo", "Goma", "North Kivu", "M23 rebels", "Congolese troops", "rebels", "FARDC soldiers"),
    ("Somalia", "Mogadishu", "Banadir", "al-Shabaab militants", "Somali forces", "militants", "soldiers"),
    ("Ukraine", "Kryvyi Rih", "Dnipropetrovsk", "Russian forces", "Ukrainian troops", "Russian soldiers", "civilians"),
    ("Yemen", "Marib", "Marib governorate", "Houthi fighters", "government forces", "Houthis", "soldiers"),
    ("Nigeria", "Maiduguri", "Borno", "Boko Haram fighters", "Nigerian soldiers", "insurgents", "soldiers"),
    ("Burkina Faso", "Djibo", "Sahel region", "JNIM militants", "Burkinabe soldiers", "jihadists", "volunteers"),
    ("Myanmar", "Sittwe", "Rakhine", "the Arakan Army", "junta troops", "rebels", "soldiers"),
]
FIRST_DAY = datetime.date(2025, 1, 6)
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
FILLER = (
    "The conflict has displaced hundreds of thousands of people over the past years, and aid agencies have warned "
    "that access to the worst-hit districts remains difficult because roads are cut and fuel is scarce. Analysts say "
    "neither side appears able to win outright, and talks mediated by regional governments have stalled repeatedly. "
    "Residents describe long queues for water and bread, and markets that open only for a few hours a day. "
)


def make_article(rng: random.Random) -> str:
    country, town, region, attacker, defender, attacker_short, victims = rng.choice(SCENES)
    day = rng.choice(WEEKDAYS)
    killed, wounded, claimed = rng.randint(2, 40), rng.randint(3, 60), rng.randint(10, 120)
    lines = [
        f"{town.upper()}, {country} — {attacker.capitalize()} attacked positions held by {defender} near {town} in {region} on {day}, "
        f"officials and residents said.",
        f"A military spokesman said {killed} {victims} were killed and {wounded} others wounded in the fighting, which lasted several hours.",
        f"In a statement, {attacker_short} claimed to have killed at least {claimed} {victims} and destroyed {rng.randint(2, 9)} vehicles.",
        f"A local official, speaking on condition of anonymity, said about {rng.randint(5, 30)} civilians had fled toward the regional capital.",
    ]
    text = " ".join(lines)
    while len(text.split()) < 600:
        text += "\n\n" + FILLER
    return text


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=500)
    parser.add_argument("--per-day", type=int, default=5, help="articles published per day")
    parser.add_argument("--default-gc", action="store_true", help="keep CPython's garbage collector settings instead of the worker's")
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the median and best are printed")
    args = parser.parse_args()
    if not Place.objects.filter(geonames_id__isnull=False).exists():
        print("loading the gazetteer first…", flush=True)
        call_command("load_gazetteer", verbosity=0)
    call_command("load_actors", verbosity=0)
    rng = random.Random(7)
    texts = [make_article(rng) + f"\n\nRef {index}." for index in range(args.articles)]
    # A newsroom's stream: a few reports a day, so reports of one fight in one town a few days
    # apart merge and the rest become events of their own.
    published = [FIRST_DAY + datetime.timedelta(days=index // args.per_day) for index in range(args.articles)]
    words = sum(len(text.split()) for text in texts) / len(texts)
    actors, gazetteer = parser_actor_dictionary(), DatabaseGazetteer()
    parse_article(texts[0], published=published[0], actors=actors, gazetteer=gazetteer)  # warm caches
    if not args.default_gc:
        tune_garbage_collection()  # as a Celery worker process does when it starts

    parse_rates, task_rates, events = [], [], 0
    for _ in range(args.rounds):
        started = time.perf_counter()
        events = sum(
            len(parse_article(text, published=day, actors=actors, gazetteer=DatabaseGazetteer()).events) for text, day in zip(texts, published)
        )
        parse_rates.append(len(texts) / (time.perf_counter() - started))
        seconds, stored_events, statements = _task_seconds(texts, published)
        task_rates.append(len(texts) / seconds)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"articles: {len(texts)} of {words:.0f} words on average, {args.per_day} a day; {args.rounds} rounds")
    print(f"parsed events: {events}; stored after merging: {stored_events}")
    print(f"parser alone:          {statistics.median(parse_rates):8.1f} articles/s (best {max(parse_rates):.1f})")
    print(f"whole task (+writes):  {statistics.median(task_rates):8.1f} articles/s (best {max(task_rates):.1f})")
    print(f"SQL statements:        {statements / len(texts):8.1f} per article")
    print(f"peak resident memory:  {peak_mb:8.0f} MB")
    print(f"database: {connection.vendor}")


def _task_seconds(texts: list[str], published: list[datetime.date]) -> tuple[float, int, int]:
    """Seconds to run the parse task on every text as a worker does (claim, parse, write), the events
    stored and the SQL statements run; rolled back."""
    statements = 0

    def count(execute, sql, params, many, context):
        nonlocal statements
        statements += 1
        return execute(sql, params, many, context)

    with transaction.atomic():
        articles = [
            Article.objects.create(text=text, content_hash=content_hash(text), published_at=day) for text, day in zip(texts, published)
        ]
        started = time.perf_counter()
        with connection.execute_wrapper(count):
            for article in articles:
                article_parse(article_id=article.id)
        seconds = time.perf_counter() - started
        stored = Event.objects.count()
        transaction.set_rollback(True)
    return seconds, stored, statements


if __name__ == "__main__":
    main()
