"""The knowledge base's page types and the themes they are grouped by."""

from .good_practice import (
    GoodPracticeContact,
    GoodPracticeOrganisation,
    GoodPracticePage,
    GoodPracticeResource,
    OrganisationRole,
)
from .index import KnowledgeIndexPage
from .model_documentation import ModelDocumentationPage, ModelNetworkPartner
from .news import NewsKind, NewsPage
from .themes import Theme

__all__ = [
    "GoodPracticeContact",
    "GoodPracticeOrganisation",
    "GoodPracticePage",
    "GoodPracticeResource",
    "KnowledgeIndexPage",
    "ModelDocumentationPage",
    "ModelNetworkPartner",
    "NewsKind",
    "NewsPage",
    "OrganisationRole",
    "Theme",
]
