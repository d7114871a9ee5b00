"""The HSDS API's paths, under /open-data/api/ (opendata/urls.py; `links.API_PATH`).

No trailing slashes: the paths are the HSDS OpenAPI's own (`/services`, `/services/{id}`), as
a generic client builds them from the document's `servers` URL.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.root, name="hsds_root"),
    path("openapi.json", views.openapi_document, name="hsds_openapi"),
    path("services", views.services, name="hsds_services"),
    path("services/<str:record_id>", views.service, name="hsds_service"),
    path("organizations", views.organizations, name="hsds_organizations"),
    path("organizations/<str:record_id>", views.organization, name="hsds_organization"),
    path("taxonomies", views.taxonomies, name="hsds_taxonomies"),
    path("taxonomies/<str:record_id>", views.taxonomy, name="hsds_taxonomy"),
    path("taxonomy_terms", views.taxonomy_terms, name="hsds_taxonomy_terms"),
    path("taxonomy_terms/<str:record_id>", views.taxonomy_term, name="hsds_taxonomy_term"),
    path("service_at_locations", views.service_at_locations, name="hsds_service_at_locations"),
    path(
        "service_at_locations/<str:record_id>",
        views.service_at_location,
        name="hsds_service_at_location",
    ),
]
