"""Tests: fast hashing, in-memory cache, plain static storage, database search by default."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-key"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "template_fragments": CACHES["template_fragments"],  # noqa: F405
}
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Background work runs at once, after commit, whatever TASKS_BACKEND the environment says.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = BASE_DIR / "build" / "test-media"  # noqa: F405

# Wagtail and the public search use the database backend in tests; the search contract suite
# (tests/search) runs against SEARCH_URL itself, in its own per-worker indices.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "modelsearch.backends.database"}}
SEARCH_BACKEND = "database"
