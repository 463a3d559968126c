"""``sozialplanung:hilfeportal``: offers from the Hilfeportal as checked, styled points."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsApplication,
    QgsAuthMethodConfig,
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterAuthConfig,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from geolib.hilfeportal import DEFAULT_LIST_SEPARATORS, field_mapping, is_url, load_offers
from geolib.redact import redact

from .base import SozialplanungAlgorithm, tr_geolib
from .qgis_transport import QgisTransport, remember_main_manager


def tr(text: str) -> str:
    return QCoreApplication.translate("HilfeportalAlgorithm", text)


def cache_dir() -> Path:
    """Where the last complete fetch of each source is kept (in the QGIS profile)."""
    return Path(QgsApplication.qgisSettingsDirPath()) / "sozialplanung" / "hilfeportal"


def auth_headers(authcfg: str | None) -> dict[str, str]:
    """The HTTP headers a QGIS authentication configuration adds; {} without one.

    The secret is read from QGIS's authentication database (the master password may
    be asked for) and never logged. An ``EsriToken`` configuration sends its token as
    ``Authorization: Bearer …``; other methods (Basic, OAuth2, ...) add the headers
    QGIS itself would add to a request.
    """
    if not authcfg:
        return {}
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtNetwork import QNetworkRequest

    manager = QgsApplication.authManager()
    config = QgsAuthMethodConfig()
    loaded = manager.loadAuthenticationConfig(authcfg, config, True)
    ok = loaded[0] if isinstance(loaded, tuple) else loaded
    if not ok or not config.isValid(True):
        raise QgsProcessingException(
            tr(
                "The authentication configuration '{id}' cannot be read. Check it in "
                "Settings → Options → Authentication (and the master password)."
            ).format(id=authcfg)
        )
    if config.method() == "EsriToken":
        return {"Authorization": f"Bearer {config.config('token').strip()}"}
    request = QNetworkRequest(QUrl("https://hilfeportal.invalid/"))
    updated = manager.updateNetworkRequest(request, authcfg)
    if isinstance(updated, tuple):
        ok, request = updated
    else:
        ok = updated
    if not ok:
        raise QgsProcessingException(
            tr("The authentication configuration '{id}' could not be applied.").format(id=authcfg)
        )
    return {
        bytes(name).decode("latin-1"): bytes(request.rawHeader(name)).decode("latin-1").strip()
        for name in request.rawHeaderList()
    }


def checks_for_display(checks):
    """The check list with its reasons translated for the user."""
    checks = checks.copy()
    checks["reason"] = [tr_geolib(r) for r in checks["reason"]]
    return checks


def split_terms(text: str | None) -> list[str] | None:
    """``"Sucht; Schulden"`` → ``["Sucht", "Schulden"]``; empty → ``None`` (no filter)."""
    if not text or not str(text).strip():
        return None
    return [t.strip() for t in str(text).replace("|", ";").split(";") if t.strip()]


class HilfeportalAlgorithm(SozialplanungAlgorithm):
    """Load the offers of the Hilfeportal (API or export), check and filter them."""

    SOURCE = "SOURCE"
    AUTHCFG = "AUTHCFG"
    CATEGORIES = "CATEGORIES"
    TARGET_GROUPS = "TARGET_GROUPS"
    SEARCH = "SEARCH"
    AREA = "AREA"
    STALE_DAYS = "STALE_DAYS"
    ACCEPT_FEWER = "ACCEPT_FEWER"
    COORDINATE_CRS = "COORDINATE_CRS"
    LIST_SEPARATORS = "LIST_SEPARATORS"
    FIELD_MAPPING = "FIELD_MAPPING"
    OUTPUT = "OUTPUT"
    OUTPUT_CHECKS = "OUTPUT_CHECKS"

    GROUP_ID = "hilfeportal"

    def name(self) -> str:
        return "hilfeportal"

    def displayName(self) -> str:
        return self.tr("Load Hilfeportal offers")

    def shortHelpString(self) -> str:
        return self.tr(
            "Loads the offers of the Hilfeportal as points (ETRS89 / UTM 32N) and checks "
            "them.\n\n"
            "Source: the URL of the Hilfeportal's API (Open Referral HSDS 3.0: /services "
            "paged, /services/{id} for one service, /service_at_locations with one offer "
            "per service at a location, /organizations with their services) or an "
            "exported file (JSON, GeoJSON, or CSV with comma or semicolon; "
            "UTF-8 or Windows-1252; decimal commas allowed). Only http and https URLs are "
            "accepted. A token comes from a QGIS authentication configuration (method "
            "'Esri token' or 'Basic'); it is never stored in the project or the log. "
            "Requests go through QGIS's network settings (proxy, SSL).\n\n"
            "Slow or failing answers are retried (HTTP 429 and 5xx, honouring "
            "Retry-After); a broken paging stops the load. Nothing partial is returned: "
            "when a refresh fails, the last complete fetch of the source (kept in the QGIS "
            "profile) is used and the log says from when it is. A refresh that delivers no "
            "offers, or fewer than half of the cached ones, is not taken either (the cached "
            "offers are written and the log warns) unless 'Accept far fewer offers' is set. "
            "A load ends after 5 minutes at the latest and refuses more than 200,000 "
            "offers.\n\n"
            "Filters: categories and target groups separated by ';' (empty: all) and a "
            "free-text search in title, provider, address, categories and target groups.\n"
            "\n"
            "Check list (second output): offers without or with invalid coordinates (not "
            "on the map), outside the area (default: Kreis Pinneberg), latitude and "
            "longitude swapped (placed at the exchanged position), duplicate ids (only the "
            "first is kept), the same title and address, not updated for more than the "
            "given days, shortened texts and links that are not http(s) (removed). The "
            "field 'checks' of each offer names its findings.\n\n"
            "Exports (advanced): the CRS of the coordinate columns (default WGS84 "
            "longitude / latitude; e.g. EPSG:25832 for UTM coordinates; an HSDS API "
            "always gives WGS84), the characters that separate the terms of category and "
            "target-group lists (default ';' and '|'; add ',' for 'Sucht, Senioren') and a "
            "field mapping: pairs of a field of the export and the offer field it holds "
            "(offer_id, title, provider, categories, target_groups, address, postcode, "
            "municipality_ags, capacity, opening_hours, url, phone, updated_at, lon, lat)."
        )

    def initAlgorithm(self, config=None) -> None:
        remember_main_manager()  # QGIS's main thread: its requests may run in others
        self.addParameter(
            QgsProcessingParameterString(
                self.SOURCE, self.tr("Source (URL of the Hilfeportal API or an exported file)")
            )
        )
        self.addParameter(
            QgsProcessingParameterAuthConfig(
                self.AUTHCFG, self.tr("Authentication (token)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CATEGORIES,
                self.tr("Categories (separated by ';', empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TARGET_GROUPS,
                self.tr("Target groups (separated by ';', empty: all)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.SEARCH, self.tr("Search text"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AREA,
                self.tr("Area for the check (default: Kreis Pinneberg)"),
                [QgsProcessing.SourceType.TypeVectorPolygon],
                optional=True,
            )
        )
        stale = QgsProcessingParameterNumber(
            self.STALE_DAYS,
            self.tr("Not updated for more than (days)"),
            QgsProcessingParameterNumber.Type.Integer,
            defaultValue=730,
            minValue=1,
        )
        stale.setFlags(stale.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(stale)
        accept = QgsProcessingParameterBoolean(
            self.ACCEPT_FEWER,
            self.tr("Accept far fewer offers than the last complete fetch (or none)"),
            defaultValue=False,
        )
        accept.setFlags(accept.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
        self.addParameter(accept)
        advanced = [
            QgsProcessingParameterCrs(
                self.COORDINATE_CRS,
                self.tr("CRS of the coordinate columns of an export"),
                defaultValue="EPSG:4326",
                optional=True,
            ),
            QgsProcessingParameterString(
                self.LIST_SEPARATORS,
                self.tr("Separators of category and target-group lists in an export"),
                defaultValue=DEFAULT_LIST_SEPARATORS,
                optional=True,
            ),
            QgsProcessingParameterMatrix(
                self.FIELD_MAPPING,
                self.tr("Field mapping of an export (source field → offer field)"),
                hasFixedNumberRows=False,
                headers=[self.tr("Source field"), self.tr("Offer field")],
                optional=True,
            ),
        ]
        for parameter in advanced:
            parameter.setFlags(
                parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced
            )
            self.addParameter(parameter)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Hilfeportal offers"), QgsProcessing.SourceType.TypeVectorPoint
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_CHECKS,
                self.tr("Hilfeportal check list"),
                QgsProcessing.SourceType.TypeVectorPoint,
            )
        )

    def compute(self, parameters, context, feedback):
        source = self.parameterAsString(parameters, self.SOURCE, context).strip()
        authcfg = self.parameterAsString(parameters, self.AUTHCFG, context)
        headers = auth_headers(authcfg) if is_url(source) else {}
        crs = self.parameterAsCrs(parameters, self.COORDINATE_CRS, context)
        separators = self.parameterAsString(parameters, self.LIST_SEPARATORS, context)
        mapping = field_mapping(
            self._pairs(
                self.parameterAsMatrix(parameters, self.FIELD_MAPPING, context)
                if parameters.get(self.FIELD_MAPPING)
                else []
            ),
            list_separators=separators or None,
        )
        area = None
        if parameters.get(self.AREA):
            area = self.read_source(parameters, self.AREA, context)
        result = load_offers(
            source,
            cache_dir=cache_dir(),
            headers=headers,
            mapping=mapping,
            crs=(crs.authid() or crs.toWkt()) if crs.isValid() else None,
            categories=split_terms(self.parameterAsString(parameters, self.CATEGORIES, context)),
            target_groups=split_terms(
                self.parameterAsString(parameters, self.TARGET_GROUPS, context)
            ),
            search=self.parameterAsString(parameters, self.SEARCH, context) or None,
            area=area,
            stale_days=self.parameterAsInt(parameters, self.STALE_DAYS, context),
            accept_fewer=self.parameterAsBoolean(parameters, self.ACCEPT_FEWER, context),
            transport=QgisTransport(),  # QGIS's proxy and SSL settings
            progress=self.progress(feedback, 0, 80),
        )
        self._input_names[self.SOURCE] = result.source  # without a key in the URL
        if result.refresh_note is not None:
            feedback.pushWarning(tr_geolib(result.refresh_note))
        self.push_notes(feedback, result.notes)
        feedback.pushInfo(
            self.tr("{n} offers loaded ({fetched}), {k} findings in the check list.").format(
                n=len(result.offers), fetched=result.fetched_at, k=len(result.checks)
            )
        )
        synthetic = result.all_offers["synthetic"].fillna(0).astype(int)
        self._synthetic_inputs = bool((synthetic == 1).any())
        checks = checks_for_display(result.checks)
        notes = [tr_geolib(n) for n in [result.refresh_note, *result.notes] if n is not None]
        dest = self.write_sink(
            parameters,
            self.OUTPUT,
            context,
            result.offers,
            feedback,
            style="hilfeportal_offers.qml",
            provenance=self.provenance(
                self.tr("Hilfeportal offers"),
                _public(parameters, result.source),
                data_year=result.fetched_at[:4],
                method="geolib.hilfeportal.load_offers",
                notes=notes,
            ),
            wkb_type=QgsWkbTypes.Type.Point,
        )
        dest_checks = self.write_sink(
            parameters,
            self.OUTPUT_CHECKS,
            context,
            checks,
            feedback,
            style="hilfeportal_checks.qml",
            provenance=self.provenance(
                self.tr("Hilfeportal check list"),
                _public(parameters, result.source),
                data_year=result.fetched_at[:4],
                method="geolib.hilfeportal.check_offers",
                notes=notes,
            ),
            wkb_type=QgsWkbTypes.Type.Point,
        )
        return {self.OUTPUT: dest, self.OUTPUT_CHECKS: dest_checks}

    def _pairs(self, matrix: list[Any]) -> list[tuple[str, str]]:
        """The matrix (row by row: source field, offer field) as pairs."""
        cells = [_cell(c) for c in matrix or []]
        if len(cells) % 2:
            raise QgsProcessingException(
                self.tr(
                    "The field mapping needs pairs: a field of the export and the offer "
                    "field it holds; '{cell}' has no partner."
                ).format(cell=cells[-1])
            )
        return list(zip(cells[::2], cells[1::2]))


def _cell(value: Any) -> str:
    """A matrix cell as text; NULL (a QVariant) and None are empty."""
    if value is None or (hasattr(value, "isNull") and value.isNull()):
        return ""
    return str(value).strip()


def _public(parameters: dict[str, Any], source: str) -> dict[str, Any]:
    """Parameters for the provenance: no authentication, the source as shown (no key)."""
    alg = HilfeportalAlgorithm
    return {
        k: source if k == alg.SOURCE else redact(str(v))
        for k, v in parameters.items()
        if k != alg.AUTHCFG
    }
