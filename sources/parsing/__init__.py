"""Plain-Python article parsing: no Django imports, so it is testable on its own.

The service layer (sources.services) feeds it the article text, the publication
date, an ActorDictionary and a Gazetteer, and writes what it returns.
"""
