"""Machine-readable data, outside the language prefix so `/open-data/directory.json` is stable.

The language of the content is a query parameter (`?locale=es`); the human page explaining
the data lives under each language prefix (`/es/open-data/`), see portal/urls.py.
"""

from django.urls import include, path

from . import views

app_name = "opendata"

urlpatterns = [
    path("directory.json", views.directory_json, name="directory_json"),
    path("directory.csv", views.directory_csv, name="directory_csv"),
    path("api/listings/", views.listings_api, name="listings"),
    # HSDS's tabular form (opendata/package.py): one zip, or its files one by one.
    path("hsds.zip", views.hsds_zip, name="hsds_zip"),
    path("hsds/<str:language>/datapackage.json", views.hsds_datapackage, name="hsds_datapackage"),
    path("hsds/<str:language>/<str:path>", views.hsds_table, name="hsds_table"),
    # The HSDS 3.0 API (opendata/hsds_api): its paths are HSDS's, under this one base.
    path("api/", include("opendata.hsds_api.urls")),
]
