"""A listing's offices: where a family can meet the provider in person, located from the ZIP code (providers.geo)
and read by the search's offices in range (directory/search/near.py)."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from providers import geo
from providers.events import ListingStatus
from providers.search_document import refresh_search_documents
from providers.states import STATE_CHOICES, STATE_CODES


class OfficeQuerySet(models.QuerySet):
    def of_published_providers(self):
        return self.filter(provider__status=ListingStatus.PUBLISHED)

    def within_box(self, min_lat, max_lat, min_lon, max_lon):
        return self.filter(latitude__gte=min_lat, latitude__lte=max_lat, longitude__gte=min_lon, longitude__lte=max_lon)


class Office(models.Model):
    provider = models.ForeignKey("providers.Provider", on_delete=models.CASCADE, related_name="offices")
    name = models.CharField(max_length=120, blank=True, help_text='e.g. "Main office"')
    street = models.CharField(max_length=200, blank=True)
    show_street = models.BooleanField("show the street address publicly", default=False)
    city = models.CharField(max_length=100)
    state = models.CharField(max_length=2, choices=STATE_CHOICES)
    zip_code = models.CharField("ZIP code", max_length=10)
    latitude = models.FloatField(editable=False)
    longitude = models.FloatField(editable=False)

    objects = OfficeQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        # The search's offices in range (directory/search/near.py) are read from this index alone: the
        # box, then each office's listing (near 10001 at 100,000 listings: 13.6 -> 9 ms, no heap pages).
        # A whole state's offices likewise, from the state index.
        indexes = [
            models.Index(fields=["latitude", "longitude"], include=["provider"], name="office_lat_lon"),
            models.Index(fields=["state"], include=["provider"], name="office_state"),
        ]
        constraints = [models.CheckConstraint(condition=Q(state__in=STATE_CODES), name="office_state_valid")]

    def __str__(self):
        return f"{self.city}, {self.state}"

    def save(self, *args, **kwargs):
        if self.latitude is None or self.longitude is None:
            self.locate()
        super().save(*args, **kwargs)
        refresh_search_documents([self.provider_id])  # the city is part of the provider's search document

    def delete(self, *args, **kwargs):
        result = super().delete(*args, **kwargs)
        refresh_search_documents([self.provider_id])
        return result

    def clean(self):
        super().clean()
        place = geo.lookup_zip(self.zip_code)
        if place is None:
            raise ValidationError({"zip_code": "We couldn't find this ZIP code. Please check it (five digits)."})
        if self.state and place.state != self.state:
            raise ValidationError({"zip_code": f"This ZIP code is in {place.state}, not {self.state}."})
        self.locate(place)

    def locate(self, place=None):
        """Sets the coordinates (and a missing city or state) from the ZIP code."""
        place = place or geo.lookup_zip(self.zip_code)
        if place is None:
            raise ValidationError({"zip_code": "Unknown ZIP code."})
        self.zip_code = place.zip_code
        self.latitude, self.longitude = place.latitude, place.longitude
        self.city = self.city or place.city
        self.state = self.state or place.state

    @property
    def public_address(self):
        parts = [self.street] if self.show_street and self.street else []
        return ", ".join([*parts, f"{self.city}, {self.state} {self.zip_code}"])
