from django.contrib import admin

import sources.admin
from events.models import Actor, ActorAlias, Claim, Event, EventActor, EventReport, Place, PlaceName, ReviewLog
from events.services import article_delete
from sources.models import Article


class PlaceNameInline(admin.TabularInline):
    model = PlaceName
    fields = ["name", "normalized", "sound_key"]
    readonly_fields = ["normalized", "sound_key"]
    extra = 0


@admin.register(Place)
class PlaceAdmin(admin.ModelAdmin):
    list_display = [
        "name",
        "admin1_name",
        "country",
        "feature_code",
        "population",
        "latitude",
        "longitude",
        "geonames_id",
    ]
    list_filter = ["feature_code", "country"]
    search_fields = ["name", "ascii_name", "names__normalized", "=geonames_id"]
    inlines = [PlaceNameInline]
    show_full_result_count = False
    raw_id_fields = ["added_by"]


@admin.register(PlaceName)
class PlaceNameAdmin(admin.ModelAdmin):
    list_display = ["name", "normalized", "sound_key", "place"]
    search_fields = ["normalized", "sound_key"]
    raw_id_fields = ["place"]
    show_full_result_count = False


class ActorAliasInline(admin.TabularInline):
    model = ActorAlias
    fields = ["alias", "normalized"]
    readonly_fields = ["normalized"]
    extra = 1


@admin.register(Actor)
class ActorAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "country", "parent", "needs_review", "created_at"]
    autocomplete_fields = ["parent"]
    list_filter = ["kind", "needs_review", "country"]
    search_fields = ["name", "aliases__normalized"]
    inlines = [ActorAliasInline]

    def save_formset(self, request, form, formset, change):
        # The normalised alias is derived, never typed by hand.
        aliases = formset.save(commit=False)
        for alias in aliases:
            alias.normalized = ActorAlias.for_actor(alias.actor, alias.alias).normalized
            alias.save()
        for deleted in formset.deleted_objects:
            deleted.delete()


@admin.register(ActorAlias)
class ActorAliasAdmin(admin.ModelAdmin):
    list_display = ["alias", "normalized", "actor"]
    search_fields = ["alias", "normalized", "actor__name"]
    raw_id_fields = ["actor"]


class EventActorInline(admin.TabularInline):
    model = EventActor
    raw_id_fields = ["actor"]
    extra = 0


class ClaimInline(admin.TabularInline):
    model = Claim
    fields = [
        "article",
        "claimant",
        "claimant_text",
        "kind",
        "subject",
        "subject_text",
        "count_min",
        "count_max",
        "qualifier",
    ]
    raw_id_fields = ["article", "claimant", "subject"]
    extra = 0


class EventReportInline(admin.TabularInline):
    """Which reports an event has is the parser's and the reviewers' merge and split (events.services): shown here,
    never edited, since the event's fields and its summary (Event.derivation) are derived from them. Reports have no
    admin of their own for the same reason (and so deleting an article, which removes its reports, stays allowed)."""

    model = EventReport
    fields = readonly_fields = ["article", "match_reason", "created_at"]
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Event)
class EventAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "status",
        "event_type",
        "sub_event_type",
        "start_date",
        "end_date",
        "country",
        "admin1",
        "place",
        "fatalities_best",
        "flagged_for_review",
    ]
    list_filter = [
        "status",
        "event_type",
        "sub_event_type",
        "date_precision",
        "geo_precision",
        "flagged_for_review",
        "country",
    ]
    search_fields = ["notes", "location_name", "admin1", "place__name", "event_actors__actor__name"]
    date_hierarchy = "start_date"
    raw_id_fields = ["place", "merged_into", "reviewed_by"]
    inlines = [EventActorInline, ClaimInline, EventReportInline]


@admin.register(Claim)
class ClaimAdmin(admin.ModelAdmin):
    list_display = [
        "id",
        "event",
        "article",
        "claimant",
        "claimant_text",
        "kind",
        "subject",
        "count_min",
        "count_max",
        "qualifier",
    ]
    list_filter = ["kind", "qualifier"]
    search_fields = ["quote", "claimant_text", "subject_text", "claimant__name", "subject__name"]
    raw_id_fields = ["event", "article", "claimant", "subject", "created_by"]


@admin.register(ReviewLog)
class ReviewLogAdmin(admin.ModelAdmin):
    list_display = ["created_at", "user", "action", "event", "claim_id_ref", "field"]
    list_filter = ["action", "field"]
    search_fields = ["user__username", "=event__id", "=claim_id_ref"]
    raw_id_fields = ["event", "user"]

    def has_change_permission(self, request, obj=None):
        return False  # the log is a record, never rewritten

    def has_delete_permission(self, request, obj=None):
        return False


admin.site.unregister(Article)


@admin.register(Article)
class ArticleAdmin(sources.admin.ArticleAdmin):
    """sources' article admin, deleting through events.services.article_delete: an article's deletion rewrites the
    events it reported, which sources cannot import."""

    def delete_model(self, request, obj):
        article_delete(article=obj)

    def delete_queryset(self, request, queryset):
        for article in queryset:
            article_delete(article=article)
