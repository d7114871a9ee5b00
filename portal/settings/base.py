"""Settings shared by every environment.

Every environment variable the portal reads is read here, once, through one typed schema
(`environs`), so the whole configuration surface is visible in one place and mirrored in
`.env.example`. Environment-specific modules (`dev`, `test`, `production`) only change what
differs.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

from csp.constants import NONCE, NONE, SELF
from environs import Env, ValidationError
from marshmallow.validate import OneOf, Range  # environs' validators: they raise when refused

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent


def absolute_url(url):
    # An environs validator: marshmallow 4 ignores one that returns False, so it raises.
    if urlsplit(url).scheme not in {"https", "http"} or not urlsplit(url).netloc:
        raise ValidationError("Not an absolute http(s) URL.")


env = Env()
# A local `.env` is a convenience for developers; real deployments set real variables.
env.read_env(BASE_DIR / ".env", recurse=False)

# --- The configuration schema -------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
# No default: production must be given a key (see production.py); dev and test set their own.
SECRET_KEY = env.str("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
DATABASES = {
    "default": env.dj_db_url("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Shared by every worker (rate limits, the search circuit breaker): Redis with
# `redis://host:6379/0`, else Django's database cache, a table the `portal` app's migration makes.
CACHES = {"default": env.dj_cache_url("CACHE_URL", default="db://portal_cache")}
# Seconds a rendered part of a public page is kept (home/fragments.py), and how many parts each
# process keeps. 0 seconds: every page is rendered whole on every request.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=600, validate=Range(min=0))
FRAGMENT_CACHE_ENTRIES = env.int("FRAGMENT_CACHE_ENTRIES", default=5000, validate=Range(min=1))
# Reverse proxies in front of the site that append the client's address to X-Forwarded-For.
# 0: the client is REMOTE_ADDR. Never more than there really are: the header is forgeable.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0, validate=Range(min=0))
# Posts of the public forms (suggest, report) accepted per client per hour, invalid ones included.
SUGGESTIONS_RATE_LIMIT = env.int("SUGGESTIONS_RATE_LIMIT", default=5, validate=Range(min=1))
# Unset: Wagtail's database search backend. Set: an Elasticsearch or OpenSearch cluster, by the
# URL of one node or of several, comma-separated (a request fails over to the next node).
SEARCH_URL = env.str("SEARCH_URL", default="")
# Copies of the portal's index beyond the primary, as OpenSearch's auto_expand_replicas: "0-1"
# keeps one replica whenever a second node is there to hold it, none on a single node (which
# stays green); "0-all" puts a copy on every node.
SEARCH_REPLICAS = env.str("SEARCH_REPLICAS", default="0-1")
# Which client speaks to SEARCH_URL: "opensearch" (opensearch-py) or "elasticsearch".
SEARCH_ENGINE = env.str(
    "SEARCH_ENGINE", default="opensearch", validate=OneOf(["opensearch", "elasticsearch"])
)
# Index names are prefixed so that several environments can share one cluster.
SEARCH_INDEX_PREFIX = env.str("SEARCH_INDEX_PREFIX", default="portal")
# Seconds before a search request to the cluster gives up and the database answers instead.
SEARCH_TIMEOUT = env.float("SEARCH_TIMEOUT", default=2.0)
# Distinct searches that found nothing kept for editors (search/unanswered.py); past it,
# only those already kept are counted, so a bot typing random words cannot fill the table.
SEARCH_UNANSWERED_MAX_ROWS = env.int(
    "SEARCH_UNANSWERED_MAX_ROWS", default=5000, validate=Range(min=0)
)
# Index management (search_rebuild: create, bulk, refresh, alias swap) may take far longer
# than a reader's query, above all on a cold cluster: it gets its own timeout.
SEARCH_ADMIN_TIMEOUT = env.float("SEARCH_ADMIN_TIMEOUT", default=60.0)
# Seconds the database answers alone after the cluster failed, before one worker probes it again.
SEARCH_COOL_DOWN = env.float("SEARCH_COOL_DOWN", default=5.0)
BASE_URL = env.str("BASE_URL", default="http://127.0.0.1:8000")
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "static")
# Django itself serves uploaded images (portal/media.py): for an install without a web server
# in front that serves MEDIA_ROOT (see docs/deploy.md). Off: the web server or a bucket does.
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=False)
# Listings not verified for this many days are reported to editors as needing review.
LISTING_STALE_AFTER_DAYS = env.int("LISTING_STALE_AFTER_DAYS", default=180)
# Production only (see production.py): off when a proxy in front already redirects to HTTPS.
PRODUCTION_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
PRODUCTION_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
# Brute force (django-axes): wrong passwords, on the admin login or a page password, before an
# account (or page password) and the client's address are locked; and for how long.
# 0 minutes: locked until an administrator unlocks it (Settings → Login lockouts).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5, validate=Range(min=1))
AXES_COOLOFF_MINUTES = env.int("AXES_COOLOFF_MINUTES", default=15, validate=Range(min=0))
# Level of the portal's own log records (Django's are INFO); everything goes to stderr.
LOG_LEVEL = env.log_level("LOG_LEVEL", default="INFO")
# Where background work (search index updates, cache purges, Wagtail's reference index) runs.
# "immediate": in the request, after commit, so `make run` needs no worker. "database": queued
# in the database (django-tasks-db), run by `manage.py db_worker`; publishing stays fast when
# the cluster or the cache is slow. Production sets it (deploy/env.example).
TASKS_BACKEND = env.str(
    "TASKS_BACKEND", default="immediate", validate=OneOf(["immediate", "database"])
)
# Media (images, documents) in an S3-compatible bucket when set (production.py); else MEDIA_ROOT.
# Credentials are not settings: boto3 reads AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY (or an
# instance role) from the environment itself.
MEDIA_BUCKET = env.str("AWS_STORAGE_BUCKET_NAME", default="")
MEDIA_BUCKET_ENDPOINT = env.str("AWS_S3_ENDPOINT_URL", default="") or None
MEDIA_BUCKET_REGION = env.str("AWS_S3_REGION_NAME", default="") or None
MEDIA_BUCKET_DOMAIN = env.str("AWS_S3_CUSTOM_DOMAIN", default="") or None
# HTTP cache (portal/httpcache, docs/caching.md). Public pages are sent with
# `Cache-Control: public, max-age=MAX_AGE, s-maxage=S_MAXAGE`: browsers revalidate after
# MAX_AGE (0: every time, a cheap 304 from the cache), the shared cache keeps a copy S_MAXAGE
# seconds unless a publish purges it first, and serves it up to STALE_WHILE_REVALIDATE seconds
# longer while it fetches a fresh one.
CACHE_CONTROL_MAX_AGE = env.int("CACHE_CONTROL_MAX_AGE", default=0, validate=Range(min=0))
CACHE_CONTROL_S_MAXAGE = env.int("CACHE_CONTROL_S_MAXAGE", default=3600, validate=Range(min=0))
CACHE_CONTROL_STALE_WHILE_REVALIDATE = env.int(
    "CACHE_CONTROL_STALE_WHILE_REVALIDATE", default=30, validate=Range(min=0)
)
# The cache that publishing purges (Varnish's address, which must accept PURGE from this
# machine, e.g. http://127.0.0.1:6081). Unset: nothing is purged.
FRONTEND_CACHE_URL = env.str("FRONTEND_CACHE_URL", default="")
# Seconds one purge request may take before it is logged as failed.
FRONTEND_CACHE_TIMEOUT = env.float("FRONTEND_CACHE_TIMEOUT", default=2.0)
# The results map (directory/map.py): the tile server its background comes from, the one host
# outside this site that pages may load images from (CSP), and the credit its licence asks for
# (HTML, shown on the map). OpenStreetMap's own tiles suit a small site; a busy one should use
# a tile provider or its own server (https://operations.osmfoundation.org/policies/tiles/).
MAP_TILES_URL = env.str(
    "MAP_TILES_URL",
    default="https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    validate=absolute_url,
)
MAP_ATTRIBUTION = env.str(
    "MAP_ATTRIBUTION",
    default='© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
)
env.seal()

if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Several workers (and the admin's autosave beside a publish) write at once. WAL lets readers
    # and one writer work together; IMMEDIATE takes the write lock when a transaction begins, so
    # a transaction never fails half-way on "database is locked" but waits up to `timeout` seconds.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE",
        timeout=20,
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    )
if CACHES["default"]["BACKEND"] == "django.core.cache.backends.db.DatabaseCache":
    # Django's default of 300 entries would evict rate-limit counters under light traffic.
    CACHES["default"].setdefault("OPTIONS", {}).setdefault("MAX_ENTRIES", 50_000)
# Rendered parts of public pages (home/fragments.py): in each process's memory, since their keys
# change whenever an editor changes anything and nothing is ever deleted from them.
CACHES["template_fragments"] = {
    "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    "LOCATION": "portal-template-fragments",
    "TIMEOUT": FRAGMENT_CACHE_SECONDS,
    "OPTIONS": {"MAX_ENTRIES": FRAGMENT_CACHE_ENTRIES},
}

# --- Applications -------------------------------------------------------------------------
INSTALLED_APPS = [
    "portal.apps.PortalConfig",
    "home",
    "articles",
    "directory",
    "search",
    "opendata",
    "suggestions",
    "translations",
    "demo",  # load_demo: the demo site, for empty databases only
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.sitemaps",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "phonenumber_field",  # listings' phones, validated and stored in E.164
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "corsheaders",  # CORS on the public data only (CORS_URLS_REGEX below)
    "csp",
    "leaflet",  # django-leaflet: Leaflet's files, for the results map (directory/map.py)
    # Purges the HTTP cache on publish (signals.py); Wagtail's frontend_cache app is not
    # installed, only its purge code is used: its handlers purge the page alone, mid-transaction.
    "portal.httpcache",
    "django_tasks",
    "django_tasks_db",  # the durable task queue (TASKS_BACKEND=database)
]

MIDDLEWARE = [
    # First, so every log record and every response (redirects too) carries the request id.
    "portal.middleware.RequestIDMiddleware",
    # Next, so it sees the response last: decides Cache-Control, ETag/304 and Vary for a shared
    # cache once every other middleware has added its headers (portal/httpcache/policy.py).
    "portal.httpcache.policy.CacheControlMiddleware",
    # Before anything that can answer (CommonMiddleware's redirects, the locale's): a CORS
    # preflight is answered here, and every answer on the public data paths carries CORS.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Django's, but a 404 under /api/ or /open-data/ is not redirected to an HTML page.
    "portal.middleware.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # An untranslated page is served in the default language, with a notice (see module).
    "translations.middleware.TranslationFallbackMiddleware",
    # Last, as django-axes requires: turns a locked-out login into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Background tasks: Django's tasks API (the django-tasks backport) -------------------------
TASKS = {
    "default": {
        "BACKEND": {
            "immediate": "django_tasks.backends.immediate.ImmediateBackend",
            "database": "django_tasks_db.DatabaseBackend",
        }[TASKS_BACKEND],
    }
}

# --- Brute force: django-axes ---------------------------------------------------------------
# Axes' backend comes first: it refuses a locked-out login before any password is checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Counted separately, each against the limit: an account (or a page password, see
# portal/view_passwords.py) under attack is locked whatever the address, and an address trying
# many usernames is locked whatever the username.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_COOLOFF_TIME = timedelta(minutes=AXES_COOLOFF_MINUTES) if AXES_COOLOFF_MINUTES else None
# The lockout page: the admin's style on the admin login, the site's on a page password.
AXES_LOCKOUT_CALLABLE = "portal.lockout.lockout_response"
# Axes' own username, cut to the length its table holds (see portal/lockout.py).
AXES_USERNAME_CALLABLE = "portal.lockout.username"
# Failed attempts are kept (and shown in Settings → Login lockouts); successful logins are not:
# a log of every editor's sign-in address is personal data the portal does not need.
AXES_DISABLE_ACCESS_LOG = True
# Whose address a failure is counted against: the same client address the rate limit uses
# (portal/client.py: REMOTE_ADDR, or X-Forwarded-For as far as TRUSTED_PROXY_COUNT allows), so
# behind a proxy one attacker cannot lock out everyone who shares the proxy's address.
AXES_CLIENT_IP_CALLABLE = "portal.client.client_ip"

# --- CORS: django-cors-headers, for the public data only ----------------------------------
# Any site may read the open data and the search API from a browser: both are credential-free,
# so `Access-Control-Allow-Origin: *` and never credentials. Only these paths: the admin, the
# pages and the forms get no CORS headers at all. Only reads (opendata/http.py answers the rest
# 405). The validators and the served language are exposed, so a script can revalidate and
# know which language it got.
CORS_URLS_REGEX = r"^/(open-data/.+|api/v1/search/.*)$"
CORS_ALLOW_ALL_ORIGINS = True
CORS_ALLOW_CREDENTIALS = False
CORS_ALLOW_METHODS = ["GET", "HEAD", "OPTIONS"]
CORS_EXPOSE_HEADERS = ["ETag", "Last-Modified", "Content-Language"]
CORS_PREFLIGHT_MAX_AGE = 86400

# --- Logging ------------------------------------------------------------------------------
# Everything to stderr (the process manager or container keeps it), each record stamped with
# the request id and path of the request it belongs to (portal/log.py). django.request logs
# every unhandled exception with its traceback at ERROR.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_context": {"()": "portal.log.RequestContextFilter"}},
    "formatters": {
        "plain": {
            "format": "%(asctime)s %(levelname)s %(name)s "
            "[request_id=%(request_id)s path=%(request_path)s] %(message)s"
        }
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "filters": ["request_context"],
            "formatter": "plain",
        }
    },
    "root": {"handlers": ["stderr"], "level": LOG_LEVEL},
    # Django's own loggers reach the root's handler (no e-mail to ADMINS, no DEBUG-only console).
    "loggers": {
        "django": {"handlers": [], "level": "INFO", "propagate": True},
        # Axes' failures and lockouts are warnings; its INFO lines repeat them step by step.
        "axes": {"handlers": [], "level": "WARNING", "propagate": True},
        # One INFO line per background task state; failures are still logged.
        "django_tasks": {"handlers": [], "level": "WARNING", "propagate": True},
        # Page created/edited/published lines: Wagtail's audit log (the admin's History)
        # keeps them already; on stderr they drowned `make run` in 300 demo-loading lines.
        "wagtail": {"handlers": [], "level": "WARNING", "propagate": True},
    },
}

# --- The results map: django-leaflet --------------------------------------------------------
# Leaflet's own files are served from this site; only the tiles come from the tile server.
LEAFLET_CONFIG = {"TILES": [(_("Map"), MAP_TILES_URL, {"attribution": MAP_ATTRIBUTION})]}
# The tile server as a CSP source: `{s}` (its subdomains a, b, c...) becomes a wildcard.
MAP_TILES_HOST = "{0.scheme}://{0.netloc}".format(urlsplit(MAP_TILES_URL.replace("{s}", "*")))

# --- Content-Security-Policy: django-csp --------------------------------------------------
# Public pages run no inline script and load everything from this site, except the results
# map's tiles, from the tile server alone (MAP_TILES_HOST). JSON-LD blocks
# (<script type="application/ld+json">) are data, which CSP does not block; the search page's
# autocomplete is a file. The only inline style, on the bare 500 page, carries the nonce.
CONTENT_SECURITY_POLICY = {
    # Wagtail's admin needs inline scripts and styles; it keeps X-Frame-Options: DENY.
    "EXCLUDE_URL_PREFIXES": ["/admin/"],
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, MAP_TILES_HOST],  # the map's tiles
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# --- Languages ----------------------------------------------------------------------------
# The five languages the King County forms are offered in. Names are in English here (the
# admin); the language switcher names each language in its own script.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", _("English")),
    ("es", _("Spanish")),
    ("vi", _("Vietnamese")),
    ("am", _("Amharic")),
    ("ti", _("Tigrinya")),
]
WAGTAIL_I18N_ENABLED = True
# "Translate this page" leaves the new translation a draft (wagtail-localize would publish it
# when the source is live): an untranslated copy must never go out under /es/ as if it were
# Spanish. Until a translator publishes it, the fallback serves the English page with a notice.
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False
# Dates in the reader's locale: Django has Spanish and Vietnamese formats, ours add the
# languages it lacks (portal/formats/am, ti).
FORMAT_MODULE_PATH = ["portal.formats"]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The first region is Seattle / King County: "open now" and dates are computed in its time.
TIME_ZONE = "America/Los_Angeles"

# --- Static and media files ---------------------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
STATIC_URL = "/static/"
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Hashed names so browsers may cache static files for a year.
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
# Whitenoise serves files under their hashed names as immutable for ten years (it reads the
# manifest); a file fetched by its plain name may change, so browsers keep that for an hour.
WHITENOISE_MAX_AGE = 60 * 60

# Complex pages can exceed Django's default of 1,000 fields in Wagtail's editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Django 6's default, now: a web address typed without a scheme is read as https://.
FORMS_URLFIELD_ASSUME_HTTPS = True

# --- Wagtail ------------------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Mutual Aid King County"
WAGTAILADMIN_BASE_URL = BASE_URL
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "txt", "xlsx"]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the portal must work offline; no calls home
# Wagtail's own search (the admin) uses the cluster when SEARCH_URL is set, through
# modelsearch's backend for that engine. The database backend is kept beside it, current too,
# because the public search falls back to it when the cluster is down (search/service.py).
# ATOMIC_REBUILD off: `update_index` commits each batch instead of holding the write lock for
# the whole rebuild (on SQLite every other writer waited, and some failed on "database is
# locked"). It updates entries in place and drops only stale ones, so readers never miss a page.
DATABASE_SEARCH = {"BACKEND": "modelsearch.backends.database", "ATOMIC_REBUILD": False}
WAGTAILSEARCH_BACKENDS = {"default": DATABASE_SEARCH}
if SEARCH_URL:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            # modelsearch's "opensearch3" is the one written for opensearch-py 3 (our client);
            # it speaks the same REST API, so it serves OpenSearch 2.x servers too ("opensearch2"
            # passes positional arguments that opensearch-py 3 refuses).
            "BACKEND": (
                "modelsearch.backends.opensearch3"
                if SEARCH_ENGINE == "opensearch"
                else "modelsearch.backends.elasticsearch8"
            ),
            "URLS": [url.strip() for url in SEARCH_URL.split(",") if url.strip()],
            "INDEX_PREFIX": f"{SEARCH_INDEX_PREFIX}-wagtail-",
            # Indexing in the admin waits at most this long (a minimum: bulk writes are slower).
            "TIMEOUT": max(SEARCH_TIMEOUT, 5),
        },
        "database": DATABASE_SEARCH,
    }
# Which backend answers the public search (search/service.py): "cluster" (our own index,
# see search/cluster/) or "database" (Wagtail's database backend).
SEARCH_BACKEND = "cluster" if SEARCH_URL else "database"

# --- HTTP cache purge: Wagtail's frontend-cache invalidation ----------------------------------
# portal/httpcache/signals.py names every stale URL in every language itself, so Wagtail must
# not multiply each one by the languages again.
WAGTAILFRONTENDCACHE = (
    {
        "varnish": {
            "BACKEND": "portal.httpcache.backends.TimedHTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
    if FRONTEND_CACHE_URL
    else {}
)
WAGTAILFRONTENDCACHE_LANGUAGES = []
