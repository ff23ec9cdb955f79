"""HTTP API and dashboard. ``create_app(db_path)`` builds the FastAPI application
(FastAPI itself is imported inside the factory, so ``import accord.web`` stays cheap)."""
from .app import create_app

__all__ = ["create_app"]
