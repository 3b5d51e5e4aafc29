"""gunicorn entry point for the benchmark: production settings, plus the bare yardstick view."""

import os

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

from django.conf import settings  # noqa: E402
from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
settings.ROOT_URLCONF = "bench.urls"


def behind_https_proxy(environ, start_response):
    """The application as the production proxy presents it: every request, including those
    a tool makes on its own (Lighthouse fetching robots.txt), arrives marked as https."""
    environ["HTTP_X_FORWARDED_PROTO"] = "https"
    return application(environ, start_response)
