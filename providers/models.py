from providers.users import User  # noqa: F401  (AUTH_USER_MODEL = "providers.User")
