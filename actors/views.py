"""Actor index and actor pages: who the newsroom covers, and who appears with whom."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from articles.models import Article
from articles.views import ArticleListView

from .models import Actor

APPEARS_WITH = 8


class ActorIndexView(ListView):
    template_name = "actors/actor_index.html"
    context_object_name = "actors"
    paginate_by = 48

    def get_kind(self):
        kind = self.request.GET.get("kind", "")
        return kind if kind in Actor.Kind.values else ""

    def get_queryset(self):
        actors = Actor.objects.annotate(
            coverage=Count(
                "article_links",
                filter=Q(article_links__article__in=Article.objects.public().values("pk")),
            )
        ).order_by("name")
        if kind := self.get_kind():
            actors = actors.filter(kind=kind)
        return actors

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            kinds=Actor.Kind.choices, current_kind=self.get_kind(), **kwargs
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
        their_articles = Article.objects.public().filter(actor_links__actor=self.subject)
        appears_with = (
            Actor.objects.filter(article_links__article__in=their_articles.values("pk"))
            .exclude(pk=self.subject.pk)
            .annotate(shared=Count("article_links"))
            .order_by("-shared", "name")[:APPEARS_WITH]
        )
        return super().get_context_data(actor=self.subject, appears_with=appears_with, **kwargs)
