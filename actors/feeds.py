"""The RSS feed of an actor: public pieces linked to them, newest first."""

from django.conf import settings
from django.shortcuts import get_object_or_404

from articles.feeds import ArticleFeed, feed_articles
from articles.models import Article

from .models import Actor


class ActorFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Actor, slug=slug)

    def title(self, actor):
        return f"{settings.SITE_NAME}: {actor.name}"

    def description(self, actor):
        return f"Analysis and reporting on {actor.name}" + (
            f", {actor.title}." if actor.title else "."
        )

    def link(self, actor):
        return actor.get_absolute_url()

    def items(self, actor):
        return feed_articles(Article.objects.public().filter(actor_links__actor=actor))
