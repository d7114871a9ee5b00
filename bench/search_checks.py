"""Correctness checks of bench/search.py (issue 13): the answers, not the speed.

- Zero results while present: for each query of the mix (with and without its filter), the
  pages of the reader's language whose generated text holds the query's words, counted from
  the database's own rows (so it holds on reused content too), against the search's total.
  A query's words "occur" when any of them is a word of the page (the search ORs a reader's
  words), except in Vietnamese, where every syllable must be there (the database requires
  them all: search/database.py); words compare without case or accents ("thuc pham" is
  "thực phẩm"). Only the text the builder wrote counts: titles, summaries, descriptions,
  call_about and article bodies, not need names or synonyms (which can only add matches).
- Facet counts against filtered totals: for a few queries, each facet value the unfiltered
  search reports is searched again filtered by it; its total must equal the count. The
  database backend reads at most MAX_MATCHES ranked matches and reports that many as the
  total, with nothing in the result shape saying there are more: its facets count the capped
  set, so when the unfiltered total is the cap the check is count <= filtered total <= cap
  (the filtered search ranks its own top MAX_MATCHES); below the cap it is equality.
"""

import json

from search.text import fold, words

VIETNAMESE = "vi"
# One query per language, each alone and narrowed by four facets. Alone, on the dense corpus
# it matches nearly every page of its language, so the database backend's answer is capped;
# narrowed (a fiftieth of the listings) it stays under the cap at 10k, and for English at
# 100k, so there the counts must equal the filtered totals. About fifteen searches each.
FACET_QUERIES = [
    ("en", "food"),
    ("es", "comida"),
    ("vi", "thực phẩm"),
    ("am", "ምግብ"),
    ("ti", "ጥዕና"),
]
NARROWED = {"need": "masks", "area": "kent", "kind": "hotline"}  # and the reader's language


def page_words(locale_codes):
    """{language code: [(page id, set of folded words, is a food listing)]} of the bench's
    listings and articles, from their rows."""
    from articles.models import ArticlePage
    from directory.models import GroupPage, HotlinePage, ListingPage

    food = set(ListingPage.objects.filter(needs__slug="food").values_list("pk", flat=True))
    found = {code: [] for code in locale_codes}
    for model, fields in (
        (GroupPage, ("title", "summary", "description")),
        (HotlinePage, ("title", "summary", "description", "call_about")),
        (ArticlePage, ("title", "summary", "body")),
    ):
        rows = model.objects.values_list("pk", "locale__language_code", *fields).iterator(
            chunk_size=2000
        )
        for pk, code, *texts in rows:
            if code not in found:
                continue
            text = " ".join(as_text(value) for value in texts)
            found[code].append((pk, {fold(word) for word in words(text)}, pk in food))
    return found


def as_text(value):
    raw = getattr(value, "raw_data", None)  # a StreamField's blocks
    if raw is not None:
        return json.dumps(list(raw), ensure_ascii=False)
    return str(value or "")


def holds(language, query_words, page):
    if language == VIETNAMESE:
        return all(word in page for word in query_words)
    return any(word in page for word in query_words)


def present_counts(mix, locale_codes):
    """{(language, text, filter key): pages of the reader's language holding the words}."""
    pages = page_words(locale_codes)
    counts = {}
    for code, text, filters in mix:
        query_words = [fold(word) for word in words(text)]
        food_only = filters.get("need") == "food"
        if filters and set(filters) != {"need"}:
            raise ValueError(f"no present count for the filter {filters}")
        counts[key(code, text, filters)] = sum(
            1
            for _pk, page, is_food in pages[code]
            if (is_food or not food_only) and holds(code, query_words, page)
        )
    return counts


def key(code, text, filters):
    return (code, text, ",".join(f"{k}={v}" for k, v in sorted(filters.items())))


def zero_results(mix, present, label, report):
    """Searches that find nothing although their words are in the reader's pages; each is a
    FAILURE line. Also the searches whose first result is not in the reader's language while
    such pages exist. Returns the figures and one row per search for the table."""
    from search import service

    zero, fallback_first, rows = 0, 0, []
    for code, text, filters in mix:
        wanted = present[key(code, text, filters)]
        answer = service.search(service.make_query(text, language=code, filters=filters))
        in_language = sum(1 for r in answer.results if not r["fallback"])
        first_fallback = bool(answer.results) and answer.results[0]["fallback"]
        rows.append((key(code, text, filters), wanted, answer.total, in_language))
        where = f"{label}: {code} {text!r} {filters or ''}"
        if wanted and not answer.total:
            zero += 1
            report(f"FAILURE zero results while present: {where}: {wanted} pages hold it, total 0")
        elif wanted and first_fallback:
            fallback_first += 1
            first = answer.results[0]
            report(
                f"FAILURE fallback first while present: {where}: {wanted} pages hold it, "
                f"total {answer.total}, first result {first['language']} {first['title']!r}"
            )
    report(
        f"[{label}] zero-result queries: {zero} (of {len(rows)} with words present: "
        f"{sum(1 for row in rows if row[1])}); fallback first: {fallback_first}"
    )
    return {"zero": zero, "fallback_first": fallback_first, "searches": len(rows)}, rows


def facet_mismatches(label, report, cap=None):
    """Each facet value's count in an answer against the total of the same search filtered by
    that value too; `cap`: the backend's MAX_MATCHES (see the module docstring)."""
    from search import service

    checked, mismatches, capped_queries = 0, 0, 0
    searches = [
        (code, text, base)
        for code, text in FACET_QUERIES
        for base in ({}, {**NARROWED, "language": code})
    ]
    for code, text, base in searches:
        answer = service.search(service.make_query(text, language=code, filters=base))
        capped = cap is not None and answer.total >= cap
        capped_queries += capped
        for name, items in answer.facets.items():
            for item in items:
                if name in base and item["value"] != base[name]:
                    # A listing has several needs and languages, and a filter takes one value:
                    # "masks and rides" has no URL, so only the chosen value is checked.
                    continue
                filters = {**base, name: item["value"]}
                filtered = service.search(
                    service.make_query(text, language=code, filters=filters)
                ).total
                checked += 1
                if capped:
                    right = item["count"] <= filtered <= cap
                    rule = f"count <= filtered <= {cap}"
                else:
                    right = item["count"] == filtered
                    rule = "count == filtered"
                if not right:
                    mismatches += 1
                    report(
                        f"FAILURE facet mismatch: {label}: {code} {text!r} {base or ''} "
                        f"(total {answer.total}{', capped' if capped else ''}) {name}="
                        f"{item['value']}: count {item['count']}, filtered total {filtered} "
                        f"(wanted {rule})"
                    )
    at_cap = f" ({capped_queries} of {len(searches)} searches at the cap)" if cap else ""
    report(f"[{label}] facet mismatches: {mismatches} of {checked}{at_cap}")
    return {"mismatches": mismatches, "checked": checked, "capped_queries": capped_queries}


def run_checks(mix, present, backend_name, report):
    """Both checks on the backend now configured; the figures for the run's JSON."""
    from search.database import MAX_MATCHES

    cap = MAX_MATCHES if backend_name == "database" else None
    figures, rows = zero_results(mix, present, backend_name, report)
    figures.update(facet_mismatches(backend_name, report, cap))
    return figures, rows


def rows_table(present_rows_by_backend):
    """One line per search of the mix: pages holding its words, then each backend's total
    and how many of the first page's results are in the reader's language."""
    names = list(present_rows_by_backend)
    if not names:
        return ""
    first = present_rows_by_backend[names[0]]
    lines = [
        "query (language, words, filter) | pages holding the words | "
        + " | ".join(f"{name}: total / first page in language" for name in names)
    ]
    for n, (search_key, wanted, _total, _in_language) in enumerate(first):
        cells = [
            f"{row[2]} / {row[3]}" for row in (present_rows_by_backend[name][n] for name in names)
        ]
        code, text, filters = search_key
        lines.append(f"{code} {text!r} {filters} | {wanted} | " + " | ".join(cells))
    return "\n".join(lines)
