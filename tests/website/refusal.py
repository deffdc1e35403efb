from django.urls import reverse


def is_refused(response) -> bool:
    """Wagtail's admin answers PermissionDenied with a redirect to its dashboard (and a message);
    outside the admin's decorator it is a plain 403."""
    if response.status_code == 403:
        return True
    return response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
