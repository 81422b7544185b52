"""The MEDIA_S3_* variables (hub/settings/base.py) as a process started with them reads them."""

import importlib.util

from django.utils.module_loading import import_string

import pytest


def base_settings(monkeypatch, **env):
    """hub/settings/base.py as a process started with ``env`` would read it."""
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    spec = importlib.util.find_spec("hub.settings.base")
    module = importlib.util.module_from_spec(spec)  # a fresh copy; the running one stays
    spec.loader.exec_module(module)
    return vars(module)


def test_the_environment_configures_the_storage(monkeypatch):
    env = {
        "MEDIA_S3_BUCKET": "hub-media",
        "MEDIA_S3_ENDPOINT_URL": "https://objects.example.net",
        "MEDIA_S3_REGION": "eu-central-1",
        "MEDIA_S3_PUBLIC_URL": "https://media.example.org",
        "MEDIA_S3_PUBLIC_ACL": "none",
        "MEDIA_S3_ACCESS_KEY_ID": "AKIAEXAMPLE",
    }
    # A key without its secret is a mistake, said in one line before anything starts.
    with pytest.raises(SystemExit) as stop:
        base_settings(monkeypatch, **env)
    assert str(stop.value) == (
        "hub: set both MEDIA_S3_ACCESS_KEY_ID and MEDIA_S3_SECRET_ACCESS_KEY, or neither "
        "(without them boto3 finds credentials itself, e.g. from an instance role)."
    )
    default = base_settings(monkeypatch, **env, MEDIA_S3_SECRET_ACCESS_KEY="example")["STORAGES"][
        "default"
    ]
    storage = import_string(default["BACKEND"])(**default["OPTIONS"])
    assert (storage.bucket_name, storage.endpoint_url, storage.region_name) == (
        "hub-media",
        "https://objects.example.net",
        "eu-central-1",
    )
    assert (storage.public_acl, storage.querystring_expire) == (None, 60)
    assert storage.url("images/a.png") == "https://media.example.org/images/a.png"
    signed = storage.url("documents/a.txt")
    assert signed.startswith("https://objects.example.net/hub-media/documents/a.txt?")
    assert "X-Amz-Expires=60" in signed
