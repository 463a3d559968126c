"""Tests of geolib.examples: seeded synthetic offers, indicators and planning regions."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import pyogrio
import pytest

from geolib.errors import FieldError, ParameterError
from geolib.examples import (
    CATEGORIES,
    DEFAULT_AS_OF,
    HELGOLAND_AGS,
    INDICATOR_COUNT_FIELDS,
    INDICATOR_PAIRS,
    LIST_SEPARATOR,
    OFFER_FIELDS,
    SIZE_CLASS_LARGE,
    SIZE_CLASS_OTHER,
    TARGET_GROUPS,
    generate_indicators,
    generate_offers,
    load_reference_data,
    main,
    planning_regions,
    write_examples,
)
from geolib.io import SYNTHETIC_LABEL, read_provenance, read_vector

DATA = Path(__file__).resolve().parents[2] / "data" / "kreis_pinneberg.gpkg"

pytestmark = pytest.mark.skipif(not DATA.exists(), reason="real reference data missing")


@pytest.fixture(scope="module")
def ref() -> dict[str, gpd.GeoDataFrame]:
    return load_reference_data(DATA)


@pytest.fixture(scope="module")
def offers(ref) -> gpd.GeoDataFrame:
    return generate_offers(
        ref["gemeinden"], places=ref["places"], streets=ref["streets"], pois=ref["pois"]
    )


@pytest.fixture(scope="module")
def indicators(ref) -> pd.DataFrame:
    return generate_indicators(ref["gemeinden"])


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("examples") / "examples"
    return write_examples(out, data_path=DATA, seed=2026)


# --- offers ---------------------------------------------------------------------------


def test_offers_schema(offers):
    assert list(offers.columns) == [*OFFER_FIELDS, "geometry"]
    assert offers.crs.to_epsg() == 25832
    assert len(offers) == 450
    assert offers["offer_id"].is_unique
    assert offers["offer_id"].str.fullmatch(r"HP-\d{5}").all()
    assert offers["title"].is_unique
    assert set(offers.geom_type) == {"Point"}
    assert offers["category"].isin(CATEGORIES).all()
    for category, joined in zip(offers["category"], offers["categories"]):
        parts = joined.split(LIST_SEPARATOR)
        assert parts[0] == category
        assert set(parts) <= set(CATEGORIES)
    for joined in offers["target_groups"]:
        assert set(joined.split(LIST_SEPARATOR)) <= set(TARGET_GROUPS)
    assert offers["postcode"].str.fullmatch(r"\d{5}").all()
    assert offers["municipality_ags"].str.fullmatch(r"01056\d{3}").all()
    assert offers["address"].str.fullmatch(r".+ \d+").all()
    assert offers["phone"].str.startswith("040 66969-").all()
    assert offers["url"].str.startswith("https://").all()
    assert offers["opening_hours"].str.len().gt(0).all()
    # capacity is optional: some offers have one, some not
    assert offers["capacity"].isna().any()
    assert offers["capacity"].notna().any()
    assert (offers["capacity"].dropna() > 0).all()
    assert len(offers["category"].unique()) >= 7


def test_offers_in_their_municipality_and_not_on_helgoland(offers, ref):
    gem = ref["gemeinden"].set_index("AGS")
    polygons = gem.loc[offers["municipality_ags"], "geometry"].to_numpy()
    assert all(poly.contains(pt) for poly, pt in zip(polygons, offers.geometry))
    assert (offers["municipality"].to_numpy() == gem.loc[offers["municipality_ags"], "GEN"]).all()
    assert HELGOLAND_AGS not in set(offers["municipality_ags"])
    helgoland = gem.loc[HELGOLAND_AGS, "geometry"]
    assert not offers.geometry.intersects(helgoland).any()


def test_offers_follow_population(offers, ref):
    counts = offers["municipality_ags"].value_counts()
    big_towns = {"01056015", "01056039", "01056050"}  # Elmshorn, Pinneberg, Wedel
    assert all(counts.get(a, 0) >= 20 for a in big_towns)
    gem = ref["gemeinden"]
    villages = gem.loc[(gem["EWZ_2018"] < 1500) & (gem["AGS"] != HELGOLAND_AGS), "AGS"]
    assert sum(counts.get(a, 0) == 0 for a in villages) >= len(villages) // 3


def test_offers_wgs84_matches_geometry(offers):
    wgs = offers.geometry.to_crs("EPSG:4326")
    np.testing.assert_allclose(offers["lon"], wgs.x, atol=1e-5)
    np.testing.assert_allclose(offers["lat"], wgs.y, atol=1e-5)
    assert offers["lon"].between(8.0, 10.5).all()
    assert offers["lat"].between(53.4, 54.3).all()


def test_offers_use_real_street_names_in_wedel(offers, ref):
    detail = read_vector(DATA, layer="osm_strassen_wedel_detail")
    real_names = set(detail["name"].dropna())
    streets = offers["address"].str.rsplit(" ", n=1).str[0]
    assert streets.isin(real_names).sum() >= 3


def test_offers_updated_at_spread(offers):
    dates = pd.to_datetime(offers["updated_at"], format="%Y-%m-%d")
    as_of = pd.Timestamp(DEFAULT_AS_OF)
    assert (dates <= as_of).all()
    age = (as_of - dates).dt.days
    assert age.max() > 730  # some not updated for over two years
    assert 0.03 < (age > 730).mean() < 0.25
    assert (age < 365).mean() > 0.5


def test_offers_labelled_synthetic(offers):
    assert (offers["synthetic"] == 1).all()
    assert (offers["source_note"] == SYNTHETIC_LABEL).all()


def test_offers_deterministic(ref):
    kwargs = {"places": ref["places"], "streets": ref["streets"], "pois": ref["pois"]}
    a = generate_offers(ref["gemeinden"], n=320, seed=11, **kwargs)
    b = generate_offers(ref["gemeinden"], n=320, seed=11, **kwargs)
    c = generate_offers(ref["gemeinden"], n=320, seed=12, **kwargs)
    pd.testing.assert_frame_equal(a, b)
    assert not a.geometry.geom_equals(c.geometry).all()
    assert a.drop(columns="geometry").to_dict("list") != c.drop(columns="geometry").to_dict("list")


@pytest.mark.parametrize("n", [300, 600])
def test_offers_count(ref, n):
    out = generate_offers(ref["gemeinden"], n=n, seed=3)
    assert len(out) == n
    assert HELGOLAND_AGS not in set(out["municipality_ags"])


def test_offers_bad_input(ref):
    with pytest.raises(ParameterError):
        generate_offers(ref["gemeinden"], n=0)
    with pytest.raises(FieldError, match="EWZ_2018"):
        generate_offers(ref["gemeinden"].drop(columns="EWZ_2018"))


def test_offers_from_wgs84_input(ref):
    gem_wgs = ref["gemeinden"].to_crs("EPSG:4326")
    out = generate_offers(gem_wgs, n=300, seed=5)
    assert out.crs.to_epsg() == 25832
    assert len(out) == 300


# --- indicators -----------------------------------------------------------------------


def test_indicators_shape_and_types(indicators):
    assert len(indicators) == 49 * 5
    assert sorted(indicators["year"].unique()) == [2019, 2020, 2021, 2022, 2023]
    assert indicators.groupby("ags").size().eq(5).all()
    assert indicators["ags"].str.fullmatch(r"01056\d{3}").all()
    assert HELGOLAND_AGS in set(indicators["ags"])
    for col in INDICATOR_COUNT_FIELDS:
        assert pd.api.types.is_integer_dtype(indicators[col]), col
        assert (indicators[col] >= 0).all(), col
    assert (indicators["synthetic"] == 1).all()
    assert (indicators["source_note"] == SYNTHETIC_LABEL).all()


def test_indicators_numerators_within_denominators(indicators):
    for num, den in INDICATOR_PAIRS:
        assert (indicators[num] <= indicators[den]).all(), (num, den)


def test_indicators_plausible(indicators, ref):
    by_year = indicators.groupby("year").sum(numeric_only=True)
    pop_2018 = ref["gemeinden"]["EWZ_2018"].sum()
    assert (by_year["population"] / pop_2018).between(0.98, 1.05).all()
    share = by_year[["children_u15", "youth_15_24", "seniors_65plus"]].div(
        by_year["population"], axis=0
    )
    assert share["children_u15"].between(0.12, 0.15).all()
    assert share["youth_15_24"].between(0.09, 0.11).all()
    assert share["seniors_65plus"].between(0.20, 0.25).all()
    assert (by_year["population"] / by_year["households"]).between(1.9, 2.3).all()
    kid = by_year["children_u15_sgb2"] / by_year["children_u15"]
    bg = by_year["bedarfsgemeinschaften"] / by_year["households"]
    assert ((kid / bg) > 1.3).all()
    income = by_year["income_total_eur"] / by_year["taxpayers"]
    assert income.between(30_000, 65_000).all()


def test_indicators_sgb2_share_range(indicators):
    share = indicators["bedarfsgemeinschaften"] / indicators["households"]
    for _, s in share.groupby(indicators["year"]):
        assert s.min() <= 0.005
        assert 0.09 <= s.max() <= 0.15
    big = indicators["ags"].isin(["01056015", "01056039", "01056049", "01056050"])
    assert share[big].mean() > 3 * share[~big].mean()
    # income falls as poverty rises
    avg_income = indicators["income_total_eur"] / indicators["taxpayers"]
    assert np.corrcoef(share, avg_income)[0, 1] < -0.5
    old = indicators["seniors_grundsicherung"] / indicators["seniors_65plus"]
    large = indicators["seniors_65plus"] > 500
    assert old[large].between(0.005, 0.08).all()


def test_indicators_small_counts_and_change(indicators):
    assert (indicators["youth_15_24_sgb2"] < 3).any()
    assert (indicators["children_u15_sgb2"] < 3).any()
    share = indicators["bedarfsgemeinschaften"] / indicators["households"]
    wide = indicators.assign(share=share).pivot(index="ags", columns="year", values="share")
    rank = wide.rank()
    assert not rank[2019].equals(rank[2023])  # rankings change a little …
    assert rank[2019].corr(rank[2023], method="spearman") > 0.6  # … but not a lot


def test_indicators_deterministic(ref):
    a = generate_indicators(ref["gemeinden"], seed=4)
    b = generate_indicators(ref["gemeinden"], seed=4)
    c = generate_indicators(ref["gemeinden"], seed=5)
    pd.testing.assert_frame_equal(a, b)
    assert not a.equals(c)


def test_indicators_years(ref):
    out = generate_indicators(ref["gemeinden"], years=[2021, 2022])
    assert sorted(out["year"].unique()) == [2021, 2022]
    with pytest.raises(ParameterError):
        generate_indicators(ref["gemeinden"], years=[])
    with pytest.raises(ParameterError):
        generate_indicators(ref["gemeinden"], years=[2015])


# --- planning regions -----------------------------------------------------------------


def test_planning_regions(ref):
    regions = planning_regions(ref["gemeinden"], ref["aemter"])
    assert len(regions) == 49
    assert list(regions.columns) == [
        "ags",
        "name",
        "planungsraum",
        "planungsraum_rs",
        "kreis",
        "groesse",
    ]
    assert regions["ags"].is_unique
    assert set(regions["planungsraum"]) == set(ref["aemter"]["GEN"])
    assert (regions["kreis"] == "Kreis Pinneberg").all()
    large = set(regions.loc[regions["groesse"] == SIZE_CLASS_LARGE, "name"])
    assert large == {"Elmshorn", "Pinneberg", "Wedel"}
    assert (regions.loc[~regions["name"].isin(large), "groesse"] == SIZE_CLASS_OTHER).all()
    by_name = regions.set_index("name")["planungsraum"]
    assert by_name["Elmshorn"] == "Elmshorn"
    assert by_name["Bullenkuhlen"] == "Rantzau"
    assert by_name["Appen"] == "Moorrege"  # RS_2018 Amt key is newer than the layer


def test_planning_regions_missing_key(ref):
    with pytest.raises(FieldError):
        planning_regions(ref["gemeinden"].drop(columns=["RS", "RS_2018"]), ref["aemter"])


# --- written files --------------------------------------------------------------------


def test_written_files(written):
    assert set(written) == {
        "offers",
        "indikatoren_csv",
        "indikatoren_gpkg",
        "planungsraeume",
        "readme",
    }
    for path in written.values():
        assert path.exists()
    folder = written["offers"].parent
    assert not list(folder.glob(".*"))  # no temporary files left


def test_written_gpkgs_labelled_synthetic(written):
    for path, layer in (
        (written["offers"], "offers"),
        (written["indikatoren_gpkg"], "indikatoren"),
    ):
        prov = read_provenance(path, layer)
        assert prov is not None
        assert prov["synthetic"] is True
        assert prov["synthetic_label"] == SYNTHETIC_LABEL
        assert prov["parameters"]["seed"] == 2026
        data = pyogrio.read_dataframe(path, layer=layer)
        assert (data["synthetic"] == 1).all()
        assert (data["source_note"] == SYNTHETIC_LABEL).all()
    offers = read_vector(written["offers"], layer="offers")
    assert offers.crs.to_epsg() == 25832
    assert len(offers) == 450
    table = pyogrio.read_dataframe(written["indikatoren_gpkg"], layer="indikatoren")
    assert "geometry" not in table.columns
    assert table["ags"].str.startswith("0").all()


def test_written_csv_keeps_leading_zero(written):
    lines = written["indikatoren_csv"].read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("ags,name,year,population,")
    assert all(line.startswith("01056") for line in lines[1:])
    table = pd.read_csv(written["indikatoren_csv"], dtype={"ags": str})
    assert len(table) == 245
    assert table["ags"].str.len().eq(8).all()
    # GDAL reads the .csvt sidecar: the AGS stays text
    via_gdal = pyogrio.read_dataframe(written["indikatoren_csv"])
    assert via_gdal["ags"].str.startswith("0").all()
    regions = pd.read_csv(written["planungsraeume"], dtype=str)
    assert regions["ags"].str.fullmatch(r"01056\d{3}").all()
    assert set(regions.columns) >= {"ags", "planungsraum", "kreis", "groesse"}


def test_written_csv_matches_gpkg(written):
    csv = pd.read_csv(written["indikatoren_csv"], dtype={"ags": str})
    gpkg = pyogrio.read_dataframe(written["indikatoren_gpkg"], layer="indikatoren")
    pd.testing.assert_frame_equal(csv, gpkg[csv.columns], check_dtype=False)


def test_readme(written):
    text = written["readme"].read_text(encoding="utf-8")
    assert SYNTHETIC_LABEL in text
    assert "2026" in text
    assert "© GeoBasis-DE / BKG" in text
    assert "dl-de/by-2.0" in text
    assert "Destatis" in text
    assert "© OpenStreetMap contributors" in text
    assert "ODbL" in text


def test_write_deterministic(tmp_path, written):
    paths = write_examples(tmp_path / "again", data_path=DATA, seed=2026)
    a = read_vector(written["offers"], layer="offers")
    b = read_vector(paths["offers"], layer="offers")
    pd.testing.assert_frame_equal(a, b)
    assert written["indikatoren_csv"].read_bytes() == paths["indikatoren_csv"].read_bytes()
    assert written["planungsraeume"].read_bytes() == paths["planungsraeume"].read_bytes()
    other = write_examples(tmp_path / "other", data_path=DATA, seed=7, n_offers=300)
    assert other["indikatoren_csv"].read_bytes() != paths["indikatoren_csv"].read_bytes()
    assert len(read_vector(other["offers"], layer="offers")) == 300


def test_main(tmp_path, capsys):
    out = tmp_path / "cli"
    code = main(["--out", str(out), "--seed", "9", "--offers", "310", "--data", str(DATA)])
    assert code == 0
    printed = capsys.readouterr().out
    assert SYNTHETIC_LABEL in printed
    assert "offers.gpkg" in printed
    assert len(read_vector(out / "offers.gpkg", layer="offers")) == 310
    as_of = dt.date(2025, 1, 1)
    main(["--out", str(out), "--offers", "300", "--data", str(DATA), "--as-of", "2025-01-01"])
    dates = read_vector(out / "offers.gpkg", layer="offers")["updated_at"]
    assert dates.max() <= as_of.isoformat()


def test_main_missing_data(tmp_path, capsys):
    code = main(["--out", str(tmp_path / "x"), "--data", str(tmp_path / "missing.gpkg")])
    assert code == 1
    assert "does not exist" in capsys.readouterr().err
