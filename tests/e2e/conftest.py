import pytest

from tests.e2e.servers import Servers, ensure_model


@pytest.fixture(scope="session")
def servers(tmp_path_factory):
    """The real servers, started once for the end-to-end tests."""
    workdir = tmp_path_factory.mktemp("servers")
    running = Servers(model=ensure_model(workdir), workdir=workdir)
    try:
        running.start_actions()
        running.start_rasa()
        yield running
    finally:
        running.stop()
