"""Label Studio connection errors and token kinds (hasila.annotation.lsclient), without a server."""

from __future__ import annotations

import httpx
import jwt
import pytest
from label_studio_sdk.core.api_error import ApiError

from hasila.annotation.lsclient import explain, ls_errors, token_kind
from hasila.errors import UserError

URL = "http://127.0.0.1:1"


def test_token_kind() -> None:
    secret = "a-made-up-signing-key-of-32-bytes!!"
    refresh = jwt.encode({"token_type": "refresh", "exp": 4102444800}, secret, algorithm="HS256")
    access = jwt.encode({"token_type": "access", "exp": 4102444800}, secret, algorithm="HS256")
    assert token_kind(refresh) == "personal access token"
    assert token_kind(access) == "JWT"
    assert token_kind("0123456789abcdef0123456789abcdef01234567") == "legacy token"


@pytest.mark.parametrize(("exc", "words"), [
    (ApiError(status_code=401, body={"detail": "Invalid token."}), "rejected the API key (HTTP 401: Invalid token.)"),
    (ApiError(status_code=403, body=None), "rejected the API key (HTTP 403"),
    (ApiError(status_code=500, body="boom"), "answered HTTP 500: boom"),
    (httpx.ConnectError("refused"), "is unreachable (ConnectError"),
    (httpx.ReadTimeout("slow"), "did not answer in time"),
    (ValueError("Expecting value: line 1 column 1 (char 0) in JSON"), "did not answer like a Label Studio"),
])
def test_failures_become_one_line(exc: Exception, words: str) -> None:
    err = explain(exc, URL)
    assert isinstance(err, UserError) and words in str(err) and "\n" not in str(err)
    with pytest.raises(UserError, match=r"Label Studio|did not answer"), ls_errors(URL):
        raise exc


def test_other_errors_are_not_hidden() -> None:
    assert explain(KeyError("x"), URL) is None
    with pytest.raises(KeyError), ls_errors(URL):
        raise KeyError("x")
