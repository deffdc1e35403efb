"""Which partner organisation a partner caseworker works for."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class PartnerMembership(models.Model):
    """A staff account belongs to at most one partner; casework scopes what it sees by this."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="partner_membership",
        verbose_name=_("user"),
    )
    partner = models.ForeignKey(
        "partners.PartnerOrganisation",
        on_delete=models.PROTECT,
        related_name="memberships",
        verbose_name=_("partner organisation"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        ordering = ["partner__name", "user__username"]
        verbose_name = _("partner membership")
        verbose_name_plural = _("partner memberships")

    def __str__(self) -> str:
        return f"{self.user} → {self.partner}"
