"""One synonym set per need and per area, made from the directory itself (issue 12 section 4,
issue 13 item 3).

A need's names in every language (the Tigrinya reader's "መግቢ" finds the listings of "Food"),
its slug, and the everyday words readers type for it that no listing says: "rent" is what a
person behind on rent searches, and the listings for it say "financial help". Editors add
more words in their own synonym sets (search/models.py); these apply to the needs that
exist, under the slugs the demo and the directory use.

The translations here are common words, to be reviewed by the translators with the
catalogues, as the first synonym sets were (search/migrations/0002_default_synonym_sets.py).
"""

# need slug -> words readers type for it, in any of the portal's languages.
EVERYDAY_WORDS = {
    "money": [
        "rent",
        "rent help",
        "rent assistance",
        "bills",
        "alquiler",
        "renta",
        "tiền nhà",
        "tiền thuê nhà",
        "ኪራይ",
        "ክራይ",
    ],
    "masks": [
        "sew",
        "sewing",
        "sewers",
        "coser",
        "costura",
        "may vá",
        "may khẩu trang",
        "ስፌት",
    ],
}


def need_sets():
    """Each need's terms: its slug's words, its names in every language, the everyday words."""
    from directory.models import Need

    return taxonomy_sets(Need, EVERYDAY_WORDS)


def need_names():
    """Each need's names in every language, with its slug's words (no everyday words)."""
    from directory.models import Need

    return taxonomy_sets(Need, {})


def area_sets():
    """Each area's names in every language, with its slug's words: a Vietnamese reader's
    "nam quận king" finds the listings of South King County whatever language indexed them."""
    from directory.models import Area

    return taxonomy_sets(Area, {})


def taxonomy_sets(model, everyday):
    sets = {}
    for slug, name in model.objects.values_list("slug", "name"):
        terms = sets.setdefault(slug, [slug.replace("-", " "), *everyday.get(slug, [])])
        terms.append(name)
    found = []
    for terms in sets.values():
        clean = []
        for term in terms:
            term = " ".join(term.split()).lower()
            if term and term not in clean:
                clean.append(term)
        found.append(clean)
    return found
