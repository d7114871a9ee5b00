"""The directory's front page, with browsable views by path, need and area.

Routes (`wagtail.contrib.routable_page`) rather than child pages, because "everything about
food" is a view of listings, not content an editor writes; it still gets a clean URL
(`/directory/needs/food/`) and a place in the sitemap.
"""

from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Locale, Page

from home.mixins import IntroPageMixin

from .listings import Direction, ListingKind, ListingPage
from .taxonomy import Area, Language, Need

LISTINGS_PER_PAGE = 20


class DirectoryIndexPage(RoutablePageMixin, IntroPageMixin, Page):
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
        """Live listings under this index, with their taxonomies fetched at once.

        A translated directory also lists the default-language listings not yet translated
        into its language, so that, say, a form offered in Tigrinya stays findable from /ti/
        before its page is translated; the card says so (listing_card.html).
        """
        listings = ListingPage.objects.child_of(self).live().public()
        default_locale = Locale.get_default()
        if self.locale_id != default_locale.pk:
            default_index = self.get_translation_or_none(default_locale)
            if default_index is not None:
                untranslated = (
                    ListingPage.objects.child_of(default_index)
                    .live()
                    .public()
                    .exclude(translation_key__in=listings.values("translation_key"))
                )
                listings = listings | untranslated
        return (
            listings.select_related("organization", "locale")
            .prefetch_related("needs", "areas", "languages")
            .order_by("title")
        )

    def filtered(self, request, listings):
        """Apply ?need=&area=&language=&kind= filters; unknown values simply match nothing."""
        filters = {
            "need": "needs__slug",
            "area": "areas__slug",
            "language": "languages__code",
            "kind": "kind",
        }
        active = {}
        for param, lookup in filters.items():
            value = request.GET.get(param, "").strip()
            if value:
                listings = listings.filter(**{lookup: value})
                active[param] = value
        return listings.distinct(), active

    def facet_choices(self):
        default_locale = Locale.get_default()
        return {
            "needs": [n.localized for n in Need.objects.filter(locale=default_locale)],
            "areas": [a.localized for a in Area.objects.filter(locale=default_locale)],
            "languages": [
                lang.localized for lang in Language.objects.filter(locale=default_locale)
            ],
            "kinds": ListingKind.choices,
        }

    def render_listings(self, request, listings, heading=None, extra=None):
        listings, active = self.filtered(request, listings)
        page_obj = Paginator(listings, LISTINGS_PER_PAGE).get_page(request.GET.get("page"))
        context = {
            "listings_page": page_obj,
            "heading": heading or self.title,
            "active_filters": active,
            "filter_query": urlencode(active),
            **self.facet_choices(),
            **(extra or {}),
        }
        return self.render(request, context_overrides=context)

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
        need = get_object_or_404(Need, slug=slug, locale=Locale.get_default()).localized
        listings = self.listings().filter(needs__slug=slug)
        return self.render_listings(request, listings, heading=need.name, extra={"need": need})

    @re_path(r"^areas/(?P<slug>[-\w]+)/$", name="area")
    def area(self, request, slug):
        area = get_object_or_404(Area, slug=slug, locale=Locale.get_default()).localized
        listings = self.listings().filter(areas__slug=slug)
        return self.render_listings(request, listings, heading=area.name, extra={"area": area})

    @path("print/", name="print")
    def print_listings(self, request):
        """A printable list (flyer, a table at a food bank), filtered like the index."""
        listings, active = self.filtered(request, self.listings())
        default_locale = Locale.get_default()
        subjects = []
        for param, model in (("need", Need), ("area", Area)):
            if active.get(param):
                found = model.objects.filter(slug=active[param], locale=default_locale).first()
                if found:
                    subjects.append(found.localized.name)
        return self.render(
            request,
            template="directory/directory_print.html",
            context_overrides={
                "listings": [listing.specific for listing in listings],
                "subjects": subjects,
                "active_filters": active,
                **self.facet_choices(),
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
        live = self.listings()
        default_locale = Locale.get_default()
        for need in Need.objects.filter(locale=default_locale, listings__in=live).distinct():
            extra.append(f"needs/{need.slug}/")
        for area in Area.objects.filter(locale=default_locale, listings__in=live).distinct():
            extra.append(f"areas/{area.slug}/")
        return urls + [{"location": base + suffix, "lastmod": lastmod} for suffix in extra]
