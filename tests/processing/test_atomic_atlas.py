"""The atlas and the Sozialbericht are written completely or not at all (outputs.py).

Their files (the project, the PDFs, ``maps/``, ``atlas_druck.gpkg``; the Sozialbericht's
folder) are staged, checked and swapped in together: a full disk (a small tmpfs), a
``kill -9`` of a running ``qgis_process``, a cancel or a destination in the way leave
the previous outputs byte for byte as they were, and the message says so.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import threading
from pathlib import Path

import pytest

from processing_algorithms import outputs
from tests._qgis import german, run_algorithm, run_algorithm_error
from tests.conftest import KREIS_GPKG
from tests.processing.test_atlas_regions import regions_atlas  # noqa: F401 (a fixture)
from tests.processing.test_atomic_outputs import _kill_mid_write, qgis_profile  # noqa: F401
from tests.processing.test_sozialbericht_alg import sozialformel  # noqa: F401 (a fixture)

ATLAS = "sozialplanung:atlas"
BERICHT = "sozialplanung:sozialbericht"


def _snapshot(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` (relative path → SHA-256), staging folders aside."""
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and not p.relative_to(folder).parts[0].startswith(outputs.STAGE_PREFIX)
    }


def _stages(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.startswith(outputs.STAGE_PREFIX)]


def _atlas_params(regions_atlas, examples, out: Path) -> dict:  # noqa: F811
    _, gpkg, _ = regions_atlas
    return {
        "INPUT": str(gpkg),
        "BASEMAP": str(KREIS_GPKG),
        "REGIONS": str(examples["planungsraeume"]),
        "OUTPUT_FOLDER": str(out),
    }


def _previous_atlas(regions_atlas, tmp_path) -> Path:  # noqa: F811
    """A copy of the built atlas's output folder (its files are the previous outputs)."""
    _, _, result = regions_atlas
    out = tmp_path / "out"
    shutil.copytree(result.project.parent, out)
    return out


def test_every_atlas_output_is_checked_and_swapped_in_together(regions_atlas, examples):  # noqa: F811
    _, _, result = regions_atlas
    out = result.project.parent
    assert {p.name for p in out.iterdir()} == {
        "atlas.pdf",
        "atlas_druck.gpkg",
        "gemeindesteckbriefe.pdf",
        "maps",
        "sozialplanungsatlas.qgz",
    }
    # the checks the swap relies on accept what QGIS wrote …
    assert outputs.check_pdf(result.pdf, len(result.maps)) is None
    assert outputs.check_pdf(result.profiles_pdf, result.profile_pages) is None
    assert outputs.check_project(result.project) is None
    assert all(outputs.check_png(p) is None for p in result.maps.values())
    # … and refuse a file cut off, as a full disk leaves it
    cut = out.parent / "cut"
    cut.mkdir(exist_ok=True)
    for path in (result.pdf, result.project, next(iter(result.maps.values()))):
        data = path.read_bytes()
        (cut / path.name).write_bytes(data[: len(data) // 2])
    assert outputs.check_pdf(cut / "atlas.pdf", len(result.maps)) is not None
    assert outputs.check_pdf(result.pdf, len(result.maps) + 1) is not None  # a page missing
    assert outputs.check_project(cut / "sozialplanungsatlas.qgz") is not None
    assert outputs.check_png(cut / next(iter(result.maps.values())).name) is not None


def test_the_project_refers_to_the_final_files_not_the_staged_ones(regions_atlas):  # noqa: F811
    import zipfile

    _, _, result = regions_atlas
    with zipfile.ZipFile(result.project) as archive:
        qgs = next(n for n in archive.namelist() if n.endswith(".qgs"))
        text = archive.read(qgs).decode("utf-8")
    assert outputs.STAGE_PREFIX not in text
    assert "./atlas_druck.gpkg|layername=" in text


@pytest.mark.parametrize("small_disk", ["64m"], indirect=True)
def test_a_full_disk_keeps_every_previous_atlas_output(regions_atlas, examples, small_disk):  # noqa: F811
    disk, fill = small_disk
    out = disk / "atlas"
    run_algorithm(ATLAS, _atlas_params(regions_atlas, examples, out))
    before = _snapshot(out)
    assert "atlas.pdf" in before and "maps/sozialformel.png" in before
    fill(1024 * 1024)  # room for a map or two, not for the whole atlas
    message = run_algorithm_error(ATLAS, _atlas_params(regions_atlas, examples, out))
    assert "previous files are unchanged" in message
    assert _snapshot(out) == before
    assert _stages(out) == []


def test_kill_9_during_the_atlas_keeps_the_previous_outputs(
    qgis_profile,  # noqa: F811
    regions_atlas,  # noqa: F811
    examples,
    tmp_path,
):
    out = _previous_atlas(regions_atlas, tmp_path)
    before = _snapshot(out)
    _kill_mid_write(qgis_profile, ATLAS, _atlas_params(regions_atlas, examples, out), out)
    assert _snapshot(out) == before  # the PDFs, the project, the maps: byte for byte
    assert _stages(out)  # the killed run's staging folder is left …
    run_algorithm(ATLAS, _atlas_params(regions_atlas, examples, out))
    assert _stages(out) == []  # … and removed by the next run into the folder
    assert outputs.check_project(out / "sozialplanungsatlas.qgz") is None


def _atlas_with_hook(regions_atlas, examples, out: Path, at: float, hook):  # noqa: F811
    """``build_atlas`` into ``out``, calling ``hook(feedback)`` once at progress ``at``."""
    from qgis.core import QgsProcessingFeedback

    from processing_algorithms.atlas_project import build_atlas

    _, gpkg, _ = regions_atlas
    feedback = QgsProcessingFeedback()
    called: list[float] = []

    def at_progress(progress: float) -> None:
        if progress >= at and not called:
            called.append(progress)
            hook(feedback)

    feedback.progressChanged.connect(at_progress)
    try:
        return build_atlas(
            gpkg,
            out,
            basemap=KREIS_GPKG,
            regions=examples["planungsraeume"],
            feedback=feedback,
        )
    finally:
        assert called


def test_a_cancel_after_the_pdfs_keeps_the_previous_outputs(regions_atlas, examples, tmp_path):  # noqa: F811
    from qgis.core import QgsProcessingException

    out = _previous_atlas(regions_atlas, tmp_path)
    before = _snapshot(out)
    with german(), pytest.raises(QgsProcessingException, match="abgebrochen"):
        # at 95 the PDFs are staged; the project is not written yet
        _atlas_with_hook(regions_atlas, examples, out, 95, lambda feedback: feedback.cancel())
    assert _snapshot(out) == before
    assert _stages(out) == []


def test_a_project_in_the_way_is_named_and_every_output_restored(
    regions_atlas,  # noqa: F811
    examples,
    tmp_path,
    monkeypatch,
):
    """A destination that cannot be replaced (on Windows: open in QGIS; here a folder of
    that name, a real failure on Linux too) is retried, then named with the fix; the
    outputs swapped in before it are put back."""
    from qgis.core import QgsProcessingException

    monkeypatch.setattr(outputs, "RETRY_SECONDS", 0.5)
    out = _previous_atlas(regions_atlas, tmp_path)
    project = out / "sozialplanungsatlas.qgz"

    def folder_in_the_way(_feedback) -> None:
        project.unlink()
        project.mkdir()
        (project / "notes.txt").write_text("mine", encoding="utf-8")

    before = {k: v for k, v in _snapshot(out).items() if not k.startswith(project.name)}
    with pytest.raises(QgsProcessingException) as failed:
        _atlas_with_hook(regions_atlas, examples, out, 95, folder_in_the_way)
    message = str(failed.value)
    assert str(project) in message and "folder of that name is in the way" in message
    assert "previous files are unchanged" in message
    after = _snapshot(out)
    assert after.pop("sozialplanungsatlas.qgz/notes.txt") and after == before
    assert _stages(out) == []


def test_a_destination_in_the_way_for_a_moment_is_replaced_after_a_retry(tmp_path):
    """As a file closed in the PDF viewer during the retries: the swap then succeeds."""
    final = tmp_path / "atlas.pdf"
    final.mkdir()
    (final / "open.txt").write_text("in the way", encoding="utf-8")
    staged = outputs.StagedOutputs()
    try:
        staged.stage(final).write_bytes(b"%PDF-1.4 new")
        timer = threading.Timer(0.3, shutil.rmtree, args=(final,))
        timer.start()
        assert staged.commit() == [final.resolve()]
        timer.join()
    finally:
        staged.discard()
    assert final.read_bytes() == b"%PDF-1.4 new" and _stages(tmp_path) == []


# ---- the Sozialbericht: a folder swapped in whole -----------------------------------------


def _bericht_params(sozialformel, examples, out: Path) -> dict:  # noqa: F811
    sf, _ = sozialformel
    return {
        "AREAS": sf["OUTPUT"],
        "AREA_YEARS": sf["OUTPUT_TABLE"],
        "GROUP_YEARS": sf["OUTPUT_GROUPS"],
        "GROUPS": str(examples["planungsraeume"]),
        "OUTPUT_FOLDER": str(out),
    }


def test_the_sozialbericht_folder_is_swapped_in_whole_keeping_other_files(
    sozialformel,  # noqa: F811
    examples,
    tmp_path,
):
    out = tmp_path / "bericht"
    run_algorithm(BERICHT, {**_bericht_params(sozialformel, examples, out), "TITLE": "Erster"})
    (out / "notizen.txt").write_text("meine Notizen", encoding="utf-8")
    (out / "bilder").mkdir()
    (out / "bilder" / "logo.svg").write_text("<svg/>", encoding="utf-8")
    (out / "data.js").write_text("window.SOZIALBERICHT = {};\n", encoding="utf-8")  # stale
    results, _ = run_algorithm(
        BERICHT, {**_bericht_params(sozialformel, examples, out), "TITLE": "Zweiter"}
    )
    assert results["INDEX"] == str(out / "index.html")
    assert "Zweiter" in (out / "index.html").read_text(encoding="utf-8")
    assert len((out / "data.js").read_bytes()) > 1000  # the report's own, not the stale one
    assert (out / "notizen.txt").read_text(encoding="utf-8") == "meine Notizen"
    assert (out / "bilder" / "logo.svg").read_text(encoding="utf-8") == "<svg/>"
    assert _stages(tmp_path) == []
    from geolib.sozialbericht import check_report

    assert check_report(out) is None
    (out / "app.js").write_bytes((out / "app.js").read_bytes()[:100])  # cut off
    assert "app.js" in str(check_report(out))


def test_a_full_disk_keeps_the_previous_sozialbericht(sozialformel, examples, small_disk):  # noqa: F811
    disk, fill = small_disk
    out = disk / "bericht"
    run_algorithm(BERICHT, _bericht_params(sozialformel, examples, out))
    before = _snapshot(out)
    fill(64 * 1024)
    message = run_algorithm_error(BERICHT, _bericht_params(sozialformel, examples, out))
    assert "previous files are unchanged" in message
    assert _snapshot(out) == before
    assert _stages(disk) == []


def test_a_sozialbericht_folder_that_is_a_file_is_refused_by_name(
    sozialformel,  # noqa: F811
    examples,
    tmp_path,
):
    out = tmp_path / "bericht"
    out.write_text("not a folder", encoding="utf-8")
    message = run_algorithm_error(BERICHT, _bericht_params(sozialformel, examples, out))
    assert str(out) in message and "not a folder" in message
    assert out.read_text(encoding="utf-8") == "not a folder"


def test_a_folder_a_killed_run_renamed_away_is_put_back_by_the_next_run(tmp_path):
    """``kill -9`` between renaming the previous folder away and the new one in: the
    next run into that folder renames the previous one back before cleaning up."""
    dead = subprocess.Popen(["true"])
    dead.wait()
    stage = tmp_path / f"{outputs.STAGE_PREFIX}{dead.pid}-{outputs._host()}-0badcafe"
    (stage / f"bericht{outputs.PREVIOUS}").mkdir(parents=True)
    (stage / f"bericht{outputs.PREVIOUS}" / "index.html").write_text("alt", encoding="utf-8")
    (stage / "bericht").mkdir()  # the new one, not yet renamed in
    outputs.remove_stale_stages(tmp_path)
    assert (tmp_path / "bericht" / "index.html").read_text(encoding="utf-8") == "alt"
    assert _stages(tmp_path) == []
