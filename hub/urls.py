from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from hub import media_views, partner_isolation, routing

# The admin, documents, images, the API and the sitemap are language-neutral; everything a visitor
# reads carries its language in the URL (/en/, /fr/, /es/), and "/" redirects by
# Accept-Language. Each app owns its own routes; Wagtail's page serving comes last.
urlpatterns = [
    *partner_isolation.chooser_urls,
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap),
    path("api/", include("search.api_urls")),
    path("data/", include("stories.dataset.urls")),
]

# Images are served from MEDIA_ROOT in every environment (a proxy may serve the same two
# folders itself), or redirected to the bucket with object storage; nothing else under
# MEDIA_URL is, above all not documents (hub/media_views.py).
urlpatterns += [
    path(f"{settings.MEDIA_URL.strip('/')}/<str:folder>/<path:path>", media_views.image_file),
]

urlpatterns += i18n_patterns(
    path("", include("stories.urls")),
    path("", include("search.urls")),
    # Pages are served by the hub's routing (Wagtail's view, with a remembered home page);
    # Wagtail's own URLs below it keep its login and password forms under _util/.
    re_path(r"^(?!_util/)((?:[\w\-]+/)*)$", routing.serve, name="wagtail_serve"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
