"""Settings of the yardstick: what any Django project in production has, and nothing else.

The same HTTPS rules as Newsroom's production settings (the proxy's ``X-Forwarded-Proto``
trusted, plain http redirected, HSTS), so both answer the same requests the same way.
"""

DEBUG = False
SECRET_KEY = "yardstick-only-secret-key-never-used-for-anything-0123456789"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.yardstick.urls"
WSGI_APPLICATION = "bench.yardstick.wsgi.application"
INSTALLED_APPS: list[str] = []
MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]
DATABASES: dict = {}
USE_TZ = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = True
SECURE_HSTS_SECONDS = 31_536_000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
LOGGING_CONFIG = None
