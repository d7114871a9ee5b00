"""The first synonym sets, from the needs in the issue; editors extend them in the admin.

Ge'ez (Amharic, Tigrinya) and Vietnamese terms are common words for each need; the
translators should review them with the catalogues.
"""

from django.db import migrations

SETS = [
    ("Food", "food, groceries, meals, comida, alimentos, despensa, thực phẩm, đồ ăn, ምግብ, ምግቢ"),
    ("Unhoused", "homeless, unhoused, houseless, sin hogar, vô gia cư, ቤት አልባ"),
    (
        "Prescriptions",
        "prescriptions, prescription, medicine, medicines, medication, pharmacy, medicinas, "
        "medicamentos, recetas, thuốc, መድኃኒት, መድሃኒት",
    ),
    ("Masks", "masks, mask, ppe, face masks, n95, mascarillas, cubrebocas, khẩu trang, ማስክ"),
    (
        "Transportation",
        "transportation, transport, ride, rides, drive, driver, lift, transporte, đưa đón, ትራንስፖርት",
    ),
    ("Health", "health, medical, doctor, salud, médico, sức khỏe, ጤና, ጥዕና"),
    ("Money", "money, cash, financial help, funds, dinero, ayuda financiera, tiền, ገንዘብ"),
    ("Volunteer", "volunteer, volunteering, voluntario, voluntariado, tình nguyện"),
]


def add_sets(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    for name, terms in SETS:
        SynonymSet.objects.get_or_create(name=name, defaults={"terms": terms})


def remove_sets(apps, schema_editor):
    SynonymSet = apps.get_model("search", "SynonymSet")
    SynonymSet.objects.filter(name__in=[name for name, _terms in SETS]).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0001_synonyms_and_retry_queue")]

    operations = [migrations.RunPython(add_sets, remove_sets)]
