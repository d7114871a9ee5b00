from django.apps import AppConfig


class HttpCacheConfig(AppConfig):
    name = "portal.httpcache"
    label = "httpcache"
    verbose_name = "HTTP cache"

    def ready(self):
        from . import signals

        signals.connect()
