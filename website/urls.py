from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .api import api_router
from .login import SiteLoginView
from .sessions import keep_alive

# A database that cannot be reached answers 503 with a short page; other errors keep the 500 page.
handler500 = "website.db_unavailable.server_error"

urlpatterns = [
    path("admin/two-factor/", include("website.two_factor.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v2/", api_router.urls),
    path("dashboards/", include("dashboards.urls")),
    path("forms/", include("forms_app.urls")),
    path("_util/session/keep-alive/", keep_alive, name="session_keep_alive"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# German lives at "/", English under "/en/"; Wagtail serves every page that no rule above takes.
urlpatterns += i18n_patterns(
    path("_util/login/", SiteLoginView.as_view(), name="site_login"),
    path("", include(wagtail_urls)),
    prefix_default_language=False,
)
