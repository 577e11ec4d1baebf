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


class AnonymousSessionsEndWithTheBrowserMiddleware:
    """A session started for someone not logged in (a message after logging out, a password-reset link) lasts only
    until the browser closes: nothing about an anonymous visit is kept on their device. Logins keep
    SESSION_COOKIE_AGE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        user = getattr(request, "user", None)
        # Only sessions already being saved: touching an empty one would start a session for every visitor.
        if session is not None and session.modified and not session.is_empty() and not (user and user.is_authenticated):
            session.set_expiry(0)
        return response
