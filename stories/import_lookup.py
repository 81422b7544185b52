"""Front-matter slugs to the pages and themes they name, in the story's own language.

Slugs are synchronised across translations (profiles, collaboratives, themes), so one slug
names a page and all its translations. A story links to the version in its own language where
there is one, and to the source otherwise: templates and search labels show the reader's
version of either (``stories.template_context.in_story_language``, ``hub.themes.localized_themes``).
"""

from collections import defaultdict


class SlugLookup:
    def __init__(self, objects, default_locale_id):
        self.default_locale_id = default_locale_id
        self.versions = defaultdict(dict)  # slug -> {locale id: object}
        for obj in objects:
            self.versions[obj.slug][obj.locale_id] = obj

    def __contains__(self, slug) -> bool:
        return str(slug) in self.versions

    def exact(self, slug, locale_id):
        """The version in that locale, or None."""
        return self.versions.get(str(slug), {}).get(locale_id)

    def find(self, slug, locale_id):
        """The version in that locale, else the default language's, else any; None if unknown."""
        versions = self.versions.get(str(slug), {})
        return (
            versions.get(locale_id)
            or versions.get(self.default_locale_id)
            or next(iter(versions.values()), None)
        )
