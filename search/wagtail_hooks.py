"""Search in the admin: editors' synonyms (Snippets > Search synonyms), and the report of
searches that found nothing (Reports), from which they add synonyms or promote a page."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.permissions import WithoutActionsPolicy

from .admin_views import UnansweredSearchViewSet, add_to_synonyms, promote
from .models import SynonymSet, UnansweredSearch


class SynonymSetViewSet(SnippetViewSet):
    model = SynonymSet
    icon = "search"
    menu_label = _("Search synonyms")
    add_to_admin_menu = False
    list_display = ["name", "terms"]
    search_fields = ["name", "terms"]


register_snippet(SynonymSetViewSet)

# Counted from readers' searches, never typed in: editors read them and delete ("dismiss")
# those that need nothing.
register_permission_policy(
    UnansweredSearch, WithoutActionsPolicy(UnansweredSearch, {"add", "change"})
)
unanswered_viewset = UnansweredSearchViewSet("search_unanswered")


@hooks.register("register_admin_viewset")
def register_unanswered():
    return unanswered_viewset


@hooks.register("register_admin_urls")
def register_unanswered_actions():
    return [
        path(
            "searches-that-found-nothing/<int:pk>/synonyms/",
            add_to_synonyms,
            name="search_unanswered_synonyms",
        ),
        path(
            "searches-that-found-nothing/<int:pk>/promote/",
            promote,
            name="search_unanswered_promote",
        ),
    ]


class UnansweredMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("search.view_unansweredsearch")


@hooks.register("register_reports_menu_item")
def register_unanswered_menu_item():
    return UnansweredMenuItem(
        _("Searches that found nothing"),
        reverse("search_unanswered:index"),
        icon_name="search",
        order=850,
    )
