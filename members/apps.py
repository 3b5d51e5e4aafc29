from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from . import appeals
        from .billing import checks  # noqa: F401 (registers the Stripe settings check)

        appeals.connect()
