from django.apps import AppConfig


class DemoConfig(AppConfig):
    """The demo publication, The Meridian Review: ``manage.py seed_demo``."""

    name = "demo"
    verbose_name = "Demo content"
