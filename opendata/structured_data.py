"""schema.org JSON-LD for listings and articles, so search engines and assistants read them.

A group is an Organization; a hotline is a ContactPoint (a way to reach someone, with the
hours it answers); forms, funds and ways to help are Services provided by their organization.
Hours become OpeningHoursSpecification. Only confirmed facts are emitted: empty fields are
left out. Links are on the portal's public address (opendata/links.py), not the Site record's.
"""

from django.conf import settings

from directory.models import HotlinePage
from directory.models.contacts import listing_contacts
from directory.models.listings import ListingKind
from directory.models.taxonomy import in_reader_language
from opendata.hsds import compact
from opendata.links import page_url
from search.text import plain_text

SCHEMA_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def opening_hours(listing):
    return [
        {
            "@type": "OpeningHoursSpecification",
            "dayOfWeek": f"https://schema.org/{SCHEMA_DAYS[hours.weekday]}",
            "opens": f"{hours.opens:%H:%M}",
            "closes": f"{hours.closes:%H:%M}",
        }
        for hours in sorted(listing.opening_hours.all(), key=lambda h: (h.weekday, h.opens))
    ]


def listing_type(listing):
    if isinstance(listing, HotlinePage):
        return "ContactPoint"
    if listing.kind == ListingKind.GROUP:
        return "Organization"
    return "Service"


def listing_jsonld(listing, request=None, areas=None, organization=None):
    """`areas`, `organization`: the listing's areas and organization in the reader's
    language, when the page has them already."""
    url = page_url(listing, request)
    areas = in_reader_language(listing.areas.all()) if areas is None else areas
    areas = [{"@type": "AdministrativeArea", "name": area.name} for area in areas]
    languages = [lang.code for lang in listing.languages.all()]
    same_as = [account.url for account in listing.social_handles.all() if account.url]
    hours = opening_hours(listing)
    kind = listing_type(listing)
    phones = listing_contacts(listing)[0]  # read once with the page's primary action
    telephone = next((phone.number.as_e164 for phone in phones if phone.is_callable), "")
    data = {
        "@context": "https://schema.org",
        "@type": kind,
        "@id": f"{url}#listing" if url else "",
        "name": listing.title,
        "description": listing.summary or plain_text(listing.description),
        "url": url,
        "areaServed": areas,
        "email": listing.email,
        "telephone": telephone,
        "sameAs": same_as,
        "dateModified": listing.last_published_at.isoformat() if listing.last_published_at else "",
    }
    if kind == "ContactPoint":
        data |= {
            "contactType": listing.title,
            "availableLanguage": languages,
            "hoursAvailable": hours,
        }
    elif kind == "Organization":
        data |= {"knowsLanguage": languages}
        if hours or telephone:
            data["contactPoint"] = compact(
                {
                    "@type": "ContactPoint",
                    "telephone": telephone,
                    "availableLanguage": languages,
                    "hoursAvailable": hours,
                }
            )
    else:
        data |= {"availableLanguage": languages, "hoursAvailable": hours}
        data["serviceType"] = str(listing.kind_label)
        if listing.organization_id:
            organization = organization or in_reader_language([listing.organization])[0]
            data["provider"] = compact(
                {
                    "@type": "Organization",
                    "name": organization.name,
                    "url": listing.organization.website,
                }
            )
    return compact(data)


def article_jsonld(article, request=None):
    url = page_url(article, request)
    modified = article.last_published_at
    return compact(
        {
            "@context": "https://schema.org",
            "@type": "Article",
            "headline": article.title,
            "description": article.summary,
            "url": url,
            "mainEntityOfPage": url,
            "inLanguage": article.locale.language_code,
            "datePublished": article.date.isoformat() if article.date else "",
            "dateModified": modified.isoformat() if modified else "",
            "author": [{"@type": "Person", "name": a.name} for a in article.authors.all()],
            "publisher": {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME},
        }
    )
