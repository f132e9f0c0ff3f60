"""Media on object storage (S3 or a server that speaks its API), for the example site's settings.

Images, their renditions and the other files pages show are public, under plain URLs that pages,
feeds, JSON-LD and the API can hand out and caches can keep. Documents are not: a document in a
private collection must stay private, so its object is readable only with the site's credentials,
and Wagtail serves documents through the app (``WAGTAILDOCS_SERVE_METHOD = "serve_view"``), which
checks the collection's privacy first.

Who may read an object is said by its ACL (public-read or private), or, on a bucket whose ACLs are
disabled (``object_acls=False``; Amazon's default for new buckets, which refuses a PUT naming an
ACL), by the bucket's policy, which must then make everything but ``documents/`` public.
"""

from django.core.exceptions import SuspiciousFileOperation
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name, safe_join

PUBLIC_CACHE_CONTROL = "public, max-age=31536000, immutable"  # a stored file's name is never reused
PRIVATE_PREFIXES = ("documents/",)  # Wagtail's upload_to for documents


class ObjectStorage(S3Storage):
    querystring_auth = False  # public objects under stable URLs: signed ones would expire in caches
    file_overwrite = False  # a new upload never replaces a file a page or feed still points at

    def get_default_settings(self):
        return super().get_default_settings() | {"object_acls": True}

    def get_object_parameters(self, name):
        parameters = super().get_object_parameters(name)
        is_private = self.name_for_key(name).startswith(PRIVATE_PREFIXES)
        if self.object_acls:
            parameters.setdefault("ACL", "private" if is_private else "public-read")
        if not is_private:
            parameters.setdefault("CacheControl", PUBLIC_CACHE_CONTROL)
        return parameters

    def name_for_key(self, key):
        """``key`` (the object's key in the bucket) less the storage's ``location`` prefix."""
        prefix = f"{self.location.strip('/')}/" if self.location.strip("/") else ""
        return key.removeprefix(prefix)

    def url(self, name, parameters=None, expire=None, http_method=None):
        """The object's public address, under MEDIA_URL: botocore names a bucket in any region by its
        global host, which the Content Security Policy (MEDIA_URL's origin) would not allow."""
        if parameters or http_method:  # a particular request (a download's name, a PUT): botocore's own
            return super().url(name, parameters, expire, http_method)
        try:
            key = safe_join(self.location, clean_name(name))
        except ValueError:
            raise SuspiciousFileOperation(f"{name!r} is outside the media storage.") from None
        base = media_url_on_object_storage(
            bucket_name=self.bucket_name,
            endpoint_url=self.endpoint_url,
            region_name=self.region_name,
            custom_domain=self.custom_domain,
        )
        return base + filepath_to_uri(key)


def media_url_on_object_storage(*, bucket_name, endpoint_url=None, region_name=None, custom_domain=None, location=""):
    """The URL the stored files are read from (for MEDIA_URL and the Content Security Policy)."""
    prefix = f"{location.strip('/')}/" if location.strip("/") else ""
    if custom_domain:
        return f"https://{custom_domain}/{prefix}"
    if endpoint_url:
        return f"{endpoint_url.rstrip('/')}/{bucket_name}/{prefix}"
    host = f"s3.{region_name}.amazonaws.com" if region_name else "s3.amazonaws.com"
    return f"https://{bucket_name}.{host}/{prefix}"
