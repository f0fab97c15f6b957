import pytest
from django.core.management import CommandError, call_command

from events.actors import DICTIONARY_DIR, find_actor, read_dictionary_files
from events.models import Actor, ActorAlias
from sources.parsing.normalize import normalize_name

pytestmark = pytest.mark.django_db


def test_the_starter_dictionary_is_big_and_unambiguous():
    entries = read_dictionary_files(DICTIONARY_DIR.glob("*.yaml"))
    assert len(entries) >= 150
    owners: dict[str, set[str]] = {}
    for entry in entries:
        for alias in [entry["name"], *entry["aliases"]]:
            owners.setdefault(normalize_name(alias), set()).add(entry["name"])
    assert not {alias: names for alias, names in owners.items() if len(names) > 1}
    assert len({entry["name"] for entry in entries}) == len(entries)


def test_loading_the_dictionary_twice_changes_nothing():
    call_command("load_actors", verbosity=0)
    counts = (Actor.objects.count(), ActorAlias.objects.count())
    call_command("load_actors", verbosity=0)
    assert (Actor.objects.count(), ActorAlias.objects.count()) == counts
    assert counts[0] >= 150


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("FAMa", "Military Forces of Mali"),
        ("armée malienne", "Military Forces of Mali"),
        ("GSIM", "JNIM"),
        ("Wagner", "Wagner Group"),
        ("al-Shabaab", "al-Shabaab"),
        ("AL SHABAAB", "al-Shabaab"),
    ],
)
def test_aliases_resolve_to_their_canonical_actor(written, canonical):
    call_command("load_actors", verbosity=0)
    actor = find_actor(written)
    assert actor is not None, written
    assert actor.name == canonical


def test_a_state_has_its_forces_under_acled_naming():
    call_command("load_actors", verbosity=0)
    mali = Actor.objects.get(name="Military Forces of Mali")
    assert (mali.kind, mali.country, mali.needs_review) == ("state_forces", "ML", False)


def test_a_dictionary_file_with_a_bad_kind_is_refused(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("- name: Some Group\n  kind: pirates\n  aliases: [SG]\n", encoding="utf-8")
    with pytest.raises(CommandError, match="kind must be one of"):
        call_command("load_actors", str(bad), verbosity=0)
    assert not Actor.objects.filter(name="Some Group").exists()


def test_an_alias_already_naming_another_actor_is_skipped_not_stolen(tmp_path):
    first = tmp_path / "a.yaml"
    first.write_text("- name: Group One\n  kind: rebel_group\n  aliases: [G1, The Front]\n", encoding="utf-8")
    second = tmp_path / "b.yaml"
    second.write_text("- name: Group Two\n  kind: rebel_group\n  aliases: [G2, the front]\n", encoding="utf-8")
    call_command("load_actors", str(first), str(second), verbosity=0)
    assert find_actor("The Front").name == "Group One"
    assert find_actor("G2").name == "Group Two"


def test_a_branch_is_loaded_under_its_parent_even_when_the_parent_comes_later(tmp_path):
    branches = tmp_path / "a.yaml"
    branches.write_text(
        "- name: Atlantis Province\n  kind: rebel_group\n  parent: Global Front\n  operates_in: [AT, LM]\n  "
        "aliases: [AP]\n",
        encoding="utf-8",
    )
    parents = tmp_path / "b.yaml"
    parents.write_text("- name: Global Front\n  kind: rebel_group\n  aliases: [GF]\n", encoding="utf-8")
    call_command("load_actors", str(branches), str(parents), verbosity=0)
    branch = Actor.objects.get(name="Atlantis Province")
    assert (branch.parent.name, branch.operates_in) == ("Global Front", ["AT", "LM"])
    assert list(Actor.objects.get(name="Global Front").affiliates.all()) == [branch]


@pytest.mark.parametrize(
    ("extra", "message"),
    [("  parent: Nobody Known\n", "is not another actor"), ("  operates_in: [Atlantis]\n", "operates_in must be")],
)
def test_a_branch_with_an_unknown_parent_or_a_bad_country_is_refused(tmp_path, extra, message):
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"- name: Lost Branch\n  kind: rebel_group\n{extra}  aliases: [LB]\n", encoding="utf-8")
    with pytest.raises(CommandError, match=message):
        call_command("load_actors", str(bad), verbosity=0)
    assert not Actor.objects.filter(name="Lost Branch").exists()


def test_the_parsers_dictionary_follows_an_actor_edited_in_place():
    from events.actors import parser_actor_dictionary

    parent = Actor.objects.create(name="Global Front", kind="rebel_group")
    branch = Actor.objects.create(name="Atlantis Province", kind="rebel_group", country="AT")
    assert parser_actor_dictionary().by_name("Atlantis Province").parent == ""
    branch.parent = parent
    branch.save()
    assert parser_actor_dictionary().by_name("Atlantis Province").parent == "Global Front"
