from django.apps import AppConfig


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = "Members"

    def ready(self):
        from . import appeals
        from .billing import checks  # noqa: F401 (registers the Stripe settings check)

        appeals.connect()

        from .subscriptions import keep_standings_fresh

        keep_standings_fresh()

        # The article page asks who reads a gated piece in full; the rule is ours.
        from articles.access import register_reading_rule

        from .access import reading

        register_reading_rule(reading)
