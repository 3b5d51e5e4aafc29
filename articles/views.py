"""Reader pages for articles, sections, tags and authors, and the publication's own pages.
Every list starts from ``Article.objects.public()``."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.decorators import method_decorator
from django.views.decorators.cache import never_cache
from django.views.generic import DetailView, ListView, TemplateView

from web import ratelimit, reader_cache

from . import previews
from .caching import article_tag
from .models import Article, AuthorProfile, Page, Section
from .search import search
from .search.forms import PERIODS, SearchForm
from .tags import public_tags

HOME_FEATURED = 3
HOME_LATEST = 6
HOME_PER_SECTION = 4
FRONT_PAGE_SECONDS = 600


def front_page() -> dict:
    """The home page's pieces: featured, latest, and the newest of each section.

    Each piece appears once: the latest leave out the featured, and each section's row
    leaves out both, filled with the section's next pieces instead.
    """
    public = Article.objects.public().for_cards()
    featured = list(public.filter(featured=True)[:HOME_FEATURED])
    shown = [a.pk for a in featured]
    latest = list(public.exclude(pk__in=shown)[:HOME_LATEST])
    shown += [a.pk for a in latest]
    by_section: dict[Section, list[Article]] = {}
    for article in (
        public.exclude(pk__in=shown)
        .latest_by_section(HOME_PER_SECTION)
        .order_by("section__position", "section__name", "-publish_at", "-id")
    ):
        by_section.setdefault(article.section, []).append(article)
    return {"featured": featured, "latest": latest, "by_section": list(by_section.items())}


class HomeView(TemplateView):
    template_name = "articles/home.html"

    def get_context_data(self, **kwargs):
        # The same for every reader, logged in or not: kept until a list changes (publishing,
        # editing or unpublishing a piece, a section renamed) or a scheduled piece goes out.
        pieces = reader_cache.remember(
            "front-page",
            (reader_cache.SITE, reader_cache.LISTS),
            front_page,
            timeout=lambda: reader_cache.lifetime(FRONT_PAGE_SECONDS),
        )
        return super().get_context_data(**pieces, **kwargs)


class ArticleDetailView(DetailView):
    template_name = "articles/article_detail.html"
    context_object_name = "article"

    def get_queryset(self):
        return Article.objects.public().for_page()

    def get_object(self, queryset=None):
        article = super().get_object(queryset)
        reader_cache.tag_page(self.request, article_tag(article.pk))
        return article


def preview_response(request, article: Article) -> TemplateResponse:
    """A piece before readers see it: for the newsroom or a shared link, never indexed."""
    response = TemplateResponse(
        request, "articles/article_detail.html", {"article": article, "preview": True}
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    return response


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


@method_decorator(ratelimit.limit("search"), name="get")
class SearchView(TemplateView):
    """Ranked public articles for ``?q=``, with section, kind and date filters (GET only, so
    the page stays cacheable for anonymous readers)."""

    template_name = "articles/search.html"

    def get_context_data(self, **kwargs):
        form = SearchForm(self.request.GET)
        results = search(form.criteria(), self.request.GET.get("page"))
        return super().get_context_data(
            results=results,
            criteria=results.criteria,
            shown=form.shown_values(),
            page_obj=results.page,
            paginator=results.page.paginator,
            kinds=Article.Kind.choices,
            periods=[(key, label) for key, (label, _) in PERIODS.items()],
            **kwargs,
        )
