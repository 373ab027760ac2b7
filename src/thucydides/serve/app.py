"""The web application: ``create_app(db_path)`` builds the JSON API (``/api/...``, described by
``/openapi.json`` and ``/docs``) and the pages over one database, opened read-only.

Safe by construction: every request opens the database with SQLite's ``mode=ro`` (the server
cannot write it), Jinja2 escapes everything it prints (no ``|safe`` on article data), every
answer carries a Content-Security-Policy that allows scripts and styles from this server only
(no inline script, nothing from another host), and page sizes are capped (:data:`MAX_LIMIT`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.exceptions import StarletteHTTPException as HTTPException  # the base: also routing 404s and 405s
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles

from thucydides import __version__
from thucydides.errors import InputError, ThucydidesError
from thucydides.serve.params import MAX_LIMIT, BadParameter
from thucydides.store import Store

HERE = Path(__file__).resolve().parent

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
"""Scripts and styles from this server only (no inline script or style), nothing from elsewhere."""

SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
}

__all__ = ["CONTENT_SECURITY_POLICY", "MAX_LIMIT", "create_app", "reading"]


def templates() -> jinja2.Environment:
    """The page templates, with autoescape on for everything they print."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True, undefined=jinja2.StrictUndefined,
        trim_blocks=True, lstrip_blocks=True,
    )
    return env


def create_app(db_path: str | Path) -> FastAPI:
    """The application over the database at ``db_path``, which must exist (StoreError otherwise:
    checked here, so that ``serve`` says so before it listens)."""
    Store.open(db_path, read_only=True).close()
    app = FastAPI(
        title="Thucydides", version=__version__, docs_url=None, redoc_url=None, openapi_url="/openapi.json",
        description="Events (CAMEO and PLOVER), actors, quotes, stances and stories read from news, "
        "over one database opened read-only. Errors are JSON: "
        '{"error": {"status": 422, "message": "...", "parameter": "..."}}.',
    )
    app.state.db_path = str(db_path)
    app.state.templates = templates()

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    app.add_exception_handler(BadParameter, _bad_parameter)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _invalid_request)  # type: ignore[arg-type]
    app.add_exception_handler(InputError, _input_error)  # type: ignore[arg-type]
    app.add_exception_handler(HTTPException, _http_error)  # type: ignore[arg-type]
    app.add_exception_handler(ThucydidesError, _server_error)  # type: ignore[arg-type]

    from thucydides.serve import api, pages  # the routes need the app's helpers above

    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    return app


@contextmanager
def reading(request: Request) -> Iterator[Store]:
    """The database, opened read-only for this request (in the thread that serves it)."""
    store = Store.open(request.app.state.db_path, read_only=True)
    try:
        yield store
    finally:
        store.close()


def render(request: Request, template: str, status_code: int = 200, **context: Any) -> HTMLResponse:
    env: jinja2.Environment = request.app.state.templates
    html = env.get_template(template).render(request=request, path=request.url.path, **context)
    return HTMLResponse(html, status_code=status_code)


def _error(request: Request, status: int, message: str, **extra: Any) -> Response:
    if request.url.path.startswith("/api/") or request.url.path == "/openapi.json":
        return JSONResponse({"error": {"status": status, "message": message, **extra}}, status_code=status)
    return render(request, "error.html", status_code=status, status=status, message=message)


async def _bad_parameter(request: Request, error: BadParameter) -> Response:
    return _error(request, 422, str(error), parameter=error.parameter)


async def _invalid_request(request: Request, error: RequestValidationError) -> Response:
    details = [
        {"parameter": str(item["loc"][-1]) if item.get("loc") else "", "reason": str(item.get("msg", ""))}
        for item in error.errors()
    ]
    first = details[0] if details else {"parameter": "", "reason": "invalid request"}
    return _error(request, 422, f"{first['parameter']}: {first['reason']}", parameter=first["parameter"], details=details)


async def _input_error(request: Request, error: InputError) -> Response:
    return _error(request, 422, str(error))


async def _http_error(request: Request, error: HTTPException) -> Response:
    return _error(request, error.status_code, str(error.detail))


async def _server_error(request: Request, error: ThucydidesError) -> Response:
    return _error(request, 500, str(error))
