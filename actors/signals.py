"""Cached actor data goes stale: any save or deletion of an article, a link between an
article and an actor, or an actor bumps the networks' version; a change to an actor or an
alias bumps the search's name index."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from articles.models import Article

from .graph import bump_graph_version
from .models import Actor, ActorAlias, ArticleActor
from .search import bump_name_index


@receiver(post_save, sender=ArticleActor, dispatch_uid="actors_graph_link_saved")
@receiver(post_delete, sender=ArticleActor, dispatch_uid="actors_graph_link_deleted")
@receiver(post_save, sender=Article, dispatch_uid="actors_graph_article_saved")
@receiver(post_delete, sender=Article, dispatch_uid="actors_graph_article_deleted")
@receiver(post_save, sender=Actor, dispatch_uid="actors_graph_actor_saved")
@receiver(post_delete, sender=Actor, dispatch_uid="actors_graph_actor_deleted")
def links_changed(sender, **kwargs):
    bump_graph_version()


@receiver(post_save, sender=Actor, dispatch_uid="actors_names_actor_saved")
@receiver(post_delete, sender=Actor, dispatch_uid="actors_names_actor_deleted")
@receiver(post_save, sender=ActorAlias, dispatch_uid="actors_names_alias_saved")
@receiver(post_delete, sender=ActorAlias, dispatch_uid="actors_names_alias_deleted")
def names_changed(sender, **kwargs):
    bump_name_index()
