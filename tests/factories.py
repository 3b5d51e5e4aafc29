"""factory-boy factories for the content model."""

import datetime
import io

import factory
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from actors.models import Actor, ActorAlias
from articles.models import Article, ArticleActor, ArticleAuthor, AuthorProfile, Citation, Section
from members.models import Member
from sources.models import Source


def image_file(name="photo.jpg", size=(1200, 675), colour=(90, 110, 130)) -> ContentFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="JPEG")
    return ContentFile(buffer.getvalue(), name=name)


class MemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Member
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"member{n}@example.org")
    display_name = factory.Faker("name")
    password = factory.django.Password("correct-horse-battery")


class StaffFactory(MemberFactory):
    class Meta:
        skip_postgeneration_save = True

    is_staff = True

    @factory.post_generation
    def group(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(Group.objects.get(name=extracted))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Section {n}")


class AuthorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AuthorProfile

    byline = factory.Faker("name")
    title = "Correspondent"


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source

    name = factory.Sequence(lambda n: f"Source {n}")
    kind = Source.Kind.NEWS_AGENCY
    url = "https://example.org/"


class ActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Actor

    name = factory.Sequence(lambda n: f"Actor {n}")
    kind = Actor.Kind.PERSON
    title = "Minister"


class ActorAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ActorAlias

    actor = factory.SubFactory(ActorFactory)
    name = factory.Sequence(lambda n: f"Alias {n}")


BODY = (
    "<h2>What happened</h2><p>The talks resumed after a long pause in the spring.</p>"
    "<h2>Why it matters</h2><p>Both capitals now read the same signals differently.</p>"
)


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article by default, signed by a new correspondent and in a section, as
    the publish checks require; pass status for drafts and reviews, ``bylines=[...]`` for
    other authors (``[]`` for none) and ``section=None`` for none."""

    class Meta:
        model = Article
        skip_postgeneration_save = True

    headline = factory.Sequence(lambda n: f"Headline number {n}")
    dek = "A short standfirst that explains why the piece matters."
    body = BODY
    section = factory.SubFactory(SectionFactory, name="Diplomacy")
    status = Article.Status.PUBLISHED
    publish_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(hours=1))

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        if create and extracted:
            self.tags.add(*extracted)

    @factory.post_generation
    def bylines(self, create, extracted, **kwargs):
        if not create:
            return
        if extracted is None:
            # A stand-in correspondent, replaced by the first byline BylineFactory adds.
            self.stand_in_author = AuthorFactory()
            extracted = [self.stand_in_author]
        for position, author in enumerate(extracted):
            ArticleAuthor.objects.create(article=self, author=author, position=position)


class BylineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleAuthor

    article = factory.SubFactory(ArticleFactory, bylines=[])
    author = factory.SubFactory(AuthorFactory)

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        article = kwargs["article"]
        stand_in = getattr(article, "stand_in_author", None)
        if stand_in is not None:
            article.stand_in_author = None
            ArticleAuthor.objects.filter(article=article, author=stand_in).delete()
            stand_in.delete()
        return super()._create(model_class, *args, **kwargs)


class ArticleActorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleActor

    article = factory.SubFactory(ArticleFactory)
    actor = factory.SubFactory(ActorFactory)


class CitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Citation

    article = factory.SubFactory(ArticleFactory)
    source = factory.SubFactory(SourceFactory)


# --- Members and comments -------------------------------------------------------------


class PlanFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "members.Plan"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Plan {n}")
    price = "8.00"
    interval = "month"
    description = "The discussion under every article."


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """An active subscription that started yesterday and runs for thirty more days."""

    class Meta:
        model = "members.Subscription"

    member = factory.SubFactory(MemberFactory)
    plan = factory.SubFactory(PlanFactory, name="Monthly")
    status = "active"
    source = "online"
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))
    ends_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=30))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "comments.Comment"

    article = factory.SubFactory(ArticleFactory)
    member = factory.SubFactory(MemberFactory)
    body = factory.Sequence(lambda n: f"A considered remark, number {n}, about the piece.")


class AppealFactory(factory.django.DjangoModelFactory):
    """An appeal running since yesterday, for every section."""

    class Meta:
        model = "members.Appeal"

    heading = "Good reporting is paid for by its readers"
    text = "We take no money from governments.\n\nA subscription keeps it that way."
    signed_by = factory.SubFactory(AuthorFactory, byline="Martin Halloway", title="Editor-in-Chief")
    call_to_action = "Become a subscriber"
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


class SponsorFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "sponsors.Sponsor"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Sponsor {n}")
    website = factory.Sequence(lambda n: f"https://sponsor{n}.example/")


class PlacementFactory(factory.django.DjangoModelFactory):
    """An active placement at the end of articles, for every section, running since
    yesterday."""

    class Meta:
        model = "sponsors.Placement"

    sponsor = factory.SubFactory(SponsorFactory)
    headline = factory.Sequence(lambda n: f"Sponsored offer {n}")
    text = "A sentence about the offer."
    target_url = factory.Sequence(lambda n: f"https://shop.example/offer-{n}/")
    slot = "article_end"
    starts_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=1))


# --- Newsletters --------------------------------------------------------------------------


class NewsletterFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "newsletters.Newsletter"
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Newsletter {n}")
    description = "The week's analysis, in one e-mail."
    cadence = "weekly"


class RecipientFactory(factory.django.DjangoModelFactory):
    """A confirmed address; pass ``newsletters=[…]`` to sign it up."""

    class Meta:
        model = "newsletters.Recipient"
        django_get_or_create = ["email"]
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"reader{n}@example.org")
    confirmed_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def newsletters(self, create, extracted, **kwargs):
        if create and extracted:
            for newsletter in extracted:
                self.signups.create(newsletter=newsletter)
