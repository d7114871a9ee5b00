"""The database search index filled as `update_index` fills it, with the listings' taxonomies
prefetched: the bench's way to index 100,000 pages on PostgreSQL.

`update_index` (modelsearch's rebuild) prefetches a model's RelatedFields, except
ParentalManyToManyFields (modelsearch.index.RelatedFields.select_on_queryset), which is what a
listing's needs, areas and languages are. Its ObjectIndexer then reads each of them once per
vector it builds (title, body, autocomplete, and the two plain texts): about 13 queries per
listing, 15,000 for 1,100 pages, 742 s for 11,000 on PostgreSQL, hours for 110,000. Here the
same index, the same rebuilder and the same `add_items` write the same entries; only the
relations come prefetched, in one query each per chunk.
"""

from modelcluster.fields import ParentalManyToManyField

CHUNK = 1000


def taxonomies_prefetched(model, queryset):
    from modelsearch.index import RelatedFields

    names = [
        field.field_name
        for field in model.get_search_fields()
        if isinstance(field, RelatedFields)
        and isinstance(
            model._meta._forward_fields_map.get(field.field_name), ParentalManyToManyField
        )
    ]
    return queryset.prefetch_related(*names) if names else queryset


def fill(backend_name):
    """Rebuild `backend_name`'s index as modelsearch's rebuild command does (same rebuilder,
    same `add_items`), chunk by chunk of primary keys; the number of objects indexed."""
    from modelsearch.backends import get_search_backend
    from modelsearch.index import get_indexed_models
    from modelsearch.management.commands.rebuild_modelsearch_index import (
        group_models_by_index,
    )

    backend = get_search_backend(backend_name)
    indexed = 0
    for index, models in group_models_by_index(backend, get_indexed_models()).items():
        rebuilder = backend.rebuilder_class(index)
        index = rebuilder.start()
        for model in models:
            index.add_model(model)
        for model in models:
            objects = taxonomies_prefetched(model, model.get_indexed_objects().order_by("pk"))
            ids = list(objects.values_list("pk", flat=True))
            for first in range(0, len(ids), CHUNK):
                chunk = list(objects.filter(pk__in=ids[first : first + CHUNK]))
                index.add_items(model, chunk)
                indexed += len(chunk)
        rebuilder.finish()
    return indexed
