"""The translation health report: a Wagtail report (filters, pagination, CSV/XLSX export)."""

from functools import cached_property

from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale

import django_filters

from . import health

FLAGGED = "flagged"
STATUS_FILTERS = [
    (health.MISSING, _("Missing")),
    (health.OUTDATED, _("Out of date")),
    (health.TRANSLATED, _("Translated")),
    (FLAGGED, _("Flagged for review")),
]


class TranslationHealthFilterSet(WagtailFilterSet):
    """Filters for the report. Its rows are built in Python from wagtail-localize's records
    (pages and snippets of every type), so the view applies these values to the rows rather
    than to a queryset; an unknown value makes the form invalid, and the report then shows
    everything."""

    locale = django_filters.ModelChoiceFilter(
        label=_("Language"),
        queryset=lambda request: health.target_locales_queryset(),
        to_field_name="language_code",
        empty_label=_("All languages"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=STATUS_FILTERS, empty_label=_("Any status")
    )

    class Meta:
        model = Locale
        fields = []


class TranslationHealthReportView(ReportView):
    page_title = _("Translation health")
    header_icon = "wagtail-localize-language"
    template_name = "translations/health.html"
    results_template_name = "translations/health_results.html"
    index_url_name = "translation_health"
    index_results_url_name = "translation_health_results"
    filterset_class = TranslationHealthFilterSet
    export_filename = "translation-health"
    paginate_by = 100

    @cached_property
    def locales(self):
        """The report's columns: the chosen language, else every non-default one."""
        chosen = self.filters.form.cleaned_data.get("locale") if self.filters.is_valid() else None
        return [chosen] if chosen else health.target_locales()

    @cached_property
    def rows(self):
        return health.build_report(self.locales)

    def get_queryset(self):
        return self.rows

    def filter_queryset(self, rows):
        status = self.filters.form.cleaned_data.get("status") if self.filters.is_valid() else ""
        if not status:
            return rows
        return [row for row in rows if self.matches(row, status)]

    def matches(self, row, status):
        cells = row.cells.values()
        if status == FLAGGED:
            return any(cell.flags for cell in cells)
        return any(cell.status == status for cell in cells)

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        context["locales"] = self.locales
        context["summary"] = health.summary(self.rows, self.locales)
        return context

    # --- Export: one column per language, the status and any flags in each cell -------------
    @property
    def list_export(self):
        return ["label", "kind"] + [locale.language_code for locale in self.locales]

    @property
    def export_headings(self):
        headings = {"label": _("Page or snippet"), "kind": _("Type")}
        for locale in self.locales:
            headings[locale.language_code] = locale.get_display_name()
        return headings

    def to_row_dict(self, row):
        values = {"label": row.label, "kind": capfirst(row.kind)}
        for code, cell in row.cells.items():
            reasons = [str(flag.get_reason_display()) for flag in cell.flags]
            values[code] = "; ".join([str(cell.label)] + reasons)
        return values
