"""schema.org JSON-LD for the article and home pages, drawn from ``ArticleMetadata`` and the site settings."""

from authors.structured_data import author_person
from newsroom_core.schema_org import SCHEMA_ORG, organization, person

from .credits import CreditRole, schema_org_property
from .metadata import ArticleMetadata, CreditedImage, ImageRendition, Publisher, Rights


def publisher_organization(publisher: Publisher) -> dict:
    """The publisher as a news organisation, with the address of each of its live policies."""
    data = organization(publisher.name, publisher.url, publisher.logo_url) | {"@type": "NewsMediaOrganization"}
    return data | {policy.schema_property: policy.full_url for policy in publisher.policies}


def news_article(meta: ArticleMetadata) -> dict:
    data = {
        "@context": SCHEMA_ORG,
        "@type": meta.label.schema_type,
        "headline": meta.headline,
        "description": meta.description,
        "url": meta.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.canonical_url},
        "datePublished": meta.published_at.isoformat() if meta.published_at else None,
        "dateModified": (meta.modified_at or meta.published_at).isoformat() if meta.published_at else None,
        "author": [author_person(author.page, author.full_url) for author in meta.authors],
        "publisher": publisher_organization(meta.publisher),
        "inLanguage": meta.language,
    }
    data |= credited_people(meta)
    if meta.label.is_sponsored and meta.label.sponsor_name:
        data["sponsor"] = organization(meta.label.sponsor_name, meta.label.sponsor_url)
    if meta.copyright:
        data |= {
            "copyrightHolder": organization(meta.copyright.holder),
            "copyrightYear": meta.copyright.display_year,
            "copyrightNotice": meta.copyright.text,
        }
    data |= licence_properties(meta.rights)
    if meta.source:
        outlet = organization(meta.source.name, meta.source.url)
        based_on = {"@type": "CreativeWork", "publisher": outlet, "description": meta.source.text}
        if meta.canonical_url != meta.url:
            based_on["url"] = meta.canonical_url
        data["isBasedOn"] = based_on
    if meta.corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": f"{c.label}: {c.text}", "datePublished": c.published_at.isoformat()}
            for c in meta.corrections
        ]
    if images := article_images(meta):
        data["image"] = images
    if meta.section:
        data["articleSection"] = meta.section
    if meta.keywords:
        data["keywords"] = list(meta.keywords)
    return {key: value for key, value in data.items() if value is not None}


def credited_people(meta: ArticleMetadata) -> dict:
    """Everyone credited beside the writers, under the property of their role: ``editor``,
    ``translator``, else ``contributor``."""
    data: dict[str, list] = {}
    for credited in meta.credits:
        data.setdefault(schema_org_property(credited.role), []).append(author_person(credited.page, credited.full_url))
    return data


def licence_properties(rights: Rights) -> dict:
    """A Creative Commons licence by its deed's URL, the others by name; the usage terms and where to
    ask for a licence where known."""
    licence = rights.licence
    data = {"license": licence.url or {"@type": "CreativeWork", "name": licence.short_name}}
    if rights.usage_terms:
        data["usageInfo"] = {"@type": "CreativeWork", "text": rights.usage_terms}
    if rights.licence_page:
        data["acquireLicensePage"] = rights.licence_page
    return data


def article_images(meta: ArticleMetadata) -> list[dict]:
    """The lead image in each aspect ratio Google asks for, then the body's images, each with its rights."""
    credited = (meta.lead_image, *meta.body_images) if meta.lead_image else meta.body_images
    photographers = [person(p.name, p.full_url) for p in meta.credits if p.role == CreditRole.PHOTOGRAPHY]
    return [image_object(image, size, photographers) for image in credited for size in image.renditions]


def image_object(image: CreditedImage, size: ImageRendition, photographers=()) -> dict:
    """An image in one size; its creator is the image record's, else the story's credited photographers."""
    data = {
        "@type": "ImageObject",
        "url": size.url,
        "contentUrl": size.url,
        "width": size.width,
        "height": size.height,
        "caption": image.caption,
        "creditText": image.credit,
        "creator": person(image.creator, "") if image.creator else list(photographers),
        "copyrightNotice": image.copyright_notice,
        "license": image.licence_url,
        "acquireLicensePage": image.acquire_licence_url,
    }
    return {key: value for key, value in data.items() if value}


def website(name: str, url: str, publisher: Publisher) -> dict:
    """The home page: the WebSite and who publishes it."""
    return {
        "@context": SCHEMA_ORG,
        "@graph": [
            {"@type": "WebSite", "name": name, "url": url, "publisher": publisher_organization(publisher)},
            publisher_organization(publisher),
        ],
    }
