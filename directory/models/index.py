"""The directory's front page, with browsable views by path, need and area.

Routes (`wagtail.contrib.routable_page`) rather than child pages, because "everything about
food" is a view of listings, not content an editor writes; it still gets a clean URL
(`/directory/needs/food/`) and a place in the sitemap.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Case, F, When
from django.shortcuts import get_object_or_404
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale, Page

from home.mixins import IntroPageMixin
from home.querysets import PortalPageManager, note_reader_translations
from home.request_memo import remember

from .contacts import attach_contacts, contact_columns
from .listings import Direction, ListingPage
from .taxonomy import Area, Need

LISTINGS_PER_PAGE = 20


class DirectoryIndexPage(RoutablePageMixin, IntroPageMixin, Page):
    objects = PortalPageManager()
    page_description = _("The directory: lists every listing below it, with search and filters.")

    parent_page_types = ["home.HomePage"]
    subpage_types = [
        "directory.GroupPage",
        "directory.ExternalFormPage",
        "directory.HotlinePage",
        "directory.ResourcePage",
    ]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("directory index")

    # --- Querying -------------------------------------------------------------------------
    def listings(self):
        """The listings a reader of this directory may see, in its language where translated.

        A translated directory also lists the default-language listings not yet translated
        into its language, so that, say, a form offered in Tigrinya stays findable from /ti/
        before its page is translated; the card says so (listing_card.html).
        """
        return (
            ListingPage.objects.for_reader(self.locale)
            # What a card shows: its languages (the locale comes from the request's memo)
            .prefetch_related("languages")
            # and how to reach it, in the same row (contacts.py); listings nobody can reach
            # yet come last, labelled so, and among the rest the reader's language comes
            # before the untranslated fallbacks, as in search.
            .annotate(**contact_columns())
            .reachable_first(
                Case(When(locale_id=self.locale_id, then=0), default=1),
                "title",
            )
        )

    def facet_choices(self, chosen):
        """Each facet with its choices labelled in the reader's language, for the filter forms."""
        from directory.facets import FACETS

        language = self.locale.language_code
        return [
            {
                "name": facet.name,
                "label": facet.label,
                "any_label": facet.any_label,
                "choices": list(facet.labels(language).items()),
                "chosen": chosen.get(facet.name, ""),
            }
            for facet in FACETS
        ]

    def browse_links(self):
        """Needs and areas in the reader's language, for the "browse by" lists."""
        from directory.facets import FACETS_BY_NAME

        language = self.locale.language_code
        return {
            "needs": FACETS_BY_NAME["need"].labels(language),
            "areas": FACETS_BY_NAME["area"].labels(language),
        }

    def render_listings(self, request, listings, heading=None, extra=None, area=None):
        """The listings filtered by the query's facets (and the route's `area`), nearest
        first when the reader gave a place (directory/near.py)."""
        from directory.filters import filter_listings
        from directory.near import NEAR_PARAMETER, keep_private, nearest_first, read_place

        listings, chosen = filter_listings(request.GET, listings)
        place, near_error = read_place(request.GET)
        if place is not None:
            listings = nearest_first(listings, place)
        served_area = chosen.get("area") or area

        def listings_page():
            page_obj = Paginator(listings, LISTINGS_PER_PAGE).get_page(request.GET.get("page"))
            # Cards need only ListingPage's own fields (no `.specific`); their links and badges
            # need each listing's translation: all found in one query.
            page_obj.object_list = attach_contacts(
                note_reader_translations(page_obj.object_list, listed_for=self.locale)
            )
            if served_area:
                note_wider_areas(page_obj.object_list, served_area, self.locale.language_code)
            return page_obj

        near = request.GET.get(NEAR_PARAMETER, "").strip()
        context = {
            # Read only when the page's kept rendering is missing (home/fragments.py).
            "listings_page": SimpleLazyObject(listings_page),
            "heading": heading or self.title,
            "active_filters": chosen,
            "filter_query": urlencode(chosen),
            # The pages' links keep the place (and are never kept by any cache either).
            "pages_query": urlencode({**chosen, NEAR_PARAMETER: near} if near else chosen),
            "near": near,
            "near_place": place,
            "near_error": near_error,
            "facets": self.facet_choices(chosen),
            **self.browse_links(),
            **(extra or {}),
        }
        response = self.render(request, context_overrides=context)
        return keep_private(response) if near else response

    def taxonomy_in_reader_language(self, model, slug):
        """The need or area named by a route's slug, in this directory's language; 404 if
        there is none."""
        found = get_object_or_404(model, slug=slug, locale=Locale.get_default())
        return found.get_translation_or_none(self.locale) or found

    # --- Routes ---------------------------------------------------------------------------
    @path("")
    def index_route(self, request):
        return self.render_listings(request, self.listings())

    @path("get-help/", name="get_help")
    def get_help(self, request):
        listings = self.listings().filter(direction__in=[Direction.GET, Direction.BOTH])
        return self.render_listings(request, listings, heading=_("Get help"), extra={"path": "get"})

    @path("give-help/", name="give_help")
    def give_help(self, request):
        listings = self.listings().filter(direction__in=[Direction.GIVE, Direction.BOTH])
        return self.render_listings(
            request, listings, heading=_("Give help"), extra={"path": "give"}
        )

    @re_path(r"^needs/(?P<slug>[-\w]+)/$", name="need")
    def need(self, request, slug):
        need = self.taxonomy_in_reader_language(Need, slug)
        listings = self.listings().filter(needs__slug=slug)
        return self.render_listings(request, listings, heading=need.name, extra={"need": need})

    @re_path(r"^areas/(?P<slug>[-\w]+)/$", name="area")
    def area(self, request, slug):
        from directory.facets import FACETS_BY_NAME

        area = self.taxonomy_in_reader_language(Area, slug)
        # The area's listings and those serving an area enclosing it (the county's hotline).
        listings = FACETS_BY_NAME["area"].filter(self.listings(), slug)
        return self.render_listings(
            request, listings, heading=area.name, extra={"area": area}, area=slug
        )

    @path("print/", name="print")
    def print_listings(self, request):
        """A printable list (flyer, a table at a food bank), filtered like the index."""
        from directory.facets import FACETS_BY_NAME
        from directory.filters import filter_listings

        listings, chosen = filter_listings(request.GET, self.listings())
        # The one field of a listing type it prints: read with the listings, not per listing.
        listings = listings.annotate(hours_text=F("hotlinepage__hours_text"))
        language = self.locale.language_code
        subjects = [
            FACETS_BY_NAME[name].labels(language).get(value)
            for name, value in chosen.items()
            if name in ("need", "area")
        ]
        return self.render(
            request,
            template="directory/directory_print.html",
            context_overrides={
                "listings": attach_contacts(listings),
                "subjects": [subject for subject in subjects if subject],
                "active_filters": chosen,
                "facets": self.facet_choices(chosen),
            },
        )

    def get_sitemap_urls(self, request=None):
        """The index itself, both paths and every need and area that has listings."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        if not base:
            return urls
        lastmod = self.last_published_at or self.latest_revision_created_at
        extra = ["get-help/", "give-help/"]
        for route, slugs in browsable_slugs().items():
            extra += [f"{route}/{slug}/" for slug in slugs]
        return urls + [{"location": base + suffix, "lastmod": lastmod} for suffix in extra]


def browsable_slugs():
    """{"needs": slugs, "areas": slugs} of the terms some visible listing has, which every
    language's directory can browse (translations share their source's terms): asked once
    per request, however many languages the sitemap lists."""

    def used():
        live = ListingPage.objects.visible()
        default_locale = Locale.get_default()
        return {
            route: list(
                model.objects.filter(locale=default_locale, listings__in=live)
                .distinct()
                .values_list("slug", flat=True)
            )
            for model, route in ((Need, "needs"), (Area, "areas"))
        }

    return remember("directory-browsable-slugs", used)


def note_wider_areas(listings, chosen, language):
    """Give each listing `wider_area`: the name of the area enclosing `chosen` through which
    it serves `chosen`, or None (directory/facets.py `wider_areas`)."""
    from directory.facets import wider_areas

    found = wider_areas([listing.pk for listing in listings], chosen, language) if listings else {}
    for listing in listings:
        listing.wider_area = found.get(listing.pk)
    return listings
