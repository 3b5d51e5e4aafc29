from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path

from articles.admin.view_on_site import view_on_site
from articles.feeds import ActorFeed, AuthorFeed, LatestFeed, SectionFeed, TagFeed
from articles.sitemaps import news_sitemap
from members.login import NewsroomLoginForm, newsroom_login
from web.admin import refusing_nul_bytes

from . import views
from .sitemaps import SITEMAPS

feed_patterns = [
    path("latest/", LatestFeed(), name="latest"),
    path("sections/<slug:slug>/", SectionFeed(), name="section"),
    path("actors/<slug:slug>/", ActorFeed(), name="actor"),
    path("tags/<slug:slug>/", TagFeed(), name="tag"),
    path("authors/<slug:slug>/", AuthorFeed(), name="author"),
]

admin.site.site_header = f"{settings.SITE_NAME} — newsroom"
admin.site.site_title = "Newsroom"
admin.site.index_title = "Newsroom"
# The newsroom's log-in counts failed attempts with the readers' limits (members.login).
admin.site.login_form = NewsroomLoginForm

# Our error pages: the request id on the 500 page, and the 503 when the database is away.
handler500 = "newsroom.views.server_error"
# django-allauth answers its rate limits (log-in, sign-up, password reset) with this.
handler429 = "web.ratelimit.allauth_429"

urlpatterns = [
    path("admin/login/", newsroom_login),
    # Before the admin's own patterns, which they replace: "view on site" does not send
    # anyone to an unpublished piece's address, and autocomplete refuses a NUL byte.
    path(
        "admin/r/<path:content_type_id>/<path:object_id>/",
        admin.site.admin_view(view_on_site),
        name="admin-view-on-site",
    ),
    path(
        "admin/autocomplete/",
        admin.site.admin_view(refusing_nul_bytes(admin.site.autocomplete_view)),
        name="admin-autocomplete",
    ),
    # The admin's first page is the desk: what each member may act on, then the app list.
    path("admin/", admin.site.admin_view(views.desk), name="admin-desk"),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("favicon.ico", views.favicon),
    path("robots.txt", views.robots_txt, name="robots"),
    path("feeds/", include((feed_patterns, "feeds"))),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap-section",
    ),
    path("news-sitemap.xml", news_sitemap, name="news-sitemap"),
    path("actors/", include("articles.coverage.actor_urls")),
    path("sources/", include("articles.coverage.source_urls")),
    # members' own pages (/subscribe/, /accounts/profile/) before allauth's /accounts/.
    path("", include("members.urls")),
    path("accounts/", include("allauth.urls")),
    path("comments/", include("comments.urls")),
    path("sponsors/", include("sponsors.urls")),
    path("newsletters/", include("newsletters.urls")),
    path("", include("articles.urls")),
]

# Media from the local folder when no object storage is configured (the embedded default
# and a single production machine); object storage serves its own files.
if settings.STORAGES["default"]["BACKEND"] == "django.core.files.storage.FileSystemStorage":
    media_prefix = settings.MEDIA_URL.lstrip("/")
    urlpatterns += [
        re_path(rf"^{media_prefix}(?P<path>.*)$", views.media),
    ]
