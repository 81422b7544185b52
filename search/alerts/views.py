"""Following a search by e-mail: the form's answer, the confirmation and unsubscribe pages.

Links in e-mails only ever show a page with a button (GET); the button POSTs. Link scanners
that open every link therefore neither confirm nor unsubscribe anyone. The unsubscribe
endpoint also takes RFC 8058's one-click POST, which mail programs send without a CSRF token.
"""

from __future__ import annotations

from django import forms
from django.http import HttpResponseBadRequest
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from hub.client_address import client_address

from . import limits
from .canonical import InvalidSearch, canonical_query, search_from_query
from .models import FollowedSearch, Frequency
from .subscriptions import confirm, pending, request_subscription, unsubscribe


class FollowForm(forms.Form):
    email = forms.EmailField(label=gettext_lazy("Your e-mail address"), max_length=254)
    frequency = forms.ChoiceField(
        label=gettext_lazy("How often"),
        choices=Frequency.choices,
        initial=Frequency.WEEKLY,
        widget=forms.RadioSelect,
    )
    search = forms.CharField(required=False, widget=forms.HiddenInput)


def follow_context(search) -> dict:
    """The search page's "Follow this search" block: feed links and the e-mail form."""
    query = canonical_query(search)
    suffix = f"?{query}" if query else ""
    return {
        "rss": reverse("search:feed_rss") + suffix,
        "atom": reverse("search:feed_atom") + suffix,
        "form": FollowForm(initial={"search": query}),
    }


def message(request, title: str, text: str, status: int = 200, **extra):
    context = {"title": title, "text": text, **extra}
    return render(request, "alerts/message.html", context, status=status)


def no_store(response):
    response["Cache-Control"] = "no-store"
    return response


# No CSRF token: the form sits on every search page, which stays cacheable for everyone only
# without one, and a forged request could do no more than anyone may do with the form itself
# (there is no account or session to act for); the per-client limit applies the same.
@csrf_exempt
@require_POST
def follow(request):
    if not limits.client_allowed(client_address(request)):
        return no_store(
            message(
                request,
                _("Too many requests"),
                _(
                    "Too many requests to follow searches from your connection. "
                    "Try again in an hour."
                ),
                status=429,
            )
        )
    form = FollowForm(request.POST)
    language = translation.get_language()
    try:
        search = search_from_query(request.POST.get("search", ""), language)
    except InvalidSearch as error:
        return HttpResponseBadRequest(str(error), content_type="text/plain; charset=utf-8")
    query = canonical_query(search)
    if not form.is_valid():
        followed = FollowedSearch(language=language, query=query)
        return no_store(
            render(
                request,
                "alerts/follow_form.html",
                {"form": form, "search_url": followed.path()},
                status=400,
            )
        )
    data = form.cleaned_data
    request_subscription(data["email"], query, language, data["frequency"], request)
    return no_store(
        message(
            request,
            _("Check your e-mail"),
            _(
                "If this address can receive alerts, we sent a confirmation link. Nothing "
                "else is sent until the link is followed."
            ),
            back_url=FollowedSearch(language=language, query=query).path(),
        )
    )


@require_http_methods(["GET", "HEAD", "POST"])
def confirm_page(request, token):
    subscription = pending(token)
    if subscription is None:
        return no_store(
            message(
                request,
                _("This link no longer works"),
                _("The confirmation link has expired or was already used."),
                status=404,
            )
        )
    if request.method == "POST":
        confirm(subscription)
        return no_store(
            message(
                request,
                _("You follow this search"),
                _("You will receive new lessons and stories of this search by e-mail."),
                back_url=subscription.search.path(),
            )
        )
    return no_store(
        render(
            request,
            "alerts/confirm.html",
            {
                "frequency": subscription.get_frequency_display(),
                "search_url": subscription.search.path(),
            },
        )
    )


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def unsubscribe_page(request, token):
    if request.method == "POST":
        if not unsubscribe(token):
            return no_store(_bad_link(request))
        return no_store(
            message(
                request,
                _("Unsubscribed"),
                _("You will receive no more e-mails about this search."),
            )
        )
    from .models import public_id_of

    if public_id_of(token) is None:
        return no_store(_bad_link(request))
    return no_store(render(request, "alerts/unsubscribe.html", {}))


def _bad_link(request):
    return message(
        request,
        _("This link no longer works"),
        _("This unsubscribe link is not valid."),
        status=404,
    )
