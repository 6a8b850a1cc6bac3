"""What every request passes before a route sees it: size limits, the token, tidy queries.

A pure ASGI middleware, so it also guards the static files and the OpenAPI schema.
"""

from __future__ import annotations

import hmac
import json
from http.cookies import SimpleCookie
from urllib.parse import parse_qsl, quote, unquote, urlencode

__all__ = ["MAX_BODY", "MAX_URL", "TOKEN_COOKIE", "Guard", "error_body"]

MAX_URL = 4096  # bytes of path and query string
MAX_BODY = 16 * 1024  # the API reads no bodies; anything larger is refused unread
TOKEN_COOKIE = "tacitus_token"
TOKEN_HEADER = b"x-tacitus-token"
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})


def error_body(code: str, message: str) -> bytes:
    """The one error shape of the API: {"error": {"code", "message"}}."""
    return json.dumps({"error": {"code": code, "message": message}}).encode()


class Guard:
    """Refuses oversized requests and, when a token is set, requests that do not carry it.

    The token may come as `Authorization: Bearer T`, an `X-Tacitus-Token` header, a `token`
    query parameter (which also sets a cookie, so a browser can follow links) or that cookie.
    Empty query parameters are dropped, so an HTML form's blank fields mean "not set".
    """

    def __init__(self, app, *, token: str | None) -> None:
        self.app = app
        self.token = token.encode() if token else None

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_query: bytes = scope.get("query_string", b"")
        if len(scope.get("raw_path") or scope["path"].encode()) + len(raw_query) > MAX_URL:
            await _refuse(send, 414, "uri_too_long", f"the URL is over {MAX_URL} bytes")
            return
        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length", b"0")
        if not length.isdigit() or int(length) > MAX_BODY or b"transfer-encoding" in headers:
            await _refuse(send, 413, "too_large", f"request bodies are limited to {MAX_BODY} bytes")
            return
        pairs = [(k, v) for k, v in parse_qsl(raw_query.decode("latin-1")) if v != ""]
        given = next((v for k, v in pairs if k == "token"), None)
        if self.token is not None and not self._allowed(headers, given):
            await _refuse(
                send,
                401,
                "unauthorized",
                "this Tacitus server needs a token: send 'Authorization: Bearer TOKEN' "
                "or open the page with ?token=TOKEN",
            )
            return
        pairs = [(k, v) for k, v in pairs if k != "token"]
        scope = {**scope, "query_string": urlencode(pairs).encode("latin-1")}
        if given is not None and self.token is not None:
            send = _with_cookie(send, given)
        await self.app(scope, receive, send)

    def _allowed(self, headers: dict[bytes, bytes], given: str | None) -> bool:
        assert self.token is not None
        offered = []
        auth = headers.get(b"authorization", b"")
        if auth[:7].lower() == b"bearer ":
            offered.append(auth[7:].strip())
        if TOKEN_HEADER in headers:
            offered.append(headers[TOKEN_HEADER])
        if given is not None:
            offered.append(given.encode())
        cookie = SimpleCookie(headers.get(b"cookie", b"").decode("latin-1"))
        if TOKEN_COOKIE in cookie:
            offered.append(unquote(cookie[TOKEN_COOKIE].value).encode())
        # Compare every candidate in constant time; never stop at the first mismatch.
        return any([hmac.compare_digest(value, self.token) for value in offered])


async def _refuse(send, status: int, code: str, message: str) -> None:
    body = error_body(code, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def _with_cookie(send, token: str):
    cookie = f"{TOKEN_COOKIE}={quote(token, safe='')}; HttpOnly; SameSite=Strict; Path=/".encode(
        "latin-1"
    )

    async def wrapped(message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), (b"set-cookie", cookie)]}
        await send(message)

    return wrapped
