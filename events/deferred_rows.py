"""Rows written at the end of an article's or a batch's write rather than one statement per parsed event."""

from dataclasses import dataclass, field

from conflict_tracker.db import insert_rows, update_rows
from events.models import Claim, EventReport
from sources.models import Article


@dataclass
class DeferredRows:
    """The rows attaching writes and never reads back while matching (each report's EventReport and claims, the
    article's own update), held until ``flush()`` writes each kind in one statement: at the end of an article's
    write, or of a worker's whole batch (events.ingestion), instead of three statements per parsed event.

    What reads such rows flushes them first: a full re-derivation (a report's summary or a claim's figure from
    the database), detaching an article parsed before. The candidate search skips the events an article's held
    reports name (``reported_by``), as it skips those its stored reports name."""

    reports: list[EventReport] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    articles: dict[tuple[str, ...], list[Article]] = field(default_factory=dict)

    def add_report(self, report: EventReport, claims: list[Claim]) -> None:
        self.reports.append(report)
        self.claims += claims

    def add_article(self, article: Article, fields: list[str]) -> None:
        self.articles.setdefault(tuple(fields), []).append(article)

    def reported_by(self, article: Article) -> set[int]:
        return {report.event_id for report in self.reports if report.article_id == article.id}

    def flush(self) -> None:
        insert_rows(EventReport, self.reports)
        insert_rows(Claim, self.claims)
        for fields, articles in self.articles.items():
            update_rows(Article, articles, list(fields))
        self.reports, self.claims, self.articles = [], [], {}
