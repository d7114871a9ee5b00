"""The editors' report of searches that found nothing, and what they can do about each one:
add the words to a synonym set, or promote a page for them (Wagtail's search promotions)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.ui.tables import Column
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.contrib.search_promotions.models import Query

from .models import SynonymSet, UnansweredSearch


class ActionsColumn(Column):
    cell_template_name = "search/admin/unanswered_actions_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        user = parent_context["request"].user
        context["can_add_synonyms"] = user.has_perm("search.change_synonymset")
        context["can_promote"] = user.has_perm("wagtailsearchpromotions.add_searchpromotion")
        return context


class UnansweredSearchViewSet(ModelViewSet):
    model = UnansweredSearch
    icon = "search"
    menu_label = gettext_lazy("Searches that found nothing")
    add_to_admin_menu = False  # under Reports (search/wagtail_hooks.py)
    list_display = [
        "text",
        "language",
        "count",
        "last_searched_on",
        ActionsColumn("actions", label=gettext_lazy("What to do")),
    ]
    list_filter = ["language"]
    search_fields = ["text"]
    ordering = ["-count", "text"]
    form_fields = []
    copy_view_enabled = False
    inspect_view_enabled = False


class AddToSynonymsForm(forms.Form):
    synonym_set = forms.ModelChoiceField(
        queryset=SynonymSet.objects.all(),
        required=False,
        label=gettext_lazy("Add to this synonym set"),
        empty_label=gettext_lazy("(a new set)"),
    )
    new_set_name = forms.CharField(
        max_length=100,
        required=False,
        label=gettext_lazy("Or name a new set"),
        help_text=gettext_lazy("E.g. 'Rent'. The words are its first terms; add more later."),
    )

    def clean(self):
        data = super().clean()
        if not data.get("synonym_set") and not data.get("new_set_name", "").strip():
            raise forms.ValidationError(_("Choose a synonym set or name a new one."))
        return data


def add_to_synonyms(request, pk):
    """Add a search's words to a synonym set (or a new one), so they find what it finds."""
    if not request.user.has_perm("search.change_synonymset"):
        raise PermissionDenied
    search = get_object_or_404(UnansweredSearch, pk=pk)
    form = AddToSynonymsForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        synonym_set = form.cleaned_data["synonym_set"]
        if synonym_set is None:
            if not request.user.has_perm("search.add_synonymset"):
                raise PermissionDenied
            synonym_set = SynonymSet(name=form.cleaned_data["new_set_name"].strip(), terms="")
        if search.text not in synonym_set.term_list():
            synonym_set.terms = ", ".join([*synonym_set.term_list(), search.text])
            synonym_set.save()  # search/signals.py sends the new words to both backends
        messages.success(
            request,
            _("“%(words)s” now finds what the “%(set)s” set finds.")
            % {"words": search.text, "set": synonym_set.name},
        )
        return redirect(reverse("search_unanswered:index"))
    return TemplateResponse(
        request,
        "search/admin/add_to_synonyms.html",
        {"search": search, "form": form, "page_title": _("Add to synonyms")},
    )


def promote(request, pk):
    """Open Wagtail's promotion editor for the search's words (its query is made if need be;
    a query row alone changes nothing readers see)."""
    if not request.user.has_perm("wagtailsearchpromotions.add_searchpromotion"):
        raise PermissionDenied
    search = get_object_or_404(UnansweredSearch, pk=pk)
    query = Query.get(search.text)
    return redirect(reverse("wagtailsearchpromotions:edit", args=[query.pk]))
