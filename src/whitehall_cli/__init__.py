"""wh: query a folder of news articles about the UK civil service."""

__version__ = "0.1.0"
