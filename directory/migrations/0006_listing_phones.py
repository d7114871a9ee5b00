"""Listings' phones become an inline (ListingPhone: E.164 number, type, languages, label).

Each listing's `phone` moves into one voice number on the new inline, in the live row and in
its latest revision (a draft keeps it too). A number `phonenumbers` can read is stored in
E.164; one it cannot is kept as the editor typed it, so nothing is lost: the editor sees the
validation message the next time they edit the listing. Translations of a listing share the
phone's translation key, as wagtail-localize expects of synchronized inlines.
"""

import directory.models.listings
import django.db.models.deletion
import modelcluster.fields
import phonenumber_field.modelfields
import uuid
from django.db import migrations, models

import phonenumbers


def normalised(text):
    try:
        number = phonenumbers.parse(text, "US")
    except phonenumbers.NumberParseException:
        return text
    if not phonenumbers.is_valid_number(number):
        return text
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def move_phones_to_inline(apps, schema_editor):
    ListingPage = apps.get_model("directory", "ListingPage")
    ListingPhone = apps.get_model("directory", "ListingPhone")
    Revision = apps.get_model("wagtailcore", "Revision")
    keys = {}  # (page translation key, number) -> the phone's translation key
    listings = ListingPage.objects.exclude(phone="").values_list(
        "pk", "translation_key", "locale_id", "phone", "latest_revision_id"
    )
    for pk, page_key, locale_id, phone, revision_id in listings:
        number = normalised(phone.strip())
        key = keys.setdefault((page_key, number), uuid.uuid4())
        ListingPhone.objects.create(
            page_id=pk, number=number, locale_id=locale_id, translation_key=key, sort_order=0
        )
        revision = Revision.objects.filter(pk=revision_id).first()
        if revision is None or revision.content.get("phones"):
            continue
        draft_phone = (revision.content.get("phone") or "").strip()
        if draft_phone:
            draft_number = normalised(draft_phone)
            draft_key = keys.setdefault((page_key, draft_number), uuid.uuid4())
            revision.content["phones"] = [
                {
                    "pk": None,
                    "page": pk,
                    "number": draft_number,
                    "phone_type": "voice",
                    "label": "",
                    "languages": [],
                    "sort_order": 0,
                    "locale": locale_id,
                    "translation_key": str(draft_key),
                }
            ]
            revision.save(update_fields=["content"])
    if schema_editor.connection.vendor == "postgresql":
        # Check the new rows' foreign keys now: PostgreSQL refuses to alter a table with
        # deferred checks pending, and the next operation drops the old column.
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_form_purpose"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="formlink",
            name="url",
            field=models.URLField(
                help_text="The form in this language. Readers of other languages see it named as such.",
                verbose_name="link to the form",
            ),
        ),
        migrations.AlterField(
            model_name="listingpage",
            name="email",
            field=models.EmailField(
                blank=True,
                help_text="Leave empty unless confirmed.",
                max_length=254,
                verbose_name="email",
            ),
        ),
        migrations.AlterField(
            model_name="listingpage",
            name="website",
            field=models.URLField(
                blank=True, help_text="Leave empty unless confirmed.", verbose_name="website"
            ),
        ),
        migrations.CreateModel(
            name="ListingPhone",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("translation_key", models.UUIDField(default=uuid.uuid4, editable=False)),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "number",
                    phonenumber_field.modelfields.PhoneNumberField(
                        help_text="As the group gives it, e.g. 206 555 0100; numbers outside the US start with + and the country code. Stored in international form for tap-to-call.",
                        max_length=128,
                        region="US",
                        verbose_name="number",
                    ),
                ),
                (
                    "phone_type",
                    models.CharField(
                        choices=[
                            ("voice", "Voice calls"),
                            ("text", "Text messages (SMS)"),
                            ("textphone", "TTY (textphone)"),
                            ("video", "Video relay"),
                            ("fax", "Fax"),
                        ],
                        default="voice",
                        max_length=20,
                        verbose_name="type",
                    ),
                ),
                (
                    "label",
                    models.CharField(
                        blank=True,
                        help_text="Optional, e.g. 'Intake line' or 'After hours'. Translated with the page.",
                        max_length=100,
                        verbose_name="label",
                    ),
                ),
                (
                    "languages",
                    modelcluster.fields.ParentalManyToManyField(
                        blank=True,
                        help_text="The languages someone answering this number speaks. Leave empty if unknown.",
                        limit_choices_to=directory.models.listings.in_default_locale,
                        related_name="+",
                        to="directory.language",
                        verbose_name="answered in",
                    ),
                ),
                (
                    "locale",
                    models.ForeignKey(
                        editable=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="wagtailcore.locale",
                        verbose_name="locale",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="phones",
                        to="directory.listingpage",
                    ),
                ),
            ],
            options={
                "verbose_name": "phone number",
                "verbose_name_plural": "phone numbers",
                "ordering": ["sort_order"],
                "abstract": False,
                "unique_together": {("translation_key", "locale")},
            },
        ),
        migrations.RunPython(move_phones_to_inline, migrations.RunPython.noop),
        migrations.RemoveField(
            model_name="listingpage",
            name="phone",
        ),
    ]
