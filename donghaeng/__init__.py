"""donghaeng (동행): a Korean-first, voice-first citizen AI agent."""

__version__ = "0.1.0"
