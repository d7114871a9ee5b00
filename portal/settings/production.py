"""Production: refuses to start without a secret key; HTTPS and HSTS on by default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    MEDIA_BUCKET,
    MEDIA_BUCKET_DOMAIN,
    MEDIA_BUCKET_ENDPOINT,
    MEDIA_BUCKET_REGION,
    PRODUCTION_HSTS_SECONDS,
    PRODUCTION_SSL_REDIRECT,
    SECRET_KEY,
    STORAGES,
)

if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production refuses to start without one: "
        "generate it with `python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

DEBUG = False
SECURE_SSL_REDIRECT = PRODUCTION_SSL_REDIRECT
SECURE_HSTS_SECONDS = PRODUCTION_HSTS_SECONDS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_REFERRER_POLICY = "same-origin"

if MEDIA_BUCKET:
    # Several servers share uploads through an S3-compatible bucket (docs/deploy.md, set-up 3).
    # The bucket's policy makes images/ and original_images/ public and keeps documents/
    # private, so URLs are plain (no expiring signature: cached pages embed them) and documents
    # are streamed by Wagtail's view, which checks collection privacy on every download.
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": MEDIA_BUCKET_ENDPOINT,
            "region_name": MEDIA_BUCKET_REGION,
            "custom_domain": MEDIA_BUCKET_DOMAIN,
            "querystring_auth": False,
            "default_acl": None,  # the bucket's policy decides, never a per-object ACL
            "file_overwrite": False,  # Wagtail's advice: renditions must not replace each other
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
