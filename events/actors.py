"""The actor dictionary: loading it from YAML files and reading it for the parser."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from django.conf import settings
from django.db import connection, transaction

from conflict_tracker.db import analyze_tables
from events.models import Actor, ActorAlias
from sources.parsing.acled import ACTOR_KINDS
from sources.parsing.actors import ActorDictionary, ActorEntry
from sources.parsing.normalize import normalize_name

DICTIONARY_DIR = Path(settings.BASE_DIR) / "events" / "data" / "actors"


class ActorDictionaryError(ValueError):
    pass


@dataclass
class ActorLoadStats:
    actors_created: int = 0
    actors_updated: int = 0
    aliases_created: int = 0
    alias_conflicts: list[str] = field(default_factory=list)


def read_dictionary_files(paths: Iterable[Path]) -> list[dict]:
    entries = []
    for path in sorted(paths):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or []
        except yaml.YAMLError as exc:
            raise ActorDictionaryError(f"{path.name}: not valid YAML: {exc}") from None
        for number, entry in enumerate(data, start=1):
            entries.append(_validated_entry(entry, where=f"{path.name} entry {number}"))
    return entries


def _validated_entry(entry: object, *, where: str) -> dict:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"].strip():
        raise ActorDictionaryError(f"{where}: needs a name.")
    if entry.get("kind") not in ACTOR_KINDS:
        raise ActorDictionaryError(f"{where} ({entry['name']}): kind must be one of {', '.join(ACTOR_KINDS)}.")
    country = entry.get("country") or ""
    if country and (len(country) != 2 or not country.isupper()):
        raise ActorDictionaryError(f"{where} ({entry['name']}): country must be an ISO 3166-1 alpha-2 code.")
    aliases = [str(alias).strip() for alias in entry.get("aliases") or [] if str(alias).strip()]
    operates_in = entry.get("operates_in") or []
    if not isinstance(operates_in, list) or any(
        not isinstance(code, str) or len(code) != 2 or not code.isupper() for code in operates_in
    ):
        raise ActorDictionaryError(
            f"{where} ({entry['name']}): operates_in must be a list of ISO 3166-1 alpha-2 codes."
        )
    parent = entry.get("parent") or ""
    if not isinstance(parent, str):
        raise ActorDictionaryError(f"{where} ({entry['name']}): parent must be the name of another actor.")
    return {
        "name": entry["name"].strip(),
        "kind": entry["kind"],
        "country": country,
        "aliases": aliases,
        "parent": parent.strip(),
        "operates_in": operates_in,
    }


@transaction.atomic
def load_actor_dictionary(*, paths: Iterable[Path] | None = None) -> ActorLoadStats:
    """Create or update the dictionary's actors and add their missing aliases; running it again changes nothing."""
    entries = read_dictionary_files(paths if paths is not None else DICTIONARY_DIR.glob("*.yaml"))
    stats = ActorLoadStats()
    owners = dict(ActorAlias.objects.values_list("normalized", "actor_id"))
    actors = {}
    for entry in entries:
        actor, created = Actor.objects.update_or_create(
            name=entry["name"],
            defaults={
                "kind": entry["kind"],
                "country": entry["country"],
                "operates_in": entry["operates_in"],
                "needs_review": False,
            },
        )
        actors[actor.name] = actor
        stats.actors_created += created
        stats.actors_updated += not created
        new_aliases = _new_aliases(actor, [entry["name"], *entry["aliases"]], owners, stats)
        ActorAlias.objects.bulk_create(new_aliases)
        stats.aliases_created += len(new_aliases)
    _set_parents(entries, actors)
    analyze_tables(Actor, ActorAlias)
    return stats


def _set_parents(entries: list[dict], actors: dict[str, Actor]) -> None:
    """Parents by name, once every actor exists (a parent may come later in the files)."""
    for entry in entries:
        parent = None
        if entry["parent"]:
            parent = actors.get(entry["parent"]) or Actor.objects.filter(name=entry["parent"]).first()
            if parent is None or parent.name == entry["name"]:
                raise ActorDictionaryError(
                    f"{entry['name']}: parent {entry['parent']!r} is not another actor of the dictionary."
                )
        actor = actors[entry["name"]]
        if actor.parent_id != (parent.id if parent else None):
            actor.parent = parent
            actor.save(update_fields=["parent", "updated_at"])


def _new_aliases(actor: Actor, names: list[str], owners: dict[str, int], stats: ActorLoadStats) -> list[ActorAlias]:
    aliases = []
    for name in names:
        normalized = normalize_name(name)
        if not normalized:
            continue
        owner = owners.get(normalized)
        if owner is None:
            owners[normalized] = actor.id
            aliases.append(ActorAlias.for_actor(actor, name))
        elif owner != actor.id:
            stats.alias_conflicts.append(f"{name!r} of {actor.name} already names actor #{owner}")
    return aliases


def find_actor(name: str) -> Actor | None:
    """The actor a name or alias stands for, tolerant to case, accents and punctuation."""
    return Actor.objects.filter(aliases__normalized=normalize_name(name)).first()


_parser_dictionary: ActorDictionary | None = None
_parser_signature: tuple | None = None


def dictionary_signature_sql() -> str:
    """Select expressions that change when the actor dictionary does: counts and newest ids of actors and
    aliases, and the newest updated_at (an edited actor, renamed or given a new parent, moves it).
    Read for every parsed article, in one round trip with the gazetteer's (events.dictionaries)."""
    actors, aliases = (connection.ops.quote_name(model._meta.db_table) for model in (Actor, ActorAlias))
    return (
        f"(SELECT COUNT(*) FROM {actors}), (SELECT MAX(id) FROM {actors}), (SELECT MAX(updated_at) FROM {actors}),"
        f" (SELECT COUNT(*) FROM {aliases}), (SELECT MAX(id) FROM {aliases})"
    )


DICTIONARY_SIGNATURE_WIDTH = 5  # the values dictionary_signature_sql() selects


def _dictionary_signature() -> tuple:
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {dictionary_signature_sql()}")
        return tuple(cursor.fetchone())


def parser_actor_dictionary(*, signature: tuple | None = None) -> ActorDictionary:
    """The actor dictionary as the parser reads it, built once per process and rebuilt when actors or aliases change.

    ``signature`` is the dictionary's signature when the caller has just read it (events.dictionaries)."""
    global _parser_dictionary, _parser_signature, _signature_read_committed
    signature = signature if signature is not None else _dictionary_signature()
    if _parser_dictionary is None or signature != _parser_signature:
        aliases: dict[int, list[str]] = {}
        for actor_id, alias in ActorAlias.objects.values_list("actor_id", "alias"):
            aliases.setdefault(actor_id, []).append(alias)
        entries = [
            ActorEntry(
                id=actor_id,
                name=name,
                kind=kind,
                country=country,
                aliases=tuple(aliases.get(actor_id, ())),
                parent=parent or "",
                operates_in=tuple(operates_in or ()),
            )
            for actor_id, name, kind, country, parent, operates_in in Actor.objects.values_list(
                "id", "name", "kind", "country", "parent__name", "operates_in"
            )
        ]
        _parser_dictionary, _parser_signature = ActorDictionary(entries), signature
        _committed_by_name.clear()
    _signature_read_committed = not connection.in_atomic_block
    return _parser_dictionary


# Actors that parsed references without a dictionary id resolved to ("Unidentified Armed Group (Mali)"), by the
# reference's name: one query each for every article that names one, otherwise. Emptied with the dictionary
# (an actor added, edited or deleted changes its signature), and holding only actors whose id the last signature
# counts, when that signature was read outside any transaction (as a worker reads it before its batch's): such
# actors were committed, so no rolled-back batch can leave one behind here.
_committed_by_name: dict[str, Actor] = {}
_signature_read_committed = False


def remembered_actor(name: str) -> Actor | None:
    return _committed_by_name.get(name)


def remember_actor(name: str, actor: Actor) -> None:
    if _signature_read_committed and _parser_signature and _parser_signature[1] and actor.id <= _parser_signature[1]:
        _committed_by_name[name] = actor


def forget_remembered_actors() -> None:
    """For tests: each test's database holds actors of its own."""
    _committed_by_name.clear()
