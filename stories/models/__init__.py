from .index import StoryIndexPage
from .lesson import Audience, Lesson, LessonKind
from .story import CaseStoryPage, StoryTag

__all__ = ["Audience", "CaseStoryPage", "Lesson", "LessonKind", "StoryIndexPage", "StoryTag"]
