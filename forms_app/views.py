"""Public views of the form engine that are not served as pages."""

from django.http import JsonResponse
from django.shortcuts import get_object_or_404

from .definition import export_definition
from .models import WizardFormPage


def public_definition(request, page_id: int) -> JsonResponse:
    """A published form's definition, where its editors chose to share it (how another city
    adopts the model's forms). Works for staff-only forms too: it holds no answers."""
    page = get_object_or_404(
        WizardFormPage.objects.live().filter(share_definition=True), pk=page_id
    )
    response = JsonResponse(
        export_definition(page), json_dumps_params={"ensure_ascii": False, "indent": 2}
    )
    response["Content-Disposition"] = f'attachment; filename="{page.slug}.form.json"'
    return response
