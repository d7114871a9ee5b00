"""The moderation queue's "accept" step: confirm, then create the draft and open it."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from directory.models import DirectoryIndexPage

from .accept import NoDirectory, accept_suggestion
from .models import ListingSuggestion


class AcceptSuggestionView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "suggestions/admin/confirm_accept.html"
    page_title = gettext_lazy("Accept suggestion")
    header_icon = "tick"
    index_url_name = None

    def dispatch(self, request, pk):
        self.suggestion = get_object_or_404(ListingSuggestion, pk=pk)
        # Accepting adds a page under the directory: the editor must be allowed to.
        directory = DirectoryIndexPage.objects.first()
        if directory is None or not directory.permissions_for_user(request.user).can_add_subpage():
            raise PermissionDenied
        return super().dispatch(request, pk)

    def get_page_subtitle(self):
        return self.suggestion.name

    def get_breadcrumbs_items(self):
        index_url = reverse("suggestions_listingsuggestion:index")
        return self.breadcrumbs_items + [
            {"url": index_url, "label": ListingSuggestion._meta.verbose_name_plural},
            {"url": "", "label": self.get_page_title(), "sublabel": self.suggestion.name},
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(suggestion=self.suggestion, **kwargs)

    def post(self, request, pk):
        if self.suggestion.listing_id:
            messages.warning(request, _("This suggestion already has a draft listing."))
            return redirect("wagtailadmin_pages:edit", self.suggestion.listing_id)
        try:
            page = accept_suggestion(self.suggestion, request.user)
        except NoDirectory:
            messages.error(request, _("There is no directory page to add the listing to."))
            return redirect(reverse("suggestions_listingsuggestion:index"))
        messages.success(
            request,
            _("Draft listing “%(title)s” created: check it, complete it and publish it.")
            % {"title": page.title},
        )
        if self.suggestion.how_to_reach:
            messages.info(
                request,
                _(
                    "“How to reach it” was not copied (it may be the sender's own contact): "
                    "confirm the group's details with the group, then add them under Contact."
                ),
            )
        return redirect("wagtailadmin_pages:edit", page.pk)
