"""Saving a Sozialformel configuration as a TOML preset: it loads back identical."""

from __future__ import annotations

import dataclasses
import sys

import pytest

from geolib.errors import OutputError
from geolib.sozialformel import (
    PINNEBERG_PRESET,
    Config,
    Indicator,
    config_to_mapping,
    config_to_toml,
    load_config,
    preset_io,
    save_config,
)

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

TRICKY = 'Kinder "unter" 15 \\ SGB II\n\tzweite Zeile # kein Kommentar ä€\x01\x7f'


def _custom() -> Config:
    return load_config(
        {
            "title": TRICKY,
            "description": "",
            "key": "gemeinde_id",
            "name": "gemeinde",
            "year": "jahr",
            "key_width": 9,
            "reference_year": 2020,
            "scaling": "zscore",
            "post_scaling": "minmax_reference",
            "combination": "geometric_mean",
            "threshold": 5,
            "min_denominator": 0,
            "suppress_index": False,
            "missing": "carry",
            "winsorize": 0.1,
            "classes": {"method": "custom", "breaks": [12.5, 40, 60.000000001]},
            "validity": {"weight_draws": 17, "weight_spread": 0.3, "seed": 42},
            "indicators": [
                {
                    "name": "a",
                    "label": TRICKY,
                    "numerator": 'zähler "x"',
                    "denominator": "n",
                    "weight": 0.1,
                    "per": 1000,
                    "scaling": "minmax_reference",
                    "bounds": [0, 33.3],
                },
                {
                    "name": "b2",
                    "numerator": "sum_eur",
                    "denominator": "persons",
                    "kind": "mean",
                    "reverse": True,
                    "weight": 2.5e-3,
                },
            ],
        }
    )


def _with_reference() -> Config:
    """Per-year classes and the index bounds of an earlier run's [reference] table."""
    return load_config(
        {
            "post_scaling": "minmax_reference",
            "classes": {"method": "quantile", "count": 4, "per_year": True},
            "reference": {"year": 2021, "index": [12.5, 71.25]},
            "indicators": [{"name": "a", "numerator": "x", "denominator": "n"}],
        }
    )


@pytest.mark.parametrize(
    "config",
    [load_config(PINNEBERG_PRESET), _custom(), _with_reference()],
    ids=["preset", "custom", "reference"],
)
def test_a_saved_configuration_loads_back_identical(config, tmp_path):
    path = save_config(config, tmp_path / "saved.toml", header="Saved from a test\nsecond line")
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Saved from a test\n# second line\n")
    assert load_config(path) == config
    assert load_config(config_to_mapping(config)) == config
    assert tomllib.loads(text) == config_to_mapping(config)


def test_the_preset_saved_is_the_preset_file():
    saved = tomllib.loads(config_to_toml(load_config(PINNEBERG_PRESET)))
    original = tomllib.loads(PINNEBERG_PRESET.read_text(encoding="utf-8"))
    for key, value in original.items():
        if key == "indicators":
            for mine, theirs in zip(saved[key], value, strict=True):
                assert {k: mine[k] for k in theirs} == theirs
        elif isinstance(value, dict):
            assert {k: saved[key][k] for k in value} == value
        else:
            assert saved[key] == value


def test_every_field_of_the_configuration_is_written():
    # a new field of Config or Indicator must be written too, or a saved preset loses it
    written = set(preset_io._TOP) | set(preset_io._NESTED)
    assert {f.name for f in dataclasses.fields(Config)} == written
    entry_keys = set(preset_io._indicator_mapping(_custom().indicators[0]))
    assert {f.name for f in dataclasses.fields(Indicator)} == entry_keys


@pytest.mark.parametrize("char", [chr(c) for c in range(0, 0x80)] + ["ä", "€", "𝔸", "\u2028"])
def test_every_character_is_escaped_so_that_toml_reads_it_back(char):
    text = f"a{char}b"
    assert tomllib.loads(f"x = {preset_io.toml_string(text)}")["x"] == text


def test_an_unwritable_target_is_a_clear_error(tmp_path):
    with pytest.raises(OutputError) as err:
        save_config(load_config(), tmp_path / "missing" / "x.toml")
    assert "cannot be written" in str(err.value) and "missing" in str(err.value)
