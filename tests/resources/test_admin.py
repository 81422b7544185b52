"""Tree rules, and editors creating toolkit pages and resources through the admin."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile

from wagtail.documents import get_document_model
from wagtail.models import Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from hub.factories import ThemeFactory
from hub.models import HomePage
from resources.factories import (
    NuggetPageFactory,
    ResourceIndexPageFactory,
    ToolkitPageFactory,
)
from resources.models import (
    NuggetSeriesPage,
    ResourceIndexPage,
    ResourcePage,
    ToolkitPage,
    ToolkitTopicPage,
)
from resources.pdf import minimal_pdf


class TreeRulesTests(WagtailPageTestCase):
    def test_toolkit(self):
        self.assertAllowedParentPageTypes(ToolkitPage, {HomePage})
        self.assertAllowedSubpageTypes(ToolkitPage, {ToolkitTopicPage, NuggetSeriesPage})
        self.assertAllowedParentPageTypes(ToolkitTopicPage, {ToolkitPage})
        self.assertAllowedSubpageTypes(ToolkitTopicPage, {})

    def test_resources(self):
        self.assertAllowedParentPageTypes(ResourceIndexPage, {HomePage})
        self.assertAllowedSubpageTypes(ResourceIndexPage, {ResourcePage, NuggetSeriesPage})
        self.assertAllowedParentPageTypes(ResourcePage, {ResourceIndexPage})
        self.assertAllowedSubpageTypes(ResourcePage, {})
        self.assertAllowedParentPageTypes(NuggetSeriesPage, {ResourceIndexPage, ToolkitPage})
        self.assertAllowedSubpageTypes(NuggetSeriesPage, {})


class AdminCreationTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = Site.objects.get(is_default_site=True).root_page.specific
        cls.toolkit = ToolkitPageFactory(parent=cls.home, slug="toolkit")
        cls.index = ResourceIndexPageFactory(parent=cls.home, slug="resources")
        cls.theme = ThemeFactory(name="Facilitation", slug="facilitation")

    def setUp(self):
        self.login()

    def test_editor_creates_a_topic(self):
        data = nested_form_data(
            {
                "title": "Recommendations for donors",
                "slug": "recommendations-for-donors",
                "intro": "What funders can do.",
                "body": streamfield(
                    [
                        ("heading", "Fund for the long term"),
                        ("paragraph", rich_text("<p>Core funding matters.</p>")),
                    ]
                ),
                "key_takeaways": streamfield([("takeaway", "Fund networks for years.")]),
                "related": streamfield([]),
            }
        )
        self.assertCanCreate(self.toolkit, ToolkitTopicPage, data)
        topic = ToolkitTopicPage.objects.get(slug="recommendations-for-donors")
        assert topic.live
        assert topic.number == 1
        assert [block.value for block in topic.key_takeaways] == ["Fund networks for years."]

    def test_editor_creates_a_resource_with_a_french_file(self):
        document = get_document_model()(title="Guide FR")
        document.file.save("guide-fr.pdf", ContentFile(minimal_pdf("Guide")), save=False)
        document.save()
        data = nested_form_data(
            {
                "title": "Facilitation guide",
                "slug": "facilitation-guide",
                "resource_type": "guide",
                "summary": "How to run a peer-learning session.",
                "how_to_use": streamfield(
                    [("step", {"title": "Read it first", "text": "Then adapt."})]
                ),
                "time_needed": "20 minutes",
                "format": "PDF",
                "licence": "CC BY 4.0",
                "publisher": "",
                "nugget_body": rich_text(""),
                "reflection_prompt": "",
                "files": inline_formset(
                    [
                        {"language": "fr", "document": document.pk, "link": ""},
                        {"language": "en", "document": "", "link": "https://example.org/g"},
                    ]
                ),
            }
        )
        # Multiple-choice fields repeat their name (nested_form_data would number them).
        data.update(audiences=["facilitators", "donors"], themes=[self.theme.pk])
        data["countries"] = ["KE", "BD"]
        self.assertCanCreate(self.index, ResourcePage, data)
        resource = ResourcePage.objects.get(slug="facilitation-guide")
        assert resource.audiences == ["donors", "facilitators"]
        assert [c.code for c in resource.countries] == ["BD", "KE"]
        assert list(resource.themes.all()) == [self.theme]
        files = resource.files.order_by("sort_order")
        assert [(f.language, f.document_id, f.link) for f in files] == [
            ("fr", document.pk, ""),
            ("en", None, "https://example.org/g"),
        ]
        assert {f.locale_id for f in files} == {resource.locale_id}

    def test_a_file_needs_a_document_or_a_link(self):
        data = nested_form_data(
            {
                "title": "Empty",
                "slug": "empty",
                "resource_type": "tool",
                "summary": "Nothing attached.",
                "how_to_use": streamfield([]),
                "nugget_body": rich_text(""),
                "files": inline_formset([{"language": "fr", "document": "", "link": ""}]),
                "action-publish": "publish",
            }
        )
        url = f"/admin/pages/add/resources/resourcepage/{self.index.pk}/"
        response = self.client.post(url, data)
        assert response.status_code == 200  # the form comes back with the error
        assert not ResourcePage.objects.filter(slug="empty").exists()
        assert "Give either a document or a link" in response.content.decode()

    def test_editor_creates_a_series_of_nuggets(self):
        first = NuggetPageFactory(parent=self.index, slug="first")
        second = NuggetPageFactory(parent=self.index, slug="second")
        data = nested_form_data(
            {
                "title": "Five days",
                "slug": "five-days",
                "intro": rich_text("<p>One a day.</p>"),
                "items": inline_formset([{"nugget": second.pk}, {"nugget": first.pk}]),
            }
        )
        self.assertCanCreate(self.index, NuggetSeriesPage, data)
        series = NuggetSeriesPage.objects.get(slug="five-days")
        assert [entry.nugget.slug for entry in series.days()] == ["second", "first"]

    def test_search_promotions_are_available_to_editors(self):
        editor = get_user_model().objects.create_user("editor", password="x")
        editor.groups.add(Group.objects.get(name="Editors"))
        self.client.force_login(editor)
        assert self.client.get("/admin/searchpicks/").status_code == 200
        resource = NuggetPageFactory(parent=self.index, slug="agenda")
        response = self.client.post(
            "/admin/searchpicks/add/",
            nested_form_data(
                {
                    "query_string": "agenda",
                    "editors_picks": inline_formset(
                        [{"page": resource.pk, "description": "Start here."}]
                    ),
                }
            ),
        )
        assert response.status_code == 302
        from wagtail.contrib.search_promotions.models import SearchPromotion

        promotion = SearchPromotion.objects.get()
        assert (promotion.query.query_string, promotion.page_id) == ("agenda", resource.pk)
