"""Source index and source pages: the outlets we rely on and the pieces that use them."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404
from django.views.generic import ListView

from sources.models import Source

from ..models import Article
from ..views import ArticleListView


class SourceIndexView(ListView):
    template_name = "sources/source_index.html"
    context_object_name = "sources"
    paginate_by = 60

    def get_queryset(self):
        public = Article.objects.public().values("pk")
        return Source.objects.annotate(
            cited=Count("citations", filter=Q(citations__article__in=public), distinct=True)
        ).order_by("kind", "name")


class SourceDetailView(ArticleListView):
    template_name = "sources/source_detail.html"

    def get_subject(self):
        return get_object_or_404(Source, slug=self.kwargs["slug"])

    def filter_articles(self, articles):
        # Cited in the text or credited for the lead photo.
        return articles.filter(
            Q(citations__source=self.subject) | Q(lead_image_credit_source=self.subject)
        ).distinct()

    def get_context_data(self, **kwargs):
        return super().get_context_data(source=self.subject, **kwargs)
