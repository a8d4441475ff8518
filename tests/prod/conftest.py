"""One production stack for the production tests (slow: two Rasa instances)."""

from __future__ import annotations

import shutil

import pytest

from tests.prod.stack import Stack


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/prod/" in str(item.fspath):
            item.add_marker(pytest.mark.prod)
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def stack(tmp_path_factory):
    if not (shutil.which("pg_ctlcluster") or shutil.which("apt-get")):
        pytest.skip("needs Debian's PostgreSQL packages (apt-get)")
    stack = Stack(tmp_path_factory.mktemp("prod"))
    try:
        stack.up()
        yield stack
    finally:
        stack.down()
