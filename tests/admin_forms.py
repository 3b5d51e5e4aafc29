"""The article change form as a browser posts it, for tests that drive the newsroom admin."""

from django.urls import reverse

from articles.conflicts import current_version

INLINES = ["bylines", "actor_links", "citations", "taggit-taggeditem-content_type-object_id"]


def change_url(article) -> str:
    return reverse("admin:articles_article_change", args=[article.pk])


def article_form(article, actor_rows=(), **changes) -> dict:
    """The form's fields as they stand, no inline rows but ``actor_rows``, then ``changes``.

    Like a form just opened, it carries the version of the piece now stored."""
    data = {
        "based_on_version": current_version(article) if article.pk else "",
        "headline": article.headline,
        "slug": article.slug,
        "dek": article.dek,
        "body": article.body,
        "kind": article.kind,
        "section": article.section_id or "",
        "lead_image_caption": "",
        "lead_image_alt": "",
        "lead_image_credit_source": "",
        "lead_image_credit_text": "",
        "status": article.status,
        "publish_at_0": "",
        "publish_at_1": "",
        "access": article.access,
        "comments_open": "on",
        "publish_override_reason": "",
    }
    for prefix in INLINES:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    rows = list(actor_rows)
    data["actor_links-TOTAL_FORMS"] = str(len(rows))
    data["actor_links-INITIAL_FORMS"] = str(sum(1 for row in rows if row.get("id")))
    for i, row in enumerate(rows):
        for key, value in {"article": article.pk, **row}.items():
            data[f"actor_links-{i}-{key}"] = value
    data.update(changes)
    return data
