"""Every sitemap of the site, by the name its page has under /sitemap-<name>.xml."""

from articles.sitemaps import (
    ActorSitemap,
    ArticleSitemap,
    AuthorSitemap,
    SectionSitemap,
    SourceSitemap,
    TagSitemap,
)

SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "actors": ActorSitemap,
    "sources": SourceSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}
