"""Local development: debug on, a throwaway key, e-mails on the console."""

from .base import *  # noqa: F403
from .base import SECRET_KEY

DEBUG = True
# A fixed key is fine for a laptop: nothing it signs leaves the machine.
SECRET_KEY = SECRET_KEY or "dev-only-insecure-key-never-use-in-production"
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}

try:
    from .local import *  # noqa: F403
except ImportError:
    pass
