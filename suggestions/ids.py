"""Ids from URLs and forms are checked against the column they will be looked up in.

Python integers have no upper bound; database columns do. An id that no row could ever have
(`99999999999999999999`) is bad input, not a missing row: the URL does not match (404) and a
form field rejects it with its usual message, instead of the database driver raising
OverflowError (SQLite) or a DataError (PostgreSQL) and the reader getting a 500.
"""

from django.core.exceptions import ValidationError
from django.urls import register_converter
from django.urls.converters import IntConverter

from wagtail.models import Page


def fits_primary_key(model, value):
    """Whether `value` is a valid value for `model`'s primary key column, range included."""
    pk = model._meta.pk
    try:
        # Django's integer fields validate against the database's own range for the column.
        pk.run_validators(pk.to_python(value))
    except ValidationError:
        return False
    return True


class PageIdConverter(IntConverter):
    """`<page_id:...>`: digits that fit Wagtail's page id column."""

    def to_python(self, value):
        number = super().to_python(value)
        if not fits_primary_key(Page, number):
            raise ValueError("not a page id")  # Django reads ValueError as "no match"
        return number


register_converter(PageIdConverter, "page_id")
