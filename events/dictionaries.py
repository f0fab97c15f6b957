"""The parser's dictionaries for one article, checked against the database in one round trip.

The actor dictionary and the gazetteer's regions are held in memory per process and rebuilt when their
tables change; each article checks both signatures, which costs one query instead of two
(bench/parse_throughput.py counts the statements of an article).
"""

from django.db import connection

from events.actors import DICTIONARY_SIGNATURE_WIDTH, dictionary_signature_sql, parser_actor_dictionary
from events.gazetteer import DatabaseGazetteer, regions_signature_sql
from sources.parsing.actors import ActorDictionary


def parser_dictionaries() -> tuple[ActorDictionary, DatabaseGazetteer]:
    """The actor dictionary and a gazetteer for one article, both current."""
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {dictionary_signature_sql()}, {regions_signature_sql()}")
        row = tuple(cursor.fetchone())
    actors, regions = row[:DICTIONARY_SIGNATURE_WIDTH], row[DICTIONARY_SIGNATURE_WIDTH:]
    return parser_actor_dictionary(signature=actors), DatabaseGazetteer(signature=regions)
