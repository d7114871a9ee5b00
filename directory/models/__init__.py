"""The directory: taxonomies, the index page and one page type per kind of listing."""

from .contacts import ListingPhone, PhoneType
from .hours import Holiday, OpeningHours
from .index import DirectoryIndexPage
from .listing_types import ExternalFormPage, FormLink, GroupPage, HotlinePage, ResourcePage
from .listings import ListingPage, SocialHandle
from .locations import ListingLocation
from .taxonomy import Area, Language, Need, Organization

__all__ = [
    "Area",
    "DirectoryIndexPage",
    "ExternalFormPage",
    "FormLink",
    "GroupPage",
    "Holiday",
    "HotlinePage",
    "Language",
    "ListingLocation",
    "ListingPage",
    "ListingPhone",
    "Need",
    "OpeningHours",
    "Organization",
    "PhoneType",
    "ResourcePage",
    "SocialHandle",
]
