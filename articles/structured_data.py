"""schema.org JSON-LD for the newsroom's pages, drawn from ``ArticleMetadata`` and the site settings."""

from .formatting import html_to_text
from .metadata import ArticleMetadata, Publisher

SCHEMA_ORG = "https://schema.org"


def organization(publisher: Publisher) -> dict:
    data = {"@type": "Organization", "name": publisher.name, "url": publisher.url}
    if publisher.logo_url:
        data["logo"] = {"@type": "ImageObject", "url": publisher.logo_url}
    return data


def person(name: str, url: str) -> dict:
    return {"@type": "Person", "name": name, **({"url": url} if url else {})}


def news_article(meta: ArticleMetadata) -> dict:
    data = {
        "@context": SCHEMA_ORG,
        "@type": "NewsArticle",
        "headline": meta.headline,
        "description": meta.description,
        "url": meta.url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": meta.canonical_url},
        "datePublished": meta.published_at.isoformat() if meta.published_at else None,
        "dateModified": (meta.modified_at or meta.published_at).isoformat() if meta.published_at else None,
        "author": [person(author.name, author.full_url) for author in meta.authors],
        "publisher": organization(meta.publisher),
        "inLanguage": meta.language,
    }
    if meta.copyright:
        data |= {
            "copyrightHolder": {"@type": "Organization", "name": meta.copyright.holder},
            "copyrightYear": meta.copyright.display_year,
            "copyrightNotice": meta.copyright.text,
        }
    if meta.source:
        outlet = {
            "@type": "Organization",
            "name": meta.source.name,
            **({"url": meta.source.url} if meta.source.url else {}),
        }
        based_on = {"@type": "CreativeWork", "publisher": outlet, "description": meta.source.text}
        if meta.canonical_url != meta.url:
            based_on["url"] = meta.canonical_url
        data["isBasedOn"] = based_on
    if meta.corrections:
        data["correction"] = [
            {"@type": "CorrectionComment", "text": f"{c.label}: {c.text}", "datePublished": c.published_at.isoformat()}
            for c in meta.corrections
        ]
    if meta.image:
        data["image"] = [meta.image.url]
    if meta.section:
        data["articleSection"] = meta.section
    if meta.keywords:
        data["keywords"] = list(meta.keywords)
    return {key: value for key, value in data.items() if value is not None}


def profile_page(author, full_url: str) -> dict:
    """An author page: a ProfilePage about the Person."""
    about = person(author.title, full_url)
    if author.role:
        about["jobTitle"] = author.role
    if author.bio:
        about["description"] = html_to_text(author.bio)
    return {"@context": SCHEMA_ORG, "@type": "ProfilePage", "url": full_url, "mainEntity": about}


def website(name: str, url: str, publisher: Publisher) -> dict:
    """The home page: the WebSite and who publishes it."""
    return {
        "@context": SCHEMA_ORG,
        "@graph": [
            {"@type": "WebSite", "name": name, "url": url, "publisher": organization(publisher)},
            organization(publisher),
        ],
    }
