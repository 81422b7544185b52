"""A real S3-compatible server for the tests: moto's server mode, started once per session.

The hub talks to it over HTTP with boto3, exactly as it talks to a bucket in production;
the tests read objects back over plain HTTP, with and without a signature.
"""

import logging
import socket
from types import SimpleNamespace

import pytest
import requests

BUCKET = "hub-media-test"
REGION = "us-east-1"
KEYS = {"aws_access_key_id": "hub-test-key", "aws_secret_access_key": "hub-test-secret"}


@pytest.fixture(scope="session")
def s3_server():
    import boto3  # imported here: a run without these tests never loads boto3 or moto
    from moto.server import ThreadedMotoServer

    # The server's access log is werkzeug's, at INFO: the tests stay quiet.
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    client = boto3.client("s3", endpoint_url=endpoint, region_name=REGION, **KEYS)
    client.create_bucket(Bucket=BUCKET)
    yield SimpleNamespace(endpoint=endpoint, bucket=BUCKET, client=client)
    server.stop()


def storage_options(endpoint, **options):
    """What base.py builds from MEDIA_S3_* for this bucket."""
    return {
        "BACKEND": "hub.media_storage.MediaStorage",
        "OPTIONS": {
            "bucket_name": BUCKET,
            "endpoint_url": endpoint,
            "region_name": REGION,
            "access_key": KEYS["aws_access_key_id"],
            "secret_key": KEYS["aws_secret_access_key"],
            **options,
        },
    }


def use_storage(settings, endpoint, **options):
    settings.STORAGES = {**settings.STORAGES, "default": storage_options(endpoint, **options)}


@pytest.fixture
def object_storage(settings, s3_server):
    """The hub's media in the session's bucket for one test, as MEDIA_S3_* configure it."""
    use_storage(settings, s3_server.endpoint)
    return s3_server


def unreachable_endpoint() -> str:
    """An address where nothing listens: the storage is down."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def fetch(url: str) -> requests.Response:
    """A GET as a browser makes it: no credentials, whatever the URL carries."""
    return requests.get(url, timeout=10, allow_redirects=False)


def object_exists(server, key: str) -> bool:
    try:
        server.client.head_object(Bucket=server.bucket, Key=key)
    except server.client.exceptions.ClientError as error:
        if error.response["ResponseMetadata"]["HTTPStatusCode"] == 404:
            return False
        raise
    return True
