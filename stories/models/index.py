"""All published stories across partners, filterable by plain GET parameters."""

from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail_localize.fields import TranslatableField

from hub.models import HubPage

STORIES_PER_PAGE = 12


class StoryIndexPage(HubPage):
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = HubPage.content_panels + [FieldPanel("intro")]
    translatable_fields = HubPage.translatable_fields + [TranslatableField("intro")]
    parent_page_types = ["hub.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("story index page")

    def summary_text(self) -> str:
        return self.intro

    def get_context(self, request, *args, **kwargs):
        from network.models.partners import attach_partners
        from stories.filters import StoryFilters

        context = super().get_context(request, *args, **kwargs)
        filters = StoryFilters(request.GET, self.locale)
        all_stories = self.stories()
        stories = filters.apply(all_stories)
        paginator = Paginator(stories, STORIES_PER_PAGE)
        page_number = request.GET.get("page", "1")
        if not page_number.isdigit() or not 1 <= int(page_number) <= paginator.num_pages:
            if page_number != "1":
                filters.notices.append(_("That page of results does not exist: showing page 1."))
            page_number = 1
        results = paginator.page(page_number)
        attach_partners(results.object_list)
        context.update(
            {
                "filters": filters,
                "filter_fields": filters.form_fields(all_stories),
                "results": results,
                "story_list": results.object_list,
                "querystring_without_page": filters.querystring(),
            }
        )
        return context

    def stories(self):
        from stories.models import CaseStoryPage

        return (
            CaseStoryPage.objects.live()
            .public()
            .filter(locale=self.locale)
            .select_related("hero_image")
            .order_by("-publication_date", "-pk")
        )

    def structured_data(self, request=None) -> dict:
        return self.collection_page_data(request)
