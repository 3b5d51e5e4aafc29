"""Reader pages for articles, sections, tags and authors, and the publication's own pages.
Every list starts from ``Article.objects.public()``."""

import hashlib

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.utils.safestring import mark_safe
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from web import ratelimit, reader_cache
from web.paging import requested_page

from . import access, fragments, previews
from .caching import article_tag
from .fragments import SEARCH_RESULTS
from .home import SLOTS, home_page_top
from .models import Article, AuthorProfile, Page, Section
from .search import search
from .search.forms import PERIODS, SearchForm
from .tags import public_tags

HOME_LATEST = 6
HOME_PER_SECTION = 4
FRONT_PAGE_SECONDS = 600
ARTICLE_SECONDS = 3600


def front_page() -> dict:
    """The home page's pieces: the top slots (``articles.home``), latest, and the newest of
    each section.

    Each piece appears once: the latest leave out the top, and each section's row leaves
    out both, filled with the section's next pieces instead.
    """
    public = Article.objects.public().for_cards()
    newest = list(public[: HOME_LATEST + SLOTS])
    top = home_page_top(newest)
    shown = [a.pk for a in top.articles]
    latest = [a for a in newest if a.pk not in shown][:HOME_LATEST]
    shown += [a.pk for a in latest]
    by_section: dict[Section, list[Article]] = {}
    for article in (
        public.exclude(pk__in=shown)
        .latest_by_section(HOME_PER_SECTION)
        .order_by("section__position", "section__name", "-publish_at", "-id")
    ):
        by_section.setdefault(article.section, []).append(article)
    return {
        "featured": top.articles,
        "top_changes_at": top.changes_at,
        "latest": latest,
        "by_section": list(by_section.items()),
    }


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        # The same for every reader, logged in or not: kept until a list or a home slot
        # changes (publishing, editing or unpublishing a piece, a section renamed), a
        # scheduled piece goes out or a placed piece's pin runs out.
        computed = {}

        def compute():
            computed.update(front_page())
            return computed

        pieces = reader_cache.remember(
            "front-page",
            (reader_cache.SITE, reader_cache.LISTS),
            compute,
            timeout=lambda: reader_cache.lifetime(FRONT_PAGE_SECONDS, computed["top_changes_at"]),
        )
        if pieces["top_changes_at"] is not None:
            reader_cache.expire_page_by(self.request, pieces["top_changes_at"])
        return super().get_context_data(**pieces, **kwargs)


def body_context(article: Article, reading: access.Reading) -> dict:
    """What the article page draws of the body for ``reading``: a public piece whole; a
    gated one cut in two, its rest only when the reader has access (``articles.access``)."""
    if not article.is_gated:
        return {"reading": reading, "opening": article.body, "rest": ""}
    opening, rest = access.opening_and_rest(article.body)
    return {"reading": reading, "opening": opening, "rest": rest if reading.full else ""}


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        # What the page shows of the piece's links is drawn from the cache
        # (``articles.fragments``), which loads them only to draw it afresh.
        return Article.objects.public().for_page(parts=False)

    def get_object(self, queryset=None):
        # The piece itself is kept too, until any piece or the navigation changes (a piece
        # taken down or edited moves the lists on): a page drawn for a logged-in reader, or
        # with the page cache off, does not read it again. Not found is never kept.
        article = reader_cache.remember(
            "article-page:" + hashlib.sha256(self.kwargs[self.slug_url_kwarg].encode()).hexdigest(),
            (reader_cache.SITE, reader_cache.LISTS),
            lambda: super(ArticleDetailView, self).get_object(queryset),
            lambda: reader_cache.lifetime(ARTICLE_SECONDS),
        )
        reader_cache.tag_page(self.request, article_tag(article.pk))
        return article

    def get_context_data(self, **kwargs):
        # ``body_variant`` (the whole piece or its opening) keys the parts kept for every
        # reader who is shown the same (``articles.fragments``).
        reading = access.reading_for(self.request, self.object)
        return super().get_context_data(
            **body_context(self.object, reading), body_variant=reading.variant, **kwargs
        )


def unlisted_response(request, article: Article, **context) -> TemplateResponse:
    """The whole piece on an address of its own that no index may list: the newsroom's
    previews, shared preview links, gift links (their views keep it out of every cache)."""
    response = TemplateResponse(
        request,
        "articles/article_detail.html",
        {"article": article, **body_context(article, access.FULL), **context},
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


def preview_response(request, article: Article, preview_views=None) -> TemplateResponse:
    """A piece before readers see it: for the newsroom or a shared link, never indexed.
    ``preview_views``: the newsroom's addresses of it on a phone and on a desktop."""
    return unlisted_response(request, article, preview=True, preview_views=preview_views)


@never_cache
def shared_preview(request, token):
    """A piece opened from a shareable preview link (``articles.previews``): no log-in,
    no caching by us or anyone between."""
    return preview_response(request, previews.article_for(token))


class PageView(DetailView):
    """One of the publication's pages (about, masthead, policies), once published."""

    template_name = "articles/page.html"
    context_object_name = "page"

    def get_queryset(self):
        return Page.objects.published()


class ArticleListView(ListView):
    """A paginated list of public article cards about one thing (``self.subject``)."""

    context_object_name = "articles"
    paginate_by = settings.ARTICLES_PER_PAGE

    def get_subject(self):
        raise NotImplementedError

    def filter_articles(self, articles):
        raise NotImplementedError

    def get(self, request, *args, **kwargs):
        self.subject = self.get_subject()
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.filter_articles(Article.objects.public().for_cards())

    def get_context_data(self, **kwargs):
        return super().get_context_data(subject=self.subject, **kwargs)


class SectionView(ArticleListView):
    template_name = "articles/section.html"

    def get_subject(self):
        return get_object_or_404(Section, slug=self.kwargs["slug"])

    def filter_articles(self, articles):
        return articles.filter(section=self.subject)


class TagView(ArticleListView):
    template_name = "articles/tag.html"

    def get_subject(self):
        return get_object_or_404(public_tags(), slug=self.kwargs["slug"])

    def filter_articles(self, articles):
        return articles.filter(tags=self.subject)


class AuthorView(ArticleListView):
    template_name = "articles/author.html"

    def get_subject(self):
        return get_object_or_404(AuthorProfile, slug=self.kwargs["slug"])

    def filter_articles(self, articles):
        return articles.filter(bylines__author=self.subject)


def search_results_part(request, criteria, page_number) -> tuple[str, int]:
    """The results of a search drawn (``articles/includes/search_results.html``) with the
    number of the page shown: ranked and drawn once, then kept like the other parts every
    reader sees alike (``articles.fragments``) until a piece or a name they show changes. A
    query readers repeat costs one cache round trip."""
    number = requested_page(page_number)

    def draw() -> tuple[str, int]:
        results = search(criteria, number)
        html = render_to_string(
            "articles/includes/search_results.html",
            {
                "criteria": criteria,
                "results": results,
                "page_obj": results.page,
                "paginator": results.page.paginator,
            },
            request,
        )
        return html, results.page.number

    variant = repr((criteria, number, settings.ARTICLES_PER_PAGE))
    return fragments.remember(SEARCH_RESULTS, request, None, variant, draw)


@method_decorator(ratelimit.limit("search"), name="get")
class SearchView(TemplateView):
    """Ranked public articles for ``?q=``, with section, kind and date filters (GET only, so
    the page stays cacheable for anonymous readers)."""

    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        criteria = form.criteria()
        results_html, page_number = "", 1
        if not criteria.is_empty:
            results_html, page_number = search_results_part(
                self.request, criteria, self.request.GET.get("page")
            )
        return super().get_context_data(
            criteria=criteria,
            results_html=mark_safe(results_html),  # noqa: S308 — drawn by our template
            page_number=page_number,
            shown=form.shown_values(),
            kinds=Article.Kind.choices,
            periods=[(key, label) for key, (label, _) in PERIODS.items()],
            **kwargs,
        )
