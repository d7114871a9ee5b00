"""One HSDS service, checked and turned into what a listing holds (`Incoming`).

Every problem names the record (its position in the dataset and its id) and the field.
Errors stop the whole import (nothing is written); warnings say what was left out or cut
short, and the import goes on. What is an error: a missing or duplicate id or name, a value
of the wrong type, an invalid phone number, e-mail address, web address or date. What is a
warning: a taxonomy term, area or language the portal does not know (the portal never
creates taxonomies silently), a schedule that is not weekly opening hours, coordinates out
of range, text longer than the field holds (cut, with "…").

A service exported by this portal carries its kind, cost and documents rule as attributes
in the portal's own taxonomies (opendata/hsds.py); those come back as the same fields, so
an export imported elsewhere gives the same export.
"""

import re
import uuid
from dataclasses import dataclass, field
from datetime import date, time
from html import escape
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, URLValidator
from django.utils import translation

import phonenumbers

from directory.models import ExternalFormPage, GroupPage, HotlinePage, PhoneType, ResourcePage
from directory.models.listings import Cost, Documents, ListingKind
from opendata.ids import own_organization_id, stable_id

SUMMARY_LENGTH = 255
PAGE_PATH = re.compile(r"^/(?:[a-z]{2,3})/(?:[^/]+/)+$")  # /en/directory/pantry/
KIND_TYPES = {
    ListingKind.GROUP: (GroupPage, "how_to_join", {}),
    ListingKind.FORM: (
        ExternalFormPage,
        None,
        {"purpose": ExternalFormPage.Purpose.REQUEST_SUPPORT},
    ),
    ListingKind.HOTLINE: (HotlinePage, "call_about", {}),
    ListingKind.FUND: (ResourcePage, "how_to_take_part", {"resource_kind": "fund"}),
    ListingKind.WAY_TO_HELP: (ResourcePage, "how_to_take_part", {"resource_kind": "way_to_help"}),
    ListingKind.STUDY: (ResourcePage, "how_to_take_part", {"resource_kind": "study"}),
}
DEFAULT_KIND = ListingKind.GROUP  # a service from elsewhere: a group people can contact
PHONE_TYPES = {choice.value for choice in PhoneType} | {"cell"}
DAYS = {day: number for number, day in enumerate(["MO", "TU", "WE", "TH", "FR", "SA", "SU"])}
# What the export's schedule notes say (hsds.schedule_notes), and the flag each stands for.
NOTE_FLAGS = {"By appointment.": "by_appointment", "Call first.": "call_first"}
HOLIDAY_NOTE = "Closed on holidays"
# The portal's own taxonomies (opendata/hsds_taxonomy.py), by name and by id, and the field
# each stands for. Names as published: they never change.
OWN_TAXONOMIES = {
    f"mutual-aid-king-county-{name}": role
    for name, role in [
        ("needs", "need"),
        ("listing-kinds", "kind"),
        ("costs", "cost"),
        ("documents", "documents"),
        ("accessibility", "accessibility"),
    ]
}
OWN_TAXONOMIES |= {stable_id("taxonomy", name): role for name, role in OWN_TAXONOMIES.items()}
validate_email = EmailValidator()
validate_url = URLValidator(schemes=["http", "https"])


@dataclass
class Problem:
    index: int  # the record's position in the dataset, from 1
    record_id: str
    field: str
    message: str

    def __str__(self):
        if not self.index:  # about the import as a whole
            return f"{self.field}: {self.message}"
        where = f"record {self.index}" + (f" (id {self.record_id})" if self.record_id else "")
        return f"{where}, {self.field}: {self.message}"


@dataclass
class Incoming:
    """What one service becomes: the listing's fields and what hangs off it."""

    index: int
    record_id: str
    hsds_id: uuid.UUID
    page_type: type
    fields: dict
    slug: str = ""
    organization: dict | None = None
    needs: list = field(default_factory=list)
    areas: list = field(default_factory=list)
    languages: list = field(default_factory=list)
    phones: list = field(default_factory=list)  # dicts: number, phone_type, label, languages
    hours: list = field(default_factory=list)  # (weekday, opens, closes)
    locations: list = field(default_factory=list)  # dicts of ListingLocation fields
    match_phones: set = field(default_factory=set)

    @property
    def title(self):
        return self.fields["title"]


class Record:
    """Reads one service's fields, noting problems against it."""

    def __init__(self, data, index, errors, warnings):
        self.data, self.index = data, index
        self.errors, self.warnings = errors, warnings
        raw_id = data.get("id") if isinstance(data, dict) else None
        self.record_id = raw_id if isinstance(raw_id, str) else ""

    def error(self, name, message):
        self.errors.append(Problem(self.index, self.record_id, name, message))

    def warn(self, name, message):
        self.warnings.append(Problem(self.index, self.record_id, name, message))

    def text(self, data, name, path, max_length=None, required=False, cut=True):
        value = data.get(name)
        if value is None or value == "":
            if required:
                self.error(path, "required, missing")
            return ""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(path, f"expected text, got {type(value).__name__}")
            return ""
        value = value.strip()
        if max_length and len(value) > max_length:
            if not cut:
                self.error(path, f"longer than {max_length} characters ({len(value)})")
                return ""
            self.warn(path, f"cut to {max_length} characters (was {len(value)})")
            value = value[: max_length - 1] + "…"
        return value

    def items(self, data, name, path):
        value = data.get(name)
        if value in (None, ""):
            return []
        if not isinstance(value, list):
            self.error(path, f"expected a list, got {type(value).__name__}")
            return []
        good = []
        for number, item in enumerate(value):
            if isinstance(item, dict):
                good.append((f"{path}[{number}]", item))
            else:
                self.error(f"{path}[{number}]", f"expected an object, got {type(item).__name__}")
        return good

    def number(self, data, name, path, limit):
        value = data.get(name)
        if value in (None, ""):
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.error(path, f"expected a number, got {value!r}")
            return None
        if not -limit <= number <= limit:
            self.warn(path, f"{number} is out of range (±{limit}): coordinates left out")
            return None
        return round(number, 6)


class Terms:
    """The portal's needs, areas and languages, by every name a dataset may use for them."""

    def __init__(self, locale):
        from directory.models import Area, Language, Need

        self.needs = self.index(Need, locale, "slug")
        self.areas = self.index(Area, locale, "slug")
        self.languages = self.index(Language, locale, "code")

    @staticmethod
    def index(model, locale, value_field):
        """{key: item in `locale`}: keys are the value (slug or code) and each translation's
        name, folded; an item missing in `locale` is not chosen."""
        rows = list(model.objects.all())
        chosen = {row.translation_key: row for row in rows if row.locale_id == locale.pk}
        found = {}
        for row in rows:
            target = chosen.get(row.translation_key)
            if target is None:
                continue
            found.setdefault(fold(getattr(row, value_field)), target)
            found.setdefault(fold(row.name), target)
        return found


def fold(text):
    return " ".join(re.sub(r"[\W_]+", " ", str(text)).casefold().split())


def read_time(value):
    """'09:00', '09:00:00' or '09:00:00-08:00' (an offset is the portal's time zone's)."""
    match = re.fullmatch(r"(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?", value)
    if not match:
        raise ValueError(value)
    return time(int(match[1]), int(match[2]), int(match[3] or 0))


def split_description(text):
    """(summary, description HTML): the first sentences up to SUMMARY_LENGTH as the summary,
    the rest as the description, so that the export (summary, a space, the description's
    text) gives `text` back."""
    text = " ".join(text.split())
    if len(text) <= SUMMARY_LENGTH:
        return text, ""
    head = text[: SUMMARY_LENGTH + 1]
    cut = head.rfind(". ") + 1 or head.rfind(" ")
    if cut <= 0:
        cut = SUMMARY_LENGTH
        return text[:cut], f"<p>{escape(text[cut:])}</p>"
    return text[:cut], f"<p>{escape(text[cut + 1 :])}</p>"


def incoming(data, index, terms, errors, warnings, locale_code):
    """An `Incoming` for the service `data` (the `index`th of the dataset, from 1), or None
    when it has errors."""
    record = Record(data, index, errors, warnings)
    if not isinstance(data, dict):
        record.error("(record)", f"expected a service object, got {type(data).__name__}")
        return None
    first_error = len(errors)
    record_id = record.text(data, "id", "id", max_length=250, required=True, cut=False)
    title = record.text(data, "name", "name", max_length=255, required=True, cut=False)
    own = own_attributes(record, terms)
    kind = own.get("kind") or DEFAULT_KIND
    page_type, process_field, kind_fields = KIND_TYPES[kind]
    description = record.text(data, "description", "description")
    summary, body = split_description(description) if description else (title, "")
    fields = {
        "title": title,
        "summary": summary,
        "description": body,
        "kind": kind.value,
        "audience": record.text(data, "eligibility_description", "eligibility_description", 255),
        "email": email(record, data),
        **kind_fields,
    }
    process = record.text(data, "application_process", "application_process")
    if process_field:
        fields[process_field] = process
    if page_type is HotlinePage and not fields["call_about"]:
        fields["call_about"] = summary  # required by the form; what the line is about
    website, slug = website_and_slug(record, data, own)
    fields["website"] = website
    fields.update(costs_and_documents(record, data, own, locale_code))
    fields["accessibility"] = own.get("accessibility", "")
    verified = record.text(data, "assured_date", "assured_date")
    if verified:
        try:
            fields["last_verified_on"] = date.fromisoformat(verified[:10])
        except ValueError:
            record.error("assured_date", f"not a date (YYYY-MM-DD): {verified!r}")
    result = Incoming(
        index=index,
        record_id=record_id,
        hsds_id=as_uuid(record_id),
        page_type=page_type,
        fields=fields,
        slug=slug,
        needs=own.get("needs", []),
        organization=organization(record, data),
    )
    result.areas = known(record, data, "service_areas", "name", terms.areas, "area")
    result.languages = known(record, data, "languages", "code", terms.languages, "language")
    result.phones = phones(record, data, terms)
    result.match_phones = {phone["number"] for phone in result.phones}
    hours_and_flags(record, data, result)
    result.locations = locations(record, data)
    return None if len(errors) > first_error else result


def as_uuid(record_id):
    """The source's id when it is a UUID (HSDS's ids are), else one derived from it."""
    try:
        return uuid.UUID(record_id)
    except ValueError:
        return uuid.UUID(stable_id("imported-service", record_id))


def email(record, data):
    value = record.text(data, "email", "email", 254, cut=False)
    if value:
        try:
            validate_email(value)
        except ValidationError:
            record.error("email", f"not an e-mail address: {value!r}")
            return ""
    return value


def website_and_slug(record, data, own):
    """(website, slug). A service this portal exported has its page's address as `url`
    when it has no website of its own: that is no website, and its last part is the slug."""
    url = record.text(data, "url", "url", 200, cut=False)
    if not url:
        return "", ""
    try:
        validate_url(url)
    except ValidationError:
        record.error("url", f"not a web address (http or https): {url!r}")
        return "", ""
    path = urlsplit(url).path
    if own.get("kind") and PAGE_PATH.match(path):
        return "", path.rstrip("/").rsplit("/", 1)[-1]
    return url, ""


def own_attributes(record, terms):
    """The portal's own attributes (kind, cost, documents, accessibility) and the needs:
    a term of any other taxonomy is matched to a need by code, then name, else reported."""
    found = {"needs": []}
    for path, attribute in record.items(record.data, "attributes", "attributes"):
        term = attribute.get("taxonomy_term")
        if not isinstance(term, dict):
            if attribute.get("taxonomy_term_id"):
                record.warn(path, "taxonomy term not in the dataset: left out")
            continue
        taxonomy = term.get("taxonomy") or (term.get("taxonomy_detail") or {}).get("name")
        role = OWN_TAXONOMIES.get(taxonomy) or OWN_TAXONOMIES.get(term.get("taxonomy_id"))
        code = term.get("code")
        if role == "kind":
            try:
                found["kind"] = ListingKind(code)
            except ValueError:
                record.error(f"{path}.taxonomy_term.code", f"not a listing kind: {code!r}")
        elif role == "cost":
            if code in Cost.values:
                found["cost"] = code
            else:
                record.error(f"{path}.taxonomy_term.code", f"not a cost: {code!r}")
        elif role == "documents":
            if code in Documents.values:
                found["documents"] = code
            else:
                record.error(f"{path}.taxonomy_term.code", f"not a documents rule: {code!r}")
        elif role == "accessibility":
            found["accessibility"] = record.text(attribute, "value", f"{path}.value")
        else:
            need = terms.needs.get(fold(code or "")) or terms.needs.get(
                fold(term.get("name") or "")
            )
            if need is None:
                name = term.get("name") or code
                record.warn(path, f"unknown taxonomy term {name!r} ({taxonomy}): left out")
            elif need not in found["needs"]:
                found["needs"].append(need)
    return found


def costs_and_documents(record, data, own, locale_code):
    fields = {"cost": own.get("cost", ""), "documents": own.get("documents", "")}
    options = record.items(data, "cost_options", "cost_options")
    if fields["cost"]:
        details = options[0][1].get("amount_description", "") if options else ""
        fields["cost_details"] = record.text(
            {"d": details}, "d", "cost_options[0].amount_description", 255
        )
    else:
        if options and options[0][1].get("amount") in (0, "0", 0.0):
            fields["cost"] = Cost.FREE
        fields["cost_details"] = record.text(data, "fees_description", "fees_description", 255)
    documents = [
        record.text(item, "document", f"{path}.document")
        for path, item in record.items(data, "required_documents", "required_documents")
    ]
    text = "; ".join(document for document in documents if document)
    if fields["documents"] and text:
        with translation.override(locale_code):
            rule = str(Documents(fields["documents"]).label)
        if text == rule:
            text = ""
        elif text.startswith(rule + ". "):
            text = text[len(rule) + 2 :]
    fields["documents_details"] = record.text({"d": text}, "d", "required_documents", 255)
    return fields


def organization(record, data):
    org = data.get("organization")
    org_id = data.get("organization_id")
    if org is None:
        return {"id": org_id} if isinstance(org_id, str) and org_id else None
    if not isinstance(org, dict):
        record.error("organization", f"expected an object, got {type(org).__name__}")
        return None
    if org.get("id") and org.get("id") == own_organization_id(record.record_id):
        return None  # the portal's stand-in for a listing run by no organization
    name = record.text(org, "name", "organization.name", 200, required=True, cut=False)
    website = record.text(org, "website", "organization.website", 200, cut=False)
    if website:
        try:
            validate_url(website)
        except ValidationError:
            record.error("organization.website", f"not a web address: {website!r}")
    description = record.text(org, "description", "organization.description")
    return {
        "id": record.text(org, "id", "organization.id", 250) or org_id or "",
        "name": name,
        # HSDS requires a description: exporters repeat the name when they have none.
        "description": "" if description == name else description,
        "website": website,
    }


def known(record, data, name, key, found, what):
    """The portal's items named in the list `name` (by `key`, then name); unknown reported."""
    items = []
    for path, entry in record.items(data, name, name):
        value = entry.get(key) or entry.get("name")
        item = found.get(fold(value or "")) or found.get(fold(entry.get("name") or ""))
        if item is None:
            record.warn(path, f"unknown {what} {value!r}: left out")
        elif item not in items:
            items.append(item)
    return items


def phones(record, data, terms):
    entries = []
    for path, phone in record.items(data, "phones", "phones"):
        raw = record.text(phone, "number", f"{path}.number", required=True, cut=False)
        if not raw:
            continue
        try:
            number = phonenumbers.parse(raw.strip("\"' "), "US")
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            record.error(f"{path}.number", f"not a valid phone number: {raw!r}")
            continue
        kind = phone.get("type") or PhoneType.VOICE
        if kind not in PHONE_TYPES:
            record.warn(f"{path}.type", f"type {kind!r} read as voice")
            kind = PhoneType.VOICE
        if phone.get("extension") not in (None, ""):
            record.warn(f"{path}.extension", "extensions are not kept: dial the number")
        entries.append(
            {
                "number": phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164),
                "phone_type": PhoneType.VOICE if kind == "cell" else kind,
                "label": record.text(phone, "description", f"{path}.description", 100),
                "languages": known(record, phone, "languages", "code", terms.languages, "language"),
            }
        )
    return entries


def hours_and_flags(record, data, result):
    """Weekly opening ranges from schedules (freq WEEKLY, byday, opens_at, closes_at), and
    the export's notes back into flags. Other schedules are reported and left out."""
    for path, schedule in record.items(data, "schedules", "schedules"):
        notes = record.text(schedule, "notes", f"{path}.notes")
        for note, flag in NOTE_FLAGS.items():
            if note in notes:
                result.fields[flag] = True
        if HOLIDAY_NOTE in notes:
            result.fields["closed_on_holidays"] = True
        byday = schedule.get("byday")
        opens, closes = schedule.get("opens_at"), schedule.get("closes_at")
        if not (byday or opens or closes):
            continue
        if (schedule.get("freq") or "WEEKLY").upper() != "WEEKLY" or not (
            byday and opens and closes
        ):
            record.warn(path, "only weekly opening hours (byday, opens_at, closes_at) are imported")
            continue
        if not all(isinstance(value, str) for value in (byday, opens, closes)):
            record.error(path, "byday, opens_at and closes_at must be text")
            continue
        try:
            opens_at, closes_at = read_time(opens), read_time(closes)
        except ValueError as error:
            record.error(f"{path}.opens_at", f"not a time (HH:MM): {error}")
            continue
        for day in byday.split(","):
            day = day.strip().upper()[-2:]  # "1MO" (first Monday) is still Monday
            if day not in DAYS:
                record.error(f"{path}.byday", f"not a weekday: {day!r}")
                continue
            result.hours.append((DAYS[day], opens_at, closes_at))


def locations(record, data):
    places = []
    for path, link in record.items(data, "service_at_locations", "service_at_locations"):
        location = link.get("location")
        if not isinstance(location, dict):
            continue
        where = f"{path}.location"
        if location.get("location_type") == "virtual":
            continue
        addresses = [item for _p, item in record.items(location, "addresses", f"{where}.addresses")]
        physical = [item for item in addresses if item.get("address_type") != "postal"]
        address = (physical or addresses or [{}])[0]
        at = f"{where}.addresses[0]"
        accessibility = [
            record.text(item, "description", f"{where}.accessibility")
            for _p, item in record.items(location, "accessibility", f"{where}.accessibility")
        ]
        latitude = record.number(location, "latitude", f"{where}.latitude", 90)
        longitude = record.number(location, "longitude", f"{where}.longitude", 180)
        if latitude is None or longitude is None:
            latitude = longitude = None  # a point needs both
        places.append(
            {
                "name": record.text(location, "name", f"{where}.name", 200),
                "address_1": record.text(address, "address_1", f"{at}.address_1", 200),
                "address_2": record.text(address, "address_2", f"{at}.address_2", 200),
                "city": record.text(address, "city", f"{at}.city", 100),
                "state_province": record.text(
                    address, "state_province", f"{at}.state_province", 50
                ),
                "postal_code": record.text(address, "postal_code", f"{at}.postal_code", 10),
                "latitude": latitude,
                "longitude": longitude,
                "transit": record.text(location, "transportation", f"{where}.transportation", 255),
                "accessibility": " ".join(text for text in accessibility if text),
            }
        )
    return places
