"""An S3-compatible server for the object storage tests: moto's standalone server (from PyPI), the one
CI's ``.ci/run`` starts and names in ``NEWSROOM_TEST_S3_ENDPOINT_URL``, else one of the tests' own.

Each test gets a new, empty bucket on it, so nothing one test stores is seen by another.
"""

import os
import sys
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import boto3

from .helpers import ROOT
from .serving import free_port, serving

ENDPOINT_VARIABLE = "NEWSROOM_TEST_S3_ENDPOINT_URL"
REGION = "us-east-1"
# moto takes any key; these are what the site is given, as AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY.
ACCESS_KEY, SECRET_KEY = "newsroom-test-key", "newsroom-test-secret"
MOTO_SERVER = Path(sys.executable).with_name("moto_server")


@contextmanager
def object_storage_server():
    """The endpoint URL of a running S3-compatible server: CI's when it names one, else moto's server
    started here on a free port and stopped afterwards."""
    if os.environ.get(ENDPOINT_VARIABLE):
        yield os.environ[ENDPOINT_VARIABLE].rstrip("/")
        return
    endpoint_url = f"http://127.0.0.1:{free_port()}"
    command = [str(MOTO_SERVER), "-H", "127.0.0.1", "-p", endpoint_url.rsplit(":", 1)[1]]
    with serving(command, ROOT, dict(os.environ), endpoint_url):
        yield endpoint_url


def s3_client(endpoint_url):
    return boto3.client(
        "s3",
        endpoint_url=endpoint_url,
        region_name=REGION,
        aws_access_key_id=ACCESS_KEY,
        aws_secret_access_key=SECRET_KEY,
    )


@dataclass
class Bucket:
    """A bucket of the test's own, read with the site's credentials."""

    name: str
    endpoint_url: str
    client: object

    def keys(self, prefix=""):
        pages = self.client.get_paginator("list_objects_v2").paginate(Bucket=self.name, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", ()))

    def head(self, key):
        return self.client.head_object(Bucket=self.name, Key=key)

    def read(self, key):
        return self.client.get_object(Bucket=self.name, Key=key)["Body"].read()

    def object_url(self, key):
        """The object's own address on the server, as an anonymous reader would ask for it."""
        return f"{self.endpoint_url}/{self.name}/{key}"

    def fetch_public(self, url, content_type="image/png"):
        """The bytes of the object at ``url``, which must be in this bucket and fetch for anyone."""
        assert url.startswith(f"{self.endpoint_url}/{self.name}/"), f"{url} is not in {self.name}"
        status, served_type, body = fetch_anonymously(url)
        assert (status, served_type) == (200, content_type), f"{url} answered {status} {served_type}"
        return body

    def site_environment(self):
        """The environment variables that put the site's media here (see the settings' MEDIA_S3_*)."""
        return {
            "MEDIA_S3_BUCKET": self.name,
            "MEDIA_S3_ENDPOINT_URL": self.endpoint_url,
            "MEDIA_S3_REGION": REGION,
            "AWS_ACCESS_KEY_ID": ACCESS_KEY,
            "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
        }


@contextmanager
def new_bucket(endpoint_url):
    """A new bucket (its name never used before), emptied and removed afterwards."""
    client = s3_client(endpoint_url)
    bucket = Bucket(f"newsroom-test-{uuid.uuid4().hex[:16]}", endpoint_url, client)
    client.create_bucket(Bucket=bucket.name)
    try:
        yield bucket
    finally:
        if stored := bucket.keys():
            client.delete_objects(Bucket=bucket.name, Delete={"Objects": [{"Key": key} for key in stored]})
        client.delete_bucket(Bucket=bucket.name)


def fetch_anonymously(url):
    """(status, content type, body) of a GET without credentials, as a reader's browser sends it."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type"), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type"), error.read()
