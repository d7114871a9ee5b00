"""Demo site copy: home page text and the directory and article index introductions.

Written in our own words from the facts in the seed document
(shared/seed/mutual-aid-king-county.txt).
"""

HOME = {
    "title": "Mutual Aid King County",
    "intro": (
        "Mutual aid is neighbors helping neighbors: people pool food, money, time and skills "
        "so that no one has to face hard times alone. This site brings together mutual aid "
        "groups and resources in Seattle, King County and nearby, for people who need help and "
        "people who want to give it."
    ),
    "get_help_title": "Get help",
    "get_help_text": (
        "Need food, household supplies, financial help or an answer to a health question? Find "
        "groups, forms and a hotline that can help, some of them offered in Amharic, Spanish, "
        "Tigrinya and Vietnamese as well as English."
    ),
    "give_help_title": "Give help",
    "give_help_text": (
        "Have time, money, supplies or skills to share? Deliver groceries, donate to a fund, "
        "make masks, give blood or join a group near you."
    ),
}

DIRECTORY_INTRO = (
    "Mutual aid groups, request forms, funds, ways to help and a health hotline in Seattle, "
    "King County and nearby. Filter by what you need, where you live or the language you "
    "speak. Each listing says whether it is for getting help, giving help, or both."
)

ARTICLES_INTRO = (
    "Short, plain-language reads on what mutual aid is, where the idea comes from, how "
    "networks run, and how to join one or start your own."
)

# The site's name and footer in English (home.SiteText); other languages show the interface's
# own translation of the same words until an editor adds theirs.
SITE_TEXT = {
    "site_name": "Mutual Aid King County",
    "footer": (
        "<p>Mutual aid: neighbours meeting each other's needs, together. Listings are checked "
        "by volunteer editors; call before you go.</p>"
    ),
}
