"""Checks on the lead image: a credit, a credit linked to its source, alt text."""

from __future__ import annotations

from collections.abc import Iterator

from .document import ArticleDocument
from .registry import Place, Severity, register


@register("uncredited_image", Severity.BLOCKING, "A lead image without a credit")
def uncredited_image(document: ArticleDocument, found) -> Iterator:
    article = document.article
    if not document.has_lead_image:
        return
    if article.lead_image_credit_source_id or article.lead_image_credit_text.strip():
        return
    yield found(
        "The lead image has no credit. Choose the source it came from, or write the "
        "photographer's name as the free-text credit.",
        Place("lead_image"),
        key=document.lead_image_name,
    )


@register("credit_not_linked", Severity.WARNING, "A free-text credit naming a known source")
def credit_not_linked(document: ArticleDocument, found) -> Iterator:
    article = document.article
    credit = article.lead_image_credit_text.strip()
    if article.lead_image_credit_source_id or not credit:
        return
    source = document.source_directory.for_credit(credit)
    if source is None:
        return
    yield found(
        f"The lead image's credit “{credit}” is free text, but {source.name} is a known "
        f"source: choose {source.name} as the credit (source), so the photo links to its page.",
        Place("lead_image", excerpt=credit),
        key=str(source.id),
        source={"id": source.id, "name": source.name, "slug": source.slug},
    )


@register("missing_alt_text", Severity.WARNING, "A lead image without alt text")
def missing_alt_text(document: ArticleDocument, found) -> Iterator:
    if document.has_lead_image and not document.article.lead_image_alt.strip():
        yield found(
            "The lead image has no alt text: describe what it shows, for readers who use "
            "screen readers.",
            Place("lead_image"),
            key=document.lead_image_name,
        )
