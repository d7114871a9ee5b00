"""The editors' dashboard: what is waiting for them (suggestions, problem reports, listings to
check), each as a count, the first few and a link to the rest.

Each app defines its panels as `WorkQueuePanel`s and adds them in its `wagtail_hooks.py`
(`construct_homepage_panels`), only for the editors allowed to act on what they list.
"""

from dataclasses import dataclass

from django.utils.functional import cached_property

from wagtail.admin.ui.components import Component

# How many items a panel names; the link under them leads to the rest.
FIRST_FEW = 5


@dataclass
class QueueItem:
    title: str
    url: str
    detail: str = ""


class WorkQueuePanel(Component):
    """One queue on the dashboard. Subclasses set `name`, `order`, `heading`, `icon`, `all_label`
    and `empty_message`, and say what is waiting (`get_queryset`), how each one reads (`item`) and
    where all of them are (`all_url`)."""

    template_name = "portal/admin/work_queue_panel.html"
    heading = ""
    icon = "list-ul"
    all_label = ""
    empty_message = ""

    def __init__(self, request):
        self.request = request

    def get_queryset(self):
        raise NotImplementedError

    def item(self, obj):
        raise NotImplementedError

    def all_url(self):
        raise NotImplementedError

    @cached_property
    def queryset(self):
        return self.get_queryset()

    def get_context_data(self, parent_context=None):
        first_few = list(self.queryset[:FIRST_FEW])
        count = len(first_few) if len(first_few) < FIRST_FEW else self.queryset.count()
        return {
            "panel_id": self.name.replace("_", "-"),
            "heading": self.heading,
            "icon": self.icon,
            "count": count,
            "items": [self.item(obj) for obj in first_few],
            "all_url": self.all_url(),
            "all_label": self.all_label,
            "empty_message": self.empty_message,
        }
