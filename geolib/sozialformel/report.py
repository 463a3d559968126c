"""The validity report as one self-contained HTML page."""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

import numpy as np

from ..io import SYNTHETIC_LABEL
from ..messages import N_, Message, Number, format_number, translate
from .compute import SozialformelResult
from .labels import label

_H_TITLE = N_("Validity report")
_H_SYNTHETIC = N_("All values come from synthetic example data, not official figures:")
_H_METHOD = N_("Method")
_H_INDICATORS = N_("Indicators")
_H_NOTES = N_("Notes")
_H_CORR = N_("Correlations of the indicators (Pearson, above; Spearman, below)")
_H_ALPHA = N_("Cronbach's alpha")
_H_CONTRIB = N_("Contribution of each indicator")
_H_RANKS = N_("Rank intervals (sensitivity)")
_H_PROTECTION = N_("Data protection")
_T_ALPHA_GOOD = N_("The indicators measure a common dimension (alpha ≥ 0.7).")
_T_ALPHA_WEAK = N_(
    "The indicators agree only partly (alpha < 0.7): the index combines different dimensions."
)
_T_RANKS = N_(
    "Rank intervals: 5th–95th percentile of the rank under random weights (each weight × "
    "uniform(1 − spread, 1 + spread)) and the range over other scalings. A wide interval "
    "means the rank depends on choices, not only on the data."
)
_T_PROTECTION = N_(
    "Counts below the threshold and rates on small denominators are suppressed in every "
    "published output (primary suppression; NULL, field *_suppression = primary). So that "
    "no suppressed count can be computed back as a group total minus its published "
    "members, further values are suppressed in every group and in the Kreis (secondary "
    "suppression, *_suppression = secondary), as statistical offices do with tau-ARGUS "
    "or sdcTable. The index and the groups are computed from the full counts. With "
    "suppress_index = true the index, rank, class and change of rows with a suppressed "
    "value are withheld too, as is the next year's change; such units are not listed "
    "below and no class bound is one of their values. With suppress_index = false the "
    "index of such rows is published, and the suppressed counts can be computed back "
    "from it: use such outputs only inside the administration."
)
_C_INDICATOR = N_("Indicator")
_C_LABEL = N_("Label")
_C_NUMERATOR = N_("Numerator")
_C_DENOMINATOR = N_("Denominator")
_C_DIRECTION = N_("Direction")
_C_WEIGHT = N_("Weight")
_C_SCALING = N_("Scaling")
_C_MEAN_SHARE = N_("Mean share")
_C_CORR_INDEX = N_("Correlation with the index")
_C_RANK_CORR = N_("Rank correlation without it")
_C_UNIT = N_("Unit")
_C_RANK = N_("Rank")
_C_WEIGHTS_RANGE = N_("Random weights (5–95 %)")
_C_SCALINGS_RANGE = N_("Other scalings")
_C_INTERVAL = N_("Rank interval")
_H_GROUPS = N_("Groups (pooled counts)")
_C_GROUPING = N_("Grouping")
_C_GROUP = N_("Group")
_C_UNITS = N_("Units")
_C_INDEX = N_("Index")
_C_CHANGE = N_("Change")
_V_REVERSED = N_("reversed (higher = less need)")
_V_NORMAL = N_("higher = more need")


def validity_report_html(
    result: SozialformelResult,
    *,
    translate_text: Callable[[str], str] | None = None,
    separators: tuple[str, str] = (",", "."),
    title: str | None = None,
) -> str:
    """The validity report as one self-contained HTML page.

    Parameters
    ----------
    result
        From :func:`sozialformel` (with ``validity=True``).
    translate_text
        Looks up a template in the translation catalogue (context ``geolib``); the
        Processing algorithm passes Qt's translation. Default: English.
    separators
        (thousands, decimal) separators of the output language: ``(".", ",")`` in
        German, so numbers read ``0,94`` and ``1.234,5``. Configuration words are
        shown as their translatable labels (:mod:`.labels`).
    title
        Page title (default: the configuration's title).
    """
    look = translate_text or (lambda s: s)
    thousands, decimal = separators

    def t(text: Any) -> str:
        return html.escape(translate(text, look, lambda v: format_number(v, decimal, thousands)))

    def num(value: Any, decimals: int) -> str:
        return _fmt(value, decimals, thousands, decimal)

    cfg = result.config
    val = result.validity
    title = title or cfg.title
    parts = [
        "<!DOCTYPE html>",
        '<html><head><meta charset="utf-8">',
        f"<title>{html.escape(title)} — {t(_H_TITLE)}</title>",
        "<style>body{font-family:sans-serif;margin:2em;max-width:70em}"
        "table{border-collapse:collapse;margin:1em 0}td,th{border:1px solid #bbb;"
        "padding:.2em .5em;text-align:right}th{background:#eee}td.t,th.t{text-align:left}"
        ".synthetic{background:#fff3cd;border:1px solid #e0b000;padding:.6em}</style>",
        "</head><body>",
        f"<h1>{html.escape(title)} — {t(_H_TITLE)}</h1>",
    ]
    if result.synthetic:
        parts.append(
            f'<p class="synthetic"><strong>{t(_H_SYNTHETIC)} '
            f"{html.escape(SYNTHETIC_LABEL)}</strong></p>"
        )
    years = ", ".join(map(str, result.years))
    parts.append(f"<h2>{t(_H_METHOD)}</h2><ul>")
    method_lines = [
        Message(
            "Years: {years}; validity checked for {year}.",
            years=years,
            year=val.year if val else result.latest_year,
        ),
        Message(
            "Scaling: {scaling}; combination: {combination}; post-scaling: {post}; "
            "reference year: {reference}.",
            scaling=label(cfg.scaling),
            combination=label(cfg.combination),
            post=label(cfg.post_scaling),
            reference=cfg.reference_year if cfg.reference_year is not None else "—",
        ),
        Message(
            "Classes: {method}, {count} classes; missing values: {missing}; winsorising: {w}.",
            method=label(cfg.class_method),
            count=cfg.class_count,
            missing=label(cfg.missing),
            w=Number(cfg.winsorize),
        ),
    ]
    parts.extend(f"<li>{t(m)}</li>" for m in method_lines)
    parts.append("</ul>")
    parts.append(f"<h2>{t(_H_INDICATORS)}</h2><table><tr>")
    heads = (
        _C_INDICATOR,
        _C_LABEL,
        _C_NUMERATOR,
        _C_DENOMINATOR,
        _C_DIRECTION,
        _C_WEIGHT,
        _C_SCALING,
    )
    parts.extend(f'<th class="t">{t(h)}</th>' for h in heads)
    parts.append("</tr>")
    for ind in cfg.indicators:
        direction = t(_V_REVERSED) if ind.reverse else t(_V_NORMAL)
        weight = format_number(ind.weight, decimal, thousands)
        cells = [ind.name, ind.label, ind.numerator, ind.denominator]
        parts.append(
            "<tr>"
            + "".join(f'<td class="t">{html.escape(str(c))}</td>' for c in cells)
            + f'<td class="t">{direction}</td><td>{weight}</td>'
            + f'<td class="t">{t(label(cfg.scaling_of(ind)))}</td></tr>'
        )
    parts.append("</table>")
    if result.notes:
        parts.append(f"<h2>{t(_H_NOTES)}</h2><ul>")
        parts.extend(f"<li>{t(n)}</li>" for n in result.notes)
        parts.append("</ul>")
    if len(result.groups):
        latest = result.groups[result.groups["year"] == result.latest_year]
        parts.append(f"<h2>{t(_H_GROUPS)} {result.latest_year}</h2><table><tr>")
        for h in (_C_GROUPING, _C_GROUP, _C_UNITS, _C_INDEX, _C_RANK, _C_CHANGE):
            parts.append(f"<th>{t(h)}</th>")
        parts.append("</tr>")
        for row in latest.sort_values(["grouping", "index_rank"]).itertuples():
            parts.append(
                f'<tr><td class="t">{html.escape(str(row.grouping))}</td>'
                f'<td class="t">{html.escape(str(row.group_name))}</td><td>{row.n_units}</td>'
                f"<td>{num(row.index_value, 1)}</td><td>{num(row.index_rank, 0)}</td>"
                f"<td>{num(row.index_change, 1)}</td></tr>"
            )
        parts.append("</table>")
    parts.append(f"<h2>{t(_H_PROTECTION)}</h2><p>{t(_T_PROTECTION)}</p>")
    parts.append(
        "<p>"
        + t(
            Message(
                "Threshold: counts below {threshold}; minimum denominator: {min_den}.",
                threshold=cfg.threshold,
                min_den=cfg.min_denominator,
            )
        )
        + "</p>"
    )
    if val is not None:
        names = list(val.pearson.columns)
        parts.append(f"<h2>{t(_H_CORR)}</h2><table><tr><th></th>")
        parts.extend(f"<th>{html.escape(n)}</th>" for n in names)
        parts.append("</tr>")
        for i, row_name in enumerate(names):
            cells = []
            for j in range(len(names)):
                value = val.pearson.iat[i, j] if j >= i else val.spearman.iat[i, j]
                cells.append(f"<td>{num(value, 2)}</td>")
            parts.append(f'<tr><th class="t">{html.escape(row_name)}</th>{"".join(cells)}</tr>')
        parts.append("</table>")
        parts.append(f"<h2>{t(_H_ALPHA)}</h2><p>α = {num(val.alpha, 2)}. ")
        if not np.isnan(val.alpha):
            parts.append(t(_T_ALPHA_GOOD) if val.alpha >= 0.7 else t(_T_ALPHA_WEAK))
        parts.append("</p>")
        parts.append(f"<h2>{t(_H_CONTRIB)}</h2><table><tr>")
        for h in (_C_INDICATOR, _C_WEIGHT, _C_MEAN_SHARE, _C_CORR_INDEX, _C_RANK_CORR):
            parts.append(f"<th>{t(h)}</th>")
        parts.append("</tr>")
        for row in val.contributions.itertuples():
            parts.append(
                f'<tr><td class="t">{html.escape(row.indicator)}</td><td>{num(row.weight, 2)}'
                f"</td><td>{num(row.mean_share, 2)}</td><td>{num(row.corr_index, 2)}</td>"
                f"<td>{num(row.rank_corr_without, 2)}</td></tr>"
            )
        parts.append("</table>")
        parts.append(f"<h2>{t(_H_RANKS)}</h2><p>{t(_T_RANKS)}</p><table><tr>")
        for h in (_C_UNIT, _C_RANK, _C_WEIGHTS_RANGE, _C_SCALINGS_RANGE, _C_INTERVAL):
            parts.append(f"<th>{t(h)}</th>")
        parts.append("</tr>")
        r = val.ranks[~val.ranks["key"].isin(_withheld_keys(result, val.year))]
        for row in r.itertuples():
            w_rng = f"{num(row.rank_low, 0)}–{num(row.rank_high, 0)}" if "rank_low" in r else "—"
            s_rng = (
                f"{num(row.rank_min_scalings, 0)}–{num(row.rank_max_scalings, 0)}"
                if "rank_min_scalings" in r
                else "—"
            )
            interval = (
                f"{num(row.rank_interval_low, 0)}–{num(row.rank_interval_high, 0)}"
                if "rank_interval_low" in r
                else "—"
            )
            parts.append(
                f'<tr><td class="t">{html.escape(str(row.name))}</td><td>{num(row.rank, 0)}</td>'
                f"<td>{w_rng}</td><td>{s_rng}</td><td>{interval}</td></tr>"
            )
        parts.append("</table>")
    parts.append("</body></html>")
    return "\n".join(parts)


def _withheld_keys(result: SozialformelResult, year: int) -> set[str]:
    """Units whose index is withheld in ``year`` (their ranks are not printed either)."""
    table = result.table
    if "index_suppressed" not in table:
        return set()
    rows = (table["year"] == year) & (table["index_suppressed"] == 1)
    return set(table.loc[rows, result.config.key].astype(str))


def _fmt(value: Any, decimals: int, thousands: str = ",", decimal: str = ".") -> str:
    """``value`` with ``decimals`` decimals and the output language's separators."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return "—"
    if np.isnan(number):
        return "—"
    text = f"{number:,.{decimals}f}" if abs(number) >= 10_000 else f"{number:.{decimals}f}"
    return text.replace(",", "\0").replace(".", decimal).replace("\0", thousands)
