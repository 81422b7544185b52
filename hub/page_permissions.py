"""Who may change a page's privacy (its view restrictions).

Wagtail lets whoever may publish a page set its view restrictions. In the hub that is the
wrong set twice over: translators hold publish rights on every tree (so that they can publish
translations) and must never make a private page public or lock a public one, while partners,
who cannot publish, are the people who decide whether a story of theirs is for members only.

The rule here: whoever may edit a page may change its privacy, translators never (on source
pages and translations alike: a translation takes its source's restriction). A restriction
takes effect at once, outside revisions and review, so those who may not publish a page (the
partners) may not lift or change one on a live page: a live members-only story becomes public
only through an editor. They may still restrict a live page that has no restriction of its own
(which can only make it more private: restrictions on the way down all apply), and set any
privacy on a page that is not live, which an editor reviews before publishing it.
"""

from wagtail.models import PagePermissionTester, PageViewRestriction


class HubPagePermissionTester(PagePermissionTester):
    def can_set_view_restrictions(self):
        from hub.translation.permissions import is_translator_only

        if self.page_is_root or is_translator_only(self.user) or not self.can_edit():
            return False
        if self.can_publish() or not self.page.live:
            return True
        return not PageViewRestriction.objects.filter(page=self.page).exists()
