import functools

from django.apps import AppConfig
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext_lazy as _


class DirectoryConfig(AppConfig):
    name = "directory"
    verbose_name = _("Directory")

    def ready(self):
        from home.site_structure import register

        from .facets import TAXONOMY_FACETS, forget_labels
        from .templatetags.directory_tags import hotlines_key, read_hotlines

        # Every directory page shows the hotlines: kept with the site's structure.
        for code, _name in settings.LANGUAGES:
            register(hotlines_key(code), functools.partial(read_hotlines, code))

        # Facet labels are cached per language: a renamed need shows its new name at once.
        def taxonomy_changed(sender, **kwargs):
            forget_labels(sender)

        for facet in TAXONOMY_FACETS:
            for signal in (post_save, post_delete):
                signal.connect(
                    taxonomy_changed,
                    sender=facet.taxonomy,
                    weak=False,
                    dispatch_uid=f"facet-labels-{facet.name}-{signal is post_save}",
                )
