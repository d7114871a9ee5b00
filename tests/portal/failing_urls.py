"""The portal's URLs plus views that fail, for the error-handling tests (pytest.mark.urls)."""

from django.urls import path

from portal.urls import handler404, handler500  # noqa: F401 (Django reads them from here)
from portal.urls import urlpatterns as portal_urlpatterns


def fail(request):
    raise RuntimeError("a bug in a view")


urlpatterns = [
    path("api/v1/search/fail/", fail),
    path("open-data/fail/", fail),
    path("en/fail/", fail),
    *portal_urlpatterns,
]
