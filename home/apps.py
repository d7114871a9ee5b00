from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Home and shared building blocks")

    def ready(self):
        from home import fragments, request_memo, site_structure
        from home.models import SITE_TEXTS, SiteText

        request_memo.install()
        site_structure.install()
        fragments.install()
        # The site's name and footer in every language: read with the structure, every page.
        site_structure.register(SITE_TEXTS, SiteText.by_language)
