"""Bearer tokens, as the REST channel and the privacy API check them."""

from __future__ import annotations

import hmac


def authorized(header: str | None, token: str) -> bool:
    """Whether an ``Authorization`` header carries ``Bearer <token>``.

    Args:
        header: The request's ``Authorization`` header, if any.
        token: The expected token (not empty).

    Returns:
        ``True`` only for the right token; compared in constant time.
    """
    scheme, _, given = (header or "").strip().partition(" ")
    if scheme.lower() != "bearer":
        return False
    return hmac.compare_digest(given.strip().encode(), token.encode())
