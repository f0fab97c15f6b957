"""Parsing throughput of one worker process, with the full gazetteer and actor dictionary loaded.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/ct_parse_bench python bench/parse_throughput.py \
        [--articles 500] [--rounds 3] [--language en|fr|both|none] [--corpus DIR ...] [--events N [--reuse-events]]
        [--batch-size N] [--no-analyze] [--cold-names]

Generates articles of about 600 words from templates (other conflicts, other phrasings), then
times (a) the parser alone and (b) the whole task as a worker runs it (claim the article, parse,
write events and claims; each task committed, then the run undone), and prints articles per second
(median and best of the rounds: shared machines are noisy) and the process's peak resident memory. Targets: >= 100
articles/s per process, <= 600 MB resident. Run with DEBUG unset: Django's query log costs time.

Two streams: English wire copy (SCENES, FILLER) and French copy from the Sahel, Lake Chad, the
Kivus and the Central African Republic (FR_SCENES, FR_FILLER; French weekdays, "dans la nuit de
samedi à dimanche", "le 3 janvier", French number words and "1 200"). ``--language both`` (the
default) times them one after the other in one process, each block as the English one is printed;
the peak resident memory of a block is the process's peak so far, as a worker reading both sees it.
"""

import argparse
import datetime
import json
import os
import random
import resource
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "conflict_tracker.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only")

import django
from api_latency import EVENT_TYPES, copy_rows, ensure_database
from e2e_burst import corpus_reports, cycled_reports


def _ensure_postgres_database() -> None:
    """A PostgreSQL DATABASE_URL names a database this bench may create: CI's smoke run starts with none."""
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith(("postgres://", "postgresql://")):
        server, _, name = url.rpartition("/")
        ensure_database(server, name)


_ensure_postgres_database()
django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.db.models import Max  # noqa: E402
from django.utils import timezone  # noqa: E402

from conflict_tracker.celery import tune_garbage_collection  # noqa: E402
from events.actors import parser_actor_dictionary  # noqa: E402
from events.consensus import ReportSummary  # noqa: E402
from events.gazetteer import DatabaseGazetteer, NameCache  # noqa: E402
from events.ingestion import article_parse  # noqa: E402
from events.models import Actor, Event, Place  # noqa: E402
from sources.models import Article, content_hash  # noqa: E402
from sources.parsing import parse_article  # noqa: E402

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
        f"{town.upper()}, {country} — {attacker.capitalize()} attacked positions held by {defender} near {town} in "
        f"{region} on {day}, "
        f"officials and residents said.",
        f"A military spokesman said {killed} {victims} were killed and {wounded} others wounded in the fighting, "
        "which lasted several hours.",
        f"In a statement, {attacker_short} claimed to have killed at least {claimed} {victims} and destroyed "
        f"{rng.randint(2, 9)} vehicles.",
        f"A local official, speaking on condition of anonymity, said about {rng.randint(5, 30)} civilians had fled "
        "toward the regional capital.",
    ]
    text = " ".join(lines)
    while len(text.split()) < 600:
        text += "\n\n" + FILLER
    return text


# ---------------------------------------------------------------- the French stream
# (pays, « au/en » pays, ville, région, assaillants, défenseurs, revendiquant, victimes), articles as written.
FR_SCENES = [
    (
        "Mali",
        "au Mali",
        "Douentza",
        "la région de Mopti",
        "des combattants du GSIM",
        "l’armée malienne",
        "le GSIM",
        "soldats",
    ),
    (
        "Burkina Faso",
        "au Burkina Faso",
        "Djibo",
        "la région du Sahel",
        "des jihadistes du GSIM",
        "l’armée burkinabè",
        "le GSIM",
        "VDP",
    ),
    (
        "Niger",
        "au Niger",
        "Téra",
        "la région de Tillabéri",
        "des combattants de l’EIGS",
        "l’armée nigérienne",
        "l’EIGS",
        "militaires",
    ),
    (
        "Tchad",
        "au Tchad",
        "Bol",
        "la province du Lac",
        "des combattants de Boko Haram",
        "l’armée tchadienne",
        "Boko Haram",
        "soldats",
    ),
    (
        "Cameroun",
        "au Cameroun",
        "Mora",
        "la région de l’Extrême-Nord",
        "des éléments de Boko Haram",
        "les soldats du BIR",
        "Boko Haram",
        "militaires",
    ),
    (
        "RD Congo",
        "en RD Congo",
        "Rutshuru",
        "la province du Nord-Kivu",
        "les rebelles du M23",
        "les FARDC",
        "le M23",
        "militaires",
    ),
    (
        "Centrafrique",
        "en Centrafrique",
        "Bocaranga",
        "la préfecture de l’Ouham-Pendé",
        "des rebelles des 3R",
        "les FACA",
        "le groupe 3R",
        "soldats",
    ),
]
FR_WEEKDAYS = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]
FR_MONTHS = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
]
FR_NUMBERS = [
    "",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
    "vingt",
]
FR_FILLER = (
    "Le conflit a déplacé des centaines de milliers de personnes au cours des dernières années, et les organisations "
    "humanitaires alertent sur l’accès toujours difficile aux zones les plus touchées, où les routes sont coupées et "
    "le "
    "carburant se fait rare. Selon les analystes, aucun des deux camps ne semble en mesure de l’emporter, et les "
    "discussions menées sous l’égide des pays de la région sont régulièrement au point mort. Les habitants décrivent "
    "de longues files d’attente pour l’eau et le pain, et des marchés qui n’ouvrent que quelques heures par jour. "
)


def _fr_when(rng: random.Random, published: datetime.date) -> str:
    """A French date a few days before publication, as a newsroom writes it."""
    day = published - datetime.timedelta(days=rng.randint(1, 5))
    weekday = FR_WEEKDAYS[day.weekday()]
    return rng.choice(
        [
            weekday,
            f"{weekday} soir",
            f"dans la nuit de {FR_WEEKDAYS[(day.weekday() - 1) % 7]} à {weekday}",
            f"le {'1er' if day.day == 1 else day.day} {FR_MONTHS[day.month - 1]}",
        ]
    )


def _fr_count(rng: random.Random, low: int, high: int) -> str:
    """A figure in digits or in words ("onze"), sometimes a round amount ("une vingtaine de")."""
    value = rng.randint(low, high)
    if value <= 20 and rng.random() < 0.5:
        return FR_NUMBERS[value]
    if rng.random() < 0.2:
        return rng.choice(["une dizaine de", "une vingtaine de", "une trentaine de"])
    return str(value)


def _de(phrase: str) -> str:
    """ "de" before a noun phrase, as French writes it: "des FARDC", "de jihadistes", "du GSIM", "d’une
    vingtaine"."""
    contractions = (("les ", "des "), ("des ", "de "), ("le ", "du "), ("une ", "d’une "), ("un ", "d’un "))
    for article, contracted in contractions:
        if phrase.startswith(article):
            phrase = contracted + phrase[len(article) :]
            break
    else:
        phrase = "de " + phrase
    vowel = phrase[3:4] in "aeiouéèêAEIOUÉ" and not phrase[3:].startswith("onze")  # "de onze"
    elide = phrase.startswith("de ") and vowel
    return "d’" + phrase[3:] if elide else phrase


def make_article_fr(rng: random.Random, published: datetime.date) -> str:
    country, in_country, town, region, attacker, defender, claimant, victims = rng.choice(FR_SCENES)
    when = _fr_when(rng, published)
    killed, wounded = _fr_count(rng, 2, 40), _fr_count(rng, 3, 60)
    others = f"{wounded[:-3]} d’autres" if wounded.endswith(" de") else f"{wounded} autres"
    claimed, displaced = rng.randint(10, 120), rng.choice(["800", "1\u202f200", "2\u202f500", "3.000"])
    opening = rng.choice(
        [
            f"{town.upper()}, {country} – {attacker[0].upper()}{attacker[1:]} ont attaqué {when} des positions tenues "
            f"par {defender} près de {town}, dans {region}, ont indiqué des sources sécuritaires et des habitants.",
            f"{town.upper()} ({country}) – Des positions {_de(defender)} ont été visées {when} par une attaque "
            f"{_de(attacker)} près de {town}, dans {region}, selon des sources locales.",
            f"{in_country[0].upper()}{in_country[1:]}, {attacker} ont attaqué {when} un poste militaire près de "
            f"{town}, "
            f"dans {region}, a-t-on appris de sources sécuritaires.",
        ]
    )
    toll = rng.choice(
        [
            f"Selon un porte-parole de l’armée, {killed} {victims} ont été tués et {others} blessés au cours des "
            "combats, qui ont duré plusieurs heures.",
            f"Le bilan provisoire fait état {_de(killed)} {victims} tués et {_de(wounded)} blessés, a précisé un "
            "officier sous couvert d’anonymat.",
        ]
    )
    lines = [
        opening,
        toll,
        f"Dans un communiqué, {claimant} a revendiqué l’attaque et affirme avoir tué au moins {claimed} {victims} et "
        f"détruit {FR_NUMBERS[rng.randint(2, 9)]} véhicules.",
        f"Un élu local, qui a requis l’anonymat, indique que {displaced} personnes ont fui vers le chef-lieu de la "
        "région.",
    ]
    text = " ".join(lines)
    while len(text.split()) < 600:
        text += "\n\n" + FR_FILLER
    return text


def _stream(language: str, count: int, per_day: int) -> tuple[list[str], list[datetime.date]]:
    """``count`` articles of one language, with their publication dates."""
    rng = random.Random(7)
    # A newsroom's stream: a few reports a day, so reports of one fight in one town a few days
    # apart merge and the rest become events of their own.
    published = [FIRST_DAY + datetime.timedelta(days=index // per_day) for index in range(count)]
    if language == "fr":
        texts = [make_article_fr(rng, day) + f"\n\nRéf. {index}." for index, day in enumerate(published)]
    else:
        texts = [make_article(rng) + f"\n\nRef {index}." for index in range(count)]
    return texts, published


def _real_stream(directories: list[str], count: int) -> tuple[list[str], list[datetime.date | None]]:
    """``count`` articles from the real reports of the folders, cycled, each with a line of its own."""
    return cycled_reports(corpus_reports(directories), count, "corpus")


def _parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=500, help="articles per stream")
    parser.add_argument("--per-day", type=int, default=5, help="articles published per day")
    parser.add_argument(
        "--default-gc", action="store_true", help="keep CPython's garbage collector settings instead of the worker's"
    )
    parser.add_argument("--rounds", type=int, default=3, help="timed rounds; the median and best are printed")
    parser.add_argument(
        "--language",
        choices=["en", "fr", "both", "none"],
        default="both",
        help="which templated stream to time (default: both; none: only --corpus)",
    )
    parser.add_argument(
        "--corpus",
        action="append",
        default=[],
        help="a folder of real .txt reports, timed as one more stream (may repeat)",
    )
    parser.add_argument(
        "--events", type=int, default=0, help="events stored before timing, in the streams' countries and dates (COPY)"
    )
    parser.add_argument(
        "--reuse-events",
        action="store_true",
        help="keep the events an earlier run stored when there are --events of them (a run rolls its writes back), so "
        "the timing runs in a process that did not build a million rows first: that heap slows parsing by a quarter",
    )
    parser.add_argument(
        "--batch-size",
        type=int,
        default=1,
        help="run the task as a worker with PARSE_BATCH_SIZE this size does: each task takes up to this many queued "
        "articles, and the batch-mates' own tasks find them taken (default 1: one article per task)",
    )
    parser.add_argument(
        "--cold-names",
        action="store_true",
        help="query every article's place names, as for reports that never repeat a name (a worker keeps the places "
        "of the names it looked up; a cycled corpus repeats all of them)",
    )
    parser.add_argument(
        "--no-analyze",
        action="store_true",
        help="skip the ANALYZE before timing: a fresh deployment's figure (load_gazetteer analyses what it loads)",
    )
    args = parser.parse_args()
    if args.language == "none" and not args.corpus:
        parser.error("--language none needs a --corpus")
    return args


def main() -> None:
    args = _parse_args()
    call_command("migrate", verbosity=0)  # a bench that migrates its database cannot rot with the schema
    if not Place.objects.filter(geonames_id__isnull=False).exists():
        print("loading the gazetteer first…", flush=True)
        call_command("load_gazetteer", verbosity=0)
    call_command("load_actors", verbosity=0)
    actors, gazetteer = parser_actor_dictionary(), DatabaseGazetteer()
    languages = {"both": ["en", "fr"], "none": []}.get(args.language, [args.language])
    streams = {language: _stream(language, args.articles, args.per_day) for language in languages}
    if args.corpus:
        streams["real"] = _real_stream(args.corpus, args.articles)
    for texts, published in streams.values():  # warm caches: one compiled pipeline per language
        for text, day in zip(texts[:20], published[:20], strict=True):
            parse_article(text, published=day, actors=actors, gazetteer=gazetteer)
    if args.reuse_events and Event.objects.count() == args.events:
        print(f"reusing the {args.events:,} events stored by an earlier run", flush=True)
    else:
        _store_events(args.events, streams, actors, gazetteer)
    if not args.no_analyze:
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics are this database's, whatever ran before
    if not args.default_gc:
        tune_garbage_collection()  # as a Celery worker process does when it starts
    if args.cold_names:
        NameCache.MAX_AGE_SECONDS = 0.0  # never fresh: each lookup starts a new cache and queries every name
    print(f"place names: {'queried for every article' if args.cold_names else 'cached per process, as a worker does'}")
    for index, (name, (texts, published)) in enumerate(streams.items()):
        if index:
            print()
        _bench(name, texts, published, actors, args)


# ---------------------------------------------------------------- stored events (--events)
# The tables a run fills or preloads, emptied first: TRUNCATE … CASCADE reaches no other (not places or actors).
RUN_TABLES = [
    "events_claim",
    "events_eventactor",
    "events_eventreport",
    "events_reviewlog",
    "events_event",
    "sources_article",
]
STORED_SPREAD_DAYS = (-365, 30)  # stored events fall this many days around a date the streams report


def _stream_footprints(streams: dict, actors, gazetteer) -> list[tuple[str, datetime.date]]:
    """(country, date) of the events the streams' distinct reports describe, as the parser reads them."""
    footprints = []
    for texts, published in streams.values():
        for text, day in zip(texts[:60], published[:60], strict=True):
            result = parse_article(text, published=day, actors=actors, gazetteer=gazetteer)
            footprints += [
                (event.country, event.start_date or day)
                for event in result.events
                if event.country and (event.start_date or day)
            ]
    if not footprints:
        raise SystemExit("--events: the streams' reports gave no event with a country and a date")
    return footprints


def _store_events(count: int, streams: dict, actors, gazetteer) -> None:
    """Empty the tables a run writes, then COPY ``count`` events (70 % approved, 30 % drafts; each with a report,
    its article and two actors) at towns of the countries the streams report, up to a year before their dates, in
    date order.
    Each event carries the summary of its report, as every stored event does (migration events 0011 wrote them)."""
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {', '.join(RUN_TABLES)} RESTART IDENTITY CASCADE")
    if not count:
        return
    started = time.perf_counter()
    rng = random.Random(15)
    footprints = _stream_footprints(streams, actors, gazetteer)
    towns, actor_ids = {}, list(Actor.objects.values_list("id", flat=True))
    for country in {country for country, _ in footprints}:
        towns[country] = list(
            Place.objects.filter(country=country, feature_class="P")
            .order_by("-population")
            .values_list("id", "latitude", "longitude", "admin1_name", "name")[:500]
        )
        towns[country] = towns[country] or [(None, None, None, "", "")]
    by_country = {}
    for actor_id, country in Actor.objects.values_list("id", "country"):
        by_country.setdefault(country, []).append(actor_id)
    plan = []  # (country, start date, town)
    for _ in range(count):
        country, day = rng.choice(footprints)
        day += datetime.timedelta(days=rng.randint(*STORED_SPREAD_DAYS))
        plan.append((country, day, rng.choice(towns[country])))
    # In the order a year of reporting stores them: a day's events side by side in the table, as the candidate
    # search then finds them (in random order a window's 200 events lay on 1,200 pages).
    plan.sort(key=lambda planned: planned[1])
    now = timezone.now()
    summary = json.dumps(ReportSummary.of([{}]).to_json())  # of its one report, whose snapshot says nothing

    def articles():
        for number, (_, day, _) in enumerate(plan, start=1):
            text = f"Stored report {number}."
            yield number, day, "en", text, content_hash(text), now, "parsed", now

    def events():
        for number, (country, day, (place_id, latitude, longitude, admin1, name)) in enumerate(plan, start=1):
            event_type, sub_event_type, _ = rng.choices(EVENT_TYPES, [weight for *_, weight in EVENT_TYPES])[0]
            status, low = "approved" if rng.random() < 0.7 else "draft", rng.randint(0, 30)
            end = day + datetime.timedelta(days=rng.choice([0, 0, 0, 1, 2]))
            yield (
                number,
                status,
                event_type,
                sub_event_type,
                day,
                end,
                "day",
                place_id,
                latitude,
                longitude,
                1 if place_id else 3,
                country,
                admin1 or "",
                "" if place_id else name,
                f"Stored event at {name}.",
                low,
                low,
                low + rng.randint(0, 20),
                now,
                now,
                now if status == "approved" else None,
                summary,
            )

    def event_actors():
        for number, (country, _, _) in enumerate(plan, start=1):
            side_a = rng.choice(by_country.get(country) or actor_ids)  # a group of the country, and anyone
            side_b = rng.choice([actor_id for actor_id in rng.sample(actor_ids, 2) if actor_id != side_a])
            yield 2 * number - 1, number, side_a, "side_a"
            yield 2 * number, number, side_b, "side_b"

    with transaction.atomic():  # all or nothing: a failed load leaves no half of it behind
        copy_rows(
            "sources_article",
            ["id", "published_at", "language", "text", "content_hash", "uploaded_at", "status", "parsed_at"],
            articles(),
        )
        event_columns = [
            "id",
            "status",
            "event_type",
            "sub_event_type",
            "start_date",
            "end_date",
            "date_precision",
            "place_id",
            "latitude",
            "longitude",
            "geo_precision",
            "country",
            "admin1",
            "location_name",
            "notes",
            "fatalities_low",
            "fatalities_best",
            "fatalities_high",
            "created_at",
            "updated_at",
            "status_changed_at",
            "derivation",
        ]
        copy_rows("events_event", event_columns, events())
        copy_rows(
            "events_eventreport",
            ["id", "event_id", "article_id", "match_reason", "parsed", "created_at"],
            ((number, number, number, "{}", "{}", now) for number in range(1, count + 1)),
        )
        copy_rows("events_eventactor", ["id", "event_id", "actor_id", "role"], event_actors())
        with connection.cursor() as cursor:
            for table in RUN_TABLES:  # the next ids a run takes follow the copied ones
                cursor.execute(
                    f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                    f"(SELECT coalesce(max(id), 1) FROM {table}))"
                )
    # Stored events arrive over months in production, and autovacuum has long visited their pages; rows just
    # COPYed are not yet marked visible to all, so the first reads of each page would pay for marking it.
    with connection.cursor() as cursor:
        cursor.execute(f"VACUUM (ANALYZE) {', '.join(RUN_TABLES)}")
    countries = Counter(country for country, _, _ in plan)
    print(
        f"stored {count:,} events in {time.perf_counter() - started:.0f} s ("
        + ", ".join(f"{country} {share:,}" for country, share in countries.most_common())
        + ")",
        flush=True,
    )


# ---------------------------------------------------------------- timing


def _bench(name: str, texts: list[str], published: list[datetime.date | None], actors, args) -> None:
    """Time one stream and print its block."""
    words = sum(len(text.split()) for text in texts) / len(texts)
    parse_rates, task_rates, events, read = [], [], 0, None
    for _ in range(args.rounds):
        started = time.perf_counter()
        results = [
            parse_article(text, published=day, actors=actors, gazetteer=DatabaseGazetteer())
            for text, day in zip(texts, published, strict=True)
        ]
        parse_rates.append(len(texts) / (time.perf_counter() - started))
        events = sum(len(result.events) for result in results)
        read = read or (Counter(result.language for result in results), sum(result.supported for result in results))
        seconds, stored_events, statements = _task_seconds(texts, published, batch_size=args.batch_size)
        task_rates.append(len(texts) / seconds)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    detected, supported = read
    languages = ", ".join(f"{language or '?'}: {share}" for language, share in detected.most_common())
    source = f"real reports of {', '.join(args.corpus)}, cycled" if name == "real" else f"{args.per_day} a day"
    print(f"stream: {name} (detected as {languages} of {len(texts)}; read by the parser: {supported} of {len(texts)})")
    print(f"articles: {len(texts)} of {words:.0f} words on average, {source}; {args.rounds} rounds")
    print(f"stored events before the run: {args.events:,}; tasks take up to {args.batch_size} article(s)")
    print(f"parsed events: {events}; stored after merging: {stored_events - args.events}")
    print(f"parser alone:          {statistics.median(parse_rates):8.1f} articles/s (best {max(parse_rates):.1f})")
    print(f"whole task (+writes):  {statistics.median(task_rates):8.1f} articles/s (best {max(task_rates):.1f})")
    print(f"SQL statements:        {statements / len(texts):8.1f} per article")
    print(f"peak resident memory:  {peak_mb:8.0f} MB")
    print(f"database: {connection.vendor}", flush=True)


def _task_seconds(
    texts: list[str], published: list[datetime.date | None], *, batch_size: int
) -> tuple[float, int, int]:
    """Seconds to run the parse task on every text as a worker does (claim, parse, write; each task committed, as a
    worker's is), the events stored and the SQL statements run; then what the run wrote is undone (RunUndo).

    Committed, not rolled back: in one transaction every grown event's earlier versions stay live for the rest of
    the run, and the candidate search visits each of them; a worker's commits let them be pruned."""
    statements = 0

    def count(execute, sql, params, many, context):
        nonlocal statements
        statements += 1
        return execute(sql, params, many, context)

    undo = RunUndo()
    try:
        articles = Article.objects.bulk_create(
            Article(text=text, content_hash=content_hash(text), published_at=day)
            for text, day in zip(texts, published, strict=True)
        )
        started = time.perf_counter()
        with connection.execute_wrapper(count):
            for article in articles:
                article_parse(article_id=article.id, task_id=f"bench-{article.id}", batch_size=batch_size)
        seconds = time.perf_counter() - started
        stored = Event.objects.count()
    finally:
        undo.apply()
    return seconds, stored, statements


class RunUndo:
    """Puts the tables a run writes back as they were before it: its articles, reports and claims, the events and
    actors it created go; the stored events it grew get back their rows and actors, from a copy taken before."""

    SNAPSHOTS = {"bench_events": "events_event", "bench_event_actors": "events_eventactor"}

    def __init__(self):
        self.last = {model: model.objects.aggregate(last=Max("id"))["last"] or 0 for model in (Article, Event, Actor)}
        with connection.cursor() as cursor:
            for snapshot, table in self.SNAPSHOTS.items():
                cursor.execute(f"DROP TABLE IF EXISTS {snapshot}")
                cursor.execute(f"CREATE TEMPORARY TABLE {snapshot} AS SELECT * FROM {table}")

    def apply(self) -> None:
        article, event, actor = self.last[Article], self.last[Event], self.last[Actor]
        grown = "(SELECT id FROM bench_grown)"
        columns = [field.column for field in Event._meta.concrete_fields if not field.primary_key]
        restore = ", ".join(f"{column} = s.{column}" for column in columns)
        statements = [
            "DROP TABLE IF EXISTS bench_grown",
            "CREATE TEMPORARY TABLE bench_grown AS SELECT DISTINCT event_id AS id FROM events_eventreport"
            f" WHERE article_id > {article} AND event_id <= {event}",
            f"DELETE FROM events_claim WHERE article_id > {article} OR event_id > {event}",
            f"DELETE FROM events_eventreport WHERE article_id > {article}",
            f"DELETE FROM events_eventactor WHERE event_id > {event} OR event_id IN {grown}",
            f"INSERT INTO events_eventactor SELECT * FROM bench_event_actors WHERE event_id IN {grown}",
            f"DELETE FROM events_reviewlog WHERE event_id > {event}",
            f"DELETE FROM events_event WHERE id > {event}",
            f"UPDATE events_event SET {restore} FROM bench_events s"
            f" WHERE events_event.id = s.id AND events_event.id IN {grown}",
            f"DELETE FROM sources_article WHERE id > {article}",
            f"DELETE FROM events_actoralias WHERE actor_id > {actor}",
            f"DELETE FROM events_actor WHERE id > {actor}",
        ]
        with transaction.atomic(), connection.cursor() as cursor:
            for statement in statements:
                cursor.execute(statement)
        if connection.vendor == "postgresql":  # the next round starts without this one's dead row versions
            # Index entries included: VACUUM otherwise skips the indexes while dead rows are on under 2 % of the
            # pages, and run after run left the searches walking tens of thousands of dead entries.
            tables = ", ".join([*RUN_TABLES, "events_actor", "events_actoralias"])
            with connection.cursor() as cursor:
                cursor.execute(f"VACUUM (ANALYZE, INDEX_CLEANUP ON) {tables}")


if __name__ == "__main__":
    main()
