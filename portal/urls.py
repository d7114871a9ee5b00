from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.decorators.http import require_safe
from django.views.generic import TemplateView

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from opendata import views as opendata_views
from portal import errors, view_passwords
from portal.media import media_urlpatterns
from portal.sitemaps import AllLocalesSitemap, LocalizedViewSitemap
from search import views as search_views

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    # Open data: fixed addresses for machines; the content language is ?locale=.
    path("open-data/", include("opendata.urls")),
    # Wagtail's document-collection password form, with django-axes' limit on guesses: before
    # wagtaildocs_urls, which holds the same URL under the same name.
    path(
        "documents/authenticate_with_password/<int:restriction_id>/",
        view_passwords.authenticate_document_password,
        name="wagtaildocs_authenticate_with_password",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v1/search/", include("search.urls")),
    # Read-only files: GET and HEAD only, so TRACE, POST and the rest are answered 405.
    path(
        "sitemap.xml",
        require_safe(sitemap),
        {"sitemaps": {"pages": AllLocalesSitemap, "views": LocalizedViewSitemap}},
    ),
    path(
        "robots.txt",
        require_safe(TemplateView.as_view(template_name="robots.txt", content_type="text/plain")),
    ),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Uploaded images, when SERVE_MEDIA asks Django to serve them (see portal/media.py).
urlpatterns += media_urlpatterns()

# Every reader-facing URL carries its language: /en/..., /es/..., /vi/..., /am/..., /ti/...
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("open-data/", opendata_views.OpenDataView.as_view(), name="open_data"),
    # Wagtail's page-password form, with django-axes' limit on guesses: before wagtail_urls,
    # which holds the same URL under the same name.
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        view_passwords.authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)

# The APIs under /api/ and /open-data/ answer their errors in JSON; readers get the HTML pages.
handler404 = errors.page_not_found
handler500 = errors.server_error
