"""The web workspace (``sayso serve``): read an article's claims, follow a claim across outlets, grade sources.

    from sayso.web import create_app
    app = create_app("sayso.db")          # an ASGI application; ``serve`` runs it with uvicorn

Server-rendered pages (Starlette and Jinja2, every asset in ``static/``, no build step, works offline) and a
JSON API under ``/api/`` that returns the same data (``views.py`` builds it once for both, from the shapes in
``sayso.shapes``). Safe by default (``security.py``): everything escaped by the templates, a strict
Content-Security-Policy, forms protected against cross-site requests, bound to 127.0.0.1 unless told
otherwise, and then only with a token.
"""

from sayso.web.app import create_app, serve

__all__ = ["create_app", "serve"]
