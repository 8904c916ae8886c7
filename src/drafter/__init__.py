"""drafter: grounded Japanese news-commentary drafts from a news item and a reader thread."""

__version__ = "0.1.0"
