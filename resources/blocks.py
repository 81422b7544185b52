"""StreamField blocks of the toolkit and resources."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock

RICH_TEXT_FEATURES = ["h3", "h4", "bold", "italic", "link", "ol", "ul", "document-link"]


class CalloutBlock(blocks.StructBlock):
    """A short boxed point a reader should not miss (a tip, a warning, an example)."""

    heading = blocks.CharBlock(label=_("heading"), max_length=120, required=False)
    text = blocks.RichTextBlock(label=_("text"), features=["bold", "italic", "link"])

    class Meta:
        icon = "warning"
        label = _("Callout")
        template = "includes/resource_callout_block.html"


class TopicBodyBlock(blocks.StreamBlock):
    """The body of a toolkit topic: headed sections of prose, callouts and documents."""

    heading = blocks.CharBlock(
        label=_("section heading"),
        max_length=150,
        form_classname="title",
        icon="title",
        template="includes/resource_heading_block.html",
    )
    paragraph = blocks.RichTextBlock(label=_("text"), features=RICH_TEXT_FEATURES)
    callout = CalloutBlock()
    document = DocumentChooserBlock(
        label=_("document"), template="includes/resource_document_block.html"
    )


class TakeawayBlock(blocks.StreamBlock):
    """Key takeaways: one short sentence each, shown as a list."""

    takeaway = blocks.TextBlock(label=_("takeaway"), max_length=300)


class RelatedPageBlock(blocks.StreamBlock):
    """Curated links from a topic to resources and stories.

    A generic page chooser keeps ``resources`` independent of the ``stories`` app: any
    page (a resource, a case story, a collaborative) can be recommended.
    """

    page = blocks.PageChooserBlock(label=_("resource or story"))


class HowToStepBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("step"), max_length=150)
    text = blocks.TextBlock(label=_("details"), required=False)

    class Meta:
        icon = "list-ol"
        label = _("Step")


class HowToUseBlock(blocks.StreamBlock):
    """ "How to use" a resource, as numbered steps."""

    step = HowToStepBlock()
