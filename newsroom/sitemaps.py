"""Every sitemap of the site, by the name its page has under /sitemap-<name>.xml."""

from actors.sitemaps import ActorSitemap
from articles.sitemaps import ArticleSitemap, AuthorSitemap, SectionSitemap, TagSitemap
from sources.sitemaps import SourceSitemap

SITEMAPS = {
    "articles": ArticleSitemap,
    "sections": SectionSitemap,
    "actors": ActorSitemap,
    "sources": SourceSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
}
