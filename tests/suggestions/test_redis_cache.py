"""Redis as the shared cache: CACHE_URL=redis://... selects Django's own RedisCache, and what
one process counts (the rate limit) or notes (any flag, such as the search circuit breaker's)
another process sees at once. Needs CACHE_URL naming a Redis server (.ci/run starts one with
scripts/redis/server.sh); test_concurrency.py also runs its multi-worker rate limit on it.
"""

import os
import secrets
import subprocess
import sys

from django.core.cache import caches
from django.test import RequestFactory

import pytest

from suggestions.ratelimit import allow_post
from tests.conftest import skip_or_fail_in_ci

from .portal_server import REPO

CACHE_URL = os.environ.get("CACHE_URL", "")
SECRET_KEY = secrets.token_urlsafe(20)

# Another worker: production settings, the same CACHE_URL and key, its own Redis connection.
OTHER_WORKER = """
from django.core.cache import cache
from django.test import RequestFactory
from suggestions.ratelimit import allow_post
from tests.conftest import skip_or_fail_in_ci

request = RequestFactory().post("/", REMOTE_ADDR="{address}")
print(*[allow_post(request) for _ in range(3)])
cache.set("{flag}", "noted by another worker", 60)
"""


@pytest.fixture
def redis_url():
    if not CACHE_URL.startswith("redis://"):
        skip_or_fail_in_ci(
            "CACHE_URL names no Redis server (scripts/redis/server.sh start prints one)"
        )
    return CACHE_URL


def other_worker(code, **env):
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=REPO,
        env=os.environ
        | {
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            "SECRET_KEY": SECRET_KEY,
            "SUGGESTIONS_RATE_LIMIT": "5",
        }
        | env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout.strip()


def test_cache_url_selects_djangos_redis_cache(redis_url):
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    assert other_worker(code) == "django.core.cache.backends.redis.RedisCache"


def test_workers_share_counts_and_flags(redis_url, settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    }
    settings.SECRET_KEY = SECRET_KEY
    settings.SUGGESTIONS_RATE_LIMIT = 5
    address = f"198.18.{secrets.randbelow(256)}.{secrets.randbelow(254) + 1}"
    flag = f"test:shared-flag:{secrets.token_hex(4)}"

    assert other_worker(OTHER_WORKER.format(address=address, flag=flag)) == "True True True"

    request = RequestFactory().post("/", REMOTE_ADDR=address)
    assert [allow_post(request) for _ in range(3)] == [True, True, False]
    assert caches["default"].get(flag) == "noted by another worker"
