"""Admin: the translation health report (under Reports), the review flags, and raising or
clearing a page translation's flag from its edit screen (page_review.py)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets import Button
from wagtail.models import Locale
from wagtail.permissions import register_permission_policy

from portal.permissions import WithoutActionsPolicy

from . import page_review
from .models import ReviewFlag
from .views import TranslationHealthReportView


class ReviewFlagViewSet(ModelViewSet):
    model = ReviewFlag
    icon = "flag"
    menu_label = _("Translation reviews")
    add_to_settings_menu = False
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["__str__", "locale", "reason", "created_at"]
    list_filter = ["locale", "reason"]
    form_fields = ["reason", "note"]
    inspect_view_enabled = True
    copy_view_enabled = False


# Flags are raised by the demo loader and importers, or from a page translation's edit screen
# (page_review.py), never typed in here: editors read them, add a note, and delete them once
# a fluent reader has checked the translation.
register_permission_policy(ReviewFlag, WithoutActionsPolicy(ReviewFlag, {"add"}))
review_flag_viewset = ReviewFlagViewSet("translations_review_flag")


@hooks.register("register_admin_viewset")
def register_review_flags():
    return review_flag_viewset


@hooks.register("register_admin_urls")
def register_health_url():
    return [
        path(
            "reports/translation-health/",
            TranslationHealthReportView.as_view(),
            name="translation_health",
        ),
        path(
            "reports/translation-health/results/",
            TranslationHealthReportView.as_view(results_only=True),
            name="translation_health_results",
        ),
        path(
            "translations/pages/<int:page_id>/flag/",
            page_review.FlagTranslationView.as_view(),
            name="translations_flag_page",
        ),
        path(
            "translations/pages/<int:page_id>/reviewed/",
            page_review.MarkReviewedView.as_view(),
            name="translations_page_reviewed",
        ),
    ]


@hooks.register("register_page_header_buttons")
def review_flag_buttons(page, user, view_name, next_url=None):
    """On a translation's edit screen (never the default language's: it is the source)."""
    if view_name != "edit" or page.locale_id == Locale.get_default().pk:
        return
    permissions = page.permissions_for_user(user)
    if permissions.can_edit():
        yield Button(
            _("Flag translation for review"),
            reverse("translations_flag_page", args=[page.pk]),
            icon_name="flag",
            priority=62,
        )
    if permissions.can_publish() and ReviewFlag.for_instance(page).exists():
        yield Button(
            _("Mark translation reviewed"),
            reverse("translations_page_reviewed", args=[page.pk]),
            icon_name="tick",
            priority=63,
        )


@hooks.register("register_log_actions")
def register_review_log_actions(actions):
    actions.register_action(page_review.FLAGGED)(page_review.FlaggedFormatter)
    actions.register_action(page_review.REVIEWED)(page_review.ReviewedFormatter)


@hooks.register("register_reports_menu_item")
def register_health_menu_item():
    return MenuItem(
        _("Translation health"),
        reverse("translation_health"),
        icon_name="wagtail-localize-language",
        order=800,
    )
