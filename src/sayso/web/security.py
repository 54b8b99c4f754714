"""Safe by default: security headers on every answer, the Host a request names, the access token when the
server listens beyond this machine, and the check of every write against cross-site requests.

- **Content-Security-Policy**: scripts, styles and images only from this server's ``/static/``; no inline
  script or style, no framing, forms post only here.
- **Host**: on the loopback address only ``127.0.0.1``, ``localhost`` and ``[::1]`` are answered, so that a web
  page cannot reach the workspace through a name of its own that resolves here (DNS rebinding).
- **Token**: listening on another address, every request needs the token printed at start: once as
  ``?token=...`` (it is then kept in an HttpOnly, SameSite=Strict cookie) or as ``Authorization: Bearer ...``.
- **Cross-site writes**: a form carries the per-session token of its cookie (double submit) and its
  ``Origin`` (or ``Referer``) must be this server; an API write must be ``application/json`` (which no form of
  another site can send without the browser asking first) from no other origin.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import PlainTextResponse, RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
}
SESSION_COOKIE = "sayso_session"  # the per-session anti-forgery token (double submit)
TOKEN_COOKIE = "sayso_token"  # the access token, when one is needed
LOOPBACK = ("127.0.0.1", "localhost", "::1")


def is_loopback(host: str) -> bool:
    return host.strip("[]") in LOOPBACK or host.startswith("127.")


@dataclass(frozen=True, slots=True)
class Access:
    """Who may talk to the server: the host names it answers to (None: any) and the token it needs (None:
    none, on the loopback address)."""

    hosts: frozenset[str] | None
    token: str | None

    @classmethod
    def for_bind(cls, host: str, token: str | None = None) -> Access:
        """Loopback: only its own names, no token. Any other address: any name, and a token (a new one unless
        given)."""
        if is_loopback(host):
            return cls(frozenset({"127.0.0.1", "localhost", "::1", host.strip("[]")}), token)
        return cls(None, token or secrets.token_urlsafe(24))


def _host_name(headers: Headers) -> str:
    host = headers.get("host", "")
    if host.startswith("["):
        return host[1 : host.find("]")] if "]" in host else host
    return host.rsplit(":", 1)[0] if ":" in host else host


def _same(a: str, b: str) -> bool:
    return hmac.compare_digest(a.encode(), b.encode())


class Guard:
    """ASGI middleware: refuses a foreign Host and a missing token, and adds the security headers."""

    def __init__(self, app: ASGIApp, access: Access) -> None:
        self.app = app
        self.access = access

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        refused = self._refusal(Request(scope))
        if refused is not None:
            await _with_headers(refused)(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [(k, v) for k, v in message.get("headers", []) if k.decode().lower() not in HEADERS]
                message["headers"] = headers + [(k.encode(), v.encode()) for k, v in HEADERS.items()]
            await send(message)

        await self.app(scope, receive, send_with_headers)

    def _refusal(self, request: Request) -> Response | None:
        hosts, token = self.access.hosts, self.access.token
        if hosts is not None and _host_name(request.headers) not in hosts:
            return PlainTextResponse(
                "sayso serve answers on this machine only; open it as http://127.0.0.1:PORT/", status_code=421
            )
        if token is None:
            return None
        given = request.query_params.get("token")
        if given is not None and _same(given, token):  # the link printed at start: keep it in a cookie
            target = request.url.remove_query_params("token")
            response = RedirectResponse(target.path + (f"?{target.query}" if target.query else ""), status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict")
            return response
        bearer = request.headers.get("authorization", "").removeprefix("Bearer ").strip()
        cookie = request.cookies.get(TOKEN_COOKIE, "")
        if (bearer and _same(bearer, token)) or (cookie and _same(cookie, token)):
            return None
        return PlainTextResponse(
            "this sayso serve needs its token: open the link it printed at start (…/?token=...), or send "
            "'Authorization: Bearer TOKEN'",
            status_code=401,
        )


def _with_headers(response: Response) -> Response:
    response.headers.update(HEADERS)
    return response


def session_token(request: Request) -> str:
    """This browser's anti-forgery token: its cookie's, or a new one (which ``remember_session`` then sets)."""
    found = request.cookies.get(SESSION_COOKIE, "")
    if len(found) >= 32:
        return found
    token = request.scope.setdefault("sayso.new_session", secrets.token_urlsafe(32))
    return str(token)


def remember_session(request: Request, response: Response) -> Response:
    """Set the session cookie when this request made a new token."""
    new = request.scope.get("sayso.new_session")
    if new:
        response.set_cookie(SESSION_COOKIE, str(new), httponly=True, samesite="strict")
    return response


def _from_here(request: Request) -> bool:
    """Whether the request's Origin (else its Referer) is this server, or it names none."""
    origin = request.headers.get("origin") or request.headers.get("referer")
    if not origin:
        return True
    if origin == "null":
        return False
    where = urlsplit(origin)
    return where.netloc.lower() == request.headers.get("host", "").lower() and where.scheme in ("http", "https")


def form_is_genuine(request: Request, form_token: object) -> bool:
    """A form post: from this server, with the token of this browser's session cookie."""
    cookie = request.cookies.get(SESSION_COOKIE, "")
    return _from_here(request) and isinstance(form_token, str) and len(cookie) >= 32 and _same(form_token, cookie)


def api_write_is_genuine(request: Request) -> bool:
    """An API write: JSON (a cross-site form cannot send it without the browser asking first) from no other
    origin."""
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return kind == "application/json" and _from_here(request)
