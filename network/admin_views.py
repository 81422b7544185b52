"""The admin's "Onboard a partner" form: the same action as ``manage.py onboard_partner``."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.admin.auth import require_admin_access

from .models import OrganisationType
from .onboarding import OnboardingError, can_onboard, onboard_partner


class OnboardPartnerForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Organisation name"), max_length=120)
    acronym = forms.CharField(label=gettext_lazy("Acronym"), max_length=30, required=False)
    organisation_type = forms.ChoiceField(
        label=gettext_lazy("Organisation type"), choices=OrganisationType.choices
    )
    email = forms.EmailField(
        label=gettext_lazy("E-mail of the partner's editor"),
        required=False,
        help_text=gettext_lazy("An account in the partner's group is created for this address."),
    )


@require_admin_access
def onboard_partner_view(request):
    if not can_onboard(request.user):
        raise PermissionDenied
    form = OnboardPartnerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            result = onboard_partner(user=request.user, request=request, **form.cleaned_data)
        except OnboardingError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _(
                    "%(name)s is onboarded: its profile page (a draft until you publish it) "
                    "and the group “%(group)s”."
                )
                % {"name": result.profile.title, "group": result.group.name},
            )
            if result.invited:
                messages.success(
                    request,
                    _("An invitation to set a password was e-mailed to %(email)s.")
                    % {"email": result.user.email},
                )
            return redirect("wagtailadmin_pages:edit", result.profile.pk)
    return TemplateResponse(
        request,
        "network/admin/onboard_partner.html",
        {
            "form": form,
            "page_title": _("Onboard a partner"),
            "header_title": _("Onboard a partner"),
        },
    )
