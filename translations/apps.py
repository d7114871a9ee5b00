from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "translations"
    verbose_name = _("Translations: review flags, health report and fallbacks")

    def ready(self):
        from . import signals

        signals.connect()
