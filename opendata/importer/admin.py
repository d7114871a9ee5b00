"""The admin's HSDS import: upload a dataset, read the dry run's report, then confirm.

Only editors who may add listings to the directory see it. The uploaded file is kept in a
private temporary folder between the two steps, named by a random token kept in the
editor's session, and deleted once imported; confirming plans the import again (the
directory may have changed meanwhile) and writes it in one transaction, as the command does.
"""

import secrets
import tempfile
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import FormView

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Locale

from directory.models import DirectoryIndexPage

from .plan import make_plan
from .readers import MAX_BYTES, ReadError, read_path
from .writer import apply

SESSION_KEY = "opendata_hsds_import"
UPLOADS = Path(tempfile.gettempdir()) / "portal-hsds-imports"


def may_import(user, locale=None):
    """Who may import: those who may add pages under the directory of `locale`."""
    directory = DirectoryIndexPage.objects.filter(locale=locale or Locale.get_default()).first()
    return directory is not None and directory.permissions_for_user(user).can_add_subpage()


class UploadForm(forms.Form):
    dataset = forms.FileField(
        label=gettext_lazy("HSDS dataset"),
        help_text=gettext_lazy(
            'HSDS 3.0 services as JSON (a list, {"services": [...]}, or an API page), or a '
            "tabular package as a zip holding datapackage.json and its CSV files."
        ),
    )
    locale = forms.ChoiceField(
        label=gettext_lazy("Language of the dataset"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )

    def clean_dataset(self):
        upload = self.cleaned_data["dataset"]
        if upload.size > MAX_BYTES:
            raise forms.ValidationError(_("The file is larger than 100 MB."))
        return upload


def stored(request):
    """(path, original name, locale code) of this editor's uploaded file, or None."""
    kept = request.session.get(SESSION_KEY)
    if not kept:
        return None
    path = UPLOADS / f"{request.user.pk}-{kept['token']}"
    return (path, kept["name"], kept["locale"]) if path.exists() else None


class ImportView(WagtailAdminTemplateMixin, FormView):
    template_name = "opendata/admin/import.html"
    form_class = UploadForm
    page_title = gettext_lazy("Import HSDS data")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        if not may_import(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def post(self, request, *args, **kwargs):
        if "confirm" in request.POST:
            return self.confirm()
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        """Keep the file and show the dry run's report."""
        UPLOADS.mkdir(mode=0o700, exist_ok=True)
        token = secrets.token_hex(16)
        path = UPLOADS / f"{self.request.user.pk}-{token}"
        with path.open("wb") as target:
            for chunk in form.cleaned_data["dataset"].chunks():
                target.write(chunk)
        old = stored(self.request)
        if old:
            old[0].unlink(missing_ok=True)
        name = form.cleaned_data["dataset"].name
        locale = form.cleaned_data["locale"]
        self.request.session[SESSION_KEY] = {"token": token, "name": name, "locale": locale}
        plan, error = self.plan(path, name, locale)
        return self.render_to_response(self.get_context_data(form=form, plan=plan, error=error))

    def plan(self, path, name, locale):
        if not Locale.objects.filter(language_code=locale).exists():
            return None, _("The portal has no %(locale)s locale.") % {"locale": locale}
        try:
            services = read_path(path, name)
        except ReadError as error:
            return None, str(error)
        return make_plan(services, name, locale), None

    def confirm(self):
        kept = stored(self.request)
        if kept is None:
            messages.error(self.request, _("Upload the file again: it is no longer kept."))
            return redirect("opendata_import")
        path, name, locale = kept
        plan, error = self.plan(path, name, locale)
        if error or not plan.ok:
            form = self.get_form_class()()
            return self.render_to_response(self.get_context_data(form=form, plan=plan, error=error))
        if not may_import(self.request.user, plan.locale):
            raise PermissionDenied
        done = apply(plan, user=self.request.user)
        path.unlink(missing_ok=True)
        del self.request.session[SESSION_KEY]
        messages.success(
            self.request,
            _(
                "Imported as drafts: %(created)d created, %(updated)d updated, %(skipped)d "
                "skipped. Review and publish them in the directory."
            )
            % done,
        )
        return redirect(reverse("wagtailadmin_explore", args=[plan.directory.pk]))
