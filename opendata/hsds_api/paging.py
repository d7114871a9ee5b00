"""The HSDS paging envelope: total_items, total_pages, page_number, size, first_page,
last_page, empty, contents.

A page outside the results (page 0, per_page 0, or past the end) is an empty page with the
true totals, not an error: the envelope itself tells the client where the results are, and
the HSDS OpenAPI documents no error for it. `size` is how many entities this page holds, and
`empty` says whether this page holds none (the spec: "an empty result set").
"""

import math


def page_count(total, per_page):
    """At least one page, so page 1 of an empty result is both first and last."""
    return max(1, math.ceil(total / per_page)) if per_page else 1


def bounds(page, per_page):
    """The slice [start, stop) of the results on `page`, or None for a page that holds none."""
    if page < 1 or per_page < 1:
        return None
    start = (page - 1) * per_page
    return start, start + per_page


def envelope(contents, total, page, per_page):
    total_pages = page_count(total, per_page)
    return {
        "total_items": total,
        "total_pages": total_pages,
        "page_number": page,
        "size": len(contents),
        "first_page": page == 1,
        "last_page": page >= total_pages,
        "empty": not contents,
        "contents": contents,
    }
