from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared building blocks")

    def ready(self):
        from home import fragments, request_memo, site_structure

        request_memo.install()
        site_structure.install()
        fragments.install()
