"""Login throttling behind a reverse proxy: the lockout falls on (username, client address),
with the client's address read from X-Forwarded-For as the trusted proxy wrote it."""

import json
import os
import subprocess
import sys

from django.test import override_settings

import pytest

from tests.hub.test_settings import LONG_SECRET, ROOT

pytestmark = pytest.mark.django_db

PROXY = "10.0.0.1"  # every connection comes from the proxy
ATTACKER, EDITOR = "203.0.113.5", "198.51.100.7"


@pytest.fixture
def editor(django_user_model):
    django_user_model.objects.create_superuser("admin", "a@example.org", "right-password")


def login(client, password, forwarded, remote=PROXY):
    return client.post(
        "/admin/login/",
        {"username": "admin", "password": password},
        REMOTE_ADDR=remote,
        HTTP_X_FORWARDED_FOR=forwarded,
    )


def lock_out(client, forwarded):
    for _ in range(2):
        assert login(client, "wrong", forwarded).status_code == 200
    assert login(client, "wrong", forwarded).status_code == 429


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_a_lockout_behind_the_proxy_falls_on_one_address_only(client, editor):
    lock_out(client, ATTACKER)
    assert login(client, "right-password", ATTACKER).status_code == 429
    # The same account from another address logs in: nobody can lock "admin" for everyone.
    assert login(client, "right-password", EDITOR).status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=1)
def test_a_forged_forwarded_address_does_not_escape_the_lockout(client, editor):
    lock_out(client, ATTACKER)
    # The attacker sends their own X-Forwarded-For; the proxy appends the real address.
    forged = f"{EDITOR}, {ATTACKER}"
    assert login(client, "right-password", forged).status_code == 429
    # ...and cannot lock the editor's address by naming it either.
    for _ in range(3):
        login(client, "wrong", f"{EDITOR}, 192.0.2.9")
    assert login(client, "right-password", EDITOR).status_code == 302


@override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3, TRUSTED_PROXY_COUNT=0)
def test_without_a_proxy_the_header_is_not_trusted(client, editor):
    lock_out(client, ATTACKER)
    assert login(client, "right-password", EDITOR).status_code == 429


def test_the_proxy_count_comes_from_the_environment():
    code = (
        "import json, django; from django.conf import settings as s; django.setup(); "
        "print(json.dumps([s.TRUSTED_PROXY_COUNT, s.AXES_LOCKOUT_PARAMETERS]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": LONG_SECRET,
        "ALLOWED_HOSTS": "hub.example.org",
        "AXES_PROXY_COUNT": "1",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [1, [["username", "ip_address"]]]
