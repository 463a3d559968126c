import geopandas as gpd
import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from shapely.geometry import MultiPoint, Point, Polygon, box

from geolib.density import offers_per_population
from geolib.errors import CRSError, EmptyInputError, FieldError, GeometryError, ParameterError


def _areas(pop=(2000, 1000, 0)):
    return gpd.GeoDataFrame(
        {"name": ["A", "B", "C"], "pop": list(pop)},
        geometry=[box(0, 0, 100, 100), box(100, 0, 200, 100), box(200, 0, 300, 100)],
        crs=25832,
    )


def _offers(xy, cats=None):
    data = {"offer_id": [f"o{i}" for i in range(len(xy))]}
    if cats is not None:
        data["cat"] = cats
    return gpd.GeoDataFrame(data, geometry=[Point(x, y) for x, y in xy], crs=25832)


def test_counts_rates_and_categories_by_hand():
    offers = _offers(
        [(10, 10), (20, 20), (150, 50), (250, 50)],
        ["Senioren", "Senioren; Sucht", None, "Sucht"],
    )
    res = offers_per_population(_areas(), offers, population_field="pop", category_field="cat")
    out = res.areas
    assert out["offers"].tolist() == [2, 1, 1]
    assert out["offers_per_1000"].iloc[0] == pytest.approx(1.0)
    assert out["offers_per_1000"].iloc[1] == pytest.approx(1.0)
    assert np.isnan(out["offers_per_1000"].iloc[2])
    assert out["rate_note"].tolist() == [None, None, "population is 0 or negative"]
    assert res.categories == {
        "Senioren": "n_senioren",
        "Sucht": "n_sucht",
        "uncategorised": "n_uncategorised",
    }
    assert out["n_senioren"].tolist() == [2, 0, 0]
    assert out["n_sucht"].tolist() == [1, 0, 1]
    assert out["n_uncategorised"].tolist() == [0, 1, 0]
    assert any("no positive population" in n for n in res.notes)


def test_input_is_not_modified_and_per_names_the_field():
    areas, offers = _areas(), _offers([(10, 10)])
    before = areas.copy()
    res = offers_per_population(areas, offers, population_field="pop", per=10000)
    pd.testing.assert_frame_equal(areas, before)
    assert res.areas["offers_per_10000"].iloc[0] == pytest.approx(5.0)


def test_offer_on_shared_boundary_counts_once():
    res = offers_per_population(_areas(), _offers([(100, 50)]), population_field="pop")
    assert res.areas["offers"].sum() == 1


def test_offers_outside_are_counted_and_returned():
    res = offers_per_population(_areas(), _offers([(10, 10), (999, 999)]), population_field="pop")
    assert res.areas["offers"].sum() == 1
    assert res.outside["offer_id"].tolist() == ["o1"]
    assert any("1 offers lie outside every area" in n for n in res.notes)


def test_invalid_polygon_is_repaired_and_reported():
    bowtie = Polygon([(0, 0), (100, 100), (100, 0), (0, 100), (0, 0)])
    areas = gpd.GeoDataFrame({"pop": [100]}, geometry=[bowtie], crs=25832)
    res = offers_per_population(areas, _offers([(90, 50), (10, 50)]), population_field="pop")
    assert res.areas["offers"].tolist() == [2]
    assert res.areas.geometry.is_valid.all()
    assert any("repaired" in n for n in res.notes)


def test_null_geometry_offers_are_skipped_and_counted():
    offers = _offers([(10, 10), (20, 20)])
    offers.loc[1, "geometry"] = None
    res = offers_per_population(_areas(), offers, population_field="pop")
    assert res.areas["offers"].sum() == 1
    assert any("1 features of the offers layer have no geometry" in n for n in res.notes)


def test_multipoint_offer_counts_once():
    offers = gpd.GeoDataFrame(geometry=[MultiPoint([(10, 10), (150, 10)])], crs=25832)
    res = offers_per_population(_areas(), offers, population_field="pop")
    assert res.areas["offers"].tolist() == [1, 0, 0]


def test_reprojects_offers_in_wgs84_with_note():
    areas = gpd.GeoDataFrame(
        {"pop": [10]}, geometry=[box(540000, 5930000, 560000, 5950000)], crs=25832
    )
    offers = gpd.GeoDataFrame(geometry=[Point(9.66, 53.58)], crs=4326)
    res = offers_per_population(areas, offers, population_field="pop")
    assert res.areas["offers"].tolist() == [1]
    assert any("offers layer was reprojected" in n for n in res.notes)


@pytest.mark.parametrize(
    ("change", "error", "text"),
    [
        (
            lambda a, o: (a, o.set_crs(None, allow_override=True)),
            CRSError,
            "offers layer has no coordinate",
        ),
        (lambda a, o: (a.iloc[:0], o), EmptyInputError, "area layer is empty"),
        (lambda a, o: (a, o.iloc[:0]), EmptyInputError, "offers layer is empty"),
        (
            lambda a, o: (a.drop(columns="pop"), o),
            FieldError,
            "has no field 'pop'. Its fields are: name",
        ),
        (lambda a, o: (a.assign(pop=["x", "1", "2"]), o), FieldError, "not numeric: 1 values"),
        (
            lambda a, o: (a, o.assign(geometry=[box(0, 0, 1, 1)])),
            GeometryError,
            "must contain points",
        ),
    ],
)
def test_bad_input_gets_clear_messages(change, error, text):
    areas, offers = change(_areas(), _offers([(10, 10)]))
    with pytest.raises(error, match=text):
        offers_per_population(areas, offers, population_field="pop")


def test_text_population_with_decimal_comma_is_accepted():
    areas = _areas().assign(pop=["2000", "1.000,0".replace(".", ""), None])
    res = offers_per_population(areas, _offers([(150, 10)]), population_field="pop")
    assert res.areas["offers_per_1000"].iloc[1] == pytest.approx(1.0)
    assert res.areas["rate_note"].iloc[2] == "population missing"


def test_rate_base_must_be_positive():
    for per in (0, -5, np.nan, np.inf):
        with pytest.raises(ParameterError, match="positive number"):
            offers_per_population(_areas(), _offers([(1, 1)]), population_field="pop", per=per)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(st.floats(-50, 350), st.floats(-50, 150)), min_size=1, max_size=40))
def test_every_offer_is_counted_once_or_listed_outside(xy):
    res = offers_per_population(_areas(), _offers(xy), population_field="pop")
    assert res.areas["offers"].sum() + len(res.outside) == len(xy)


def test_real_municipalities_with_example_offers(gemeinden, examples):
    from geolib.io import read_vector

    offers = read_vector(examples["offers"], layer="offers")
    res = offers_per_population(
        gemeinden, offers, population_field="EWZ_2018", category_field="categories"
    )
    assert len(res.areas) == 49
    assert res.areas["offers"].sum() == len(offers)
    assert len(res.outside) == 0
    elmshorn = res.areas.set_index("GEN").loc["Elmshorn"]
    assert elmshorn["offers_per_1000"] == pytest.approx(
        elmshorn["offers"] / elmshorn["EWZ_2018"] * 1000
    )


# --- target groups and pooled groups (issue 6) ----------------------------------------


def test_target_group_counts_and_rates_per_target_population():
    from geolib.density import pool_offers  # noqa: F401 (imported where used below)

    areas = _areas().assign(kids=[100, 0, 50], ags=["1", "2", "3"])
    offers = _offers(
        [(10, 10), (20, 20), (150, 50), (250, 50)],
        ["Kita", "Kita", "Beratung", "Kita"],
    ).assign(tg=["Kinder; Familien", "Kinder", "Senioren", None])
    res = offers_per_population(
        areas,
        offers,
        population_field="pop",
        category_field="cat",
        target_group_field="tg",
        target_populations={"Kinder": "kids"},
    )
    out = res.areas
    assert out["n_tg_kinder"].tolist() == [2, 0, 0]
    assert out["n_tg_familien"].tolist() == [1, 0, 0]
    assert out["n_tg_uncategorised"].tolist() == [0, 0, 1]
    assert out["tg_kinder_per_1000"].iloc[0] == pytest.approx(20.0)
    assert np.isnan(out["tg_kinder_per_1000"].iloc[1])  # no children: no rate
    assert out["tg_kinder_per_1000"].iloc[2] == 0.0
    assert res.rates["tg_kinder_per_1000"] == ("n_tg_kinder", "kids")
    assert out["n_kita"].tolist() == [2, 0, 1]


def test_target_population_without_target_group_field_is_refused():
    with pytest.raises(ParameterError, match="needs the target group field"):
        offers_per_population(
            _areas(),
            _offers([(1, 1)]),
            population_field="pop",
            target_populations={"Kinder": "pop"},
        )


def test_pooled_groups_use_pooled_counts_not_averaged_rates():
    from geolib.density import pool_offers

    areas = _areas(pop=(2000, 1000, 500)).assign(ags=["01", "02", "03"])
    offers = _offers([(10, 10), (20, 20), (30, 30), (150, 50), (250, 50)], list("AABBA"))
    res = offers_per_population(areas, offers, population_field="pop", category_field="cat")
    mapping = pd.DataFrame(
        {"ags": ["01", "02", "03"], "raum": ["Nord", "Nord", "Süd"], "kreis": ["K", "K", "K"]}
    )
    pooled = pool_offers(res, mapping, area_key="ags", group_fields=["raum", "kreis"]).groups
    assert pooled[["level", "group"]].values.tolist() == [
        ["raum", "Nord"],
        ["raum", "Süd"],
        ["kreis", "K"],
    ]
    nord = pooled.iloc[0]
    assert nord["offers"] == 4 and nord["pop"] == 3000 and nord["n_areas"] == 2
    assert nord["offers_per_1000"] == pytest.approx(4 / 3000 * 1000)  # not mean(1.5, 1.0)
    assert nord["n_a"] == 2 and nord["n_b"] == 2
    kreis = pooled.iloc[2]
    assert kreis["offers"] == res.areas["offers"].sum() and kreis["pop"] == 3500
    assert kreis.geometry.area == pytest.approx(30000)


def test_pooled_rates_use_the_rate_base_of_the_result():
    from geolib.density import pool_offers

    areas = _areas(pop=(2000, 1000, 500)).assign(ags=["01", "02", "03"])
    offers = _offers([(10, 10), (20, 20), (150, 50)])
    res = offers_per_population(areas, offers, population_field="pop", per=100)
    mapping = pd.DataFrame({"ags": ["01", "02", "03"], "kreis": ["K", "K", "K"]})
    pooled = pool_offers(res, mapping, area_key="ags", group_fields=["kreis"]).groups
    assert pooled["offers_per_100"].tolist() == pytest.approx([3 / 3500 * 100])


def test_pooling_with_unmatched_keys_is_noted_and_all_unmatched_refused():
    from geolib.density import pool_offers
    from geolib.errors import DataError

    areas = _areas().assign(ags=["01", "02", "03"])
    res = offers_per_population(areas, _offers([(10, 10)]), population_field="pop")
    mapping = pd.DataFrame({"ags": ["01", "02"], "kreis": ["K", "K"]})
    pooled = pool_offers(res, mapping, area_key="ags", group_fields=["kreis"])
    assert any("1 areas have no row in the group table" in n for n in pooled.notes)
    with pytest.raises(DataError, match="No value of 'ags'"):
        pool_offers(res, mapping.assign(ags=["x", "y"]), area_key="ags", group_fields=["kreis"])


def test_real_planning_regions_preserve_totals(gemeinden, examples):
    from geolib.density import pool_offers
    from geolib.io import read_vector

    offers = read_vector(examples["offers"], layer="offers")
    ind = pd.read_csv(examples["indikatoren_csv"], dtype={"ags": str})
    latest = ind[ind["year"] == ind["year"].max()][["ags", "children_u15"]]
    areas = gemeinden.merge(latest, left_on="AGS", right_on="ags", how="left")
    res = offers_per_population(
        areas,
        offers,
        population_field="EWZ_2018",
        target_group_field="target_groups",
        target_populations={"Kinder": "children_u15"},
    )
    mapping = pd.read_csv(examples["planungsraeume"], dtype=str)
    pooled = pool_offers(res, mapping, area_key="AGS").groups
    for level in ("planungsraum", "kreis"):
        part = pooled[pooled["level"] == level]
        assert part["offers"].sum() == len(offers)
        assert part["children_u15"].sum() == latest["children_u15"].sum()
    kreis = pooled[pooled["level"] == "kreis"].iloc[0]
    assert kreis["tg_kinder_per_1000"] == pytest.approx(
        res.areas["n_tg_kinder"].sum() / latest["children_u15"].sum() * 1000
    )
