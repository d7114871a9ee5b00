# "page" named the chosen article and hotline here, and the parent page elsewhere: the chosen
# pages are now called what they are.

from django.db import migrations

RENAMES = {"featured_articles": ("page", "article"), "urgent_contacts": ("page", "hotline")}


def rename_in_stored_copies(apps, schema_editor, backwards=False):
    """Home page revisions and wagtail-localize's sources keep serialized copies of these rows:
    rename the keys there too, or a draft or a translation sync would drop the chosen pages."""
    import json

    from django.core.serializers.json import DjangoJSONEncoder

    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    TranslationSource = apps.get_model("wagtail_localize", "TranslationSource")
    home_type = ContentType.objects.filter(app_label="home", model="homepage").first()
    if home_type is None:
        return

    def renamed(content):
        changed = False
        for relation, (old, new) in RENAMES.items():
            if backwards:
                old, new = new, old
            for row in content.get(relation) or []:
                if old in row:
                    row[new] = row.pop(old)
                    changed = True
        return changed

    for revision in Revision.objects.filter(content_type_id=home_type.pk):
        if renamed(revision.content):
            revision.save(update_fields=["content"])
    for source in TranslationSource.objects.filter(specific_content_type_id=home_type.pk):
        content = json.loads(source.content_json)
        if renamed(content):
            source.content_json = json.dumps(content, cls=DjangoJSONEncoder)
            source.save(update_fields=["content_json"])


def rename_back(apps, schema_editor):
    rename_in_stored_copies(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0002_site_text"),
        ("wagtailcore", "0070_rename_pagerevision_revision"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
    ]

    operations = [
        migrations.RenameField(
            model_name="homefeaturedarticle", old_name="page", new_name="article"
        ),
        migrations.RenameField(model_name="homeurgentcontact", old_name="page", new_name="hotline"),
        migrations.RunPython(rename_in_stored_copies, rename_back),
    ]
