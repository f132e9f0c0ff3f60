"""Newsroom's models, one module per kind, all importable from here."""

from ..source_credit import SourceRelationship
from .bylines import ArticleCredit, ArticlePageTag
from .content_version import ContentVersion, upcoming_change_times
from .front_page import PinnedStory
from .import_jobs import ImportJob, ImportJobFile
from .pages import ArticlePage, NewsIndexPage
from .policies import POLICY_KINDS, Policy, PolicyPage
from .provenance import PreviewedImport, PreviewedStoryFile, StoryImport
from .querysets import ArticlePageQuerySet, bylines_with_authors, canonical_on_site, corrections_list
from .site_settings import NewsroomSettings
from .snippets import CopyrightNotice, Correction, CorrectionKind, NamedRecord, Outlet, Section
from .withdrawals import DEFAULT_NOTICES, Withdrawal, WithdrawalKind
from .workflow import ArticleApprovalTask

__all__ = [
    "DEFAULT_NOTICES",
    "POLICY_KINDS",
    "ArticleApprovalTask",
    "ArticleCredit",
    "ArticlePage",
    "ArticlePageQuerySet",
    "ArticlePageTag",
    "ContentVersion",
    "CopyrightNotice",
    "Correction",
    "CorrectionKind",
    "ImportJob",
    "ImportJobFile",
    "NamedRecord",
    "NewsIndexPage",
    "NewsroomSettings",
    "Outlet",
    "PinnedStory",
    "Policy",
    "PolicyPage",
    "PreviewedImport",
    "PreviewedStoryFile",
    "Section",
    "SourceRelationship",
    "StoryImport",
    "Withdrawal",
    "WithdrawalKind",
    "bylines_with_authors",
    "canonical_on_site",
    "corrections_list",
    "upcoming_change_times",
]
