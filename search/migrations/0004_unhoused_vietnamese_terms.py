"""The Unhoused synonym set also says "không nhà" and "không có nhà ở", the Vietnamese the
content uses for people without a home, besides "vô gia cư" (issue 13).

Only a set editors have left as migration 0002 made it gets them: a set they changed or
removed stays as they left it. A fresh install runs 0002 then this, so its defaults hold them.
"""

from django.db import migrations

NAME = "Unhoused"
FIRST_TERMS = "homeless, unhoused, houseless, sin hogar, vô gia cư, ቤት አልባ"
ADDED = "không nhà, không có nhà ở"


def add_terms(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    SynonymSet.objects.filter(name=NAME, terms=FIRST_TERMS).update(
        terms=f"{FIRST_TERMS}, {ADDED}"
    )


def remove_terms(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    SynonymSet.objects.filter(name=NAME, terms=f"{FIRST_TERMS}, {ADDED}").update(
        terms=FIRST_TERMS
    )


class Migration(migrations.Migration):
    dependencies = [("search", "0003_unanswered_searches")]

    operations = [migrations.RunPython(add_terms, remove_terms)]
