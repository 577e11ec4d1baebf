"""US states, DC and Puerto Rico: the places a provider can be licensed in or have an office."""

from django.utils.translation import gettext
from django.utils.translation import gettext_noop as _

# English names, as stored, matched against typed places and sent to founders; marked for the catalog so that
# state_name() can show a family the name in the page's language (Nueva York).
STATE_NAMES = {
    "AL": _("Alabama"), "AK": _("Alaska"), "AZ": _("Arizona"), "AR": _("Arkansas"), "CA": _("California"),
    "CO": _("Colorado"), "CT": _("Connecticut"), "DE": _("Delaware"), "DC": _("District of Columbia"),
    "FL": _("Florida"), "GA": _("Georgia"), "HI": _("Hawaii"), "ID": _("Idaho"), "IL": _("Illinois"),
    "IN": _("Indiana"), "IA": _("Iowa"), "KS": _("Kansas"), "KY": _("Kentucky"), "LA": _("Louisiana"),
    "ME": _("Maine"), "MD": _("Maryland"), "MA": _("Massachusetts"), "MI": _("Michigan"), "MN": _("Minnesota"),
    "MS": _("Mississippi"), "MO": _("Missouri"), "MT": _("Montana"), "NE": _("Nebraska"), "NV": _("Nevada"),
    "NH": _("New Hampshire"), "NJ": _("New Jersey"), "NM": _("New Mexico"), "NY": _("New York"),
    "NC": _("North Carolina"), "ND": _("North Dakota"), "OH": _("Ohio"), "OK": _("Oklahoma"), "OR": _("Oregon"),
    "PA": _("Pennsylvania"), "PR": _("Puerto Rico"), "RI": _("Rhode Island"), "SC": _("South Carolina"),
    "SD": _("South Dakota"), "TN": _("Tennessee"), "TX": _("Texas"), "UT": _("Utah"), "VT": _("Vermont"),
    "VA": _("Virginia"), "WA": _("Washington"), "WV": _("West Virginia"), "WI": _("Wisconsin"), "WY": _("Wyoming"),
}  # fmt: skip

STATE_CHOICES = sorted(STATE_NAMES.items(), key=lambda item: item[1])
STATE_CODES = sorted(STATE_NAMES)


def state_name(code: str) -> str:
    """The state's name in the language of the page being shown; an unknown code as it is."""
    return gettext(STATE_NAMES[code]) if code in STATE_NAMES else code
