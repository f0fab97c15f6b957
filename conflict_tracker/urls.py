from django.contrib import admin
from django.urls import include, path

from conflict_tracker.views import healthz

# SimpleAdminConfig does not autodiscover (django-leaflet's admin would need GDAL),
# so the admin modules we use are imported here.
import django.contrib.auth.admin  # noqa: F401  isort:skip
import events.admin  # noqa: F401  isort:skip
import rest_framework.authtoken.admin  # noqa: F401  isort:skip
import sources.admin  # noqa: F401  isort:skip

urlpatterns = [
    path("healthz/", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("accounts/", include("django.contrib.auth.urls")),
    path("api/v1/", include("events.api.urls")),
    path("", include("conflict_tracker.web_urls")),
]
