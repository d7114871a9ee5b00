"""The three numbers the urgent-help block always offers: 911, 988 and 211.

Every other phone number on the site comes from editors, checked with the group, and the demo
invents none. These three may be written here because they are national or statewide short
codes, stable for decades, public, free, and reachable from any phone in King County: a reader
in crisis always gets a working number, even from an empty directory.
"""

from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class NationalLine:
    number: str  # dialled as is: `tel:` accepts these short codes
    name: Promise
    about: Promise


NATIONAL_LINES = (
    NationalLine(
        "911",
        _("Emergency"),
        _("Danger to life, a fire or a crime happening now."),
    ),
    NationalLine(
        "988",
        _("Suicide & Crisis Lifeline"),
        _("Call or text any time you are in crisis."),
    ),
    NationalLine(
        "211",
        _("King County 211"),
        _("Information and referral: food, housing, bills and more."),
    ),
)
