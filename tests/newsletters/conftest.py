import pytest

from tests.newsletters.smtp import smtp_server


@pytest.fixture
def inbox(settings):
    """Mail goes to a real SMTP server on loopback (aiosmtpd); its ``messages``."""
    with smtp_server() as server:
        settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
        settings.EMAIL_HOST = "127.0.0.1"
        settings.EMAIL_PORT = server.port
        settings.EMAIL_USE_TLS = False
        settings.EMAIL_HOST_USER = settings.EMAIL_HOST_PASSWORD = ""
        yield server
