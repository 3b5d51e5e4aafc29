"""A system check: Stripe's settings come as a set, or not at all."""

from django.conf import settings
from django.core.checks import Warning, register

STRIPE_SETTINGS = ["STRIPE_SECRET_KEY", "STRIPE_PUBLISHABLE_KEY", "STRIPE_WEBHOOK_SECRET"]


@register()
def stripe_settings_complete(app_configs, **kwargs):
    given = [name for name in STRIPE_SETTINGS if getattr(settings, name, "")]
    if not given or len(given) == len(STRIPE_SETTINGS):
        return []
    missing = [name for name in STRIPE_SETTINGS if name not in given]
    return [
        Warning(
            f"{', '.join(given)} set without {', '.join(missing)}.",
            hint="Online payment stays off until STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET "
            "are both set; set all three (see the README, Online payment).",
            id="members.W001",
        )
    ]
