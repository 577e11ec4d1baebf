"""What counts as demo data, how to remove it, and how to load many listings into PostgreSQL quickly.

Demo data is recognisable without a marker column. example.org is reserved for documentation (RFC 2606): no real
person has an address there, so nobody outside seed_demo can own these addresses:
- a demo provider is a listing whose private contact email is `provider<number>@example.org` and which has no
  owner or a demo owner;
- a demo account is a user whose email is `provider<number>@example.org`.
Everything else is real data, except the development founder (`ensure_demo_founder`), which is development
scaffolding: it neither blocks seeding nor is ever deleted by it.

Listings are written with COPY (through psycopg, providers.demo.bulk) in batches of 10,000, each followed by one
set-based UPDATE of their search documents (providers.search_document); offices' coordinates come from the ZIP
index in Python. Fields a demo row leaves out get their model defaults, including fields added after this was
written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing
from dataclasses import dataclass
from itertools import islice

from django.contrib.auth.hashers import make_password
from django.db import connection, transaction
from django.db.models import Q
from django.utils import timezone

from providers.credentials import CredentialCheck
from providers.demo import bulk
from providers.demo.avatars import attach_photo
from providers.demo.builder import DemoListing
from providers.events import ListingEvent
from providers.founders import DEMO_FOUNDER_EMAIL
from providers.models import Office, Provider, ProviderPlan, refresh_search_documents
from providers.users import User

DEMO_EMAIL_REGEX = r"^provider[0-9]+@example\.org$"
DEMO_PROVIDER_PASSWORD = "demo-provider-password"  # noqa: S105  (development only; printed by seed_demo)
BATCH = 10_000  # listings per COPY and search-document update


# Recognising demo data ----------------------------------------------------------------------------------------
def demo_providers():
    return Provider.objects.filter(contact_email__regex=DEMO_EMAIL_REGEX).filter(
        Q(owner__isnull=True) | Q(owner__email__regex=DEMO_EMAIL_REGEX)
    )


def real_providers():
    return Provider.objects.exclude(pk__in=demo_providers().values("pk"))


def demo_users():
    return User.objects.filter(email__regex=DEMO_EMAIL_REGEX)


def real_users():
    return User.objects.exclude(email__regex=DEMO_EMAIL_REGEX).exclude(email__iexact=DEMO_FOUNDER_EMAIL)


def delete_demo_data() -> int:
    """Deletes demo listings (offices and all that hangs off them) and demo accounts; returns the listings count.

    An account with a demo address that owns a real listing is left alone: deleting it would delete that listing.
    Photo files go once the transaction commits, so a failed run keeps the old pictures with the old rows.
    """
    providers = demo_providers()
    photos = [name for pair in providers.values_list("photo", "photo_small") for name in pair if name]
    user_ids = list(
        demo_users().filter(Q(listing__isnull=True) | Q(listing__in=providers)).values_list("id", flat=True)
    )
    count = providers.count()
    providers.only("pk").delete()  # pk only: nothing else is needed, and loading 100,000 full rows doubles the time
    User.objects.filter(id__in=user_ids).delete()
    storage = Provider._meta.get_field("photo").storage
    transaction.on_commit(lambda: [storage.delete(name) for name in photos])
    return count


# Loading ------------------------------------------------------------------------------------------------------
@dataclass
class Loaded:
    providers: int = 0
    offices: int = 0
    photos: int = 0
    accounts: int = 0


def create_accounts(emails: Iterable[str]) -> dict[str, int]:
    """Verified provider accounts sharing one demo password; {email: user id}.

    An address that already has an account (one kept because it owns a real listing) is skipped: its demo
    listing simply has no owner, and the existing account is never linked to demo data.
    """
    emails = list(emails)
    taken = set(User.objects.filter(email__in=emails).values_list("email", flat=True))
    password = make_password(DEMO_PROVIDER_PASSWORD)  # hashed once: hashing is deliberately slow
    now = timezone.now()
    users = User.objects.bulk_create(
        [
            User(email=email, password=password, email_verified_at=now, date_joined=now)
            for email in emails
            if email not in taken
        ]
    )
    return {user.email: user.pk for user in users}


def load(listings: Iterator[DemoListing], total: int, accounts: dict[str, int], now) -> Loaded:
    """Writes `total` listings and their offices with COPY, and builds their search documents, batch by batch.

    Batches are drawn (and photographed) in a background thread, so Python builds the next batch while
    PostgreSQL stores this one and computes its search documents: on two cores that nearly halves the time.
    """
    loaded, submitted = Loaded(accounts=len(accounts)), []
    ids = iter(bulk.reserve_ids(Provider, total))
    provider_copy = bulk.CopyWriter(Provider, now, with_pk=True)
    office_copy = bulk.CopyWriter(Office, now, with_pk=False)
    plan_copy = bulk.CopyWriter(ProviderPlan, now, with_pk=False)
    check_copy = bulk.CopyWriter(CredentialCheck, now, with_pk=False)
    checker = User.objects.filter(email__iexact=DEMO_FOUNDER_EMAIL).values_list("id", flat=True).first()
    batches = bulk.in_background(_photographed(_chunks(listings, BATCH)))
    with closing(batches), bulk.indexes_set_aside(Provider):  # not Office's: documents look offices up by provider
        for batch in batches:
            batch_ids, provider_rows, office_rows, plan_rows = [], [], [], []
            check_rows = []
            for listing in batch:
                provider_id = next(ids)
                batch_ids.append(provider_id)
                listing.provider.update(id=provider_id, owner_id=accounts.get(listing.owner_email))
                provider_rows.append(provider_copy.row(listing.provider))
                office_rows += [office_copy.row({**office, "provider_id": provider_id}) for office in listing.offices]
                plan_rows += [plan_copy.row({**row, "provider_id": provider_id}) for row in listing.plan_confirmations]
                check_rows += [
                    check_copy.row({**row, "provider_id": provider_id, "verified_by_id": checker})
                    for row in listing.credential_checks
                ]
            _copy(provider_copy.sql, provider_rows)
            _copy(office_copy.sql, office_rows)
            _copy(plan_copy.sql, plan_rows)
            _copy(check_copy.sql, check_rows)
            refresh_search_documents(batch_ids)
            loaded.providers += len(batch)
            loaded.offices += len(office_rows)
            loaded.photos += sum(1 for listing in batch if listing.photo_seed)
            submitted += [
                listing.provider for listing in batch if listing.provider["status"] == Provider.Status.PENDING
            ]
    _record_submissions(submitted)
    return loaded


def _record_submissions(rows: list[dict]) -> None:
    """The moderation history of listings waiting for review: each was submitted by its owner."""
    ListingEvent.objects.bulk_create(
        ListingEvent(
            provider_id=row["id"],
            actor_id=row["owner_id"],
            action=ListingEvent.Action.SUBMITTED,
            from_status=Provider.Status.DRAFT,
            to_status=Provider.Status.PENDING,
            created_at=row.get("submitted_at") or timezone.now(),
        )
        for row in rows
    )


def _copy(sql: str, rows: list[list]) -> None:
    with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
        for row in rows:
            copy.write_row(row)


def _chunks(items: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(items, size)):
        yield chunk


def _photographed(batches: Iterator[list[DemoListing]]) -> Iterator[list[DemoListing]]:
    """The batches, with the portraits of the listings that want one drawn and stored."""
    # Pillow releases the interpreter lock while it resizes and encodes, so two threads use both cores.
    with ThreadPoolExecutor(max_workers=2) as pool:
        for batch in batches:
            wanted = [listing for listing in batch if listing.photo_seed]
            list(pool.map(lambda listing: attach_photo(listing.provider, listing.photo_seed), wanted))
            yield batch
