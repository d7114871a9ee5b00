"""Demo values for the suggest-a-listing page, created under home by `load_demo`."""

from django.utils.html import escape

SUGGEST_PAGE = {
    "title": "Suggest a listing",
    "intro": "<p>{}</p>".format(
        escape(
            "Know a mutual-aid group, a request or volunteer form, a hotline or a fund that "
            "is missing from the directory? Tell us about it. An editor checks every "
            "suggestion with the group before it is published."
        )
    ),
    "thank_you": (
        "Thank you. An editor will check it with the group before it appears in the directory."
    ),
    "show_in_menus": True,
}
