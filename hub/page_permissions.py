"""Who may change a page's privacy (its view restrictions).

Wagtail lets whoever may publish a page set its view restrictions. In the hub that is the
wrong set twice over: translators hold publish rights on every tree (so that they can publish
translations) and must never make a private page public or lock a public one, while partners,
who cannot publish, are the people who decide whether a story of theirs is for members only.
The rule here: whoever may edit a page may change its privacy, translators never (on source
pages and translations alike: a translation takes its source's restriction).
"""

from wagtail.models import PagePermissionTester


class HubPagePermissionTester(PagePermissionTester):
    def can_set_view_restrictions(self):
        from hub.translation.permissions import is_translator_only

        if self.page_is_root or is_translator_only(self.user):
            return False
        return self.can_edit()
