"""Uploaded images served by Django itself, for small single-server installs (`SERVE_MEDIA`).

Wagtail's deployment guide asks the web server to serve the image files from MEDIA_ROOT
directly (see docs/deploy.md); a site run by gunicorn alone has no such server, and without
this its images are missing. Only images are served here: documents go through Wagtail's
`/documents/` view, which enforces collection privacy, so their files under
`MEDIA_ROOT/documents/` must never be reachable directly.
"""

import posixpath

from django.conf import settings
from django.http import Http404
from django.urls import re_path
from django.views.decorators.http import require_safe
from django.views.static import serve

# Wagtail's image folders: renditions (what pages show) and the originals they are made from.
IMAGE_FOLDERS = ("images", "original_images")


@require_safe
def serve_image(request, path):
    if not settings.SERVE_MEDIA:
        raise Http404("Media files are served by the web server")
    # serve() resolves `images/../documents/x.pdf` to documents/x.pdf: check the real folder.
    if posixpath.normpath(path).split("/")[0] not in IMAGE_FOLDERS:
        raise Http404("Only images are served here")
    # serve() refuses paths outside MEDIA_ROOT and answers If-Modified-Since with 304.
    response = serve(request, path, document_root=settings.MEDIA_ROOT)
    # A replaced image may get renditions under the same names: an hour, as for static files.
    response["Cache-Control"] = f"public, max-age={settings.WHITENOISE_MAX_AGE}"
    return response


def media_urlpatterns():
    if not settings.MEDIA_URL.startswith("/"):
        return []  # media on another host (a CDN or a bucket): nothing for Django to serve
    prefix = settings.MEDIA_URL.lstrip("/")
    folders = "|".join(IMAGE_FOLDERS)
    return [re_path(rf"^{prefix}(?P<path>(?:{folders})/.+)$", serve_image, name="media_image")]
