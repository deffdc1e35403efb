"""The admin API's image and document endpoints, held to the media library's permissions.

Wagtail's admin API (``/admin/api/main/``) is open to everyone who may enter the admin, and its
image and document endpoints list the whole library. These subclasses answer 403 to a user with
no image (or document) permission on any collection, and list only what the user may choose or
change, as the admin's own choosers and listings do.
"""

from wagtail.documents.api.admin.views import DocumentsAdminAPIViewSet
from wagtail.images.api.admin.views import ImagesAdminAPIViewSet
from wagtail.permissions import policy_registry

from rest_framework.exceptions import PermissionDenied

MEDIA_ACTIONS = ["add", "change", "delete", "choose"]


class CollectionPermissionCheckedMixin:
    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        if not self.permission_policy.user_has_any_permission(request.user, MEDIA_ACTIONS):
            raise PermissionDenied

    @property
    def permission_policy(self):
        return policy_registry.get_by_type(self.model)

    def get_queryset(self):
        allowed = self.permission_policy.instances_user_has_any_permission_for(
            self.request.user, MEDIA_ACTIONS
        )
        return super().get_queryset().filter(pk__in=allowed.values("pk"))


class DocumentsAPIViewSet(CollectionPermissionCheckedMixin, DocumentsAdminAPIViewSet):
    pass


class ImagesAPIViewSet(CollectionPermissionCheckedMixin, ImagesAdminAPIViewSet):
    pass


def register_media_endpoints(router) -> None:
    router.register_endpoint("documents", DocumentsAPIViewSet)
    router.register_endpoint("images", ImagesAPIViewSet)
