"""What the review page shows of a listing, in words: its facts as the founder checks them before deciding."""

from __future__ import annotations

from providers.states import STATE_NAMES
from providers.taxonomy import TERM_FIELDS


def listing_facts(listing) -> list[tuple[str, str]]:
    """(label, value) rows: who they are, what they offer, where, for how much, how to reach them, their license."""
    rows = [
        ("Name", listing.display_name),
        ("Pronouns", listing.pronouns),
        ("Credentials", listing.credentials),
        ("Headline", listing.headline),
        ("Bio", listing.bio),
        ("How they practise trauma-informed care", listing.approach),
        ("Trainings and certifications", listing.trainings),
    ]
    rows += [
        (term_field.question, ", ".join(t.name for t in listing.terms(term_field.field))) for term_field in TERM_FIELDS
    ]
    rows += [
        (
            "Licensed for telehealth in",
            ", ".join(STATE_NAMES.get(code, code) for code in sorted(listing.licensed_states)),
        ),
        ("Fees", listing.fee_summary),
        ("Free consultation", "Yes" if listing.free_consultation else "No"),
        ("Website", listing.website),
        ("Booking link", listing.booking_url),
        ("Public phone", listing.phone),
        ("Private contact email", listing.contact_email),
        ("License", " ".join(filter(None, [listing.license_type, listing.license_number, listing.license_state]))),
        ("License verified", "Yes" if listing.license_verified_at else "Not yet"),
        ("Account", _account(listing)),
    ]
    return [(label, value or "—") for label, value in rows]


def _account(listing) -> str:
    if not listing.owner_id:
        return "No account (added by the founders)"
    verified = "email confirmed" if listing.owner.email_verified else "email not confirmed yet"
    return f"{listing.owner.email} ({verified})"
