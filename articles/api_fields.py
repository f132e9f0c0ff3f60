"""Read-only API fields that draw an article's attribution from ``ArticlePage.get_metadata``.

They let the headless API state byline, credit, copyright, licence, dates and corrections exactly as the
page, the feeds and the JSON-LD do.
"""

from rest_framework import serializers
from wagtail.api import APIField

from .credits import role_label


class AttributionField(serializers.Field):
    def __init__(self, part, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)
        self.part = part

    def to_representation(self, article):
        return getattr(self, f"represent_{self.part}")(article.get_metadata(self.context["request"]))

    def represent_byline(self, meta):
        return [{"name": author.name, "url": author.full_url or None} for author in meta.authors]

    def represent_credits(self, meta):
        return [
            {"name": p.name, "role": p.role, "role_label": role_label(p.role), "url": p.full_url or None}
            for p in (*meta.authors, *meta.credits)
        ]

    def represent_byline_text(self, meta):
        return meta.byline

    def represent_label(self, meta):
        return {"id": meta.label.key, "name": meta.label.text, "schema_type": meta.label.schema_type}

    def represent_sponsor(self, meta):
        label = meta.label
        return {"name": label.sponsor_name, "url": label.sponsor_url or None} if label.is_sponsored else None

    def represent_source_credit(self, meta):
        source = meta.source
        if source is None:
            return None
        return {
            "name": source.name,
            "url": source.url or None,
            "relationship": source.relationship,
            "text": source.text,
        }

    def represent_copyright(self, meta):
        notice = meta.copyright
        return notice and {"holder": notice.holder, "year": notice.display_year, "notice": notice.text}

    def represent_licence(self, meta):
        rights = meta.rights
        return {
            "id": rights.licence.value,
            "name": rights.licence.short_name,
            "url": rights.licence.url or None,
            "allows_republication": rights.allows_republication,
            "usage_terms": rights.usage_terms or None,
            "licence_page": rights.licence_page or None,
        }

    def represent_language(self, meta):
        return meta.language

    def represent_modified_at(self, meta):
        return meta.modified_at.isoformat() if meta.modified_at else None

    def represent_section(self, meta):
        return meta.section or None

    def represent_image(self, meta):
        image = meta.image
        return image and {"url": image.url, "width": image.width, "height": image.height, "alt": image.alt}

    def represent_lead_image(self, meta):
        image = meta.lead_image
        if image is None:
            return None
        return {
            "title": image.title,
            "caption": image.caption,
            "credit": image.credit,
            "creator": image.creator,
            "copyright_notice": image.copyright_notice,
            "source": image.source,
            "licence_url": image.licence_url or None,
            "acquire_licence_url": image.acquire_licence_url or None,
            "renditions": [{"url": r.url, "width": r.width, "height": r.height} for r in image.renditions],
        }

    def represent_corrections(self, meta):
        return [
            {"kind": c.kind, "label": c.label, "text": c.text, "published_at": c.published_at.isoformat()}
            for c in meta.corrections
        ]


class TagNamesField(serializers.Field):
    """An article's tag names in alphabetical order, as Wagtail's ``TagsField`` gives them, read
    from the tags ``ArticlePage.objects.for_reading()`` fetched with the article (Wagtail's field
    asks the database again for each article)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, article):
        return sorted(tagged.tag.name for tagged in article.tagged_items.all())


# The article's fields in the headless API (``ArticlePage.api_fields``).
ARTICLE_API_FIELDS = [
    APIField("dek"),
    APIField("label", serializer=AttributionField("label")),
    APIField("sponsor", serializer=AttributionField("sponsor")),
    APIField("byline", serializer=AttributionField("byline")),
    APIField("byline_text", serializer=AttributionField("byline_text")),
    APIField("credits", serializer=AttributionField("credits")),  # every role, the writers first as named
    APIField("source_credit", serializer=AttributionField("source_credit")),
    APIField("copyright", serializer=AttributionField("copyright")),
    APIField("licence", serializer=AttributionField("licence")),
    APIField("language", serializer=AttributionField("language")),  # the story's, a BCP 47 tag
    APIField("modified_at", serializer=AttributionField("modified_at")),
    APIField("section_name", serializer=AttributionField("section")),
    APIField("tags", serializer=TagNamesField()),
    APIField("dateline"),
    APIField("originally_published_at"),
    APIField("body"),
    APIField("image", serializer=AttributionField("image")),  # the lead image, as the page shares it
    APIField("lead_image", serializer=AttributionField("lead_image")),  # with its credit and rights
    APIField("corrections", serializer=AttributionField("corrections")),
]
