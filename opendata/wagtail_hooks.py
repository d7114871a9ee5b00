"""The admin's HSDS import (opendata/importer/admin.py), in the menu for those who may use it."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .importer.admin import ImportView, may_import


@hooks.register("register_admin_urls")
def register_import_urls():
    return [path("open-data/import/", ImportView.as_view(), name="opendata_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return may_import(request.user)


@hooks.register("register_settings_menu_item")
def register_import_menu_item():
    return ImportMenuItem(
        _("Import HSDS data"), reverse("opendata_import"), icon_name="upload", order=900
    )
