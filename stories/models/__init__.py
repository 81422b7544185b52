from .index import StoryIndexPage
from .lesson import Lesson, LessonKind
from .story import CaseStoryPage, StoryTag

__all__ = ["CaseStoryPage", "Lesson", "LessonKind", "StoryIndexPage", "StoryTag"]
