from django.contrib import admin

from sources.models import Article, Publisher


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "title",
        "publisher",
        "published_at",
        "status",
        "uploaded_by",
        "uploaded_at",
        "parser_version",
    ]
    list_filter = ["status", "language", "publisher"]
    search_fields = ["title", "url", "text", "=content_hash"]
    date_hierarchy = "uploaded_at"
    raw_id_fields = ["uploaded_by", "publisher"]
    # The language is the parser's or a reviewer's (the article page's form re-parses and records who set it).
    readonly_fields = [
        "text",
        "content_hash",
        "uploaded_at",
        "parsed_at",
        "parser_version",
        "spans",
        "error",
        "parsing_started_at",
        "language",
        "language_source",
        "language_set_by",
        "language_set_at",
    ]
