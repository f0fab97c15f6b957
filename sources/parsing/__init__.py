"""Plain-Python article parsing: no Django imports, so it is testable on its own.

The service layer (sources.services) feeds it the article text, the publication
date, an ActorDictionary and a Gazetteer, and writes what it returns::

    from sources.parsing import parse_article, PARSER_VERSION
    result = parse_article(text, published=date(2024, 7, 28), actors=dictionary, gazetteer=gazetteer)
"""

from .parser import PARSER_VERSION, parse_article

__all__ = ["PARSER_VERSION", "parse_article"]
