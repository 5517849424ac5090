"""The HTTP service: ``create_app(settings)`` builds the FastAPI application."""

from watchline.api.app import create_app

__all__ = ["create_app"]
