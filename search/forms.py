"""The search parameters, validated once for the page, the API and autocomplete."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from directory.models import Area, Language, Need

from . import kinds

MAX_QUERY_LENGTH = 200  # longer queries are cut, not refused: a pasted paragraph still searches
MAX_PAGE = 100  # deep pages cost the cluster dearly and no reader goes there


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    need = forms.ChoiceField(label=_("Need"), required=False)
    area = forms.ChoiceField(label=_("Area"), required=False)
    language = forms.ChoiceField(label=_("Language offered"), required=False)
    kind = forms.ChoiceField(label=_("Kind"), required=False)
    locale = forms.ChoiceField(label=_("Language of results"), required=False)
    page = forms.IntegerField(
        label=_("Page"),
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={"invalid": _("The page must be a whole number, e.g. page=2.")},
    )

    def __init__(self, data=None, **kwargs):
        super().__init__(data, **kwargs)
        default = Locale.get_default()
        self.fields["need"].choices = _choices(Need.objects.filter(locale=default), "slug")
        self.fields["area"].choices = _choices(Area.objects.filter(locale=default), "slug")
        self.fields["language"].choices = _choices(Language.objects.filter(locale=default), "code")
        self.fields["kind"].choices = [("", "")] + list(kinds.labels().items())
        self.fields["locale"].choices = [("", "")] + list(settings.LANGUAGES)
        for name in ("need", "area", "language", "kind", "locale"):
            self.fields[name].error_messages["invalid_choice"] = _(
                "“%(value)s” is not a known value for this filter."
            )

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def filters(self):
        from .query import FACETS

        return {name: self.cleaned_data[name] for name in FACETS if self.cleaned_data.get(name)}

    def error_dict(self):
        """Errors as {field: [messages]}, for the API and the page alike."""
        return {name: [str(e) for e in errors] for name, errors in self.errors.items()}


def _choices(queryset, value_field):
    return [("", "")] + [(getattr(obj, value_field), str(obj)) for obj in queryset]
