"""What the search keeps in the database: editors' synonyms and the durable retry queue."""

import re

from django.db import models
from django.utils.translation import gettext_lazy as _

# Terms are separated by commas or new lines; a term may hold several words ("thực phẩm").
TERM_SEPARATORS = re.compile(r"[,\n;]+")


class SynonymSet(models.Model):
    """Words that mean the same need, in any language: searching one finds the others.

    Kept as data (a snippet) so editors can add the words readers really type without a
    deployment. Both backends apply them: the database backend expands the query, the cluster
    compiles them into a `synonym_graph` filter.
    """

    name = models.CharField(
        _("name"),
        max_length=100,
        help_text=_("What these words are about, for editors: e.g. 'Food'."),
    )
    terms = models.TextField(
        _("terms"),
        help_text=_(
            "Words and phrases that mean the same thing, separated by commas or on separate "
            "lines, in any of the portal's languages: e.g. 'food, groceries, meals, comida, "
            "thực phẩm, ምግብ'."
        ),
    )

    class Meta:
        verbose_name = _("synonym set")
        verbose_name_plural = _("synonym sets")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def term_list(self):
        """The terms, cleaned: lower case, single spaces, no empties, no duplicates."""
        seen = []
        for raw in TERM_SEPARATORS.split(self.terms):
            term = " ".join(raw.split()).lower()
            if term and term not in seen:
                seen.append(term)
        return seen


class PendingIndexUpdate(models.Model):
    """A change waiting for the cluster: queued for the worker's task (search/indexing.py), or
    missed because the cluster was down or slow, and replayed when it answers again.

    One row per page (or one for the synonyms), so a page edited ten times while the cluster
    is down is sent once, in its latest state, when it returns. A task that fails or is lost
    leaves its rows here: nothing is lost if a worker dies.
    """

    class Target(models.TextChoices):
        PAGE = "page", _("Page")
        SYNONYMS = "synonyms", _("Synonyms")

    target = models.CharField(_("target"), max_length=10, choices=Target.choices)
    # 0 for the synonyms row: a real value keeps the unique constraint simple on every database.
    page_id = models.BigIntegerField(
        _("page ID"), default=0, help_text=_("The page to index again or remove.")
    )
    translation_key = models.UUIDField(
        _("translation key"),
        null=True,
        blank=True,
        help_text=_("Its translations are indexed again too: they list which locales exist."),
    )
    queued_at = models.DateTimeField(_("queued at"), auto_now_add=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=1)
    last_error = models.TextField(_("last error"), blank=True)

    class Meta:
        verbose_name = _("pending search index update")
        verbose_name_plural = _("pending search index updates")
        ordering = ["queued_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["target", "page_id"],
                name="search_pending_update_unique_target",
            )
        ]

    def __str__(self):
        if self.target == self.Target.SYNONYMS:
            return str(self.Target.SYNONYMS.label)
        return f"{self.Target.PAGE.label} {self.page_id}"


class UnansweredSearch(models.Model):
    """A search that found nothing, counted so editors can add a synonym or promote a page.

    Only the words and how often they were searched, per language: no person, address, time
    of day or anything else about who searched (search/unanswered.py also leaves out text
    that looks like someone's phone number or e-mail address).
    """

    text = models.CharField(_("search"), max_length=100)
    language = models.CharField(_("language"), max_length=8)
    count = models.PositiveIntegerField(_("times searched"), default=1)
    first_searched_on = models.DateField(_("first searched on"), auto_now_add=True)
    last_searched_on = models.DateField(_("last searched on"), auto_now=True)

    class Meta:
        verbose_name = _("search that found nothing")
        verbose_name_plural = _("searches that found nothing")
        ordering = ["-count", "text"]
        constraints = [
            models.UniqueConstraint(fields=["text", "language"], name="search_unanswered_unique")
        ]

    def __str__(self):
        return self.text


class IndexWord(models.Model):
    """A word of PostgreSQL's search index (a lexeme of its title and body vectors), so a
    reader's word the index lacks can be matched to the closest ones (pg_trgm similarity,
    search/typos_postgres.py), as SQLite's vocabulary does (search/vocabulary.py).

    Filled on PostgreSQL only, by triggers on Wagtail's index table (migration 0005): every
    entry written adds its new words, whatever wrote it (publishing, `update_index`, bulk
    loads). Words are never removed: one left from a deleted page leads to no result, as any
    word with no page would.
    """

    word = models.TextField(_("word"), db_index=True)

    class Meta:
        verbose_name = _("search index word")
        verbose_name_plural = _("search index words")

    def __str__(self):
        return self.word
