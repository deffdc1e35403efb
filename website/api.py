"""The headless API (Wagtail API v2). Feature apps add their endpoints here.

There is deliberately no ``images`` or ``documents`` endpoint: they would list every file in
the library, including those uploaded for unpublished pages. Published pages carry their images
(as renditions) and documents (as download links) inline.
"""

from wagtail.api.v2.router import WagtailAPIRouter

from dashboards.api import DashboardsAPIViewSet
from knowledge.api import KnowledgePagesAPIViewSet
from partners.api import PartnersAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", KnowledgePagesAPIViewSet)  # Wagtail's, plus ?theme=&city=
api_router.register_endpoint("partners", PartnersAPIViewSet)
api_router.register_endpoint("dashboards", DashboardsAPIViewSet)
