"""Flags that ask a fluent reader to review a translation.

wagtail-localize records *what* is translated, not *how well*: a translation made with a
machine's help, or one that still shows English where a segment is missing, looks the same as
a checked one. A flag is the editors' to-do item: it names the object (through
wagtail-localize's `TranslatableObject`, so one flag covers a page or a snippet alike) and the
locale, says why, and is deleted once someone fluent has read the translation.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale
from wagtail_localize.models import TranslatableObject


class ReviewFlag(models.Model):
    class Reason(models.TextChoices):
        MACHINE_ASSISTED = "machine_assisted", _("Machine-assisted: needs a fluent reviewer")
        INCOMPLETE = "incomplete", _("Incomplete: some text is still in English")
        OTHER = "other", _("Other (see the note)")

    object = models.ForeignKey(
        TranslatableObject,
        verbose_name=_("translated object"),
        on_delete=models.CASCADE,
        related_name="review_flags",
        help_text=_("The page or snippet, shared by all its translations."),
    )
    locale = models.ForeignKey(
        Locale,
        verbose_name=_("language"),
        on_delete=models.CASCADE,
        related_name="review_flags",
        help_text=_("The translation to review."),
    )
    reason = models.CharField(_("reason"), max_length=20, choices=Reason.choices)
    note = models.TextField(
        _("note"), blank=True, help_text=_("What to check, e.g. which segments fell back.")
    )
    created_at = models.DateTimeField(_("flagged at"), auto_now_add=True)

    class Meta:
        verbose_name = _("translation review flag")
        verbose_name_plural = _("translation review flags")
        ordering = ["locale__language_code", "-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["object", "locale", "reason"], name="one_flag_per_reason"
            )
        ]

    def __str__(self):
        return (
            f"{self.locale.get_display_name()}: {self.object_label} ({self.get_reason_display()})"
        )

    @property
    def object_label(self):
        """The flagged translation's title, or the source's while the translation is missing."""
        instance = self.object.get_instance_or_none(
            self.locale
        ) or self.object.get_instance_or_none(Locale.get_default())
        return str(instance) if instance is not None else str(self.object.translation_key)

    @classmethod
    def flag(cls, instance, locale, reason, note=""):
        """Flag `instance`'s translation into `locale`; a second call only updates the note."""
        translatable, _created = TranslatableObject.objects.get_or_create_from_instance(instance)
        flag, _created = cls.objects.update_or_create(
            object=translatable, locale=locale, reason=reason, defaults={"note": note}
        )
        return flag

    @classmethod
    def for_instance(cls, instance):
        """Open flags on this translation (a page or snippet in its own locale)."""
        return cls.objects.filter(object_id=instance.translation_key, locale_id=instance.locale_id)

    @classmethod
    def open_reasons(cls, instance):
        """Why this translation still needs a fluent reader, in a fixed order; empty once
        reviewed. What readers are told (translations/templatetags/review_tags.py)."""
        reasons = set(cls.for_instance(instance).values_list("reason", flat=True))
        return [reason for reason in cls.Reason.values if reason in reasons]
