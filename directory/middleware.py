from django.conf import settings


class PermissionsPolicyMiddleware:
    """Adds the Permissions-Policy header (Django has no setting for it)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.policy = settings.PERMISSIONS_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", self.policy)
        return response
