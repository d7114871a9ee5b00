"""Editors extend the search's synonyms in the admin (Snippets > Search synonyms)."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import SynonymSet


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    list_display = ["name", "terms"]
    search_fields = ["name", "terms"]


register_snippet(SynonymSetViewSet)
