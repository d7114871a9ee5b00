"""Admin: the translation health report (under Reports) and the review flags."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permissions import register_permission_policy

from portal.permissions import WithoutActionsPolicy

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


# Flags are raised by the demo loader and by importers, not typed in by hand: editors read
# them, add a note, and delete them once a fluent reader has checked the translation.
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
    ]


@hooks.register("register_reports_menu_item")
def register_health_menu_item():
    return MenuItem(
        _("Translation health"),
        reverse("translation_health"),
        icon_name="wagtail-localize-language",
        order=800,
    )
