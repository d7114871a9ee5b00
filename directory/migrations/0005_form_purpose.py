# "kind" means the kind of listing only: what a form is for is its purpose.

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import migrations, models


def rename_in_stored_copies(apps, schema_editor, old="form_kind", new="purpose"):
    """Revisions and wagtail-localize's sources keep a serialized copy of the page: rename the
    key there too, or a draft or a translation sync would lose the form's purpose."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    form_type = ContentType.objects.filter(app_label="directory", model="externalformpage").first()
    if form_type is None:
        return
    for revision in Revision.objects.filter(content_type_id=form_type.pk):
        if old in revision.content:
            revision.content[new] = revision.content.pop(old)
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type_id=form_type.pk):
        content = json.loads(source.content_json)
        if old in content:
            content[new] = content.pop(old)
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])


def rename_back(apps, schema_editor):
    rename_in_stored_copies(apps, schema_editor, old="purpose", new="form_kind")


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_listing_cost"),
        ("wagtailcore", "0070_rename_pagerevision_revision"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField(
            model_name="externalformpage",
            old_name="form_kind",
            new_name="purpose",
        ),
        migrations.AlterField(
            model_name="externalformpage",
            name="purpose",
            field=models.CharField(
                choices=[
                    ("request_support", "Request support"),
                    ("volunteer", "Volunteer"),
                    ("donate", "Donate"),
                    ("survey", "Survey"),
                ],
                max_length=20,
                verbose_name="what the form is for",
            ),
        ),
        migrations.RunPython(rename_in_stored_copies, rename_back),
    ]
