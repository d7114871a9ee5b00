"""Admin for the directory's taxonomies, grouped under one menu item."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Area, Language, Need, Organization


class NeedViewSet(SnippetViewSet):
    model = Need
    icon = "tag"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]


class AreaViewSet(SnippetViewSet):
    model = Area
    icon = "site"
    list_display = ["name", "slug", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]


class LanguageViewSet(SnippetViewSet):
    model = Language
    icon = "globe"
    list_display = ["name", "native_name", "code", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "native_name", "code"]


class OrganizationViewSet(SnippetViewSet):
    model = Organization
    icon = "group"
    list_display = ["name", "website", "locale"]
    list_filter = ["locale"]
    search_fields = ["name", "description"]


class DirectoryTaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Directory data")
    menu_icon = "folder-open-inverse"
    menu_order = 300
    items = (NeedViewSet, AreaViewSet, LanguageViewSet, OrganizationViewSet)


register_snippet(DirectoryTaxonomyGroup)
