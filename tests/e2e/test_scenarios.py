"""The scripted conversations in scenarios/, played against the real servers."""

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))

import scenarios as runner  # noqa: E402

pytestmark = pytest.mark.e2e
SCENARIOS = runner.load(sorted((ROOT / "scenarios").glob("*.yml")))


@pytest.mark.parametrize("scenario", SCENARIOS, ids=[s["name"] for s in SCENARIOS])
def test_scenario(servers, scenario):
    from tests.e2e.servers import TOKEN

    result = runner.run(scenario, servers.url, TOKEN)
    assert result.passed, "\n".join(result.differences)


def test_a_malformed_scenario_is_refused(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("scenarios:\n  - name: x\n    steps:\n      - say: hi\n")
    with pytest.raises(runner.ScenarioError, match="use 'user'"):
        runner.load([bad])
