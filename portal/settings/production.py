"""Production: refuses to start without a secret key; HTTPS and HSTS on by default."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import PRODUCTION_HSTS_SECONDS, PRODUCTION_SSL_REDIRECT, SECRET_KEY

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
