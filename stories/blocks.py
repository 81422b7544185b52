"""The blocks of a case story's body: sections of prose plus the pieces stories quote and link."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageChooserBlock

PROSE_FEATURES = ["h3", "bold", "italic", "link", "ol", "ul", "document-link"]


class SectionBlock(blocks.StructBlock):
    """A titled part of the story: the situation, the approach, the journey."""

    heading = blocks.CharBlock(
        label=_("Heading"),
        required=False,
        max_length=200,
        help_text=_("A short title for this part of the story, e.g. “What we tried”"),
    )
    text = blocks.RichTextBlock(label=_("Text"), features=PROSE_FEATURES)

    class Meta:
        icon = "doc-full"
        label = _("Section")
        template = "stories/blocks/section.html"


class ResultsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), required=False, default=_("Results"))
    items = blocks.ListBlock(blocks.CharBlock(label=_("Result"), max_length=300))

    class Meta:
        icon = "list-ul"
        label = _("Results list")
        template = "stories/blocks/results.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    speaker_name = blocks.CharBlock(label=_("Speaker name"), required=False)
    speaker_role = blocks.CharBlock(label=_("Speaker role"), required=False)
    speaker_organisation = blocks.CharBlock(label=_("Speaker organisation"), required=False)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "stories/blocks/quote.html"


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for people who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "stories/blocks/image.html"


class VideoBlock(blocks.StructBlock):
    video = EmbedBlock(label=_("Video URL"))
    transcript = blocks.RichTextBlock(
        label=_("Transcript or summary"), required=False, features=["bold", "italic", "link"]
    )

    class Meta:
        icon = "media"
        label = _("Video")
        template = "stories/blocks/video.html"


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Link text"), required=False)

    class Meta:
        icon = "doc-full-inverse"
        label = _("Document")
        template = "stories/blocks/document.html"


class CallToActionBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Text"), max_length=200)
    link_text = blocks.CharBlock(label=_("Link text"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("Or URL"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "stories/blocks/call_to_action.html"


class StoryBodyBlock(blocks.StreamBlock):
    section = SectionBlock()
    results = ResultsBlock()
    quote = QuoteBlock()
    image = ImageBlock()
    video = VideoBlock()
    document = DocumentBlock()
    call_to_action = CallToActionBlock()
