from django.conf import settings
from django.utils.translation import get_language


def site_name() -> str:
    """The site's name in the page's language (SITE_NAME_ES on the Spanish site)."""
    return settings.SITE_NAME_ES if (get_language() or "").startswith("es") else settings.SITE_NAME


def site(request):
    return {"SITE_NAME": site_name(), "SITE_URL": settings.SITE_URL}
