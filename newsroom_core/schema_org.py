"""schema.org's building blocks that the article, home and author pages share."""

SCHEMA_ORG = "https://schema.org"


def organization(name: str, url: str = "", logo_url: str = "") -> dict:
    data = {"@type": "Organization", "name": name, **({"url": url} if url else {})}
    if logo_url:
        data["logo"] = {"@type": "ImageObject", "url": logo_url}
    return data


def person(name: str, url: str) -> dict:
    return {"@type": "Person", "name": name, **({"url": url} if url else {})}
