"""`translate_together`: a listing's terms of every taxonomy in the reader's language, in one
query (directory/models/taxonomy.py)."""

from directory.factories import AreaFactory, NeedFactory, OrganizationFactory
from directory.models.taxonomy import translate_together


def test_every_taxonomy_in_the_readers_language_in_one_query(locales, django_assert_num_queries):
    english, spanish = locales["en"], locales["es"]
    food = NeedFactory(slug="food", name="Food", locale=english)
    masks = NeedFactory(slug="masks", name="Masks", locale=english)  # not translated
    seattle = AreaFactory(slug="seattle", name="Seattle", locale=english)
    org = OrganizationFactory(name="Neighbours", website="https://example.org/", locale=english)
    for item, name in ((food, "Comida"), (seattle, "Seattle (es)"), (org, "Vecinos")):
        translation = item.copy_for_translation(spanish)
        translation.name = name
        translation.save()

    with django_assert_num_queries(1):
        needs, areas, organizations = translate_together(
            [food, masks], [seattle], [org], locale=spanish
        )

    assert [need.name for need in needs] == ["Comida", "Masks"]  # the editor's order kept
    assert [area.name for area in areas] == ["Seattle (es)"]
    assert organizations[0].name == "Vecinos"
    assert organizations[0].website == "https://example.org/"
    assert organizations[0].locale_id == spanish.pk and organizations[0].pk != org.pk

    with django_assert_num_queries(0):  # nothing to translate in the items' own language
        assert translate_together([food], locale=english) == [[food]]
