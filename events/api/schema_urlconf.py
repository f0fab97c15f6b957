"""The URL tree the OpenAPI schema is generated from: this API alone, under its real prefix."""

from django.urls import include, path

urlpatterns = [path("api/v1/", include("events.api.urls"))]
