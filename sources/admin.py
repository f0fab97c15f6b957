from django.contrib import admin

from sources.models import Article, Publisher


@admin.register(Publisher)
class PublisherAdmin(admin.ModelAdmin):
    list_display = ["name", "domain"]
    search_fields = ["name", "domain"]


@admin.register(Article)
class ArticleAdmin(admin.ModelAdmin):
    list_display = ["id", "title", "publisher", "published_at", "status", "uploaded_by", "uploaded_at", "parser_version"]
    list_filter = ["status", "language", "publisher"]
    search_fields = ["title", "url", "text", "=content_hash"]
    date_hierarchy = "uploaded_at"
    raw_id_fields = ["uploaded_by", "publisher"]
    readonly_fields = ["text", "content_hash", "uploaded_at", "parsed_at", "parser_version", "spans", "error", "parsing_started_at"]
