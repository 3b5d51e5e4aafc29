"""Actor index and actor pages: who the newsroom covers, and who appears with whom."""

from urllib.parse import urlencode

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import ListView, TemplateView

from actors.models import A_TO_Z, Actor
from actors.sort_names import OTHER_INITIAL
from web import reader_cache

from ..models import Article
from ..search.forms import PERIODS
from ..views import ArticleListView
from .graph import cached_actor_charts, cached_newsroom_network

LETTERS_CACHE_SECONDS = 60 * 60 * 24


def index_letters(kind: str) -> set[str]:
    """The A–Z letters that have actors (of ``kind``), kept until an actor or a list changes."""
    actors = Actor.objects.filter(kind=kind) if kind else Actor.objects.all()
    return reader_cache.remember(
        f"actors:letters:{kind}",
        (reader_cache.LISTS,),
        actors.index_letters,
        lambda: LETTERS_CACHE_SECONDS,
    )


class ActorIndexView(ListView):
    """Actors in A–Z order (people by surname), filtered by kind and by letter."""

    template_name = "actors/actor_index.html"
    context_object_name = "actors"
    paginate_by = 48

    def get_kind(self):
        kind = self.request.GET.get("kind", "")
        return kind if kind in Actor.Kind.values else ""

    def get_letter(self):
        letter = self.request.GET.get("letter", "").upper()
        return letter if letter in A_TO_Z else ""

    def get_queryset(self):
        actors = Actor.objects.annotate(
            coverage=Count(
                "article_links",
                filter=Q(article_links__article__in=Article.objects.public().values("pk")),
            )
        ).alphabetical()
        if kind := self.get_kind():
            actors = actors.filter(kind=kind)
        if letter := self.get_letter():
            actors = actors.filter(index_letter=letter)
        return actors

    def get_context_data(self, **kwargs):
        kind, letter = self.get_kind(), self.get_letter()
        present = index_letters(kind)

        def query(**filters) -> str:
            # The filters in one order: the canonical address, letters and pagination agree.
            return urlencode({name: value for name, value in filters.items() if value})

        return super().get_context_data(
            kinds=Actor.Kind.choices,
            current_kind=kind,
            current_letter=letter,
            letters=[
                (each, query(kind=kind, letter=each), each in present)
                for each in A_TO_Z
                if each in present or each != OTHER_INITIAL
            ],
            kind_query=query(kind=kind),
            filter_query=query(kind=kind, letter=letter),
            **kwargs,
        )


class ActorDetailView(ArticleListView):
    template_name = "actors/actor_detail.html"

    def get_subject(self):
        return get_object_or_404(
            Actor.objects.prefetch_related("aliases"), slug=self.kwargs["slug"]
        )

    def filter_articles(self, articles):
        return articles.filter(actor_links__actor=self.subject)

    def get_context_data(self, **kwargs):
        others, network, coverage = cached_actor_charts(self.subject)
        return super().get_context_data(
            actor=self.subject,
            appears_with=others,
            network=network,
            coverage=coverage,
            **kwargs,
        )


class ActorGraphView(TemplateView):
    """The newsroom's actor network, filtered by kind and period; laid out once and cached
    until links change (actors/graph.py)."""

    template_name = "actors/actor_graph.html"

    def get_context_data(self, **kwargs):
        kind = self.request.GET.get("kind", "")
        kind = kind if kind in Actor.Kind.values else ""
        period = self.request.GET.get("period", "")
        period = period if period in PERIODS else ""
        return super().get_context_data(
            network=cached_newsroom_network(kind, period),
            kinds=Actor.Kind.choices,
            current_kind=kind,
            periods=[(key, label) for key, (label, _) in PERIODS.items()],
            current_period=period,
            **kwargs,
        )
