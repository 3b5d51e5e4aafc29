"""gunicorn entry point of the yardstick (``bench.yardstick.wsgi:application``)."""

import os

os.environ["DJANGO_SETTINGS_MODULE"] = "bench.yardstick.settings"

from django.core.wsgi import get_wsgi_application  # noqa: E402

application = get_wsgi_application()
