"""Factories per state: ProviderFactory is a draft; PublishedProviderFactory is live in the directory."""

import factory
from django.utils import timezone

from providers import geo
from providers.models import Office, Provider
from providers.taxonomy import vocabulary
from providers.users import User


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    password = factory.PostGenerationMethodCall("set_password", "a-strong-test-password")

    @factory.post_generation
    def _save(obj, create, extracted, **kwargs):
        if create:
            obj.save()


class VerifiedUserFactory(UserFactory):
    email_verified_at = factory.LazyFunction(timezone.now)


class FounderFactory(UserFactory):
    is_staff = True
    is_superuser = True
    email_verified_at = factory.LazyFunction(timezone.now)


def terms(field, *slugs):
    """Term ids for slugs, e.g. terms("concerns", "birth-trauma"): what the provider arrays hold."""
    return vocabulary().ids(field, slugs)


class ProviderFactory(factory.django.DjangoModelFactory):
    """A draft listing with the essentials filled in."""

    class Meta:
        model = Provider
        skip_postgeneration_save = True

    display_name = factory.Sequence(lambda n: f"Provider Number{n}")
    credentials = "LICSW, PMH-C"
    headline = "Warm, steady support through pregnancy and the months after birth"
    bio = "I work with parents through pregnancy and the first years.\n\nSessions are paced by you."
    approach = "I ask before anything, explain what we will do, and you can pause at any time."
    contact_email = factory.Sequence(lambda n: f"private-provider-{n}@example.net")
    types = factory.LazyFunction(lambda: terms("types", "therapist"))
    concerns = factory.LazyFunction(lambda: terms("concerns", "postpartum-depression", "perinatal-anxiety"))
    modalities = factory.LazyFunction(lambda: terms("modalities", "cbt"))
    languages = factory.LazyFunction(lambda: terms("languages", "en"))
    payments = factory.LazyFunction(lambda: terms("payments", "self-pay", "sliding-scale"))
    practices = factory.LazyFunction(lambda: terms("practices", "consent-before-touch"))
    formats = factory.LazyFunction(lambda: terms("formats", "in-person", "telehealth"))
    licensed_states = factory.LazyFunction(lambda: ["MA"])
    fee_min = 120
    fee_max = 180
    accepting_new_clients = True
    availability_confirmed_at = factory.LazyFunction(timezone.now)
    status = Provider.Status.DRAFT

    @factory.post_generation
    def office(obj, create, extracted, **kwargs):
        """An office in Cambridge, MA unless office=False or office__zip_code=... is given."""
        if not create or extracted is False:
            return
        OfficeFactory(provider=obj, **kwargs)


class PendingProviderFactory(ProviderFactory):
    status = Provider.Status.PENDING


class PublishedProviderFactory(ProviderFactory):
    status = Provider.Status.PUBLISHED


class OfficeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Office

    provider = factory.SubFactory(ProviderFactory, office=False)
    name = "Main office"
    street = "10 Example Street"
    show_street = False
    zip_code = "02139"
    city = factory.LazyAttribute(lambda office: geo.lookup_zip(office.zip_code).city)
    state = factory.LazyAttribute(lambda office: geo.lookup_zip(office.zip_code).state)


# Listing lifecycle ---------------------------------------------------------------------------------------------
class ChangesRequestedProviderFactory(ProviderFactory):
    status = Provider.Status.CHANGES_REQUESTED


class RejectedProviderFactory(ProviderFactory):
    status = Provider.Status.REJECTED


class SuspendedProviderFactory(ProviderFactory):
    status = Provider.Status.SUSPENDED


class OwnedProviderFactory(ProviderFactory):
    """A draft listing whose owner has a verified account (the usual provider)."""

    owner = factory.SubFactory(VerifiedUserFactory)


class OwnedPublishedProviderFactory(OwnedProviderFactory):
    status = Provider.Status.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)


class ModeratorFactory(UserFactory):
    """A founder as createfounder makes one: staff in the Founders group, not a superuser."""

    is_staff = True
    email_verified_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def founders_group(obj, create, extracted, **kwargs):
        if create:
            from providers.founders import sync_founders_group

            obj.groups.add(sync_founders_group())


def jpeg_upload(name="photo.jpg", size=(640, 480), color=(200, 120, 90)):
    """A small real JPEG, as a browser would upload it."""
    import io

    from django.core.files.uploadedfile import SimpleUploadedFile
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="JPEG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/jpeg")
