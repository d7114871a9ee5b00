"""What a backend is asked, and what it answers: the same for the database and the cluster."""

from dataclasses import dataclass, field

from directory.facets import FACETS as LISTING_FACETS

FACETS = tuple(facet.name for facet in LISTING_FACETS)  # facet names, in the order shown
PER_PAGE = 10


@dataclass(frozen=True)
class SearchQuery:
    text: str
    language: str  # the reader's language: results in it come first
    default_language: str  # untranslated pages fall back to this one, marked as fallbacks
    filters: dict = field(default_factory=dict)  # facet name -> chosen value
    page: int = 1
    per_page: int = PER_PAGE
    near: object = None  # a reader's Place (directory/near.py): listings nearest first

    @property
    def languages(self):
        """The languages whose pages may answer, the reader's first."""
        if self.language == self.default_language:
            return [self.language]
        return [self.language, self.default_language]

    @property
    def offset(self):
        return (self.page - 1) * self.per_page


@dataclass
class Hit:
    page_id: int
    language: str
    highlight: str = ""  # escaped HTML with <mark> around matches; "" to use the summary
    # What the index stored for the result card (summary, kind, published: see
    # search/documents.py), so the card needs no page object; None: read the page.
    card: dict | None = None


@dataclass
class BackendResults:
    total: int
    hits: list  # of Hit, the requested page only
    facets: dict  # facet name -> {value: count}
    backend: str = ""
    # False when `total` is a floor: the database backend reads at most its MAX_MATCHES
    # ranked matches, so past them it knows only "at least", and counts facets in those.
    total_exact: bool = True
