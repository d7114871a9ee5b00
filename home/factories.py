"""Factories for the home app, shared by tests (and usable from a shell)."""

import wagtail_factories

from home.models import HomePage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Mutual Aid King County"
    slug = "home"
    intro = "Neighbours meet each other's needs. Everyone has something to give and to receive."
    get_help_title = "Get help"
    get_help_text = "Food, supplies, rides and more, from people near you."
    give_help_title = "Give help"
    give_help_text = "Volunteer, donate, or start a network on your street."

    class Meta:
        model = HomePage
