"""What an import would do, worked out before anything is written (the dry run shows it).

Each service is checked (mapping.py); if any has an error, the plan holds only the errors
and nothing may be written. Otherwise each is matched to a listing of the import's locale:
by open-data id (the listing's `hsds_id`, or the source id it was imported with), then by
its name with one of its phone numbers or its website. A match gets a new draft revision;
no match, a new unpublished listing. A match whose draft holds an editor's unpublished
changes is a conflict and is skipped (see writer.py for what counts as the importer's own
draft).
"""

import re
from dataclasses import dataclass, field

from django.utils import timezone

from wagtail.models import Locale

from directory.models import DirectoryIndexPage, ListingPage, ListingPhone, Organization

from .mapping import Problem, Terms, fold, incoming

MAX_LISTED = 50  # lines per section of the printed report


class ImportFailed(Exception):
    def __init__(self, errors):
        self.errors = errors
        super().__init__(f"{len(errors)} error(s)")


@dataclass
class Plan:
    source: str
    locale: Locale
    directory: DirectoryIndexPage | None
    records: int = 0
    creates: list = field(default_factory=list)  # Incoming
    updates: list = field(default_factory=list)  # (Incoming, ListingPage)
    conflicts: list = field(default_factory=list)  # (Incoming, ListingPage, reason)
    organizations: list = field(default_factory=list)  # names of organizations to create
    errors: list = field(default_factory=list)
    warnings: list = field(default_factory=list)
    started: object = field(default_factory=timezone.now)

    @property
    def ok(self):
        return not self.errors

    def lines(self):
        """The report, as a person reads it (the command prints it, the admin shows it)."""
        yield f"Source: {self.source} ({self.records} services, locale {self.locale.language_code})"
        if self.errors:
            yield f"{len(self.errors)} error(s): nothing will be imported."
            yield from listed(str(problem) for problem in self.errors)
            return
        yield (
            f"{len(self.creates)} to create, {len(self.updates)} to update (new draft), "
            f"{len(self.conflicts)} skipped (editor's unpublished changes), "
            f"{len(self.organizations)} new organization(s)."
        )
        yield from listed(f"create: {item.title} (id {item.record_id})" for item in self.creates)
        yield from listed(
            f"update: {page.title} (page {page.pk}) from id {item.record_id}"
            for item, page in self.updates
        )
        yield from listed(
            f"skip: {page.title} (page {page.pk}): {reason}" for _i, page, reason in self.conflicts
        )
        yield from listed(f"new organization: {name}" for name in self.organizations)
        if self.warnings:
            yield f"{len(self.warnings)} warning(s):"
            yield from listed(f"warning: {problem}" for problem in self.warnings)


def listed(lines):
    lines = list(lines)
    yield from lines[:MAX_LISTED]
    if len(lines) > MAX_LISTED:
        yield f"... and {len(lines) - MAX_LISTED} more"


def make_plan(services, source, locale_code=None, progress=None):
    """The `Plan` for `services` (dicts, as readers.read gives them) into `locale_code`'s
    directory (default: the site's default language). `progress` wraps an iterable (tqdm)."""
    locale = Locale.objects.filter(language_code=locale_code).first() if locale_code else None
    locale = locale or Locale.get_default()
    directory = DirectoryIndexPage.objects.filter(locale=locale).first()
    plan = Plan(source=source, locale=locale, directory=directory, records=len(services))
    if locale_code and locale.language_code != locale_code:
        plan.errors.append(Problem(0, "", "locale", f"the portal has no locale {locale_code!r}"))
        return plan
    if directory is None:
        plan.errors.append(Problem(0, "", "locale", f"no directory page in {locale}"))
        return plan
    terms = Terms(locale)
    seen = {}
    items = []
    rows = enumerate(services, start=1)
    for index, data in progress(rows, total=len(services)) if progress else rows:
        item = incoming(data, index, terms, plan.errors, plan.warnings, locale.language_code)
        if item is None:
            continue
        if item.record_id in seen:
            plan.errors.append(
                Problem(
                    index, item.record_id, "id", f"the same id as record {seen[item.record_id]}"
                )
            )
            continue
        seen[item.record_id] = index
        items.append(item)
    if plan.errors:
        return plan
    match_all(plan, items)
    plan.organizations = new_organizations(items, locale)
    return plan


def normal_site(url):
    return re.sub(r"^https?://(www\.)?", "", url.casefold()).rstrip("/")


class Listings:
    """The locale's listings, indexed the ways an incoming service may match one."""

    def __init__(self, locale):
        rows = ListingPage.objects.filter(locale=locale).values_list(
            "pk", "hsds_id", "imported_record_id", "title", "website"
        )
        self.by_id, self.by_name_site, self.by_name = {}, {}, {}
        for pk, hsds_id, record_id, title, website in rows:
            if hsds_id:
                self.by_id[str(hsds_id)] = pk
            if record_id:
                self.by_id.setdefault(record_id, pk)
            self.by_name.setdefault(fold(title), []).append(pk)
            if website:
                self.by_name_site[fold(title), normal_site(website)] = pk
        self.phones = {}
        numbers = ListingPhone.objects.filter(page__locale=locale).values_list("page_id", "number")
        for pk, number in numbers:
            self.phones.setdefault(pk, set()).add(str(number))

    def find(self, item):
        pk = self.by_id.get(str(item.hsds_id)) or self.by_id.get(item.record_id)
        if pk:
            return pk
        name = fold(item.title)
        if item.fields["website"]:
            pk = self.by_name_site.get((name, normal_site(item.fields["website"])))
            if pk:
                return pk
        for pk in self.by_name.get(name, []):
            if item.match_phones & self.phones.get(pk, set()):
                return pk
        return None


def match_all(plan, items):
    listings = Listings(plan.locale)
    matched = {}
    for item in items:
        pk = listings.find(item)
        if pk is None:
            plan.creates.append(item)
        elif pk in matched:
            plan.errors.append(
                Problem(
                    item.index,
                    item.record_id,
                    "id",
                    f"matches the same listing as record {matched[pk]}",
                )
            )
        else:
            matched[pk] = item.index
    if plan.errors:
        return
    pages = ListingPage.objects.in_bulk(list(matched))
    by_index = {item.index: item for item in items}
    for pk, index in matched.items():
        page = pages[pk]
        item = by_index[index]
        if editor_draft(page):
            reason = "unpublished changes by an editor: publish or discard them, then import again"
            plan.conflicts.append((item, page, reason))
        else:
            plan.updates.append((item, page))


def editor_draft(page):
    """True when the page's latest draft is not the importer's own. The importer stamps a
    page's `imported_at` with the time of the revision it saved, so a draft saved since (by
    anyone else) has another time."""
    if not page.has_unpublished_changes:
        return False
    return page.imported_at is None or page.latest_revision_created_at != page.imported_at


def new_organizations(items, locale):
    """Names of the organizations the import will create (not matched by id or name)."""
    known = Organizations(locale)
    names = []
    for item in items:
        org = item.organization
        if org and org.get("name") and known.find(org) is None:
            key = fold(org["name"])
            if key not in known.new:
                known.new[key] = org
                names.append(org["name"])
    return names


class Organizations:
    def __init__(self, locale):
        rows = list(Organization.objects.filter(locale=locale))
        self.by_id = {}
        for org in rows:
            if org.hsds_id:
                self.by_id[str(org.hsds_id)] = org
            if org.imported_record_id:
                self.by_id.setdefault(org.imported_record_id, org)
        self.by_name = {fold(org.name): org for org in rows}
        self.new = {}

    def find(self, org):
        return self.by_id.get(org.get("id") or "") or self.by_name.get(fold(org.get("name") or ""))
