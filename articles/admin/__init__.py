"""The newsroom's article desk (``desk``), its inlines, and the catalogue an editor keeps
(sections, authors, tags, publish overrides). Every permission question is answered by
``articles.workflow``."""

from . import catalogue, desk, home  # noqa: F401
