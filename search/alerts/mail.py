"""The e-mails of search alerts: confirmation, "already following" and digests.

Every one is plain text with a light HTML alternative, in the subscription's language, and
carries RFC 8058 one-click unsubscribe headers: mail programs show an "Unsubscribe" button
that POSTs to the link without opening it.
"""

from __future__ import annotations

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from hub.public_url import absolute_url

from .canonical import describe, search_from_query


def link(name: str, *args, language: str, request=None) -> str:
    with translation.override(language):
        return absolute_url(reverse(f"search:{name}", args=args), request)


def send(subscription, subject: str, template: str, context: dict, request=None) -> None:
    """``request``: the visitor's, when the e-mail answers one (its links then use the
    address the visitor came through, unless ``HUB_PUBLIC_URL`` says otherwise)."""
    language = subscription.search.language
    token = subscription.unsubscribe_token
    unsubscribe = link("alerts_unsubscribe", token, language=language, request=request)
    with translation.override(language):
        search = search_from_query(subscription.search.query, language)
        context = {
            **context,
            "search_label": describe(search),
            "search_url": absolute_url(subscription.search.path(), request),
            "unsubscribe_url": unsubscribe,
            "frequency": subscription.get_frequency_display(),
        }
        text = render_to_string(f"alerts/email/{template}.txt", context)
        html = render_to_string(f"alerts/email/{template}.html", context)
        message = EmailMultiAlternatives(
            subject=str(subject),
            body=text,
            from_email=settings.DEFAULT_FROM_EMAIL,
            to=[subscription.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )
        message.attach_alternative(html, "text/html")
        message.send()


def send_confirmation(subscription, token: str | None, request=None) -> None:
    """The confirmation link, or, for an address that already follows the search, a note
    saying so: the visitor who asked sees the same page either way."""
    language = subscription.search.language
    with translation.override(language):
        if token:
            subject = _("Confirm your search alert · Knowledge Hub")
            confirm = link("alerts_confirm", token, language=language, request=request)
        else:
            subject = _("You already follow this search · Knowledge Hub")
            confirm = ""
    send(subscription, subject, "confirm", {"confirm_url": confirm}, request)


def send_digest(subscription, items: list[dict]) -> None:
    with translation.override(subscription.search.language):
        subject = ngettext(
            "%(count)d new item in a search you follow · Knowledge Hub",
            "%(count)d new items in a search you follow · Knowledge Hub",
            len(items),
        ) % {"count": len(items)}
    send(subscription, subject, "digest", {"items": items})
