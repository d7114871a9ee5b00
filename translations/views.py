"""The translation health report in Wagtail's admin."""

from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from . import health

STATUS_FILTERS = [
    (health.MISSING, _("Missing")),
    (health.OUTDATED, _("Out of date")),
    (health.TRANSLATED, _("Translated")),
    ("flagged", _("Flagged for review")),
]


class TranslationHealthView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "translations/health.html"
    page_title = _("Translation health")
    header_icon = "wagtail-localize-language"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        all_locales = health.target_locales()
        codes = {locale.language_code for locale in all_locales}
        # Unknown filter values are ignored rather than answered with an empty table.
        locale_code = self.request.GET.get("locale", "")
        locales = [loc for loc in all_locales if loc.language_code == locale_code] or all_locales
        status = self.request.GET.get("status", "")
        if status not in dict(STATUS_FILTERS):
            status = ""
        rows = health.build_report(locales)
        context.update(
            {
                "summary": health.summary(rows, locales),
                "rows": [row for row in rows if self.keep(row, locales, status)],
                "locales": locales,
                "all_locales": all_locales,
                "active_locale": locale_code if locale_code in codes else "",
                "active_status": status,
                "status_filters": STATUS_FILTERS,
            }
        )
        return context

    def keep(self, row, locales, status):
        if not status:
            return True
        cells = [row.cells[locale.language_code] for locale in locales]
        if status == "flagged":
            return any(cell.flags for cell in cells)
        return any(cell.status == status for cell in cells)
