"""The public forms, each with a honeypot: a field people never see and bots fill in."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from directory.models import Area, Language, Need

from .ids import fits_primary_key
from .models import ListingSuggestion, ProblemReport


class HoneypotMixin(forms.Form):
    # Named like a real field so bots fill it; hidden from people and screen readers.
    nickname = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )

    def is_spam(self):
        return bool(self.data.get("nickname", "").strip())


class LocalizedChoiceField(forms.ModelMultipleChoiceField):
    """Taxonomy choices stored in the default locale, labelled in the reader's language."""

    def label_from_instance(self, obj):
        return obj.localized.name

    def _check_values(self, value):
        # An id too large for the column is an invalid choice like any other, not a crash.
        for pk in value:
            if not fits_primary_key(self.queryset.model, pk):
                raise forms.ValidationError(
                    self.error_messages["invalid_pk_value"],
                    code="invalid_pk_value",
                    params={"pk": pk},
                )
        return super()._check_values(value)


class LanguageChoiceField(LocalizedChoiceField):
    """Languages named in the reader's language and in their own script: "Tigrinya (ትግርኛ)"."""

    def label_from_instance(self, obj):
        name = super().label_from_instance(obj)
        return name if name == obj.native_name else f"{name} ({obj.native_name})"


class ListingSuggestionForm(HoneypotMixin, forms.ModelForm):
    website = forms.URLField(
        label=ListingSuggestion._meta.get_field("website").verbose_name,
        required=False,
        assume_scheme="https",
    )
    needs = LocalizedChoiceField(
        queryset=Need.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Needs it serves"),
    )
    areas = LocalizedChoiceField(
        queryset=Area.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Areas it serves"),
    )
    languages = LanguageChoiceField(
        queryset=Language.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        label=_("Languages it is offered in"),
        help_text=_("The languages its staff or volunteers speak, or its forms are in."),
    )

    class Meta:
        model = ListingSuggestion
        fields = ["name", "kind", "summary", "needs", "areas", "languages", "website"]
        fields += ["how_to_reach"]
        fields += ["contact_email"]
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "how_to_reach": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, listing=None, **kwargs):
        super().__init__(*args, **kwargs)
        default = Locale.get_default()
        self.fields["needs"].queryset = Need.objects.filter(locale=default)
        self.fields["areas"].queryset = Area.objects.filter(locale=default)
        self.fields["languages"].queryset = Language.objects.filter(locale=default)


class ProblemReportForm(HoneypotMixin, forms.ModelForm):
    class Meta:
        model = ProblemReport
        fields = ["problem", "details", "contact_email"]
        widgets = {"problem": forms.RadioSelect, "details": forms.Textarea(attrs={"rows": 5})}

    def __init__(self, *args, listing=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.listing = listing

    def save(self, commit=True):
        self.instance.listing = self.listing
        return super().save(commit)
