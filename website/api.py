"""The headless API (Wagtail API v2). Feature apps add their endpoints here."""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images.api.v2.views import ImagesAPIViewSet

from knowledge.api import KnowledgePagesAPIViewSet
from partners.api import PartnersAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", KnowledgePagesAPIViewSet)  # Wagtail's, plus ?theme=&city=
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
api_router.register_endpoint("partners", PartnersAPIViewSet)
