"""The search parameters, validated once for the page, the API and autocomplete."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from directory.facets import FACETS

from . import kinds

MAX_QUERY_LENGTH = 200  # longer queries are cut, not refused: a pasted paragraph still searches
MAX_PAGE = 100  # deep pages cost the cluster dearly and no reader goes there


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, strip=True)
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
        for facet in FACETS:
            self.fields[facet.name] = forms.ChoiceField(
                label=facet.label,
                required=False,
                choices=[("", ""), *kinds.facet_labels(facet, settings.LANGUAGE_CODE).items()],
                error_messages={
                    "invalid_choice": _("“%(value)s” is not a known value for this filter.")
                },
            )
        self.fields["locale"].choices = [("", "")] + list(settings.LANGUAGES)
        self.fields["locale"].error_messages["invalid_choice"] = _(
            "“%(value)s” is not a known value for this filter."
        )

    def clean_q(self):
        return self.cleaned_data["q"][:MAX_QUERY_LENGTH]

    def clean_page(self):
        return self.cleaned_data["page"] or 1

    def filters(self):
        return {
            facet.name: self.cleaned_data[facet.name]
            for facet in FACETS
            if self.cleaned_data.get(facet.name)
        }

    def error_dict(self):
        """Errors as {field: [messages]}, for the API and the page alike."""
        return {name: [str(e) for e in errors] for name, errors in self.errors.items()}
