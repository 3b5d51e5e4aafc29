"""Newsroom settings, read from the environment.

With no environment at all, Newsroom runs on the embedded default: SQLite, a local-memory
cache, media in ./media, DEBUG on and a development secret key. Each outside service is
switched on by its own variable and only then (DESIGN §9).
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

# --- Core ---------------------------------------------------------------------------------

DEBUG = env.bool("DEBUG", default=True)

# A fixed key is only acceptable while DEBUG is on; production must bring its own.
if DEBUG:
    SECRET_KEY = env("SECRET_KEY", default="dev-only-insecure-key-newsroom-embedded-default")
else:
    SECRET_KEY = env("SECRET_KEY")

ALLOWED_HOSTS = env.list(
    "ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]", "testserver"] if DEBUG else []
)

# --- Applications -------------------------------------------------------------------------

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "taggit",
    "reversion",
    "imagekit",
    "django_prose_editor",
    "csp",
    "allauth",
    "allauth.account",
    # The task queue (django-tasks, Django 6's ``django.tasks`` for 5.2): its database
    # backend's table and worker (``manage.py db_worker``); RQ's apps join when it is used.
    "django_tasks",
    "django_tasks_db",
    # Top to bottom: the project and its demo and benchmark content; comments, sponsors
    # and members; articles; actors and sources. An app imports only from below it, and
    # all of them from the web infrastructure package ``web``, which is no app.
    "newsroom",
    "demo",
    "bench",
    "comments",
    "sponsors",
    "members",
    "newsletters",
    "articles",
    "actors",
    "sources",
]

MIDDLEWARE = [
    # Outermost: every log line written while a request is served carries its id.
    "web.request_id.RequestIdMiddleware",
    # A stored page for an anonymous reader is answered here, before anything else runs.
    # It was stored with the headers the three below gave it (HSTS, the policy, frame
    # options), under an address that includes the scheme: plain http never finds a page
    # stored for https, and is redirected by SecurityMiddleware as before.
    "web.reader_cache.ReaderCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before WhiteNoise, so static files get them too.
    "web.security.ContentSecurityPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "web.db_router.PinAfterWriteMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.middleware.PrivatePagesMiddleware",
    # A view that cannot reach the database answers 503 with Retry-After (web/outages.py).
    "web.outages.DatabaseOutageMiddleware",
]

ROOT_URLCONF = "newsroom.urls"
WSGI_APPLICATION = "newsroom.wsgi.application"
ASGI_APPLICATION = "newsroom.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "newsroom.context_processors.site",
                "members.context_processors.membership",
            ],
        },
    },
]

# --- Data ---------------------------------------------------------------------------------

DATABASES = {
    "default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
}
# Re-check pooled connections so the site recovers by itself when the database returns.
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite lets one writer in at a time. Transactions take the write lock when they
    # begin (instead of failing when a reader tries to become a writer) and wait their turn
    # for up to 20 seconds, so concurrent posts queue instead of answering "database is
    # locked". WAL lets pages be read while someone writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
            "init_command": "PRAGMA journal_mode=WAL;",
        }
    )

# An optional read replica of the same database: reads go there, writes (and the reads of
# a client that has just written) to the primary. See web/db_router.py.
if env("DATABASE_REPLICA_URL", default=""):
    DATABASES["replica"] = env.db("DATABASE_REPLICA_URL")
    DATABASES["replica"]["CONN_MAX_AGE"] = DATABASES["default"]["CONN_MAX_AGE"]
    DATABASES["replica"]["CONN_HEALTH_CHECKS"] = True
    DATABASES["replica"]["TEST"] = {"MIRROR": "default"}
    DATABASE_ROUTERS = ["web.db_router.PrimaryReplicaRouter"]
REPLICA_PIN_SECONDS = env.int("REPLICA_PIN_SECONDS", default=10)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

if env("REDIS_URL", default=""):
    CACHES = {
        "default": {
            # Django's Redis cache that keeps the site serving while Redis is away.
            "BACKEND": "web.cache.ResilientRedisCache",
            "LOCATION": env("REDIS_URL"),
            "KEY_PREFIX": "newsroom",
        }
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "newsroom",
            # Room for the reader cache's pages on one machine.
            "OPTIONS": {"MAX_ENTRIES": 5000},
        }
    }

# --- Tasks --------------------------------------------------------------------------------

# Work that must not hold up a request (sending newsletters) goes through django-tasks.
# "database": a queue in our own database, run by `manage.py worker` (`make run` starts it):
# the embedded default, no other service. "rq": RQ on Redis (REDIS_URL), as many
# `manage.py worker` processes on as many machines as needed; the default when REDIS_URL is
# set. "immediate": run at once, in the caller (the test suite).
TASKS_BACKEND = env("TASKS_BACKEND", default="rq" if env("REDIS_URL", default="") else "database")
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "rq": "django_tasks_rq.RQBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
if TASKS_BACKEND not in TASK_BACKENDS:
    raise ImproperlyConfigured(
        f"TASKS_BACKEND must be one of {', '.join(TASK_BACKENDS)}, not {TASKS_BACKEND!r}."
    )
TASKS = {"default": {"BACKEND": TASK_BACKENDS[TASKS_BACKEND], "QUEUES": ["default"]}}
# RQ's queue, on REDIS_URL. Defined whatever the backend: django-rq is installed, and
# django-imagekit asks for it as soon as it finds the package. A newsletter batch sends a
# few hundred messages: an hour is far more than it needs.
RQ_QUEUES = {
    "default": {
        "URL": env("REDIS_URL", default="redis://127.0.0.1:6379/0"),
        "DEFAULT_TIMEOUT": 3600,
    }
}
if TASKS_BACKEND == "rq":
    if not env("REDIS_URL", default=""):
        raise ImproperlyConfigured("TASKS_BACKEND=rq needs REDIS_URL.")
    INSTALLED_APPS += ["django_rq", "django_tasks_rq"]

# --- Accounts -----------------------------------------------------------------------------

AUTH_USER_MODEL = "members.Member"
# Sessions read from the cache, written through to the database: no query on most
# requests, and no reader is logged out when the cache restarts.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Readers log in at /accounts/login/ (django-allauth); the admin keeps its own form.
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "members:account"
LOGOUT_REDIRECT_URL = "/"

AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]

# django-allauth: e-mail and password, addresses confirmed before the first log-in.
ACCOUNT_ADAPTER = "members.adapter.AccountAdapter"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "members.forms.SignupDetailsForm"
# A registered address is answered as a new one, in time too (members/signup.py); allauth's
# ACCOUNT_PREVENT_ENUMERATION (default True) sends it an "already registered" e-mail.
ACCOUNT_FORMS = {"signup": "members.signup.SignupForm"}
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
# allauth's rate limits (kept in the cache: Redis when REDIS_URL is set), spelled out:
# "ip" counts per client address (web.ratelimit.client_address), "key" per account
# (the e-mail address typed), "user" per logged-in member. Answered by handler429.
ACCOUNT_RATE_LIMITS = {
    "login": "30/m/ip",
    "login_failed": "10/m/ip,5/300s/key",
    "signup": "20/m/ip",
    "reset_password": "20/m/ip,5/h/key",
    "reset_password_from_key": "20/m/ip",
    "change_password": "5/m/user",
    "manage_email": "10/m/user",
    "confirm_email": "1/180s/key",
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- E-mail -------------------------------------------------------------------------------

# Printed to the console until EMAIL_HOST names an SMTP server.
if env("EMAIL_HOST", default=""):
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = env("EMAIL_HOST")
    EMAIL_PORT = env.int("EMAIL_PORT", default=587)
    EMAIL_HOST_USER = env("EMAIL_HOST_USER", default="")
    EMAIL_HOST_PASSWORD = env("EMAIL_HOST_PASSWORD", default="")
    EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=True)
else:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="The Meridian Review <desk@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Language and time --------------------------------------------------------------------

LANGUAGE_CODE = "en-gb"
TIME_ZONE = env("TIME_ZONE", default="UTC")
USE_I18N = True
USE_TZ = True

# --- Static files and media ---------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = Path(env("STATIC_ROOT", default=str(BASE_DIR / "staticfiles")))
STATICFILES_DIRS = [BASE_DIR / "static"]

# While developing (and under the test runner, which turns DEBUG off) WhiteNoise serves
# files straight from the apps' static folders.
WHITENOISE_AUTOREFRESH = DEBUG
WHITENOISE_USE_FINDERS = DEBUG

MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))

# Media on S3-compatible object storage when a bucket is named (several app servers share
# it); otherwise on the local disk.
AWS_STORAGE_BUCKET_NAME = env("AWS_STORAGE_BUCKET_NAME", default="")
if AWS_STORAGE_BUCKET_NAME:
    AWS_S3_ENDPOINT_URL = env("AWS_S3_ENDPOINT_URL", default=None)
    AWS_S3_REGION_NAME = env("AWS_S3_REGION_NAME", default=None)
    AWS_S3_CUSTOM_DOMAIN = env("AWS_S3_CUSTOM_DOMAIN", default=None)
    AWS_QUERYSTRING_AUTH = False
    AWS_S3_FILE_OVERWRITE = False
    AWS_S3_OBJECT_PARAMETERS = {"CacheControl": "public, max-age=31536000, immutable"}
    MEDIA_STORAGE = "storages.backends.s3.S3Storage"
else:
    MEDIA_STORAGE = "django.core.files.storage.FileSystemStorage"

STORAGES = {
    "default": {"BACKEND": MEDIA_STORAGE},
    # Hashed, compressed files in production; plain files while developing and testing.
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Image renditions (django-imagekit): their names worked out once per process.
IMAGEKIT_SPEC_CACHEFILE_NAMER = "web.renditions.spec_name"

# Uploaded images (web/images.py): JPEG, PNG, WebP, AVIF or GIF, judged by content, at most
# this many bytes and pixels; anything larger is refused with a message saying so.
UPLOAD_MAX_BYTES = env.int("UPLOAD_MAX_BYTES", default=15 * 1024 * 1024)
UPLOAD_MAX_PIXELS = env.int("UPLOAD_MAX_PIXELS", default=40_000_000)
# A request's fields other than files: 2.5 MB, ten times the longest article body's HTML.
DATA_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
# Uploads larger than this wait in a temporary file, not in memory, until they are checked;
# the file holds UPLOAD_MAX_BYTES at most, whatever is sent.
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
FILE_UPLOAD_HANDLERS = [
    "django.core.files.uploadhandler.MemoryFileUploadHandler",
    "web.images.CappedTemporaryFileUploadHandler",
]

# --- Newsroom -----------------------------------------------------------------------------

SITE_NAME = env("SITE_NAME", default="The Meridian Review")
# The newsroom's own address, for links in e-mails written outside a request (the review
# notices of articles.notifications): "https://news.example.org".
SITE_URL = env("SITE_URL", default="http://localhost:8000").rstrip("/")
SITE_TAGLINE = env("SITE_TAGLINE", default="Analysis of power, diplomacy and security")
ARTICLES_PER_PAGE = 12

# The reader cache (web/reader_cache.py): whole pages for anonymous readers, on by
# default in production. Stored pages are refreshed by what changes, so the lifetime is a
# ceiling; a CDN may keep them for PAGE_CACHE_CDN_SECONDS.
PAGE_CACHE = env.bool("PAGE_CACHE", default=not DEBUG)
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
PAGE_CACHE_CDN_SECONDS = env.int("PAGE_CACHE_CDN_SECONDS", default=60)
PAGE_CACHE_BROWSER_SECONDS = env.int("PAGE_CACHE_BROWSER_SECONDS", default=0)

TAGGIT_CASE_INSENSITIVE = True

# Members and comments (DESIGN §7).
SUBSCRIPTIONS_EMAIL = env("SUBSCRIPTIONS_EMAIL", default="subscriptions@example.com")

# Online payment through Stripe (members/billing/): off until both keys are set; the
# webhook secret (whsec_…) signs the events Stripe posts to /members/stripe/webhook/.
STRIPE_SECRET_KEY = env("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env("STRIPE_WEBHOOK_SECRET", default="")
# After a failed renewal payment a reader keeps access this many days while Stripe retries.
SUBSCRIPTION_GRACE_DAYS = env.int("SUBSCRIPTION_GRACE_DAYS", default=7)
# Members-only pieces a free member reads in full each calendar month (members.access).
MEMBERS_FREE_PIECES_PER_MONTH = env.int("MEMBERS_FREE_PIECES_PER_MONTH", default=3)
# Gift links a subscriber may make each calendar month, each opening one piece.
GIFT_LINKS_PER_MONTH = env.int("GIFT_LINKS_PER_MONTH", default=5)
# Seconds to wait for Stripe's API during a reader's request.
STRIPE_TIMEOUT_SECONDS = env.int("STRIPE_TIMEOUT_SECONDS", default=15)
COMMENTS_PER_PAGE = 20
COMMENTS_EDIT_MINUTES = 15
# One comment per member every this many seconds.
COMMENTS_MIN_INTERVAL_SECONDS = env.int("COMMENTS_MIN_INTERVAL_SECONDS", default=20)
# A member's first comment waits for a moderator before it is shown.
COMMENTS_PREMODERATE_FIRST = env.bool("COMMENTS_PREMODERATE_FIRST", default=True)

# Newsletters (newsletters/): who they come from, how long a sign-up's confirmation link
# lasts, how many readers one sending task takes, and the secret that signs the mail
# provider's bounce and complaint reports (POST /newsletters/bounces/; off while empty).
NEWSLETTER_FROM_EMAIL = env("NEWSLETTER_FROM_EMAIL", default=DEFAULT_FROM_EMAIL)
NEWSLETTER_CONFIRM_DAYS = env.int("NEWSLETTER_CONFIRM_DAYS", default=3)
NEWSLETTER_BATCH_SIZE = env.int("NEWSLETTER_BATCH_SIZE", default=500)
NEWSLETTER_WEBHOOK_SECRET = env("NEWSLETTER_WEBHOOK_SECRET", default="")

# --- Security -----------------------------------------------------------------------------

# Behind a proxy or load balancer that terminates TLS and says so in X-Forwarded-Proto
# (DESIGN §9). Tools that talk plain http to the app in production settings (make bench,
# make load) send "X-Forwarded-Proto: https" instead of weakening what follows.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=not DEBUG)
# Load balancers probe the health check over plain http.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=True)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)
SESSION_COOKIE_SECURE = not DEBUG
CSRF_COOKIE_SECURE = not DEBUG
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# A refused form gets our page, which says why and keeps the way back (newsroom/views.py).
CSRF_FAILURE_VIEW = "newsroom.views.csrf_failure"


def _media_origins() -> list[str]:
    """Where images may come from besides our own origin: the media bucket, when used."""
    if not AWS_STORAGE_BUCKET_NAME:
        return []
    if AWS_S3_CUSTOM_DOMAIN:
        return [f"https://{AWS_S3_CUSTOM_DOMAIN}"]
    if AWS_S3_ENDPOINT_URL:
        return [AWS_S3_ENDPOINT_URL.rstrip("/")]
    return [f"https://{AWS_STORAGE_BUCKET_NAME}.s3.amazonaws.com"]


def _payment_origins() -> list[str]:
    """Where our own forms may lead besides our origin: the subscribe and account forms
    post to us and are answered with a 303 to Stripe Checkout or the billing portal, and
    browsers hold that redirect to ``form-action`` too (Chromium blocks it otherwise)."""
    if not STRIPE_SECRET_KEY:
        return []
    return ["https://checkout.stripe.com", "https://billing.stripe.com"]


# The Content-Security-Policy of every response (django-csp; web/security.py). No
# nonce: reading pages are cached whole. Inline JSON-LD blocks are data, never executed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:", *_media_origins()],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'", *_payment_origins()],
        "frame-ancestors": ["'none'"],
    },
}

# --- Rate limits --------------------------------------------------------------------------

# How many proxies in front of the app append the client's address to X-Forwarded-For
# (0: none, the client is REMOTE_ADDR). Only addresses added by trusted proxies are used.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
# Our own limits (web/ratelimit.py): "amount/period/address|account".
RATE_LIMITS = {
    "search": env("RATE_LIMIT_SEARCH", default="240/m/address"),
    "comment": env("RATE_LIMIT_COMMENT", default="20/10m/address,12/h/account"),
    # Newsletter sign-ups: each mails a confirmation link.
    "newsletter_signup": env("RATE_LIMIT_NEWSLETTER_SIGNUP", default="10/h/address"),
    # Sponsor impressions and clicks, appeal clicks: past it still answered, not counted.
    "counted": env("RATE_LIMIT_COUNTED", default="120/m/address"),
}

# --- Logging ------------------------------------------------------------------------------

# One line per record, with the id of the request being served (web/request_id.py),
# which is also sent back in X-Request-ID and shown on the 500 page.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"request_id": {"()": "web.request_id.RequestIdFilter"}},
    "formatters": {
        "line": {
            "format": "%(asctime)s %(levelname)s [%(request_id)s] %(name)s: %(message)s",
        },
    },
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "filters": ["request_id"],
            "formatter": "line",
        },
    },
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False},
    },
}
