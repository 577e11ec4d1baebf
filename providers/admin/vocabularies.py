"""The vocabularies founders keep: names in English and Spanish, and their order on the page."""

from django.contrib import admin

from core.admin import ModelAdmin
from providers.taxonomy import (
    Concern,
    Credential,
    Format,
    Identity,
    InsurancePlan,
    JourneyStage,
    Language,
    Modality,
    PaymentOption,
    Population,
    Practice,
    ProviderType,
)


class TermAdmin(ModelAdmin):
    list_display = ["name", "name_es", "slug", "order"]  # name_es: the Spanish site's name (blank: the English one)
    list_editable = ["order"]
    search_fields = ["name", "name_es", "slug", "description"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        # Listings refer to terms by id; retire a term by renaming it rather than deleting it.
        return False


for model in (ProviderType, Concern, Modality, Population, Language, Practice, Format, PaymentOption):
    admin.site.register(model, TermAdmin)


@admin.register(InsurancePlan)
class InsurancePlanAdmin(TermAdmin):
    """Named plans; a state's Medicaid programme carries its state. Each names the way to pay it is, which listings
    in network with it offer too (Provider.implied_ways_to_pay)."""

    list_display = ["name", "slug", "state", "way_to_pay", "order"]
    list_filter = [("way_to_pay", admin.RelatedOnlyFieldListFilter), "state"]  # the ways some plan is
    list_select_related = ["way_to_pay"]


for model in (Credential, JourneyStage, Identity):
    admin.site.register(model, TermAdmin)
