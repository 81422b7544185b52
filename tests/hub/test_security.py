"""Security headers, the admin's host, login throttling and production cookie settings."""

import json
import os
import subprocess
import sys

from django.core.checks import run_checks
from django.test import override_settings

import pytest

from .test_settings import LONG_SECRET, ROOT

pytestmark = pytest.mark.django_db


def directives(policy: str) -> dict[str, list[str]]:
    parts = [part.split() for part in policy.split(";") if part.strip()]
    return {part[0]: part[1:] for part in parts}


def test_public_pages_send_a_strict_policy_and_the_other_headers(client, homes):
    response = client.get("/fr/")
    policy = directives(response["Content-Security-Policy"])
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["X-Frame-Options"] == "DENY"


def test_the_admin_has_its_own_relaxed_policy(client):
    policy = directives(client.get("/admin/login/")["Content-Security-Policy"])
    assert "'unsafe-inline'" in policy["script-src"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]


@override_settings(ADMIN_HOSTS=["admin.hub.test"], ALLOWED_HOSTS=["testserver", "admin.hub.test"])
def test_the_admin_answers_only_on_its_host(client, homes):
    assert client.get("/admin/login/").status_code == 404
    assert client.get("/admin/login/", HTTP_HOST="admin.hub.test").status_code == 200
    assert client.get("/admin/login/", HTTP_HOST="admin.hub.test:8443").status_code == 200
    assert client.get("/en/").status_code == 200  # the public site is unaffected


def test_without_admin_hosts_the_admin_answers_everywhere(client):
    assert client.get("/admin/login/").status_code == 200


@pytest.fixture
def throttled(django_user_model):
    with override_settings(AXES_ENABLED=True, AXES_FAILURE_LIMIT=3):
        django_user_model.objects.create_superuser("editor", "e@example.org", "right-password")
        django_user_model.objects.create_superuser("other", "o@example.org", "other-password")
        yield


def login(client, username, password):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_login_is_refused_after_too_many_failures_even_with_the_right_password(client, throttled):
    for _ in range(2):
        response = login(client, "editor", "wrong")
        assert response.status_code == 200  # the form again, with its error
    assert login(client, "editor", "wrong").status_code == 429  # the third failure locks
    refused = login(client, "editor", "right-password")
    assert refused.status_code == 429
    assert client.get("/admin/").status_code == 302  # still not logged in
    # Another account from the same address is not locked out.
    assert login(client, "other", "other-password").status_code == 302


def test_a_successful_login_before_the_limit_resets_the_count(client, throttled):
    for _ in range(2):
        login(client, "editor", "wrong")
    assert login(client, "editor", "right-password").status_code == 302
    client.logout()
    for _ in range(2):
        login(client, "editor", "wrong")
    assert login(client, "editor", "right-password").status_code == 302


def test_production_cookies_are_secure_and_hsts_is_on():
    code = (
        "import json, django; from django.conf import settings as s; django.setup(); "
        "print(json.dumps([s.SESSION_COOKIE_SECURE, s.SESSION_COOKIE_HTTPONLY, "
        "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_SSL_REDIRECT, s.AXES_ENABLED]))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "hub.settings.production",
        "SECRET_KEY": LONG_SECRET,
        "ALLOWED_HOSTS": "hub.example.org",
    }
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    secure, httponly, csrf_secure, hsts, ssl_redirect, axes = json.loads(result.stdout)
    assert secure and httponly and csrf_secure and ssl_redirect and axes
    assert hsts >= 60 * 60 * 24 * 365


def test_deploy_checks_warn_about_a_per_process_page_cache():
    local = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    with override_settings(PAGE_CACHE_ENABLED=True, CACHES={"default": local, "pages": local}):
        ids = {message.id for message in run_checks(include_deployment_checks=True)}
    assert "hub.W001" in ids
    assert "hub.W001" not in {message.id for message in run_checks(include_deployment_checks=True)}


@pytest.mark.django_db
def test_a_nul_character_in_the_query_is_a_clear_400(client):
    for url in ("/en/stories/?country=B%00D", "/en/resources/?type=%00", "/api/search/?q=a%00b"):
        response = client.get(url)
        assert response.status_code == 400, url
        assert b"NUL character" in response.content
