"""The search API, outside the language prefix: clients pass ?locale= (or Accept-Language)."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.api_search, name="search_api"),
    path("autocomplete/", views.api_autocomplete, name="search_autocomplete"),
]
