"""The claims table a reviewer reads at a glance: one row per claimant across articles, each figure with the outlet
that carried it, vague amounts in the words the article used ("dozens", "heavy losses"), the quotes kept apart to
fold away. Pure functions of the claims (and their articles): no queries."""

import functools
import re
from collections import defaultdict

from sources.parsing.lang import LEXICONS

FIGURE_KINDS = ("killed", "wounded", "captured")
VAGUE = "vague"
NO_FIGURE = "no figure given"


@functools.cache
def _vague_pattern() -> re.Pattern:
    """Any language's vague amount ("dozens", "a number of", "des dizaines") or vague loss ("heavy losses",
    "heavy human and material losses", "pertes lourdes")."""
    quantities, adjectives, nouns, joiners = set(), set(), set(), {"and", "et", "of", "de", "in"}
    for lexicon in LEXICONS.values():
        quantities.update(getattr(lexicon, "VAGUE_QUANTITIES", ()))
        adjectives.update(getattr(lexicon, "VAGUE_LOSS_ADJECTIVES", ()))
        nouns.update(getattr(lexicon, "LOSS_NOUNS", ()))

    def either(words) -> str:
        return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))

    adjective, noun, joiner = either(adjectives), either(nouns), either(joiners)
    adjectives_run = rf"(?:{adjective})(?:\s+(?:(?:{joiner})\s+)?(?:{adjective}))*"
    loss = rf"{adjectives_run}\s+(?:{noun})|(?:{noun})\s+{adjectives_run}"
    return re.compile(rf"(?<!\w)(?:{loss}|{either(quantities)})(?!\w)", re.IGNORECASE)


def vague_words(quote: str) -> str:
    """The words of a vague amount in the claim's sentence, as written, or "" when none is found."""
    match = _vague_pattern().search(quote or "")
    return match.group(0) if match else ""


def figure_text(claim) -> str:
    """A claim's amount: its count ("12", "≥20", "~30"), or for a vague one the words the article used."""
    return claim.count_text


def party_name(actor, as_written: str, default: str = "") -> str:
    return actor.name if actor is not None else (as_written or default)


def outlet_name(article) -> str:
    if article is None:
        return "Unknown article"
    return str(article.publisher) if getattr(article, "publisher", None) else str(article)


def group_claims(claims, articles: dict) -> list[dict]:
    """One row per claimant (the actor, else the claimant as written), in order of first claim: its figures by
    kind (killed, wounded, captured, other), each with its subject and the outlet that carried it; the outlets;
    the claimant's other spellings; its quotes (outlet, quote), each sentence once."""
    rows: dict[object, dict] = {}
    for claim in claims:
        key = claim.claimant_id if claim.claimant_id is not None else (claim.claimant_text.casefold() or None)
        name = party_name(claim.claimant, claim.claimant_text, "Unattributed")
        row = rows.get(key)
        if row is None:
            row = rows[key] = {
                "claimant": name,
                "as_written": [],
                "figures": defaultdict(list),
                "other": [],
                "outlets": [],
                "quotes": [],
            }
        article = articles.get(claim.article_id)
        outlet = outlet_name(article)
        written = claim.claimant_text.strip()
        if written and written != name and written not in row["as_written"]:
            row["as_written"].append(written)
        if outlet not in row["outlets"]:
            row["outlets"].append(outlet)
        figure = {
            "text": figure_text(claim),
            "vague": claim.qualifier == VAGUE,
            "subject": party_name(claim.subject, claim.subject_text),
            "outlet": outlet,
            "article": article,
            "claim": claim,
        }
        if claim.kind in FIGURE_KINDS:
            row["figures"][claim.kind].append(figure)
        else:
            row["other"].append({**figure, "kind": claim.kind.replace("_", " ")})
        quote = (outlet, claim.quote)
        if claim.quote and quote not in row["quotes"]:
            row["quotes"].append(quote)
    for row in rows.values():
        row["figures"] = [(kind, _merged(row["figures"].get(kind, []))) for kind in FIGURE_KINDS]
        row["other"] = _merged(row["other"])
    return list(rows.values())


def _merged(figures: list[dict]) -> list[dict]:
    """The same figure about the same party once, with every outlet that carried it (``outlets``), in order of
    first appearance: five outlets repeating one claimant's "50 killed" make one line, not five."""
    merged: dict[tuple, dict] = {}
    for figure in figures:
        key = (figure.get("kind"), figure["text"], figure["subject"])
        if key not in merged:
            merged[key] = {**figure, "outlets": []}
        if figure["outlet"] not in merged[key]["outlets"]:
            merged[key]["outlets"].append(figure["outlet"])
    return list(merged.values())
