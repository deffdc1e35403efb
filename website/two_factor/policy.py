"""Who needs a second factor: everyone who can sign in to the admin (every role sees personal
data or administers those who do) and superusers."""

from django.conf import settings

ADMIN_ACCESS = "wagtailadmin.access_admin"


def requires_second_factor(user) -> bool:
    if not getattr(settings, "TWO_FACTOR_REQUIRED", True):
        return False
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.has_perm(ADMIN_ACCESS)


def is_enrolled(user) -> bool:
    """Whether the user has a confirmed authenticator app (recovery codes alone do not count)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
