"""Enrolment, verification and an administrator's reset of someone else's second factor."""

from base64 import b32encode
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from wagtail.log_actions import log

import segno
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from ..staff_accounts.policy import may_manage
from .forms import CodeForm
from .policy import is_enrolled, requires_second_factor

RECOVERY_CODES = 10


def _next_url(request) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def issue_recovery_codes(user) -> list[str]:
    """Replace the user's recovery codes with new single-use ones and return them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name="recovery", defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@never_cache
@login_required
def setup(request):
    user = request.user
    next_url = _next_url(request)
    if not requires_second_factor(user):
        return redirect(next_url)
    if is_enrolled(user):  # a new authenticator only after an administrator's reset
        return redirect(f"{reverse('two_factor:verify')}?{urlencode({'next': next_url})}")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            with transaction.atomic():
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                codes = issue_recovery_codes(user)
                # request.user is a lazy proxy; Wagtail's log registry looks up the real class.
                account = get_user_model().objects.get(pk=user.pk)
                log(account, "website.two_factor.enrol", user=account, data=_address(request))
            otp_login(request, device)
            return render(
                request,
                "website/two_factor/recovery_codes.html",
                {"codes": codes, "next": next_url},
            )
        form.add_error("code", _("This code is not valid. Enter the code your app shows now."))
    qr_code = segno.make(device.config_url, error="m")
    return render(
        request,
        "website/two_factor/setup.html",
        {
            "form": form,
            "next": next_url,
            "qr_svg": qr_code.svg_inline(scale=5, border=2, omitsize=False),
            "secret": b32encode(device.bin_key).decode(),
        },
    )


@never_cache
@login_required
def verify(request):
    user = request.user
    next_url = _next_url(request)
    if not requires_second_factor(user) or user.is_verified():
        return redirect(next_url)
    if not is_enrolled(user):
        return redirect(f"{reverse('two_factor:setup')}?{urlencode({'next': next_url})}")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(user, form.cleaned_data["code"])
        if device is not None:
            otp_login(request, device)
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                messages.warning(
                    request,
                    _("You used a recovery code; %(count)d are left.") % {"count": left},
                )
            return redirect(next_url)
        form.add_error(
            "code",
            _(
                "This code is not valid. Enter the code your app shows now or an unused "
                "recovery code; after several wrong codes, wait a little before trying again."
            ),
        )
    return render(request, "website/two_factor/verify.html", {"form": form, "next": next_url})


@never_cache
@login_required
def reset(request, user_id: int):
    """An administrator removes another person's authenticator and recovery codes, so that
    person enrols again at their next login. Nobody can reset their own: a stolen password
    alone must never lead to a new authenticator."""
    account = get_object_or_404(get_user_model(), pk=user_id)
    if (
        account.pk == request.user.pk
        or not request.user.has_perm("auth.change_user")
        or not may_manage(request.user, account)
    ):
        raise PermissionDenied
    devices = list(devices_for_user(account, confirmed=None))
    if request.method == "POST":
        with transaction.atomic():
            for device in devices:
                device.delete()
            log(account, "website.two_factor.reset", user=request.user, data=_address(request))
        messages.success(
            request,
            _("%(name)s enrols a new authenticator at the next login.")
            % {"name": account.get_username()},
        )
        return redirect("wagtailusers_users:index")
    return render(
        request,
        "website/two_factor/reset.html",
        {
            "account": account,
            "enrolled": bool(devices),
            "page_title": _("Reset second factor"),
            "page_subtitle": account.get_username(),
            "header_icon": "key",
        },
    )


def _address(request) -> dict:
    return {"ip": request.META.get("REMOTE_ADDR")}
