"""The stored peer results (tests/fixtures/peers) are what the peers give on today's inputs.

The comparisons with PySAL access and tobler read stored results (tests/_peers.py). Where
a peer is installed, it runs again here and the stored fixture must equal its output, so
a fixture can neither go stale nor be edited by hand unnoticed.
"""

import numpy as np
import pytest

from tests import _peers as peers


@pytest.fixture(scope="module")
def data(gemeinden, examples):
    return peers.Data(gemeinden, examples)


def test_every_fixture_belongs_to_a_scenario_and_every_scenario_has_one():
    stored = {p.stem for p in peers.FIXTURES.glob("*.json")}
    assert stored == set(peers.BY_NAME), peers.REGENERATE


@pytest.mark.parametrize("scenario", peers.SCENARIOS, ids=lambda s: s.name)
def test_fixture_matches_its_scenario_and_todays_inputs(scenario, data):
    fixture = peers.load(scenario.name)
    assert fixture["scenario"] == scenario.name and fixture["peer"] == scenario.peer
    assert fixture["inputs"] == scenario.description, peers.REGENERATE
    peers.check_inputs(fixture, scenario.inputs(data))


@pytest.mark.parametrize("scenario", peers.SCENARIOS, ids=lambda s: s.name)
def test_fixture_equals_the_peer_run_again(scenario, data):
    installed = peers.peer_version(scenario.peer)
    if installed is None:
        pytest.skip(
            f"{scenario.peer} is not installed here: the comparisons use the stored "
            f"fixture {scenario.name}.json, which is checked where {scenario.peer} is installed"
        )
    fixture = peers.load(scenario.name)
    assert fixture["peer_version"] == installed, (
        f"{fixture['scenario']}.json was made with {scenario.peer} "
        f"{fixture['peer_version']}, {installed} is installed: {peers.REGENERATE}"
    )
    fresh = peers.make(scenario, data)
    assert fresh["inputs_sha256"] == fixture["inputs_sha256"], peers.REGENERATE
    assert fresh["results"].keys() == fixture["results"].keys(), peers.REGENERATE
    for key, stored in fixture["results"].items():
        # the same peer on the same inputs: equal to the last bits of a float (summation
        # order may differ between machines); NaN where the peer gives no value
        np.testing.assert_allclose(
            peers.from_json(fresh["results"][key]),
            stored,
            rtol=1e-12,
            atol=0,
            err_msg=f"{scenario.name}: {key} differs from the peer's output: {peers.REGENERATE}",
        )
