"""A listing's or organization's open-data identity, and where an imported one came from.

HSDS consumers sync by id, so an id has to outlive a reinstall and an export/import round
trip: it is stored, one per translation set (every translation carries its source's, kept in
step by wagtail-localize as a synchronized field), rather than derived from the random
`translation_key`. A record brought in by `import_hsds` keeps the source's id and says where it
came from, so the next import of the same dataset finds it again.
"""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail_localize.fields import SynchronizedField

IDENTITY_FIELDS = ["hsds_id", "imported_from", "imported_record_id", "imported_at"]


class OpenDataIdentity(models.Model):
    hsds_id = models.UUIDField(
        _("open-data id"),
        null=True,
        editable=False,
        db_index=True,
        help_text=_("The id open-data consumers know it by, in every language."),
    )
    imported_from = models.CharField(_("imported from"), max_length=500, blank=True, editable=False)
    imported_record_id = models.CharField(
        _("id in the source"), max_length=250, blank=True, editable=False
    )
    imported_at = models.DateTimeField(_("imported at"), null=True, blank=True, editable=False)

    # A duplicated page or snippet is a new record: it gets its own id and no provenance. A
    # translation gets its source's through the synchronized fields.
    exclude_fields_in_copy = IDENTITY_FIELDS

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.hsds_id is None:
            self.hsds_id = self.translation_set_hsds_id() or uuid.uuid4()
        super().save(*args, **kwargs)

    def translation_set_hsds_id(self):
        """The id another translation of this record already has, if any."""
        model = self._meta.get_field("hsds_id").model  # the concrete model holding the field
        return (
            model._default_manager.filter(translation_key=self.translation_key)
            .exclude(pk=self.pk)
            .exclude(hsds_id=None)
            .values_list("hsds_id", flat=True)
            .first()
        )


def identity_translatable_fields():
    """The same id and provenance in every translation, never overridden by a translator."""
    return [SynchronizedField(name, overridable=False) for name in IDENTITY_FIELDS]
