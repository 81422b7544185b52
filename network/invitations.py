"""A partner's way in: an invitation e-mail with a one-time link to set a password.

Onboarding creates partner accounts without a password (``set_unusable_password``): nobody
knows one, and nobody should choose it for the partner. The invitation carries a link to the
admin's "set a new password" page signed with Django's password-reset token, so it

- works once: the token hashes the password, which the partner then sets;
- expires after ``PASSWORD_RESET_TIMEOUT`` seconds (three days, said in the e-mail);
- can be sent again by an editor (``resend_invitation_view``), which makes a new link.

Django's "Forgotten password?" form skips accounts without a usable password (it cannot tell
a disabled account from a new one); the hub's form (``PasswordResetForm``, set in
``WAGTAILADMIN_USER_PASSWORD_RESET_FORM``) serves active accounts either way, so a partner who
lost the invitation gets a link there too. Both answer the same whatever the address, so
neither tells who has an account.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from wagtail.admin.forms.auth import PasswordResetForm as WagtailPasswordResetForm

from hub.mail import queue_email
from hub.public_url import absolute_url


class PasswordResetForm(WagtailPasswordResetForm):
    """Wagtail's form, also for active accounts that have no password yet (invited ones)."""

    def get_users(self, email):
        User = get_user_model()
        field = User.get_email_field_name()
        return User._default_manager.filter(**{f"{field}__iexact": email, "is_active": True})


def invitation_link(user, request=None) -> str:
    path = reverse(
        "wagtailadmin_password_reset_confirm",
        kwargs={
            "uidb64": urlsafe_base64_encode(force_bytes(user.pk)),
            "token": default_token_generator.make_token(user),
        },
    )
    return absolute_url(path, request)


def send_invitation(user, partner_name: str, request=None) -> None:
    """E-mail ``user`` a link to set a password and sign in as ``partner_name``'s editor."""
    context = {
        "partner": partner_name,
        "link": invitation_link(user, request),
        "login": absolute_url(reverse("wagtailadmin_login"), request),
        "username": user.get_username(),
        "days": max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("hub/email/invitation_subject.txt", context)
        body = render_to_string("hub/email/invitation.txt", context)
    queue_email(" ".join(subject.split()), body, [user.email])


def needs_invitation(user) -> bool:
    """An account that has never set a password (invitations are for them)."""
    return user.is_active and not user.has_usable_password()
