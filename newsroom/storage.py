"""Media on object storage (S3 or a server that speaks its API), for the example site's settings.

Images, their renditions and the other files pages show are public, under plain URLs that pages,
feeds, JSON-LD and the API can hand out and caches can keep. Documents are not: a document in a
private collection must stay private, so its object is readable only with the site's credentials,
and Wagtail serves documents through the app (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which
checks the collection's privacy first.
"""

from storages.backends.s3 import S3Storage

PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable"  # a stored file's name is never reused
PRIVATE_PREFIXES = ("documents/",)  # Wagtail's upload_to for documents


class ObjectStorage(S3Storage):
    querystring_auth = False  # public objects under stable URLs: signed ones would expire in caches
    file_overwrite = False  # a new upload never replaces a file a page or feed still points at

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        if name.startswith(PRIVATE_PREFIXES):
            parameters.setdefault("ACL", "private")
        else:
            parameters.setdefault("ACL", "public-read")
            parameters.setdefault("CacheControl", PUBLIC_CACHE_CONTROL)
        return parameters


def media_url_on_object_storage(*, bucket_name, endpoint_url=None, region_name=None, custom_domain=None, location=""):
    """The URL the stored files are read from (for MEDIA_URL and the Content Security Policy)."""
    prefix = f"{location.strip('/')}/" if location.strip("/") else ""
    if custom_domain:
        return f"https://{custom_domain}/{prefix}"
    if endpoint_url:
        return f"{endpoint_url.rstrip('/')}/{bucket_name}/{prefix}"
    host = f"s3.{region_name}.amazonaws.com" if region_name else "s3.amazonaws.com"
    return f"https://{bucket_name}.{host}/{prefix}"
