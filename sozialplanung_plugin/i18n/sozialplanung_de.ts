<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AccessibilityAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="218"/>
        <source>'{text}' is not a list of numbers separated by ';'.</source>
        <translation>„{text}“ ist keine Liste von Zahlen, getrennt durch „;“.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="139"/>
        <source>2SFCA</source>
        <translation>2SFCA</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="187"/>
        <source>Accessibility</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="55"/>
        <source>Accessibility (2SFCA)</source>
        <translation>Erreichbarkeit (2SFCA)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="203"/>
        <source>Accessibility per area</source>
        <translation>Erreichbarkeit je Gebiet</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="179"/>
        <source>Areas for means (e.g. municipalities)</source>
        <translation>Gebiete für Mittelwerte (z. B. Gemeinden)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="112"/>
        <source>Capacity field (default 1 per offer)</source>
        <translation>Kapazitätsfeld (sonst 1 je Angebot)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="121"/>
        <source>Category field of the offers</source>
        <translation>Kategoriefeld der Angebote</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="96"/>
        <source>Demand (areas, grid cells or points)</source>
        <translation>Nachfrage (Gebiete, Rasterzellen oder Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="140"/>
        <source>E2SFCA (step weights)</source>
        <translation>E2SFCA (Stufengewichte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="157"/>
        <source>E2SFCA zone breaks (e.g. 500;1000;2000)</source>
        <translation>E2SFCA-Zonengrenzen (z. B. 500;1000;2000)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="158"/>
        <source>E2SFCA zone weights (e.g. 1;0.68;0.22)</source>
        <translation>E2SFCA-Zonengewichte (z. B. 1;0.68;0.22)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="58"/>
        <source>Floating catchment accessibility of offers (supply, with a capacity; 1 each by default) for a population (demand: areas or grid cells, located at a point inside them, or points).

Methods: 2SFCA: every offer's capacity is shared by the population within reach (R = capacity / population within the maximum cost), and every demand unit sums the shares of the offers it reaches. E2SFCA: the same with step weights per travel zone (breaks; default three equal zones up to the maximum cost with the weights 1, 0.68, 0.22 as in PySAL access). Gravity: weights (cost / maximum cost)^-β. Supply/demand ratio: capacity within reach divided by population within reach. The numbers equal PySAL access for the same costs.

Outputs per demand unit: score (capacity per inhabitant), score_per_1000, score_norm (score / population-weighted mean: the Kreis mean is 1), supply_in_reach, and the nearest offer (nearest_m: straight line; with a network nearest_min: travel time, or nearest_m: network distance, within the maximum cost) with its id.

Costs: straight-line distance in metres, or with a network (a line layer or an OSM file, with the same network parameters as the catchments) the travel time in minutes or the distance along the network in metres (walk, bike or car: which ways may be used, and their speeds). DIRECTION: toward the offer (default: people travel to the offers) or from the offer, as in the catchments. The maximum cost is in the same unit. Units and offers farther than the snap distance from the network are kept with routable = 0 and counted in the log: such units get no score (NULL) and do not weigh in the mean; such offers reach nobody. A multipoint offer is reached at the nearest of its points. The nearest offer is named by the offer id field (default offer_id, else the row number).

Defined edge cases: an offer with no population within reach has no ratio (NULL) and adds nothing; a demand unit without an offer within reach scores 0. With areas (e.g. municipalities), a third output gives the population-weighted means per area.</source>
        <translation>Erreichbarkeit von Angeboten (Versorgung, mit einer Kapazität; sonst je 1) für eine Bevölkerung (Nachfrage: Gebiete oder Rasterzellen, verortet an einem Punkt in ihrem Inneren, oder Punkte) nach der Floating-Catchment-Methode.

Methoden: 2SFCA: Die Kapazität jedes Angebots wird auf die Bevölkerung in Reichweite verteilt (R = Kapazität / Bevölkerung innerhalb der maximalen Kosten), und jede Nachfrageeinheit summiert die Anteile der Angebote, die sie erreicht. E2SFCA: ebenso, mit Stufengewichten je Zone (Grenzen; Standard: drei gleiche Zonen bis zu den maximalen Kosten mit den Gewichten 1, 0,68, 0,22 wie in PySAL access). Gravitation: Gewichte (Kosten / maximale Kosten)^-β. Verhältnis Angebot/Nachfrage: Kapazität in Reichweite geteilt durch Bevölkerung in Reichweite. Die Zahlen stimmen bei gleichen Kosten mit PySAL access überein.

Ausgaben je Nachfrageeinheit: score (Kapazität je Einwohner), score_per_1000, score_norm (score / bevölkerungsgewichtetes Mittel: das Kreismittel ist 1), supply_in_reach und das nächste Angebot (nearest_m: Luftlinie; mit Netz nearest_min: Reisezeit, oder nearest_m: Entfernung im Netz, innerhalb der maximalen Kosten) mit seiner ID.

Kosten: Luftlinienentfernung in Metern oder, mit einem Netz (ein Linienlayer oder eine OSM-Datei, mit denselben Netzparametern wie bei den Einzugsgebieten), die Reisezeit in Minuten oder die Entfernung im Netz in Metern (zu Fuß, Fahrrad oder Auto: welche Wege genutzt werden dürfen und ihre Geschwindigkeiten). DIRECTION: zum Angebot hin (Standard: Menschen fahren zu den Angeboten) oder vom Angebot weg, wie bei den Einzugsgebieten. Die maximalen Kosten haben dieselbe Einheit. Einheiten und Angebote, die weiter als der Fangabstand vom Netz entfernt liegen, bleiben mit routable = 0 erhalten und werden im Protokoll gezählt: Solche Einheiten erhalten keinen Wert (NULL) und zählen nicht im Mittel; solche Angebote erreicht niemand. Ein Multipunkt-Angebot wird an seinem nächsten Punkt erreicht. Das nächste Angebot wird mit dem Angebots-ID-Feld benannt (Standard offer_id, sonst die Zeilennummer).

Festgelegte Sonderfälle: Ein Angebot ohne Bevölkerung in Reichweite hat kein Verhältnis (NULL) und trägt nichts bei; eine Nachfrageeinheit ohne Angebot in Reichweite erhält 0. Mit Gebieten (z. B. Gemeinden) gibt eine dritte Ausgabe die bevölkerungsgewichteten Mittel je Gebiet.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="141"/>
        <source>Gravity (2SFCA with power decay)</source>
        <translation>Gravitation (2SFCA mit Potenzabfall)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="165"/>
        <source>Gravity exponent β</source>
        <translation>Gravitationsexponent β</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="150"/>
        <source>Maximum cost (m; minutes with a network by travel time)</source>
        <translation>Maximale Kosten (m; mit Netz nach Reisezeit Minuten)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="137"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="173"/>
        <source>Network (lines, optional; empty: straight-line distance)</source>
        <translation>Netz (Linien, optional; leer: Luftlinie)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="251"/>
        <source>No offer has the category '{category}' in '{field}'. Categories there: {found}.</source>
        <translation>Kein Angebot hat die Kategorie „{category}“ in „{field}“. Vorhandene Kategorien: {found}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="106"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="194"/>
        <source>Offers with their ratio</source>
        <translation>Angebote mit ihrem Verhältnis</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="129"/>
        <source>Only offers of this category</source>
        <translation>Nur Angebote dieser Kategorie</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="103"/>
        <source>Population field (e.g. children_u15)</source>
        <translation>Bevölkerungsfeld (z. B. children_u15)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="331"/>
        <source>Score per 1,000 inhabitants: mean {mean}, {n} units without an offer.</source>
        <translation>Wert je 1.000 Einwohner: Mittel {mean}, {n} Einheiten ohne erreichbares Angebot.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="142"/>
        <source>Supply/demand ratio within reach</source>
        <translation>Verhältnis Angebot/Nachfrage in Reichweite</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="238"/>
        <source>To choose offers by category, also choose the category field.</source>
        <translation>Um Angebote nach Kategorie auszuwählen, wählen Sie auch das Kategoriefeld.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="242"/>
        <source>{n} of {total} offers have the category '{category}'.</source>
        <translation>{n} von {total} Angeboten haben die Kategorie „{category}“.</translation>
    </message>
</context>
<context>
    <name>AtlasAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="127"/>
        <source>Atlas GeoPackage (or a layer in it)</source>
        <translation>Atlas-GeoPackage (oder eine Ebene darin)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="201"/>
        <source>Atlas PDF</source>
        <translation>Atlas-PDF</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="158"/>
        <source>Base map GeoPackage (layers gemeinden and kreis)</source>
        <translation>GeoPackage der Grundkarte (Ebenen gemeinden und kreis)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="114"/>
        <source>Choose the schema of the database connection '{name}'.</source>
        <translation>Wählen Sie das Schema der Datenbankverbindung „{name}“.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="173"/>
        <source>Data year (empty: from the layers' provenance)</source>
        <translation>Datenjahr (leer: aus der Herkunftsangabe der Ebenen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="204"/>
        <source>Gemeindesteckbrief (PDF)</source>
        <translation>Gemeindesteckbrief (PDF)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="250"/>
        <source>Gemeindesteckbrief: {pages} pages in {path}</source>
        <translation>Gemeindesteckbrief: {pages} Seiten in {path}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="214"/>
        <source>Give either the atlas GeoPackage or layers and a database connection, not both.</source>
        <translation>Geben Sie entweder das Atlas-GeoPackage oder Ebenen und eine Datenbankverbindung an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="223"/>
        <source>Give the atlas GeoPackage, layers or a database connection with a schema.</source>
        <translation>Geben Sie das Atlas-GeoPackage, Ebenen oder eine Datenbankverbindung mit Schema an.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="180"/>
        <source>Label every map as synthetic example values</source>
        <translation>Jede Karte als synthetische Beispielwerte kennzeichnen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="247"/>
        <source>Map '{theme}': {path}</source>
        <translation>Karte „{theme}“: {path}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="202"/>
        <source>Maps (PNG)</source>
        <translation>Karten (PNG)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="203"/>
        <source>Number of maps</source>
        <translation>Anzahl der Karten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="142"/>
        <source>Or: PostGIS database connection</source>
        <translation>Oder: PostGIS-Datenbankverbindung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="134"/>
        <source>Or: layers (for example those of the open project)</source>
        <translation>Oder: Ebenen (zum Beispiel die des offenen Projekts)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="197"/>
        <source>Output folder (project, maps, PDF)</source>
        <translation>Ausgabeordner (Projekt, Karten, PDF)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="206"/>
        <source>Pages of the Gemeindesteckbrief</source>
        <translation>Seiten des Gemeindesteckbriefs</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="187"/>
        <source>Planning regions: table municipality → planning region (CSV with ags and planungsraum)</source>
        <translation>Planungsräume: Tabelle Gemeinde → Planungsraum (CSV mit ags und planungsraum)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="200"/>
        <source>QGIS project</source>
        <translation>QGIS-Projekt</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="150"/>
        <source>Schema of the database connection (every table of it)</source>
        <translation>Schema der Datenbankverbindung (jede seiner Tabellen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="64"/>
        <source>Sozialplanungsatlas (project, maps, PDF)</source>
        <translation>Sozialplanungsatlas (Projekt, Karten, PDF)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="227"/>
        <source>The atlas GeoPackage '{path}' does not exist.</source>
        <translation>Das Atlas-GeoPackage „{path}“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="166"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="67"/>
        <source>Turns the atlas GeoPackage (the outputs of the other Sozialplanung algorithms, each with its style and provenance) into a QGIS project 'sozialplanungsatlas.qgz' with the groups Base map, Hilfeportal, Catchments, Density and accessibility and Sozialformel, one A4 print layout per theme with layers (title, map of the mainland Kreis with Helgoland as an inset, legend, scale bar, north arrow, attribution, data year and the label 'synthetic example values' where values are synthetic), the maps as PNG (150 dpi) in 'maps/' and all of them in 'atlas.pdf'. Group names and map texts are in the language of QGIS.

Layers are assigned to themes by their names (for example einzugsgebiete_*, sozialformel*, angebote_je_*); others go to the group 'Other layers'. GeoTIFFs beside the GeoPackage are added too. The municipalities and the Kreis boundary are copied into the GeoPackage from the base map GeoPackage when missing, so the atlas is self-contained; the project stores relative paths, so the output folder can be moved. A rerun replaces the outputs once all of them are written: a failed or cancelled run leaves the previous ones as they were.

With the Sozialformel's outputs (sozialformel, sozialformel_jahre, sozialformel_gruppen) and the planning-region table, the atlas also has a map of the planning regions and their ranking per year with the change against the previous year, and 'gemeindesteckbriefe.pdf': one page per municipality (a QGIS atlas) with the indicators over the years, rank and change, offers and their reach. Withheld values (data protection) are printed as 'withheld', never their rank or change.

Instead of a GeoPackage the atlas takes layers (for example all layers of the open project, with their styles there) or every table of a schema of a PostGIS connection. It runs in the background: QGIS stays usable, with progress and cancel.</source>
        <translation>Macht aus dem Atlas-GeoPackage (den Ergebnissen der anderen Sozialplanung-Algorithmen, jedes mit Stil und Herkunftsangabe) ein QGIS-Projekt „sozialplanungsatlas.qgz“ mit den Gruppen Grundlagen, Hilfeportal, Einzugsgebiete, Dichte und Erreichbarkeit und Sozialformel, je Thema mit Ebenen ein A4-Drucklayout (Titel, Karte des Kreises auf dem Festland mit Helgoland als Nebenkarte, Legende, Maßstabsleiste, Nordpfeil, Quellenangabe, Datenjahr und dem Hinweis „synthetische Beispielwerte“, wo Werte synthetisch sind), die Karten als PNG (150 dpi) in „maps/“ und alle zusammen in „atlas.pdf“. Gruppennamen und Kartentexte sind in der Sprache von QGIS.

Ebenen werden Themen über ihre Namen zugeordnet (zum Beispiel einzugsgebiete_*, sozialformel*, angebote_je_*); andere kommen in die Gruppe „Weitere Ebenen“. GeoTIFFs neben dem GeoPackage werden ebenfalls aufgenommen. Gemeinden und Kreisgrenze werden bei Bedarf aus dem GeoPackage der Grundkarte in das GeoPackage kopiert, sodass der Atlas in sich vollständig ist; das Projekt speichert relative Pfade, der Ausgabeordner kann also verschoben werden. Ein erneuter Lauf ersetzt die Ergebnisse erst, wenn alle geschrieben sind: Ein fehlgeschlagener oder abgebrochener Lauf lässt die bisherigen unverändert.

Mit den Ergebnissen der Sozialformel (sozialformel, sozialformel_jahre, sozialformel_gruppen) und der Tabelle der Planungsräume enthält der Atlas auch eine Karte der Planungsräume und ihre Rangfolge je Jahr mit der Veränderung zum Vorjahr sowie „gemeindesteckbriefe.pdf“: eine Seite je Gemeinde (ein QGIS-Atlas) mit den Indikatoren über die Jahre, Rang und Veränderung, Angeboten und ihrer Reichweite. Gesperrte Werte (Geheimhaltung) werden als „geheim“ gedruckt, nie ihr Rang oder ihre Veränderung.

Statt eines GeoPackages nimmt der Atlas Ebenen (zum Beispiel alle Ebenen des offenen Projekts, mit ihren Stilen dort) oder jede Tabelle eines Schemas einer PostGIS-Verbindung. Er läuft im Hintergrund: QGIS bleibt bedienbar, mit Fortschritt und Abbrechen.</translation>
    </message>
</context>
<context>
    <name>AtlasProject</name>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="105"/>
        <source>'{path}' is not a GeoPackage: {error}</source>
        <translation>„{path}“ ist kein GeoPackage: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="163"/>
        <source>Accessibility for children under 15 (2SFCA, Kreis mean = 1)</source>
        <translation>Erreichbarkeit für Kinder unter 15 (2SFCA, Kreismittel = 1)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="88"/>
        <source>Base map</source>
        <translation>Grundlagen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="178"/>
        <source>Base map layers copied into the atlas GeoPackage: {layers}.</source>
        <translation>Ebenen der Grundkarte in das Atlas-GeoPackage kopiert: {layers}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_layouts.py" line="77"/>
        <source>Cancelled by the user.</source>
        <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="107"/>
        <source>Catchments</source>
        <translation>Einzugsgebiete</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="165"/>
        <source>Catchments (straight line)</source>
        <translation>Einzugsgebiete (Luftlinie)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="108"/>
        <source>Catchments of the offers and gaps in provision</source>
        <translation>Einzugsgebiete der Angebote und Versorgungslücken</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="166"/>
        <source>Catchments on foot (street network)</source>
        <translation>Einzugsgebiete zu Fuß (Straßennetz)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="462"/>
        <source>Change against the previous year: {change} index points, {places} places</source>
        <translation>Veränderung zum Vorjahr: {change} Indexpunkte, {places} Plätze</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="164"/>
        <source>Children under 15 per grid cell (surface)</source>
        <translation>Kinder unter 15 je Rasterzelle (Oberfläche)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="171"/>
        <source>Children under 15 per municipality (demand)</source>
        <translation>Kinder unter 15 je Gemeinde (Nachfrage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_layouts.py" line="476"/>
        <source>Data year: {years}</source>
        <translation>Datenjahr: {years}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="113"/>
        <source>Density and accessibility</source>
        <translation>Dichte und Erreichbarkeit</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_layouts.py" line="481"/>
        <source>ETRS89 / UTM 32N (EPSG:25832) · created {date} with Sozialplanung for QGIS</source>
        <translation>ETRS89 / UTM 32N (EPSG:25832) · erstellt {date} mit Sozialplanung für QGIS</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="520"/>
        <source>Exporting the Gemeindesteckbrief to PDF failed: {error}</source>
        <translation>Der Export des Gemeindesteckbriefs als PDF ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="626"/>
        <source>Exporting the atlas to PDF failed: {error}</source>
        <translation>Der PDF-Export des Atlas ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_layouts.py" line="559"/>
        <source>Exporting the map '{theme}' failed (code {code}).</source>
        <translation>Der Export der Karte „{theme}“ ist fehlgeschlagen (Code {code}).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="56"/>
        <source>Gemeindesteckbrief</source>
        <translation>Gemeindesteckbrief</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="416"/>
        <source>Gemeindesteckbrief {name}</source>
        <translation>Gemeindesteckbrief {name}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="195"/>
        <source>Gemeindesteckbrief: values per year</source>
        <translation>Gemeindesteckbrief: Werte je Jahr</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_layouts.py" line="462"/>
        <source>Helgoland (inset map)</source>
        <translation>Helgoland (Nebenkarte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="95"/>
        <source>Hilfeportal</source>
        <translation>Hilfeportal</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="128"/>
        <source>Income</source>
        <translation>Einkommen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="157"/>
        <source>Income per taxpayer (EUR)</source>
        <translation>Einkünfte je Steuerpflichtigen (EUR)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="129"/>
        <source>Income per taxpayer (official statistics)</source>
        <translation>Einkünfte je Steuerpflichtigen (amtliche Statistik)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="320"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="466"/>
        <source>Index over the years: {trend}</source>
        <translation>Index über die Jahre: {trend}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="473"/>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="159"/>
        <source>Kreis boundary</source>
        <translation>Kreisgrenze</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="155"/>
        <source>Layer 'sozialformel' has no field 'year' and no data year: no Gemeindesteckbrief and no planning-region pages.</source>
        <translation>Die Ebene „sozialformel“ hat kein Feld „year“ und kein Datenjahr: kein Gemeindesteckbrief und keine Seiten der Planungsräume.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="145"/>
        <source>Layer 'sozialformel' has no field '{field}': no Gemeindesteckbrief and no planning-region pages.</source>
        <translation>Die Ebene „sozialformel“ hat kein Feld „{field}“: kein Gemeindesteckbrief und keine Seiten der Planungsräume.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="341"/>
        <source>Layer '{layer}' cannot be opened in QGIS. Check that it exists in the GeoPackage and can be read, or remove it from gpkg_contents.</source>
        <translation>Die Ebene „{layer}“ lässt sich in QGIS nicht öffnen. Prüfen Sie, ob sie im GeoPackage vorhanden und lesbar ist, oder entfernen Sie sie aus gpkg_contents.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="368"/>
        <source>Layer '{layer}' has no data year in its provenance; its map says 'not given'.</source>
        <translation>Ebene „{layer}“ hat kein Datenjahr in ihrer Herkunftsangabe; ihre Karte zeigt „nicht angegeben“.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="360"/>
        <source>Layer '{layer}' has no provenance; it is not labelled as synthetic.</source>
        <translation>Die Ebene „{layer}“ hat keine Herkunftsangabe; sie wird nicht als synthetisch gekennzeichnet.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="237"/>
        <source>Layer '{layer}' has no stored style; QGIS's default symbol is used.</source>
        <translation>Die Ebene „{layer}“ hat keinen gespeicherten Stil; das Standardsymbol von QGIS wird verwendet.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="215"/>
        <source>Layer '{layer}' of type '{type}' is not supported and left out.</source>
        <translation>Die Ebene „{layer}“ vom Typ „{type}“ wird nicht unterstützt und ausgelassen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="506"/>
        <source>Layers marked as synthetic cannot be shown without the label '{label}': {layers}.</source>
        <translation>Als synthetisch gekennzeichnete Ebenen können nicht ohne den Hinweis „{label}“ gezeigt werden: {layers}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="531"/>
        <source>Layers matching no theme, put into the group '{group}': {layers}.</source>
        <translation>Ebenen ohne passendes Thema, in die Gruppe „{group}“ gelegt: {layers}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_layouts.py" line="406"/>
        <source>Legend</source>
        <translation>Legende</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="158"/>
        <source>Municipalities</source>
        <translation>Gemeinden</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="89"/>
        <source>Municipalities and Kreis boundary</source>
        <translation>Gemeinden und Kreisgrenze</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="229"/>
        <source>Municipalities without a planning region, left out of its map: {keys}.</source>
        <translation>Gemeinden ohne Planungsraum, auf dessen Karte weggelassen: {keys}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="152"/>
        <source>No base map: the GeoPackage has no layer {layers} and no base map GeoPackage was given.</source>
        <translation>Keine Grundkarte: Das GeoPackage hat keine Ebene {layers}, und kein GeoPackage für die Grundkarte wurde angegeben.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="203"/>
        <source>No planning-region table: no planning-region map and no ranking of the planning regions.</source>
        <translation>Keine Tabelle der Planungsräume: keine Karte der Planungsräume und keine Rangfolge.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="588"/>
        <source>No theme has layers to map; nothing to export.</source>
        <translation>Kein Thema hat Ebenen für eine Karte; es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="162"/>
        <source>Offer density (offers per km²)</source>
        <translation>Angebotsdichte (Angebote je km²)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="96"/>
        <source>Offers from the Hilfeportal</source>
        <translation>Angebote aus dem Hilfeportal</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="168"/>
        <source>Offers outside the street network</source>
        <translation>Angebote außerhalb des Straßennetzes</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="160"/>
        <source>Offers per 1,000 inhabitants</source>
        <translation>Angebote je 1.000 Einwohner</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="114"/>
        <source>Offers per inhabitant, offer density and accessibility</source>
        <translation>Angebote je Einwohner, Angebotsdichte und Erreichbarkeit</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="467"/>
        <source>Offers: {offers}</source>
        <translation>Angebote: {offers}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="140"/>
        <source>Other layers</source>
        <translation>Weitere Ebenen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="319"/>
        <source>Planning region</source>
        <translation>Planungsraum</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="427"/>
        <source>Planning region: {region}</source>
        <translation>Planungsraum: {region}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="366"/>
        <source>Planning regions: ranking {year}</source>
        <translation>Planungsräume: Rangfolge {year}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="170"/>
        <source>Population reached (straight line, Kreis)</source>
        <translation>Erreichte Bevölkerung (Luftlinie, Kreis)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="169"/>
        <source>Population reached on foot (Wedel)</source>
        <translation>Erreichte Bevölkerung zu Fuß (Wedel)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="318"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="475"/>
        <source>Rank (1 = most need)</source>
        <translation>Rang (1 = größter Bedarf)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="380"/>
        <source>Rank 1 = highest index (most need), counted among the published values. Change in index points and places against {previous}.</source>
        <translation>Rang 1 = höchster Index (größter Bedarf), gezählt unter den veröffentlichten Werten. Veränderung in Indexpunkten und Plätzen gegenüber {previous}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="322"/>
        <source>Rank ±</source>
        <translation>Rang ±</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="459"/>
        <source>Rank: {rank}</source>
        <translation>Rang: {rank}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="233"/>
        <source>Ranking of the planning regions</source>
        <translation>Rangfolge der Planungsräume</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="468"/>
        <source>Reach: {reach}</source>
        <translation>Reichweite: {reach}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_sources.py" line="156"/>
        <source>Schema '{schema}' in the database connection '{name}' has no tables.</source>
        <translation>Das Schema „{schema}“ der Datenbankverbindung „{name}“ hat keine Tabellen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="156"/>
        <source>School density (schools per km²)</source>
        <translation>Schuldichte (Schulen je km²)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="101"/>
        <source>Schools</source>
        <translation>Schulen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="153"/>
        <source>Schools (school register)</source>
        <translation>Schulen (Schulverzeichnis)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="155"/>
        <source>Schools reached in a straight line</source>
        <translation>Schulen in Luftlinie erreichbar</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="154"/>
        <source>Schools reached on foot (street network)</source>
        <translation>Schulen zu Fuß erreichbar (Straßennetz)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="102"/>
        <source>Schools: locations, walking coverage and density</source>
        <translation>Schulen: Standorte, fußläufige Abdeckung und Dichte</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="134"/>
        <source>Sozialformel</source>
        <translation>Sozialformel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="161"/>
        <source>Sozialformel (index per municipality)</source>
        <translation>Sozialformel (Index je Gemeinde)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="336"/>
        <source>Sozialformel index</source>
        <translation>Index der Sozialformel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="455"/>
        <source>Sozialformel index {year}: {value}</source>
        <translation>Index der Sozialformel {year}: {value}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="135"/>
        <source>Sozialformel per municipality</source>
        <translation>Sozialformel je Gemeinde</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="224"/>
        <source>Sozialformel per planning region</source>
        <translation>Sozialformel je Planungsraum</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="172"/>
        <source>Sozialformel per planning region (index)</source>
        <translation>Sozialformel je Planungsraum (Index)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="43"/>
        <source>Sozialplanungsatlas (all maps)</source>
        <translation>Sozialplanungsatlas (alle Karten)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="167"/>
        <source>Streets reached</source>
        <translation>Erreichte Straßen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="471"/>
        <source>The GeoPackage '{path}' does not exist.</source>
        <translation>Das GeoPackage „{path}“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="502"/>
        <source>The GeoPackage '{path}' has no layers for an atlas.</source>
        <translation>Das GeoPackage „{path}“ enthält keine Ebenen für einen Atlas.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="210"/>
        <source>The Sozialformel has no output per planning region (sozialformel_gruppen): no planning-region map and no ranking.</source>
        <translation>Die Sozialformel hat kein Ergebnis je Planungsraum (sozialformel_gruppen): keine Karte der Planungsräume und keine Rangfolge.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="477"/>
        <source>The output folder '{path}' cannot be created: {error}</source>
        <translation>Der Ausgabeordner '{path}' kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="691"/>
        <source>The planning-region table '{path}' cannot be read: {error}</source>
        <translation>Die Tabelle der Planungsräume „{path}“ kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="208"/>
        <source>The planning-region table needs a column 'ags' and a column 'planungsraum' (or 'amt'); it has: {columns}.</source>
        <translation>Die Tabelle der Planungsräume braucht eine Spalte „ags“ und eine Spalte „planungsraum“ (oder „amt“); sie hat: {columns}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="230"/>
        <source>The style stored with layer '{layer}' cannot be applied: {error}</source>
        <translation>Der mit der Ebene „{layer}“ gespeicherte Stil lässt sich nicht anwenden: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_sources.py" line="128"/>
        <source>The tables of schema '{schema}' in the database connection '{name}' cannot be listed: {error}</source>
        <translation>Die Tabellen des Schemas „{schema}“ der Datenbankverbindung „{name}“ lassen sich nicht auflisten: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="565"/>
        <source>Theme '{theme}' has no layers yet; no map for it.</source>
        <translation>Das Thema „{theme}“ hat noch keine Ebenen; dafür gibt es keine Karte.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="175"/>
        <source>Withheld values (data protection) are printed as '{text}'.</source>
        <translation>Gesperrte Werte (Geheimhaltung) werden als „{text}“ gedruckt.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="662"/>
        <source>Writing the project '{path}' failed: {error}</source>
        <translation>Das Schreiben des Projekts „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="382"/>
        <source>accessibility for children {score} (Kreis mean = 1)</source>
        <translation>Erreichbarkeit für Kinder {score} (Kreismittel = 1)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="291"/>
        <source>created {date} with Sozialplanung for QGIS · withheld values: '{text}'</source>
        <translation>erstellt {date} mit Sozialplanung für QGIS · gesperrte Werte: „{text}“</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_layouts.py" line="212"/>
        <source>d MMMM yyyy</source>
        <translation>dd.MM.yyyy</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="386"/>
        <source>nearest offer {metres} m</source>
        <translation>nächstes Angebot {metres} m</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="273"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="369"/>
        <source>no data on offers</source>
        <translation>keine Angaben zu Angeboten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="387"/>
        <source>no data on the reach of offers</source>
        <translation>keine Angaben zur Reichweite der Angebote</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_layouts.py" line="515"/>
        <source>not given</source>
        <translation>nicht angegeben</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_themes.py" line="38"/>
        <source>synthetic example values</source>
        <translation>synthetische Beispielwerte</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="38"/>
        <source>withheld</source>
        <translation>geheim</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="371"/>
        <source>{offers} offers</source>
        <translation>{offers} Angebote</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="352"/>
        <source>{rank} of {count}</source>
        <translation>{rank} von {count}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_regions.py" line="373"/>
        <source>{rate} per 1,000 inhabitants</source>
        <translation>{rate} je 1.000 Einwohner</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_profiles.py" line="321"/>
        <source>± previous year</source>
        <translation>± Vorjahr</translation>
    </message>
</context>
<context>
    <name>CatchmentsAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="234"/>
        <source>All outputs are skipped: choose at least one, such as the catchments.</source>
        <translation>Alle Ausgaben sind übersprungen: wählen Sie mindestens eine, etwa die Einzugsgebiete.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="429"/>
        <source>Areas count the population per area: give a population layer (grid cells or points with counts) too.</source>
        <translation>Gebiete zählen die Bevölkerung je Gebiet: geben Sie auch einen Bevölkerungslayer an (Rasterzellen oder Punkte mit Anzahlen).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="163"/>
        <source>Areas to count the population per (e.g. municipalities)</source>
        <translation>Gebiete, je Gebiet die Bevölkerung zählen (z. B. Gemeinden)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="118"/>
        <source>Breaks (minutes or metres, increasing, e.g. 5,10,15)</source>
        <translation>Grenzen (Minuten oder Meter, aufsteigend, z. B. 5,10,15)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="62"/>
        <source>Catchment areas of offers for several breaks at once (e.g. 5,10,15 minutes), on a street network or as straight-line circles.

Network: a line layer (NETWORK) or an OSM file (.osm, .osm.gz, .pbf; NETWORK_FILE). Lines are joined at shared vertices (NODING: also where they cross, never across bridges or tunnels); one-way streets come from a direction field (forward/backward/both values, as in QGIS's service area) or the OSM 'oneway' tag (bike, car). Cost is travel time in minutes (speed field or profile: walk 4.5 km/h, bike 15 km/h, car by road class) or distance in metres. DIRECTION: toward the offer (default: from where people reach the offer) or from the offer (as QGIS's service area); they differ only on one-way streets. Offers snap to the nearest point on a street of the main network (ISLANDS: also on small separate parts) within the snap distance; offers farther away are listed in the unroutable output with their id, distance and reason. Every point of a multipoint offer is routed; the offer's catchment is the union of theirs.

The offer id (OFFER_ID_FIELD; default offer_id, else the row number) is written as offer_id to every output.

Areas are the reached streets, cut at the exact cost, buffered by the walk-off distance; a larger break contains the smaller. Overlap: per offer (overlapping areas), dissolved (coverage per break) or split (each street piece to its nearest offer). Rings give the area between breaks.

Outputs: areas with offer_id, break_no, break_min or break_m and population (the costly part: skip this output when only the lines are needed); reached lines with the cost at both ends (from_min/to_min or from_m/to_m); unroutable offers; with a population layer (polygons with counts such as grid cells, spread evenly over their area, or points) a table of reached and unreached population per population polygon and break, or per area (e.g. municipality) when areas are given: grid cells are then cut at the area borders and counted by area, and the log gives the totals of all areas per break. A land share field (0-1) spreads a coastal cell's count over its land part only. Optionally (network mode) the network nodes within the largest break with their cost, nearest offer and smallest break reaching them.</source>
        <translation>Einzugsgebiete von Angeboten für mehrere Grenzen in einem Lauf (z. B. 5,10,15 Minuten), auf einem Straßennetz oder als Luftlinien-Kreise.

Netz: ein Linienlayer (NETWORK) oder eine OSM-Datei (.osm, .osm.gz, .pbf; NETWORK_FILE). Linien werden an gemeinsamen Stützpunkten verbunden (NODING: auch wo sie sich kreuzen, nie über Brücken oder Tunnel hinweg); Einbahnstraßen kommen aus einem Richtungsfeld (Werte für vorwärts/rückwärts/beide, wie beim Einzugsgebiet von QGIS) oder aus dem OSM-Tag 'oneway' (Fahrrad, Auto). Kosten sind die Reisezeit in Minuten (Geschwindigkeitsfeld oder Profil: zu Fuß 4,5 km/h, Fahrrad 15 km/h, Auto nach Straßenklasse) oder die Entfernung in Metern. DIRECTION: zum Angebot hin (Standard: von wo aus Menschen das Angebot erreichen) oder vom Angebot weg (wie beim Einzugsgebiet von QGIS); beide unterscheiden sich nur auf Einbahnstraßen. Angebote werden auf den nächsten Punkt einer Straße des Hauptnetzes (ISLANDS: auch auf kleinen abgetrennten Teilen) innerhalb der Fangdistanz gesetzt; weiter entfernte Angebote stehen mit ihrer ID, Entfernung und Grund in der Ausgabe der nicht routbaren Angebote. Jeder Punkt eines Multipunkt-Angebots wird geroutet; das Einzugsgebiet des Angebots ist die Vereinigung ihrer Einzugsgebiete.

Die Angebots-ID (OFFER_ID_FIELD; Standard offer_id, sonst die Zeilennummer) steht als offer_id in jeder Ausgabe.

Flächen sind die erreichten Straßen, genau bei den Kosten der Grenze geschnitten und um die Zugangsdistanz gepuffert; eine größere Grenze enthält die kleinere. Überlappung: je Angebot (überlappende Flächen), zusammengefasst (Abdeckung je Grenze) oder aufgeteilt (jedes Straßenstück zum nächsten Angebot). Ringe ergeben die Fläche zwischen zwei Grenzen.

Ausgaben: Flächen mit offer_id, break_no, break_min oder break_m und population (der aufwendige Teil: diese Ausgabe überspringen, wenn nur die Linien gebraucht werden); erreichte Linien mit den Kosten an beiden Enden (from_min/to_min oder from_m/to_m); nicht routbare Angebote; mit einem Bevölkerungslayer (Polygone mit Anzahlen wie Rasterzellen, gleichmäßig über ihre Fläche verteilt, oder Punkte) eine Tabelle der erreichten und nicht erreichten Bevölkerung je Bevölkerungspolygon und Grenze, oder je Gebiet (z. B. Gemeinde), wenn Gebiete angegeben sind: Rasterzellen werden dann an den Gebietsgrenzen geschnitten und nach Fläche gezählt, und das Protokoll nennt die Summen aller Gebiete je Grenze. Ein Landanteil-Feld (0-1) verteilt die Anzahl einer Küstenzelle nur über ihren Landteil. Optional (Netzmodus) die Netzknoten innerhalb der größten Grenze mit ihren Kosten, dem nächsten Angebot und der kleinsten Grenze, die sie erreicht.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="59"/>
        <source>Catchments</source>
        <translation>Einzugsgebiete</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="128"/>
        <source>Dissolve (coverage per break)</source>
        <translation>Zusammenfassen (Abdeckung je Grenze)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="110"/>
        <source>Distance (straight line)</source>
        <translation>Entfernung (Luftlinie)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="170"/>
        <source>Land share field of the population cells (0-1)</source>
        <translation>Feld mit dem Landanteil der Bevölkerungszellen (0-1)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="109"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="110"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="217"/>
        <source>Network nodes with their cost</source>
        <translation>Netzknoten mit ihren Kosten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="398"/>
        <source>Node costs need the network mode; the node output stays empty.</source>
        <translation>Knotenkosten gibt es nur im Netzmodus; die Knotenausgabe bleibt leer.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="102"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="127"/>
        <source>One area per offer (overlapping)</source>
        <translation>Eine Fläche je Angebot (überlappend)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="125"/>
        <source>Overlap</source>
        <translation>Überlappung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="151"/>
        <source>Population (polygons or points with counts)</source>
        <translation>Bevölkerung (Polygone oder Punkte mit Anzahlen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="207"/>
        <source>Reached and unreached population</source>
        <translation>Erreichte und nicht erreichte Bevölkerung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="189"/>
        <source>Reached network lines</source>
        <translation>Erreichte Netzlinien</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="136"/>
        <source>Rings (areas between breaks)</source>
        <translation>Ringe (Flächen zwischen den Grenzen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="129"/>
        <source>Split (service territories)</source>
        <translation>Aufteilen (Versorgungsgebiete)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="264"/>
        <source>Straight-line catchments in minutes need the walk or bike profile (a car has no single speed); use the network mode or breaks in metres.</source>
        <translation>Luftlinien-Einzugsgebiete in Minuten brauchen das Profil zu Fuß oder Fahrrad (ein Auto hat keine feste Geschwindigkeit); nutzen Sie den Netzmodus oder Grenzen in Metern.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="273"/>
        <source>Straight-line radii from minutes at {speed} km/h: {radii} m.</source>
        <translation>Luftlinien-Radien aus Minuten bei {speed} km/h: {radii} m.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="198"/>
        <source>Unroutable offers</source>
        <translation>Nicht routbare Angebote</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="142"/>
        <source>Walk-off distance (buffer around reached streets)</source>
        <translation>Zugangsdistanz (Puffer um erreichte Straßen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="319"/>
        <source>{n} offers could not be routed; see the unroutable output.</source>
        <translation>{n} Angebote konnten nicht geroutet werden; siehe die Ausgabe der nicht routbaren Angebote.</translation>
    </message>
</context>
<context>
    <name>FieldMappingDialog</name>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="159"/>
        <source>CRS of the coordinate columns</source>
        <translation>KBS der Koordinatenspalten</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="104"/>
        <source>Exports: default field names, WGS84 coordinates</source>
        <translation>Exporte: übliche Feldnamen, Koordinaten in WGS84</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="105"/>
        <source>Exports: {n} fields chosen, separators '{sep}', coordinates in {crs}</source>
        <translation>Exporte: {n} Felder zugeordnet, Trennzeichen '{sep}', Koordinaten in {crs}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="130"/>
        <source>Field of the export</source>
        <translation>Feld des Exports</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="157"/>
        <source>For example ';|' or ';|,' for 'Sucht, Senioren'</source>
        <translation>Zum Beispiel ';|' oder ';|,' für 'Sucht, Senioren'</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="117"/>
        <source>Hilfeportal: settings for exported files</source>
        <translation>Hilfeportal: Einstellungen für exportierte Dateien</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="138"/>
        <source>Not in the current export; kept for other exports.</source>
        <translation>Nicht im aktuellen Export; bleibt für andere Exporte erhalten.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="130"/>
        <source>Offer field</source>
        <translation>Angebotsfeld</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="155"/>
        <source>Separators of category and target-group lists</source>
        <translation>Trennzeichen der Listen von Kategorien und Zielgruppen</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="124"/>
        <source>Which field of the export holds which part of an offer. 'automatic' uses the common English and German names; 'not used' ignores a field.</source>
        <translation>Welches Feld des Exports welchen Teil eines Angebots enthält. 'automatisch' nutzt die üblichen englischen und deutschen Namen; 'nicht verwendet' übergeht ein Feld.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="143"/>
        <source>automatic: not used</source>
        <translation>automatisch: nicht verwendet</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="143"/>
        <source>automatic: {field}</source>
        <translation>automatisch: {field}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/field_mapping_dialog.py" line="146"/>
        <source>not used</source>
        <translation>nicht verwendet</translation>
    </message>
</context>
<context>
    <name>HilfeportalAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="209"/>
        <source>Accept far fewer offers than the last complete fetch (or none)</source>
        <translation>Deutlich weniger Angebote als beim letzten vollständigen Abruf (oder keine) annehmen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="193"/>
        <source>Area for the check (default: Kreis Pinneberg)</source>
        <translation>Gebiet für die Prüfung (Standard: Kreis Pinneberg)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="170"/>
        <source>Authentication (token)</source>
        <translation>Authentifizierung (Token)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="217"/>
        <source>CRS of the coordinate columns of an export</source>
        <translation>KBS der Koordinatenspalten eines Exports</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="176"/>
        <source>Categories (separated by ';', empty: all)</source>
        <translation>Kategorien (durch ';' getrennt, leer: alle)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="229"/>
        <source>Field mapping of an export (source field → offer field)</source>
        <translation>Feldzuordnung eines Exports (Quellfeld → Angebotsfeld)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="248"/>
        <source>Hilfeportal check list</source>
        <translation>Hilfeportal-Prüfliste</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="242"/>
        <source>Hilfeportal offers</source>
        <translation>Hilfeportal-Angebote</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="121"/>
        <source>Load Hilfeportal offers</source>
        <translation>Hilfeportal-Angebote laden</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="124"/>
        <source>Loads the offers of the Hilfeportal as points (ETRS89 / UTM 32N) and checks them.

Source: the URL of the Hilfeportal's API (Open Referral HSDS 3.0: /services paged, /services/{id} for one service, /service_at_locations with one offer per service at a location, /organizations with their services) or an exported file (JSON, GeoJSON, or CSV with comma or semicolon; UTF-8 or Windows-1252; decimal commas allowed). Only http and https URLs are accepted. A token comes from a QGIS authentication configuration (method 'Esri token' or 'Basic'); it is never stored in the project or the log. Requests go through QGIS's network settings (proxy, SSL).

Slow or failing answers are retried (HTTP 429 and 5xx, honouring Retry-After); a broken paging stops the load. Nothing partial is returned: when a refresh fails, the last complete fetch of the source (kept in the QGIS profile) is used and the log says from when it is. A refresh that delivers no offers, or fewer than half of the cached ones, is not taken either (the cached offers are written and the log warns) unless 'Accept far fewer offers' is set. A load ends after 5 minutes at the latest and refuses more than 200,000 offers.

Filters: categories and target groups separated by ';' (empty: all) and a free-text search in title, provider, address, categories and target groups.

Check list (second output): offers without or with invalid coordinates (not on the map), outside the area (default: Kreis Pinneberg), latitude and longitude swapped (placed at the exchanged position), duplicate ids (only the first is kept), the same title and address, not updated for more than the given days, shortened texts and links that are not http(s) (removed). The field 'checks' of each offer names its findings.

Exports (advanced): the CRS of the coordinate columns (default WGS84 longitude / latitude; e.g. EPSG:25832 for UTM coordinates; an HSDS API always gives WGS84), the characters that separate the terms of category and target-group lists (default ';' and '|'; add ',' for 'Sucht, Senioren') and a field mapping: pairs of a field of the export and the offer field it holds (offer_id, title, provider, categories, target_groups, address, postcode, municipality_ags, capacity, opening_hours, url, phone, updated_at, lon, lat).</source>
        <translation>Lädt die Angebote des Hilfeportals als Punkte (ETRS89 / UTM 32N) und prüft sie.

Quelle: die URL der API des Hilfeportals (Open Referral HSDS 3.0: /services seitenweise, /services/{id} für einen einzelnen Dienst, /service_at_locations mit einem Angebot je Dienst an einem Standort, /organizations mit ihren Diensten) oder eine exportierte Datei (JSON, GeoJSON oder CSV mit Komma oder Semikolon; UTF-8 oder Windows-1252; Dezimalkommas erlaubt). Nur http- und https-URLs werden angenommen. Ein Token kommt aus einer QGIS-Authentifizierungskonfiguration (Methode 'Esri token' oder 'Basic'); es wird nie im Projekt oder im Protokoll gespeichert. Anfragen laufen über die Netzwerkeinstellungen von QGIS (Proxy, SSL).

Langsame oder fehlerhafte Antworten werden wiederholt (HTTP 429 und 5xx, Retry-After wird beachtet); eine fehlerhafte Seitenaufteilung bricht das Laden ab. Es wird nie ein Teilergebnis geliefert: Schlägt eine Aktualisierung fehl, wird der letzte vollständige Abruf der Quelle (im QGIS-Profil gespeichert) verwendet, und das Protokoll nennt seinen Zeitpunkt. Eine Aktualisierung, die keine Angebote oder weniger als die Hälfte der gespeicherten liefert, wird ebenfalls nicht übernommen (die gespeicherten Angebote werden geschrieben, das Protokoll warnt), es sei denn, 'Deutlich weniger Angebote annehmen' ist gesetzt. Ein Laden endet spätestens nach 5 Minuten und lehnt mehr als 200.000 Angebote ab.

Filter: Kategorien und Zielgruppen durch ';' getrennt (leer: alle) und eine Freitextsuche in Titel, Träger, Adresse, Kategorien und Zielgruppen.

Prüfliste (zweite Ausgabe): Angebote ohne oder mit ungültigen Koordinaten (nicht auf der Karte), außerhalb des Gebiets (Standard: Kreis Pinneberg), mit vertauschter Breite und Länge (an der getauschten Position gezeigt), doppelte IDs (nur die erste wird übernommen), gleicher Titel und gleiche Adresse, länger als die angegebenen Tage nicht aktualisiert, gekürzte Texte und Links, die nicht http(s) sind (entfernt). Das Feld 'checks' jedes Angebots nennt seine Hinweise.

Exporte (erweitert): das KBS der Koordinatenspalten (Standard: WGS84 Länge / Breite; z. B. EPSG:25832 für UTM-Koordinaten; eine HSDS-API liefert immer WGS84), die Zeichen, die die Begriffe von Kategorie- und Zielgruppenlisten trennen (Standard ';' und '|'; ',' hinzufügen für 'Sucht, Senioren'), und eine Feldzuordnung: Paare aus einem Feld des Exports und dem Angebotsfeld, das es enthält (offer_id, title, provider, categories, target_groups, address, postcode, municipality_ags, capacity, opening_hours, url, phone, updated_at, lon, lat).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="200"/>
        <source>Not updated for more than (days)</source>
        <translation>Nicht aktualisiert seit mehr als (Tage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="231"/>
        <source>Offer field</source>
        <translation>Angebotsfeld</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="188"/>
        <source>Search text</source>
        <translation>Suchtext</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="223"/>
        <source>Separators of category and target-group lists in an export</source>
        <translation>Trennzeichen von Kategorie- und Zielgruppenlisten in einem Export</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="165"/>
        <source>Source (URL of the Hilfeportal API or an exported file)</source>
        <translation>Quelle (URL der Hilfeportal-API oder eine exportierte Datei)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="231"/>
        <source>Source field</source>
        <translation>Quellfeld</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="183"/>
        <source>Target groups (separated by ';', empty: all)</source>
        <translation>Zielgruppen (durch ';' getrennt, leer: alle)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="61"/>
        <source>The authentication configuration '{id}' cannot be read. Check it in Settings → Options → Authentication (and the master password).</source>
        <translation>Die Authentifizierungskonfiguration '{id}' kann nicht gelesen werden. Prüfen Sie sie unter Einstellungen → Optionen → Authentifizierung (und das Master-Passwort).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="76"/>
        <source>The authentication configuration '{id}' could not be applied.</source>
        <translation>Die Authentifizierungskonfiguration '{id}' konnte nicht angewendet werden.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="339"/>
        <source>The field mapping needs pairs: a field of the export and the offer field it holds; '{cell}' has no partner.</source>
        <translation>Die Feldzuordnung braucht Paare: ein Feld des Exports und das Angebotsfeld, das es enthält; '{cell}' hat keinen Partner.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/hilfeportal.py" line="292"/>
        <source>{n} offers loaded ({fetched}), {k} findings in the check list.</source>
        <translation>{n} Angebote geladen ({fetched}), {k} Hinweise in der Prüfliste.</translation>
    </message>
</context>
<context>
    <name>HilfeportalDock</name>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="273"/>
        <source>A saved QGIS PostgreSQL connection</source>
        <translation>Eine gespeicherte PostgreSQL-Verbindung von QGIS</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="204"/>
        <source>Authentication (token)</source>
        <translation>Authentifizierung (Token)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="213"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="239"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="184"/>
        <source>Choose an exported file (JSON, GeoJSON, CSV)</source>
        <translation>Exportierte Datei wählen (JSON, GeoJSON, CSV)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="410"/>
        <source>Choose an exported file first: the dialog lists its fields.</source>
        <translation>Wählen Sie zuerst eine exportierte Datei: Der Dialog listet ihre Felder auf.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="264"/>
        <source>Choose the GeoPackage file for the layers</source>
        <translation>Die GeoPackage-Datei für die Layer wählen</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="438"/>
        <source>Enter the URL of the Hilfeportal or choose an export.</source>
        <translation>Geben Sie die URL des Hilfeportals ein oder wählen Sie einen Export.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="197"/>
        <source>Field mapping, list separators and coordinate CRS of exported files</source>
        <translation>Feldzuordnung, Listentrennzeichen und KBS der Koordinaten exportierter Dateien</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="195"/>
        <source>Fields …</source>
        <translation>Felder …</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="326"/>
        <source>GeoPackage (*.gpkg)</source>
        <translation>GeoPackage (*.gpkg)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="252"/>
        <source>GeoPackage beside the project</source>
        <translation>GeoPackage neben dem Projekt</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="253"/>
        <source>GeoPackage file</source>
        <translation>GeoPackage-Datei</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="324"/>
        <source>GeoPackage for the Hilfeportal layers</source>
        <translation>GeoPackage für die Hilfeportal-Layer</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="133"/>
        <source>Hilfeportal</source>
        <translation>Hilfeportal</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="693"/>
        <source>Hilfeportal check list</source>
        <translation>Hilfeportal-Prüfliste</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="389"/>
        <source>Hilfeportal export</source>
        <translation>Hilfeportal-Export</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="391"/>
        <source>Hilfeportal exports (*.json *.geojson *.csv *.txt);;All files (*)</source>
        <translation>Hilfeportal-Exporte (*.json *.geojson *.csv *.txt);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="675"/>
        <source>Hilfeportal offers</source>
        <translation>Hilfeportal-Angebote</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="210"/>
        <source>Load / Refresh</source>
        <translation>Laden / Aktualisieren</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="499"/>
        <source>Loading failed.</source>
        <translation>Laden fehlgeschlagen.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="492"/>
        <source>Loading was cancelled; the layers are unchanged.</source>
        <translation>Laden abgebrochen; die Layer sind unverändert.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="473"/>
        <source>Loading …</source>
        <translation>Lade …</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="243"/>
        <source>No offers loaded yet.</source>
        <translation>Noch keine Angebote geladen.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="254"/>
        <source>PostGIS table</source>
        <translation>PostGIS-Tabelle</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="347"/>
        <source>QGIS projects (*.qgz *.qgs)</source>
        <translation>QGIS-Projekte (*.qgz *.qgs)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="347"/>
        <source>Save project</source>
        <translation>Projekt speichern</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="275"/>
        <source>Schema</source>
        <translation>Schema</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="227"/>
        <source>Search in title, provider, address …</source>
        <translation>Suche in Titel, Träger, Adresse …</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="177"/>
        <source>Source (URL of the Hilfeportal API or an exported file)</source>
        <translation>Quelle (URL der Hilfeportal-API oder eine exportierte Datei)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="280"/>
        <source>Start of the table names: NAME_angebote and NAME_pruefliste</source>
        <translation>Anfang der Tabellennamen: NAME_angebote und NAME_pruefliste</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="240"/>
        <source>Target groups</source>
        <translation>Zielgruppen</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_layers.py" line="56"/>
        <source>The filter of the layer '{name}' is not valid: {error}</source>
        <translation>Der Filter des Layers '{name}' ist ungültig: {error}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_layers.py" line="120"/>
        <source>The folder '{path}' for the layers cannot be created: {error}</source>
        <translation>Der Ordner '{path}' für die Layer kann nicht angelegt werden: {error}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="158"/>
        <source>The key in the address is not stored: enter it again, or keep it in a QGIS authentication configuration.</source>
        <translation>Der Schlüssel in der Adresse wird nicht gespeichert: Geben Sie ihn erneut ein oder legen Sie ihn in einer QGIS-Authentifizierungskonfiguration ab.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_layers.py" line="87"/>
        <source>The layer '{uri}' cannot be opened.</source>
        <translation>Der Layer '{uri}' lässt sich nicht öffnen.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="337"/>
        <source>The layers are stored in a GeoPackage beside the project, and the project is not saved yet. Save the project now?</source>
        <translation>Die Layer werden in einem GeoPackage neben dem Projekt gespeichert, und das Projekt ist noch nicht gespeichert. Projekt jetzt speichern?</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="575"/>
        <source>The new answer has {n} offers with coordinates ({k} findings in its check list); the layer shows the {shown} offers of the last load.</source>
        <translation>Die neue Antwort hat {n} Angebote mit Koordinaten ({k} Hinweise in ihrer Prüfliste); der Layer zeigt die {shown} Angebote des letzten Ladens.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="581"/>
        <source>The new answer was not taken; the layers are unchanged.</source>
        <translation>Die neue Antwort wurde nicht übernommen; die Layer sind unverändert.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="358"/>
        <source>The project could not be saved as '{path}'.</source>
        <translation>Das Projekt konnte nicht als '{path}' gespeichert werden.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="526"/>
        <source>The source holds no offer with coordinates; {k} findings in the check list say why.</source>
        <translation>Die Quelle enthält kein Angebot mit Koordinaten; {k} Hinweise in der Prüfliste sagen, warum.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="735"/>
        <source>Unexpected error: {error}. The details are in the log.</source>
        <translation>Unerwarteter Fehler: {error}. Die Einzelheiten stehen im Protokoll.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="249"/>
        <source>Where the layers are stored</source>
        <translation>Wo die Layer gespeichert werden</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="687"/>
        <source>from the cache (the refresh failed)</source>
        <translation>aus dem Cache (die Aktualisierung ist fehlgeschlagen)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="683"/>
        <source>{n} of {total} offers shown · {k} findings · fetched {when}</source>
        <translation>{n} von {total} Angeboten angezeigt · {k} Prüfhinweise · abgerufen {when}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="534"/>
        <source>{n} offers loaded, {k} findings in the check list.</source>
        <translation>{n} Angebote geladen, {k} Hinweise in der Prüfliste.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_dock.py" line="591"/>
        <source>{warning}

Replace the {cached} offers shown with the {n} offers of the new answer?</source>
        <translation>{warning}

Die {cached} angezeigten Angebote durch die {n} Angebote der neuen Antwort ersetzen?</translation>
    </message>
</context>
<context>
    <name>HilfeportalStore</name>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="449"/>
        <source>Adding the new features failed.</source>
        <translation>Die neuen Objekte konnten nicht hinzugefügt werden.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="128"/>
        <source>Choose the GeoPackage file for the layers.</source>
        <translation>Wählen Sie die GeoPackage-Datei für die Layer.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="446"/>
        <source>Removing the old features failed.</source>
        <translation>Die alten Objekte konnten nicht entfernt werden.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="236"/>
        <source>The PostGIS table '{table}' cannot be written: {error}</source>
        <translation>In die PostGIS-Tabelle '{table}' kann nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="431"/>
        <source>The layer '{name}' is being edited; save or discard the edits first.</source>
        <translation>Der Layer '{name}' wird gerade bearbeitet; speichern oder verwerfen Sie die Änderungen zuerst.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="122"/>
        <source>The layers go into a GeoPackage beside the project, but the project is not saved yet: save the project, or choose another place for the layers.</source>
        <translation>Die Layer kommen in ein GeoPackage neben dem Projekt, aber das Projekt ist noch nicht gespeichert: Speichern Sie das Projekt oder wählen Sie einen anderen Ort für die Layer.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="139"/>
        <source>The schema name '{name}' is not usable: use lower-case letters, digits and '_'.</source>
        <translation>Der Schemaname '{name}' ist nicht verwendbar: Verwenden Sie Kleinbuchstaben, Ziffern und '_'.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="131"/>
        <source>The table name '{name}' is not usable: use lower-case letters, digits and '_' (at most 40), starting with a letter.</source>
        <translation>Der Tabellenname '{name}' ist nicht verwendbar: Verwenden Sie Kleinbuchstaben, Ziffern und '_' (höchstens 40), beginnend mit einem Buchstaben.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_store.py" line="168"/>
        <source>There is no saved PostgreSQL connection '{name}': create it in the Data Source Manager (PostgreSQL) and choose it in the dock.</source>
        <translation>Es gibt keine gespeicherte PostgreSQL-Verbindung '{name}': Legen Sie sie in der Datenquellenverwaltung (PostgreSQL) an und wählen Sie sie im Dock.</translation>
    </message>
</context>
<context>
    <name>HilfeportalTask</name>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_task.py" line="67"/>
        <source>Loading Hilfeportal offers</source>
        <translation>Hilfeportal-Angebote laden</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/hilfeportal_task.py" line="98"/>
        <source>Unexpected error: {error}. The details are in the log.</source>
        <translation>Unerwarteter Fehler: {error}. Die Einzelheiten stehen im Protokoll.</translation>
    </message>
</context>
<context>
    <name>NetworkParameters</name>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="149"/>
        <source>Allow offers on separate small parts of the network</source>
        <translation>Angebote auf kleinen abgetrennten Teilen des Netzes zulassen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="101"/>
        <source>Bike (15 km/h)</source>
        <translation>Fahrrad (15 km/h)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="101"/>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="92"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="125"/>
        <source>Direction field</source>
        <translation>Richtungsfeld</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="108"/>
        <source>Direction of travel</source>
        <translation>Fahrtrichtung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="93"/>
        <source>Distance (metres)</source>
        <translation>Entfernung (Meter)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="109"/>
        <source>From the offer</source>
        <translation>Vom Angebot weg</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="181"/>
        <source>Give either a network layer or an OSM file, not both.</source>
        <translation>Geben Sie entweder einen Netzlayer oder eine OSM-Datei an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="141"/>
        <source>Maximum snap distance to the network</source>
        <translation>Maximale Fangdistanz zum Netz</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="72"/>
        <source>Network (lines)</source>
        <translation>Netz (Linien)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="80"/>
        <source>Network from an OSM file (instead of a line layer)</source>
        <translation>Netz aus einer OSM-Datei (statt eines Linienlayers)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="185"/>
        <source>Network mode needs a network: a line layer or an OSM file.</source>
        <translation>Der Netzmodus braucht ein Netz: einen Linienlayer oder eine OSM-Datei.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="81"/>
        <source>OSM files (*.osm *.pbf *.osm.gz *.osm.bz2)</source>
        <translation>OSM-Dateien (*.osm *.pbf *.osm.gz *.osm.bz2)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="100"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="116"/>
        <source>Speed field (km/h)</source>
        <translation>Geschwindigkeitsfeld (km/h)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="148"/>
        <source>Split lines where they cross (not across bridges/tunnels)</source>
        <translation>Linien an Kreuzungen teilen (nicht über Brücken/Tunnel hinweg)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="213"/>
        <source>The network was reused from an earlier run (same lines and options); it was not rebuilt.</source>
        <translation>Das Netz wurde aus einem früheren Lauf wiederverwendet (gleiche Linien und Optionen); es wurde nicht neu aufgebaut.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="93"/>
        <source>Time (minutes)</source>
        <translation>Zeit (Minuten)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="109"/>
        <source>Toward the offer</source>
        <translation>Zum Angebot hin</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="132"/>
        <source>Value for backward direction</source>
        <translation>Wert für Rückwärtsrichtung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="133"/>
        <source>Value for both directions</source>
        <translation>Wert für beide Richtungen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="131"/>
        <source>Value for forward direction</source>
        <translation>Wert für Vorwärtsrichtung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/network_params.py" line="101"/>
        <source>Walk (4.5 km/h)</source>
        <translation>Zu Fuß (4,5 km/h)</translation>
    </message>
</context>
<context>
    <name>OfferDensityAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="138"/>
        <source>Decay ratio (triangular kernel only)</source>
        <translation>Abfallverhältnis (nur Dreieckskern)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="130"/>
        <source>Epanechnikov</source>
        <translation>Epanechnikov</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="153"/>
        <source>Expected offers per cell</source>
        <translation>Erwartete Angebote je Zelle</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="160"/>
        <source>Extent</source>
        <translation>Ausdehnung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="131"/>
        <source>Gaussian</source>
        <translation>Gauß</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="54"/>
        <source>Kernel density of offers (points) as a GeoTIFF raster in ETRS89 / UTM 32N (EPSG:25832). Every point spreads its weight (1, or the weight field, e.g. capacity) over a disc of the search radius; each pixel gets the sum of the kernels evaluated exactly at its centre.

Kernels: quartic (default), triangular (with decay ratio: the value at the radius), uniform, triweight, Epanechnikov, Gaussian (cut off at the radius, which is 3 standard deviations).

Output values: raw = the sum of kernel values (as 'Raw' in QGIS's heatmap); scaled = each kernel integrates to 1 (density per m²; unlike QGIS 3.22, the quartic kernel uses the correct constant 3/(π r²), see QGIS issue 60616); expected offers per cell = scaled × pixel area; offers per km² = scaled × 1,000,000.

Extent: default the points' extent grown by the radius; the grid starts at its top-left corner, and a width or height that is not a whole number of pixels is rounded up.

Comparison with QGIS's heatmap: on the same grid the raw values are equal. QGIS 3.22's heatmap counts its raster rows from the top edge but its kernel centres from the bottom edge, so its kernels can be up to one pixel off vertically (exact for points on pixel centres or edges and a height of whole pixels). This algorithm does not copy that quirk.

Points without geometry are skipped and counted; rasters too large for memory are refused with the size they would need.</source>
        <translation>Kerndichte von Angeboten (Punkten) als GeoTIFF-Raster in ETRS89 / UTM 32N (EPSG:25832). Jeder Punkt verteilt sein Gewicht (1 oder das Gewichtsfeld, z. B. capacity) über eine Kreisscheibe mit dem Suchradius; jedes Pixel erhält die Summe der Kerne, exakt an seinem Mittelpunkt ausgewertet.

Kerne: quartisch (Standard), Dreieck (mit Abfallverhältnis: dem Wert am Radius), gleichförmig, Triweight, Epanechnikov, Gauß (am Radius abgeschnitten, der 3 Standardabweichungen entspricht).

Ausgabewerte: roh = Summe der Kernwerte (wie „Raw“ in der QGIS-Heatmap); skaliert = jeder Kern hat das Integral 1 (Dichte je m²; anders als QGIS 3.22 verwendet der quartische Kern die richtige Konstante 3/(π r²), siehe QGIS-Issue 60616); erwartete Angebote je Zelle = skaliert × Pixelfläche; Angebote je km² = skaliert × 1.000.000.

Ausdehnung: standardmäßig die Ausdehnung der Punkte, um den Radius vergrößert; das Raster beginnt an der oberen linken Ecke, und eine Breite oder Höhe, die kein ganzes Vielfaches der Pixelgröße ist, wird aufgerundet.

Vergleich mit der QGIS-Heatmap: Auf demselben Raster sind die Rohwerte gleich. Die Heatmap von QGIS 3.22 zählt ihre Rasterzeilen von der oberen Kante, ihre Kernmittelpunkte aber von der unteren Kante, daher können ihre Kerne bis zu ein Pixel senkrecht verschoben liegen (exakt für Punkte auf Pixelmitten oder -kanten und eine Höhe aus ganzen Pixeln). Dieser Algorithmus übernimmt diese Eigenheit nicht.

Punkte ohne Geometrie werden übersprungen und gezählt; Raster, die zu groß für den Arbeitsspeicher sind, werden mit dem benötigten Speicher abgelehnt.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="124"/>
        <source>Kernel shape</source>
        <translation>Kernform</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="163"/>
        <source>Offer density</source>
        <translation>Angebotsdichte</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="51"/>
        <source>Offer density (kernel density)</source>
        <translation>Angebotsdichte (Kerndichte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="82"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="154"/>
        <source>Offers per km²</source>
        <translation>Angebote je km²</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="149"/>
        <source>Output values</source>
        <translation>Ausgabewerte</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="106"/>
        <source>Pixel size (m)</source>
        <translation>Pixelgröße (m)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="126"/>
        <source>Quartic</source>
        <translation>Quartisch</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="97"/>
        <source>Radius from field (m)</source>
        <translation>Radius aus Feld (m)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="206"/>
        <source>Raster of {rows} × {cols} pixels; values from {vmin} to {vmax}.</source>
        <translation>Raster mit {rows} × {cols} Pixeln; Werte von {vmin} bis {vmax}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="151"/>
        <source>Raw (sum of kernel values)</source>
        <translation>Roh (Summe der Kernwerte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="152"/>
        <source>Scaled (density per m²)</source>
        <translation>Skaliert (Dichte je m²)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="88"/>
        <source>Search radius (m)</source>
        <translation>Suchradius (m)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="127"/>
        <source>Triangular</source>
        <translation>Dreieck</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="129"/>
        <source>Triweight</source>
        <translation>Triweight</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="128"/>
        <source>Uniform</source>
        <translation>Gleichförmig</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="115"/>
        <source>Weight field (e.g. capacity)</source>
        <translation>Gewichtsfeld (z. B. capacity)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="182"/>
        <source>numba is not installed (or switched off with GEOLIB_NO_NUMBA=1), so the density is computed with numpy: the same values, but 3–5 times slower. To speed it up, install the package python3-numba (on Windows with the OSGeo4W Setup, on Debian/Ubuntu with apt) and restart QGIS.</source>
        <translation>numba ist nicht installiert (oder mit GEOLIB_NO_NUMBA=1 abgeschaltet), daher wird die Dichte mit numpy berechnet: dieselben Werte, aber 3–5-mal langsamer. Schneller geht es mit dem Paket python3-numba (unter Windows über das OSGeo4W-Setup, unter Debian/Ubuntu mit apt) und einem Neustart von QGIS.</translation>
    </message>
</context>
<context>
    <name>OffersPerPopulationAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="78"/>
        <source>Areas (polygons)</source>
        <translation>Gebiete (Polygone)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="86"/>
        <source>Category field</source>
        <translation>Kategoriefeld</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="47"/>
        <source>Counts the offers (points) in each area (polygons, e.g. municipalities) and relates them to the area's population: offers_per_1000 = offers / population × 1000 (the base is set by 'Per inhabitants').

With a category field, one count per category is added (n_[category]); values with several categories separated by ';' count in each.

With a target group field (e.g. target_groups), one count per target group is added (n_tg_[group]). With a target group (e.g. Kinder) and its population field in the areas (e.g. children_u15), the offers for that group are related to its population: tg_[group]_per_1000.

With a group table (e.g. planungsraeume.csv: ags → planungsraum, kreis), the key fields and the group fields, a second output gives the same counts and rates per planning region and for the Kreis, from pooled counts (sums of offers and of inhabitants), never from averaged rates.

Areas without a positive population get a NULL rate and the reason in 'rate_note'. Offers outside every area are counted and reported in the log with their id (OFFER_ID_FIELD; default offer_id, else the row number). Invalid polygons are repaired. Both layers are reprojected to ETRS89 / UTM 32N (EPSG:25832) when needed.</source>
        <translation>Zählt die Angebote (Punkte) in jedem Gebiet (Polygone, z. B. Gemeinden) und setzt sie ins Verhältnis zur Bevölkerung des Gebiets: offers_per_1000 = Angebote / Bevölkerung × 1000 (die Basis legt „Je Einwohner“ fest).

Mit einem Kategoriefeld kommt je Kategorie eine Anzahl hinzu (n_[Kategorie]); Werte mit mehreren, durch „;“ getrennten Kategorien zählen in jeder.

Mit einem Zielgruppenfeld (z. B. target_groups) kommt je Zielgruppe eine Anzahl hinzu (n_tg_[Gruppe]). Mit einer Zielgruppe (z. B. Kinder) und ihrem Bevölkerungsfeld in den Gebieten (z. B. children_u15) werden die Angebote für diese Gruppe auf deren Bevölkerung bezogen: tg_[Gruppe]_per_1000.

Mit einer Gruppentabelle (z. B. planungsraeume.csv: ags → planungsraum, kreis), den Schlüsselfeldern und den Gruppenfeldern gibt eine zweite Ausgabe dieselben Anzahlen und Raten je Planungsraum und für den Kreis, aus gepoolten Anzahlen (Summen der Angebote und der Einwohner), nie aus gemittelten Raten.

Gebiete ohne positive Bevölkerung erhalten eine NULL-Rate und den Grund in „rate_note“. Angebote außerhalb aller Gebiete werden gezählt und im Protokoll mit ihrer ID genannt (OFFER_ID_FIELD; Standard offer_id, sonst die Zeilennummer). Ungültige Polygone werden repariert. Beide Layer werden bei Bedarf nach ETRS89 / UTM 32N (EPSG:25832) umprojiziert.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="189"/>
        <source>Give both the target group and the population field of that group, or neither.</source>
        <translation>Geben Sie die Zielgruppe und das Bevölkerungsfeld dieser Gruppe an, oder keines von beiden.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="149"/>
        <source>Group fields (e.g. planungsraum, kreis)</source>
        <translation>Gruppenfelder (z. B. planungsraum, kreis)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="125"/>
        <source>Group table (e.g. planungsraeume.csv)</source>
        <translation>Gruppentabelle (z. B. planungsraeume.csv)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="133"/>
        <source>Key field of the areas (e.g. AGS)</source>
        <translation>Schlüsselfeld der Gebiete (z. B. AGS)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="141"/>
        <source>Key field of the group table (e.g. ags)</source>
        <translation>Schlüsselfeld der Gruppentabelle (z. B. ags)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="71"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="211"/>
        <source>Offers outside every area ({n}): {ids}</source>
        <translation>Angebote außerhalb aller Gebiete ({n}): {ids}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="44"/>
        <source>Offers per inhabitants</source>
        <translation>Angebote je Einwohner</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="165"/>
        <source>Offers per inhabitants by group</source>
        <translation>Angebote je Einwohner nach Gruppe</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="94"/>
        <source>Per inhabitants</source>
        <translation>Je Einwohner</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="116"/>
        <source>Population of the target group (e.g. children_u15)</source>
        <translation>Bevölkerung der Zielgruppe (z. B. children_u15)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="110"/>
        <source>Target group (e.g. Kinder)</source>
        <translation>Zielgruppe (z. B. Kinder)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="103"/>
        <source>Target group field of the offers</source>
        <translation>Zielgruppenfeld der Angebote</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="250"/>
        <source>With a group table, choose the key field of the areas and the group fields.</source>
        <translation>Wählen Sie zur Gruppentabelle das Schlüsselfeld der Gebiete und die Gruppenfelder.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="225"/>
        <source>population is 0 or negative</source>
        <translation>Bevölkerung ist 0 oder negativ</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="224"/>
        <source>population missing</source>
        <translation>Bevölkerung fehlt</translation>
    </message>
</context>
<context>
    <name>SozialberichtAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="73"/>
        <source>Areas (polygons with a key)</source>
        <translation>Gebiete (Polygone mit Schlüssel)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="105"/>
        <source>Group field of the planning regions (empty: planungsraum)</source>
        <translation>Gruppenfeld der Planungsräume (leer: planungsraum)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="80"/>
        <source>Key field of the areas (AGS)</source>
        <translation>Schlüsselfeld der Gebiete (AGS)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="137"/>
        <source>Output folder (index.html and its files)</source>
        <translation>Ausgabeordner (index.html und ihre Dateien)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="112"/>
        <source>Preset of the Sozialformel (TOML file; empty: the built-in Kreis Pinneberg preset)</source>
        <translation>Vorlage der Sozialformel (TOML-Datei; leer: die mitgelieferte Vorlage Kreis Pinneberg)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="129"/>
        <source>Sources and licences (one per line)</source>
        <translation>Quellen und Lizenzen (eine je Zeile)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="140"/>
        <source>Sozialbericht (index.html)</source>
        <translation>Sozialbericht (index.html)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="45"/>
        <source>Sozialbericht (interactive web report)</source>
        <translation>Sozialbericht (interaktiver Webbericht)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="175"/>
        <source>Sozialbericht written: {path}</source>
        <translation>Sozialbericht geschrieben: {path}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="89"/>
        <source>Sozialformel per area and year</source>
        <translation>Sozialformel je Gebiet und Jahr</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="96"/>
        <source>Sozialformel per group and year</source>
        <translation>Sozialformel je Gruppe und Jahr</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="117"/>
        <source>TOML (*.toml)</source>
        <translation>TOML (*.toml)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="123"/>
        <source>Title (empty: the configuration's title)</source>
        <translation>Titel (leer: Titel der Konfiguration)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialbericht.py" line="48"/>
        <source>Writes the outputs of the Sozialformel as an interactive report into a folder: index.html with the data (data.js), the page's script and style and the JavaScript library it uses (uPlot, included). The folder works offline: open index.html from disk or put the folder on any web server; nothing is loaded from the internet.

The page shows the Sozialformel of the areas as a map per year (a year slider), the ranking of the planning regions with the change against the previous year, the municipalities of a region on a click, and each indicator over the years. Texts are in the language of QGIS, numbers in German format.

Inputs: the areas (polygons with the key, e.g. the Sozialformel's areas output), the Sozialformel per area and year, optionally the Sozialformel per group and year with the mapping table of the groups (who belongs to which planning region: any table layer or file) and the preset (indicator labels; the one the Sozialformel was run with, e.g. its saved settings).

Data protection: every value the Sozialformel withheld (NULL or flagged as suppressed) is left out and shown as withheld; no counts, no rank and no change that would reveal it are written. Ranks are counted among the published values.</source>
        <translation>Schreibt die Ergebnisse der Sozialformel als interaktiven Bericht in einen Ordner: index.html mit den Daten (data.js), dem Skript und Stil der Seite und der verwendeten JavaScript-Bibliothek (uPlot, enthalten). Der Ordner funktioniert offline: index.html direkt von der Festplatte öffnen oder den Ordner auf einen beliebigen Webserver legen; nichts wird aus dem Internet geladen.

Die Seite zeigt die Sozialformel der Gebiete als Karte je Jahr (Jahresregler), die Rangfolge der Planungsräume mit der Veränderung gegenüber dem Vorjahr, auf Klick die Gemeinden eines Planungsraums und jeden Indikator im Zeitverlauf. Texte in der Sprache von QGIS, Zahlen im deutschen Format.

Eingaben: die Gebiete (Polygone mit dem Schlüssel, z. B. die Gebietsausgabe der Sozialformel), die Sozialformel je Gebiet und Jahr, optional die Sozialformel je Gruppe und Jahr mit der Zuordnungstabelle der Gruppen (welche Gemeinde zu welchem Planungsraum gehört: ein beliebiger Tabellenlayer oder eine Datei) und die Vorlage (Bezeichnungen der Indikatoren; die, mit der die Sozialformel gerechnet wurde, z. B. ihre gespeicherten Einstellungen).

Datenschutz: Jeder Wert, den die Sozialformel zurückhält (NULL oder als geheimgehalten markiert), fehlt und wird als geheim angezeigt; es werden keine Fallzahlen geschrieben und kein Rang und keine Veränderung, die ihn verraten würden. Ränge werden unter den veröffentlichten Werten gezählt.</translation>
    </message>
</context>
<context>
    <name>SozialformelAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="102"/>
        <source>Areas (polygons with a key)</source>
        <translation>Gebiete (Polygone mit Schlüssel)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="54"/>
        <source>Computes a composite social index (Sozialformel) per area and year from an indicator table of counts: any table layer (a CSV, XLSX or GeoPackage table, a PostGIS table, a model's output) or a file. The key, e.g. the AGS, is kept as text; a key read as a number loses its leading zeros and gets them back (key_width of the preset, with a note). The mapping of groups is read the same way.

Settings: a preset (a TOML file; empty: the built-in Kreis Pinneberg preset) is the base, and every setting given in the dialog overrides it: the indicators (one row each: name, numerator, denominator, reverse = yes when higher values mean less need, weight, optionally kind, per and label; an empty table keeps the preset's indicators), the scaling (min–max, min–max against the reference year or bounds, z-score, percentile, rank, raw), the combination (weighted mean, sum, geometric mean, product), the post-scaling to 0–100, the reference year, the classes (quantile, equal interval, standard deviation, natural breaks, custom breaks) and their number, and under Advanced the data protection thresholds, the missing-value policy and the title. Settings left empty keep the preset's. 'Settings saved as a preset' writes the settings used as a TOML file: choose it as the preset of a later run for the same result.

Outputs: the areas with the latest year's values (index_value, index_rank with 1 = highest need, index_class, index_change in index points and rank_change in places against the previous year; empty without a previous year), a map per area and year, the groups of the optional mapping table (computed from pooled counts and scaled like the areas, with polygons dissolved from their members) and an HTML validity report (correlations, Cronbach's alpha, contributions, rank intervals under random weights and other scalings). The maps per year step through the years with the temporal controller.

Classes: the thresholds of the reference year (the configuration's reference_year, else the latest year) hold in every year, so a class follows the index ([classes] per_year = true: each year's own). The reference year's bounds and thresholds are written into the notes and the outputs' metadata as a [reference] table; added to a later run's configuration, it keeps that run comparable.

Data protection: counts below the threshold (default 3) and rates on small denominators are NULL in every output (primary suppression); further values are withheld so that none of them follows from a group total minus its published members (secondary suppression). The field [indicator]_suppression says primary, secondary or none; with suppress_index = true (the preset) the index, rank, class and change of such rows are withheld too (index_suppression, change_suppression).</source>
        <translation>Berechnet einen zusammengesetzten Sozialindex (Sozialformel) je Gebiet und Jahr aus einer Indikatorentabelle mit Fallzahlen: ein beliebiger Tabellenlayer (eine CSV-, XLSX- oder GeoPackage-Tabelle, eine PostGIS-Tabelle, die Ausgabe eines Modellschritts) oder eine Datei. Der Schlüssel, z. B. der AGS, bleibt Text; ein als Zahl gelesener Schlüssel verliert seine führenden Nullen und bekommt sie zurück (key_width der Vorlage, mit einem Hinweis). Die Zuordnung der Gruppen wird genauso gelesen.

Einstellungen: Eine Vorlage (eine TOML-Datei; leer: die mitgelieferte Vorlage Kreis Pinneberg) ist die Grundlage, und jede im Dialog angegebene Einstellung ersetzt ihren Wert: die Indikatoren (je eine Zeile: Name, Zähler, Nenner, umgekehrt = ja, wenn höhere Werte weniger Bedarf bedeuten, Gewicht, optional Art, Je und Bezeichnung; eine leere Tabelle behält die Indikatoren der Vorlage), die Skalierung (Min-Max, Min-Max gegenüber dem Referenzjahr oder festen Grenzen, z-Wert, Perzentil, Rang, Rohwert), die Verknüpfung (gewichtetes Mittel, Summe, geometrisches Mittel, Produkt), die Nachskalierung auf 0–100, das Referenzjahr, die Klassen (Quantile, gleiche Intervalle, Standardabweichung, natürliche Unterbrechungen, eigene Grenzen) und ihre Anzahl, und unter „Erweiterte Parameter“ die Schwellen der Geheimhaltung, die Regel für fehlende Werte und der Titel. Leer gelassene Einstellungen behalten den Wert der Vorlage. „Einstellungen als Vorlage speichern“ schreibt die verwendeten Einstellungen als TOML-Datei: Als Vorlage eines späteren Laufs gewählt, ergibt sie dasselbe Ergebnis.

Ausgaben: die Gebiete mit den Werten des letzten Jahres (index_value, index_rank mit 1 = höchster Bedarf, index_class, index_change in Indexpunkten und rank_change in Rangplätzen gegenüber dem Vorjahr; leer ohne Vorjahr), eine Karte je Gebiet und Jahr, die Gruppen der optionalen Zuordnungstabelle (aus zusammengefassten Fallzahlen berechnet und wie die Gebiete skaliert, mit aus ihren Mitgliedern verschmolzenen Polygonen) und ein HTML-Validitätsbericht (Korrelationen, Cronbachs Alpha, Beiträge, Rangintervalle bei Zufallsgewichten und anderen Skalierungen). Die Karten je Jahr lassen sich mit der Zeitsteuerung Jahr für Jahr durchlaufen.

Klassen: die Schwellen des Referenzjahres (reference_year der Konfiguration, sonst das letzte Jahr) gelten in jedem Jahr, sodass die Klasse dem Index folgt ([classes] per_year = true: die eigenen Schwellen jedes Jahres). Grenzen und Schwellen des Referenzjahres stehen als Tabelle [reference] in den Hinweisen und in den Metadaten der Ausgaben; in die Konfiguration eines späteren Laufs übernommen, bleibt dieser vergleichbar.

Geheimhaltung: Fallzahlen unter dem Schwellenwert (Standard 3) und Quoten auf kleinen Nennern sind in jeder Ausgabe NULL (primäre Sperrung); weitere Werte werden gesperrt, damit keiner aus einer Gruppensumme minus ihrer veröffentlichten Mitglieder folgt (sekundäre Sperrung). Das Feld [indicator]_suppression sagt primary, secondary oder none; mit suppress_index = true (die Vorlage) werden Index, Rang, Klasse und Veränderung solcher Zeilen ebenfalls zurückgehalten (index_suppression, change_suppression).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="133"/>
        <source>Group field(s) of the mapping table (comma separated; empty: all)</source>
        <translation>Gruppenfeld(er) der Zuordnungstabelle (durch Komma getrennt; leer: alle)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="167"/>
        <source>HTML (*.html)</source>
        <translation>HTML (*.html)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="118"/>
        <source>Indicator table (a table layer or file: CSV, XLSX, GeoPackage, PostGIS)</source>
        <translation>Indikatorentabelle (ein Tabellenlayer oder eine Datei: CSV, XLSX, GeoPackage, PostGIS)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="109"/>
        <source>Key field of the areas (AGS)</source>
        <translation>Schlüsselfeld der Gebiete (AGS)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_outputs.py" line="190"/>
        <source>No group table: the groups output is not written.</source>
        <translation>Keine Gruppentabelle: Die Ausgabe je Gruppe wird nicht geschrieben.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="51"/>
        <source>Sozialformel</source>
        <translation>Sozialformel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="141"/>
        <source>Sozialformel (areas)</source>
        <translation>Sozialformel (Gebiete)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="148"/>
        <source>Sozialformel per area and year</source>
        <translation>Sozialformel je Gebiet und Jahr</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="157"/>
        <source>Sozialformel per group and year</source>
        <translation>Sozialformel je Gruppe und Jahr</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="166"/>
        <source>Validity report</source>
        <translation>Validitätsbericht</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="125"/>
        <source>Years (e.g. 2019-2023 or 2021, 2023; empty: all)</source>
        <translation>Jahre (z. B. 2019-2023 oder 2021, 2023; leer: alle)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel.py" line="208"/>
        <source>{rank}. {name}: {index} (change {change})</source>
        <translation>{rank}. {name}: {index} (Veränderung {change})</translation>
    </message>
</context>
<context>
    <name>SozialformelConfig</name>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="322"/>
        <source>'{breaks}' is given, but '{method}' is not custom breaks: choose custom breaks, or leave the class breaks empty.</source>
        <translation>'{breaks}' ist angegeben, aber '{method}' ist nicht „Eigene Grenzen“: Wählen Sie eigene Grenzen oder lassen Sie die Klassengrenzen leer.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="112"/>
        <source>0–100 against the reference year</source>
        <translation>0–100 gegenüber dem Referenzjahr</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="111"/>
        <source>0–100 per year (min–max)</source>
        <translation>0–100 je Jahr (Min-Max)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="125"/>
        <source>Carry: the unit's previous year</source>
        <translation>Fortschreiben: das Vorjahr der Einheit</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="195"/>
        <source>Class breaks for custom classes (inner thresholds, e.g. 20; 40; 60; 80)</source>
        <translation>Klassengrenzen für eigene Klassen (innere Grenzen, z. B. 20; 40; 60; 80)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="202"/>
        <source>Class thresholds over the years (empty: the preset's)</source>
        <translation>Klassenschwellen über die Jahre (leer: die der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="190"/>
        <source>Classes (empty: the preset's)</source>
        <translation>Klassen (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="182"/>
        <source>Combination (empty: the preset's)</source>
        <translation>Verknüpfung (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="120"/>
        <source>Custom breaks (see 'Class breaks')</source>
        <translation>Eigene Grenzen (siehe „Klassengrenzen“)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="329"/>
        <source>Custom classes need their breaks: fill in '{breaks}', e.g. 20; 40; 60; 80.</source>
        <translation>Eigene Klassen brauchen ihre Grenzen: Füllen Sie '{breaks}' aus, z. B. 20; 40; 60; 80.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="215"/>
        <source>Data protection: smallest denominator of a published rate (empty: the preset's)</source>
        <translation>Geheimhaltung: kleinster Nenner einer veröffentlichten Quote (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="211"/>
        <source>Data protection: smallest published count (empty: the preset's)</source>
        <translation>Geheimhaltung: kleinste veröffentlichte Fallzahl (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="141"/>
        <source>Denominator (column)</source>
        <translation>Nenner (Spalte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="124"/>
        <source>Drop: leave the unit-year out of the index</source>
        <translation>Weglassen: das Einheit-Jahr fehlt im Index</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="117"/>
        <source>Equal intervals</source>
        <translation>Gleiche Intervalle</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="126"/>
        <source>Group mean: the rate of the other units of its group</source>
        <translation>Gruppenmittel: die Quote der übrigen Einheiten ihrer Gruppe</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="173"/>
        <source>Indicators (one row each; empty: the preset's indicators)</source>
        <translation>Indikatoren (je eine Zeile; leer: die Indikatoren der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="427"/>
        <source>Indicators, row {row}, column '{column}': '{value}' {problem}</source>
        <translation>Indikatoren, Zeile {row}, Spalte '{column}': '{value}' {problem}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="144"/>
        <source>Kind (rate or mean; empty: rate)</source>
        <translation>Art (Anteil oder Mittelwert; leer: Anteil)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="146"/>
        <source>Label (empty: the name)</source>
        <translation>Bezeichnung (leer: der Name)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="98"/>
        <source>Min–max against the reference year (or fixed bounds)</source>
        <translation>Min-Max gegenüber dem Referenzjahr (oder festen Grenzen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="97"/>
        <source>Min–max per year</source>
        <translation>Min-Max je Jahr</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="226"/>
        <source>Missing values (empty: the preset's)</source>
        <translation>Fehlende Werte (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="139"/>
        <source>Name (field name: a-z, 0-9, _)</source>
        <translation>Name (Feldname: a-z, 0-9, _)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="119"/>
        <source>Natural breaks (Jenks)</source>
        <translation>Natürliche Unterbrechungen (Jenks)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="223"/>
        <source>No: publish them (internal use only: they give suppressed counts back)</source>
        <translation>Nein: veröffentlichen (nur intern: sie verraten gesperrte Fallzahlen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="113"/>
        <source>None (the combined value)</source>
        <translation>Keine (der verknüpfte Wert)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="191"/>
        <source>Number of classes (empty: the preset's)</source>
        <translation>Anzahl der Klassen (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="140"/>
        <source>Numerator (count column)</source>
        <translation>Zähler (Spalte mit Fallzahlen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="205"/>
        <source>Of each year: its own thresholds</source>
        <translation>Jedes Jahres: seine eigenen Schwellen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="204"/>
        <source>Of the reference year: a class follows the index over the years</source>
        <translation>Des Referenzjahres: die Klasse folgt dem Index über die Jahre</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="145"/>
        <source>Per (empty: 100 for a rate, 1 for a mean)</source>
        <translation>Je (leer: 100 für einen Anteil, 1 für einen Mittelwert)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="100"/>
        <source>Percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="183"/>
        <source>Post-scaling (empty: the preset's)</source>
        <translation>Nachskalierung (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="164"/>
        <source>Preset (TOML file; empty: the built-in Kreis Pinneberg preset)</source>
        <translation>Vorlage (TOML-Datei; leer: die mitgelieferte Vorlage Kreis Pinneberg)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="116"/>
        <source>Quantiles (equal counts)</source>
        <translation>Quantile (gleiche Anzahl)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="101"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="102"/>
        <source>Raw rates (no scaling)</source>
        <translation>Rohe Quoten (keine Skalierung)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="188"/>
        <source>Reference year (empty: the preset's)</source>
        <translation>Referenzjahr (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="123"/>
        <source>Refuse: stop and name the missing values</source>
        <translation>Ablehnen: anhalten und die fehlenden Werte nennen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="142"/>
        <source>Reverse (yes: higher = less need)</source>
        <translation>Umgekehrt (ja: höher = weniger Bedarf)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="406"/>
        <source>Rows {first} and {row} of the indicators have the same name '{name}': give each indicator its own name.</source>
        <translation>Die Zeilen {first} und {row} der Indikatoren haben denselben Namen '{name}': Geben Sie jedem Indikator einen eigenen Namen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="181"/>
        <source>Scaling (empty: the preset's)</source>
        <translation>Skalierung (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="239"/>
        <source>Settings saved as a preset (TOML)</source>
        <translation>Einstellungen als Vorlage speichern (TOML)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="118"/>
        <source>Standard deviation</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="166"/>
        <source>TOML (*.toml)</source>
        <translation>TOML (*.toml)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="371"/>
        <source>The class breaks '{text}' hold '{value}', which is not a number. Write increasing numbers separated by ';', e.g. 20; 40; 60; 80.</source>
        <translation>Die Klassengrenzen '{text}' enthalten '{value}', das keine Zahl ist. Schreiben Sie aufsteigende Zahlen, getrennt durch ';', z. B. 20; 40; 60; 80.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="387"/>
        <source>The indicators hold {n} values, which is not a whole number of rows of {width} columns ({columns}).</source>
        <translation>Die Indikatoren enthalten {n} Werte, das sind keine ganzen Zeilen zu {width} Spalten ({columns}).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="335"/>
        <source>The number of classes is given, but the classes are custom breaks (their number follows from the breaks): leave the number empty or choose another class method.</source>
        <translation>Die Anzahl der Klassen ist angegeben, aber die Klassen sind eigene Grenzen (ihre Anzahl folgt aus den Grenzen): Lassen Sie die Anzahl leer oder wählen Sie eine andere Klasseneinteilung.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="227"/>
        <source>Title (empty: the preset's title)</source>
        <translation>Titel (leer: der Titel der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="143"/>
        <source>Weight (empty: 1)</source>
        <translation>Gewicht (leer: 1)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="107"/>
        <source>Weighted geometric mean</source>
        <translation>Gewichtetes geometrisches Mittel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="105"/>
        <source>Weighted mean</source>
        <translation>Gewichtetes Mittel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="108"/>
        <source>Weighted product</source>
        <translation>Gewichtetes Produkt</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="106"/>
        <source>Weighted sum</source>
        <translation>Gewichtete Summe</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="220"/>
        <source>Withhold the index where a value is suppressed (empty: the preset's)</source>
        <translation>Index zurückhalten, wo ein Wert gesperrt ist (leer: wie in der Vorlage)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="222"/>
        <source>Yes: withhold index, rank, class and change of such rows</source>
        <translation>Ja: Index, Rang, Klasse und Veränderung solcher Zeilen zurückhalten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="436"/>
        <source>is empty; this column is required.</source>
        <translation>ist leer; diese Spalte ist Pflicht.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="461"/>
        <source>is neither yes nor no: write yes (higher values mean less need) or leave it empty.</source>
        <translation>ist weder ja noch nein: Schreiben Sie ja (höhere Werte bedeuten weniger Bedarf) oder lassen Sie das Feld leer.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="473"/>
        <source>is not a kind: write rate or mean (or leave it empty).</source>
        <translation>ist keine Art: Schreiben Sie Anteil oder Mittelwert (oder lassen Sie das Feld leer).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="486"/>
        <source>is not a number.</source>
        <translation>ist keine Zahl.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="442"/>
        <source>is not usable as a field name: use lowercase letters, digits and '_', starting with a letter (at most 31 characters).</source>
        <translation>ist als Feldname nicht verwendbar: Verwenden Sie Kleinbuchstaben, Ziffern und '_', beginnend mit einem Buchstaben (höchstens 31 Zeichen).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="466"/>
        <source>mean</source>
        <translation>Mittelwert</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="488"/>
        <source>must be a number greater than 0.</source>
        <translation>muss eine Zahl größer als 0 sein.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="455"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="466"/>
        <source>rate</source>
        <translation>Anteil</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="454"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/sozialformel_config.py" line="99"/>
        <source>z-score</source>
        <translation>z-Wert</translation>
    </message>
</context>
<context>
    <name>SozialplanungAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/base.py" line="458"/>
        <source>'{path}' already holds other layers ({layers}): they are kept, the layer '{layer}' is written into it.</source>
        <translation>'{path}' enthält bereits andere Layer ({layers}): Sie bleiben erhalten, der Layer '{layer}' wird hineingeschrieben.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="198"/>
        <source>'{path}' cannot be replaced: a folder of that name is in the way. Remove or rename that folder, or choose another output, and run again.</source>
        <translation>„{path}“ kann nicht ersetzt werden: Ein Ordner dieses Namens steht im Weg. Entfernen oder benennen Sie diesen Ordner um oder wählen Sie eine andere Ausgabe und starten Sie erneut.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="203"/>
        <source>'{path}' cannot be replaced: it (or a file in it) is open in another program or write-protected. Close it in the PDF viewer, in QGIS or in the browser (or make it writable) and run again.</source>
        <translation>„{path}“ kann nicht ersetzt werden: Die Datei (oder eine Datei darin) ist in einem anderen Programm geöffnet oder schreibgeschützt. Schließen Sie sie im PDF-Betrachter, in QGIS oder im Browser (oder heben Sie den Schreibschutz auf) und starten Sie erneut.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="335"/>
        <source>'{path}' is a file, not a folder: choose another output folder.</source>
        <translation>„{path}“ ist eine Datei, kein Ordner: Wählen Sie einen anderen Ausgabeordner.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="538"/>
        <source>'{path}' was changed by another program during this run; its changes are kept. Run the algorithm again.</source>
        <translation>'{path}' wurde während dieses Laufs von einem anderen Programm geändert; diese Änderungen bleiben erhalten. Führen Sie den Algorithmus erneut aus.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="423"/>
        <source>'{path}' was not written completely: {problem}. Is the disk full?</source>
        <translation>„{path}“ wurde nicht vollständig geschrieben: {problem}. Ist der Datenträger voll?</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="109"/>
        <source>Accessibility</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="155"/>
        <source>Cancelled by the user.</source>
        <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="610"/>
        <source>Could not store the style in '{path}': {error}</source>
        <translation>Der Stil konnte nicht in „{path}“ gespeichert werden: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="241"/>
        <source>Groups: mapping table key → group (a table layer or file)</source>
        <translation>Gruppen: Zuordnungstabelle Schlüssel → Gruppe (ein Tabellenlayer oder eine Datei)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="111"/>
        <source>Hilfeportal</source>
        <translation>Hilfeportal</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="145"/>
        <source>No output was replaced: the previous files are unchanged.</source>
        <translation>Keine Ausgabe wurde ersetzt: Die bisherigen Dateien sind unverändert.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="159"/>
        <source>Not enough memory for this request. Use a smaller extent, a coarser resolution or fewer features.</source>
        <translation>Nicht genug Arbeitsspeicher für diese Anfrage. Wählen Sie eine kleinere Ausdehnung, eine gröbere Auflösung oder weniger Objekte.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="252"/>
        <source>Offer id field (default: offer_id if present, else the row number)</source>
        <translation>Angebots-ID-Feld (Standard: offer_id, falls vorhanden, sonst die Zeilennummer)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="53"/>
        <source>Only whole numbers are allowed.</source>
        <translation>Nur ganze Zahlen sind erlaubt.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="266"/>
        <source>Population field</source>
        <translation>Bevölkerungsfeld</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="545"/>
        <source>Replacing the previous outputs failed: {error}</source>
        <translation>Das Ersetzen der bisherigen Ausgaben ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="110"/>
        <source>Sozialformel</source>
        <translation>Sozialformel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="200"/>
        <source>The input '{input}' is used only for the output '{output}', which is skipped: it is not used.</source>
        <translation>Die Eingabe „{input}“ wird nur für die Ausgabe „{output}“ gebraucht, die übersprungen wird: Sie wird nicht verwendet.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="62"/>
        <source>The input '{name}' cannot be opened from '{value}': the file does not exist or is not a layer QGIS can read. Check the path, or choose a layer of the project.</source>
        <translation>Die Eingabe „{name}“ lässt sich nicht aus „{value}“ öffnen: Die Datei existiert nicht oder ist kein Layer, den QGIS lesen kann. Prüfen Sie den Pfad oder wählen Sie einen Layer des Projekts.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="280"/>
        <source>The offers layer has no field '{field}'; choose its id field.</source>
        <translation>Der Angebotslayer hat kein Feld '{field}'; wählen Sie sein ID-Feld.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="119"/>
        <source>The output '{name}' is {kind}, which cannot be written to '{path}' (extension '{suffix}'). Use one of the extensions: {allowed}.</source>
        <translation>Die Ausgabe „{name}“ ist {kind} und kann nicht nach „{path}“ (Endung „{suffix}“) geschrieben werden. Verwenden Sie eine dieser Endungen: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="193"/>
        <source>The output '{output}' needs the input '{input}': choose it, or skip that output.</source>
        <translation>Die Ausgabe „{output}“ braucht die Eingabe „{input}“: Wählen Sie sie, oder überspringen Sie diese Ausgabe.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="73"/>
        <source>The parameter '{name}' cannot be '{value}'. Check its help (the ? button) for what it accepts.</source>
        <translation>Der Parameter „{name}“ kann nicht „{value}“ sein. Was er annimmt, steht in seiner Hilfe (Schaltfläche ?).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="56"/>
        <source>The parameter '{name}' cannot be '{value}'. Choose one of: {options}.</source>
        <translation>Der Parameter „{name}“ kann nicht „{value}“ sein. Wählen Sie eines von: {options}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="69"/>
        <source>The parameter '{name}' cannot be '{value}': choose an existing file of the type {kinds}.</source>
        <translation>Der Parameter „{name}“ kann nicht „{value}“ sein: Wählen Sie eine vorhandene Datei vom Typ {kinds}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="39"/>
        <source>The parameter '{name}' is required: give it a value.</source>
        <translation>Der Parameter „{name}“ ist erforderlich: Geben Sie einen Wert an.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="45"/>
        <source>The parameter '{name}' is {value}; it must be at least {minimum}. Enter a larger value.</source>
        <translation>Der Parameter „{name}“ ist {value}; er muss mindestens {minimum} sein. Geben Sie einen größeren Wert ein.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="49"/>
        <source>The parameter '{name}' is {value}; it must be between {minimum} and {maximum}. Enter a value in that range.</source>
        <translation>Der Parameter „{name}“ ist {value}; er muss zwischen {minimum} und {maximum} liegen. Geben Sie einen Wert in diesem Bereich ein.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="171"/>
        <source>Unexpected error in {name}: {error}. The details are in the log (View → Panels → Log Messages → Sozialplanung); please report them.</source>
        <translation>Unerwarteter Fehler in {name}: {error}. Die Einzelheiten stehen im Protokoll (Ansicht → Bedienfelder → Protokollmeldungen → Sozialplanung); bitte melden Sie sie.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="441"/>
        <source>Writing the output '{name}' failed: {error}</source>
        <translation>Das Schreiben der Ausgabe „{name}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="527"/>
        <source>Writing the output '{name}' failed: {found} of {expected} features are in the file (is the disk full?).</source>
        <translation>Das Schreiben der Ausgabe '{name}' ist fehlgeschlagen: {found} von {expected} Objekten sind in der Datei (ist der Datenträger voll?).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="106"/>
        <source>a raster (GeoTIFF)</source>
        <translation>ein Raster (GeoTIFF)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/parameter_checks.py" line="109"/>
        <source>a vector layer</source>
        <translation>ein Vektorlayer</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="247"/>
        <source>it has {found} of {pages} pages</source>
        <translation>das PDF hat {found} von {pages} Seiten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="241"/>
        <source>it is empty or not a PDF</source>
        <translation>die Datei ist leer oder kein PDF</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="255"/>
        <source>it is empty or not a complete PNG image</source>
        <translation>die Datei ist leer oder kein vollständiges PNG-Bild</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="267"/>
        <source>it is not a complete QGIS project</source>
        <translation>die Datei ist kein vollständiges QGIS-Projekt</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/outputs.py" line="243"/>
        <source>the PDF is cut off</source>
        <translation>das PDF ist abgeschnitten</translation>
    </message>
</context>
<context>
    <name>SozialplanungDeps</name>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="258"/>
        <source>Install them from your distribution, then restart QGIS: {command} (optional, for a faster kernel density, Excel tables and OSM files: {optional})</source>
        <translation>Installieren Sie sie aus Ihrer Distribution und starten Sie QGIS neu: {command} (optional, für eine schnellere Kerndichte, Excel-Tabellen und OSM-Dateien: {optional})</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="236"/>
        <source>Install {packages} from your distribution's packages (they are built against the same GDAL, GEOS and PROJ as QGIS), then restart QGIS. Do not install binary wheels with pip: they bring their own GDAL and PROJ, which crash QGIS.</source>
        <translation>Installieren Sie {packages} aus den Paketen Ihrer Distribution (sie sind gegen dasselbe GDAL, GEOS und PROJ gebaut wie QGIS) und starten Sie QGIS neu. Installieren Sie keine Binär-Wheels mit pip: Sie bringen ihr eigenes GDAL und PROJ mit, und QGIS stürzt ab.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="214"/>
        <source>On Windows these packages come with QGIS's installer (OSGeo4W): close QGIS, run the OSGeo4W Setup ({setup}), choose “Advanced Install”, go on to “Select Packages”, search for {packages} and click each one's “Skip” until it shows a version to install (or update), finish the setup and start QGIS again. Do not install them with pip: pip's packages bring their own GDAL and PROJ, which crash QGIS.</source>
        <translation>Unter Windows kommen diese Pakete mit dem Installer von QGIS (OSGeo4W): Schließen Sie QGIS, starten Sie das OSGeo4W-Setup ({setup}), wählen Sie „Advanced Install“, gehen Sie weiter bis „Select Packages“, suchen Sie {packages} und klicken Sie bei jedem auf „Skip“, bis eine Version zum Installieren (oder Aktualisieren) erscheint; beenden Sie das Setup und starten Sie QGIS neu. Installieren Sie sie nicht mit pip: Die Pakete von pip bringen ihr eigenes GDAL und PROJ mit, und QGIS stürzt ab.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="225"/>
        <source>On macOS, Sozialplanung is not tested. What is known: the official QGIS package for macOS has its own Python, since QGIS 3.44 without geopandas and without pip, and packages built for another GDAL/PROJ must not be added to it. A way that keeps QGIS and these packages on one GDAL/PROJ is QGIS from conda-forge: conda create -n qgis -c conda-forge qgis geopandas pyogrio rasterio scipy, then start QGIS with: conda run -n qgis qgis</source>
        <translation>Unter macOS ist Sozialplanung nicht getestet. Bekannt ist: Das offizielle QGIS-Paket für macOS hat ein eigenes Python, seit QGIS 3.44 ohne geopandas und ohne pip, und Pakete, die für ein anderes GDAL/PROJ gebaut sind, dürfen nicht hinein. Ein Weg, der QGIS und diese Pakete auf einem GDAL/PROJ hält, ist QGIS aus conda-forge: conda create -n qgis -c conda-forge qgis geopandas pyogrio rasterio scipy, dann QGIS starten mit: conda run -n qgis qgis</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="296"/>
        <source>Sozialplanung's tools cannot start: QGIS's Python ({python}) is not ready: {problems}. {advice}</source>
        <translation>Die Werkzeuge von Sozialplanung können nicht starten: QGIS' Python ({python}) ist nicht bereit: {problems}. {advice}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="295"/>
        <source>it has {packages}</source>
        <translation>es hat {packages}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="293"/>
        <source>it lacks {packages}</source>
        <translation>es fehlen {packages}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="265"/>
        <source>no {package}</source>
        <translation>kein {package}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="212"/>
        <source>the “Setup” entry in QGIS's (or OSGeo4W's) Start menu folder</source>
        <translation>den Eintrag „Setup“ im Startmenü-Ordner von QGIS (oder OSGeo4W)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="268"/>
        <source>{distribution} offers only {offered}; Sozialplanung needs {needed}. The way that works: upgrade to Debian 13 or newer (or use QGIS on a distribution with current packages), where one command installs everything: {command}. For experts who stay: build the missing packages from source against the system's GDAL, GEOS and PROJ (needs a compiler and the -dev packages, takes minutes; never install binary wheels of them with pip, they crash QGIS): {expert}</source>
        <translation>{distribution} bietet nur {offered}; Sozialplanung braucht {needed}. Der Weg, der funktioniert: ein Upgrade auf Debian 13 oder neuer (oder QGIS auf einer Distribution mit aktuellen Paketen), dort installiert ein Befehl alles: {command}. Für Fachleute, die bleiben: die fehlenden Pakete aus dem Quelltext gegen GDAL, GEOS und PROJ des Systems bauen (braucht einen Compiler und die -dev-Pakete, dauert Minuten; nie Binär-Wheels davon mit pip installieren, QGIS stürzt damit ab): {expert}</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="67"/>
        <source>{name} {found} (cannot be imported: {error})</source>
        <translation>{name} {found} (lässt sich nicht importieren: {error})</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="63"/>
        <source>{name} {found} (needs {minimum} or newer)</source>
        <translation>{name} {found} (nötig ist {minimum} oder neuer)</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/deps.py" line="279"/>
        <source>{name} {minimum} or newer</source>
        <translation>{name} {minimum} oder neuer</translation>
    </message>
</context>
<context>
    <name>SozialplanungPlugin</name>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="31"/>
        <source>&amp;Sozialplanung</source>
        <translation>&amp;Sozialplanung</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="77"/>
        <source>Hilfeportal</source>
        <translation>Hilfeportal</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="142"/>
        <source>Open the Processing toolbox and look for the 'Sozialplanung' provider.</source>
        <translation>Öffnen Sie die Processing-Werkzeugkiste und suchen Sie den Anbieter „Sozialplanung“.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="80"/>
        <source>Show or hide the Hilfeportal dock</source>
        <translation>Hilfeportal-Fenster ein- oder ausblenden</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="128"/>
        <source>Sozialplanung</source>
        <translation>Sozialplanung</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="54"/>
        <source>Sozialplanung tools (Processing)</source>
        <translation>Sozialplanung-Werkzeuge (Processing)</translation>
    </message>
</context>
<context>
    <name>SozialplanungProvider</name>
    <message>
        <location filename="../../processing_algorithms/provider.py" line="60"/>
        <source>Could not load the Processing model {path}</source>
        <translation>Das Verarbeitungsmodell {path} konnte nicht geladen werden</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/provider.py" line="89"/>
        <source>Sozialplanung</source>
        <translation>Sozialplanung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/provider.py" line="92"/>
        <source>Sozialplanung (social planning analyses)</source>
        <translation>Sozialplanung (Analysen für die Sozialplanung)</translation>
    </message>
</context>
<context>
    <name>SurfaceAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="119"/>
        <source>Area-weighted</source>
        <translation>Flächengewichtet</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="97"/>
        <source>Areas (polygons)</source>
        <translation>Gebiete (Polygone)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="104"/>
        <source>Denominator count field (for a rate)</source>
        <translation>Nenner-Anzahlfeld (für eine Quote)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="118"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="103"/>
        <source>Numerator count field (for a rate)</source>
        <translation>Zähler-Anzahlfeld (für eine Quote)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="126"/>
        <source>Pixel size (m)</source>
        <translation>Pixelgröße (m)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="119"/>
        <source>Pycnophylactic (Tobler)</source>
        <translation>Pyknophylaktisch (Tobler)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="74"/>
        <source>Sozialformel surface</source>
        <translation>Sozialformel-Oberfläche</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="132"/>
        <source>Surface</source>
        <translation>Oberfläche</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="152"/>
        <source>Surface of {what}</source>
        <translation>Oberfläche von {what}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="77"/>
        <source>Turns area values into a raster surface (GeoTIFF, ETRS89 / UTM 32N).

Area-weighted: every cell gets the value of its area (FIELD); a cell on a boundary gets the mean of the areas it overlaps, weighted by the overlapped share.

Pycnophylactic (Tobler): a smooth surface of a count (FIELD, e.g. inhabitants) in counts per cell, in which the cells of every area still sum to the area's total. An area that owns no cell centre (at a coarse pixel size) has its count spread over the cells it overlaps; the log names it and gives the surface's sum against the input total.

For a rate give NUMERATOR and DENOMINATOR (counts) instead of FIELD: both are made into surfaces and divided; the result is in percent (100 × numerator / denominator). Cells outside every area are nodata (-9999). Areas without a value are left out and reported.</source>
        <translation>Macht aus Gebietswerten eine Rasteroberfläche (GeoTIFF, ETRS89 / UTM 32N).

Flächengewichtet: Jede Zelle erhält den Wert ihres Gebiets (FIELD); eine Zelle auf einer Grenze erhält das Mittel der Gebiete, die sie überdeckt, gewichtet mit dem überdeckten Anteil.

Pyknophylaktisch (Tobler): eine glatte Oberfläche einer Anzahl (FIELD, z. B. Einwohner) in Anzahl je Zelle, bei der die Zellen jedes Gebiets zusammen weiterhin dessen Summe ergeben. Ein Gebiet ohne eigenen Zellmittelpunkt (bei grober Pixelgröße) verteilt seine Anzahl auf die Zellen, die es überdeckt; das Protokoll nennt es und gibt die Summe der Oberfläche gegenüber der Eingabesumme an.

Für eine Quote statt FIELD NUMERATOR und DENOMINATOR (Anzahlen) angeben: beide werden zu Oberflächen und dann geteilt; das Ergebnis ist in Prozent (100 × Zähler / Nenner). Zellen außerhalb aller Gebiete sind NoData (-9999). Gebiete ohne Wert werden ausgelassen und gemeldet.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/surface.py" line="102"/>
        <source>Value or count field</source>
        <translation>Wert- oder Anzahlfeld</translation>
    </message>
</context>
<context>
    <name>geolib</name>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="390"/>
        <source>'reverse' of indicator '{name}' must be true or false.</source>
        <translation>'reverse' des Indikators '{name}' muss true oder false sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/hsds.py" line="255"/>
        <source>'{file}' announces {total} offers (total_items) but holds {n}; it is incomplete or damaged. Nothing was loaded.</source>
        <translation>'{file}' kündigt {total} Angebote an (total_items), enthält aber {n}; die Datei ist unvollständig oder beschädigt. Es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="141"/>
        <source>'{file}' is not UTF-8; it was read as Windows-1252.</source>
        <translation>'{file}' ist nicht in UTF-8; die Datei wurde als Windows-1252 gelesen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/hsds.py" line="245"/>
        <source>'{file}' is page {page} of {pages} of an HSDS answer: it holds {n} of {total} offers. Save every page into one file (or load from the API).</source>
        <translation>'{file}' ist Seite {page} von {pages} einer HSDS-Antwort: sie enthält {n} von {total} Angeboten. Speichern Sie alle Seiten in eine Datei (oder laden Sie aus der API).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/groups.py" line="131"/>
        <source>'{group}': {unit} ({indicators})</source>
        <translation>„{group}“: {unit} ({indicators})</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="155"/>
        <source>'{numerator}' is above its denominator '{denominator}' in {n} rows ({where}) of indicator '{indicator}': a part cannot exceed the whole.</source>
        <translation>'{numerator}' ist in {n} Zeilen ({where}) des Indikators '{indicator}' größer als sein Nenner '{denominator}': ein Teil kann nicht größer als das Ganze sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="154"/>
        <source>'{path}' is a folder, not an exported file.</source>
        <translation>'{path}' ist ein Ordner, keine exportierte Datei.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="35"/>
        <source>'{text}' is not a list of years; write e.g. 2023, 2019-2023 or 2021, 2023.</source>
        <translation>'{text}' ist keine Liste von Jahren; z. B. 2023, 2019-2023 oder 2021, 2023 schreiben.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="142"/>
        <source>A population per target group needs the target group field of the offers.</source>
        <translation>Eine Bevölkerung je Zielgruppe braucht das Zielgruppenfeld der Angebote.</translation>
    </message>
    <message>
        <location filename="../../geolib/raster.py" line="124"/>
        <source>A raster must be 2-D, got an array of shape {shape}.</source>
        <translation>Ein Raster muss zweidimensional sein, erhalten wurde ein Array der Form {shape}.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="315"/>
        <source>A raster of {rows} × {cols} pixels would need about {need} of memory, more than the {limit} available. Use a larger pixel size or a smaller extent.</source>
        <translation>Ein Raster von {rows} × {cols} Pixeln bräuchte etwa {need} Arbeitsspeicher, mehr als die verfügbaren {limit}. Verwenden Sie eine größere Pixelgröße oder eine kleinere Ausdehnung.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="88"/>
        <source>A {size} m grid over these areas has {cells} cells (more than {limit}). Choose a larger pixel size.</source>
        <translation>Ein {size}-m-Raster über diese Gebiete hat {cells} Zellen (mehr als {limit}). Eine größere Pixelgröße wählen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="412"/>
        <source>After {pages} pages the Hilfeportal has delivered {n} offers ({mb} MB); a load takes at most {max} offers and {max_mb} MB. Nothing was loaded: is its paging endless?</source>
        <translation>Nach {pages} Seiten hat das Hilfeportal {n} Angebote ({mb} MB) geliefert; ein Laden nimmt höchstens {max} Angebote und {max_mb} MB an. Es wurde nichts geladen: Endet seine Seitenaufteilung nie?</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="17"/>
        <source>All indicator values are synthetic example values (synthetische Beispielwerte), not official figures.</source>
        <translation>Alle Indikatorwerte sind synthetische Beispielwerte, keine amtlichen Zahlen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="17"/>
        <source>All values come from synthetic example data, not official figures:</source>
        <translation>Alle Werte stammen aus synthetischen Beispieldaten, nicht aus amtlichen Zahlen:</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="247"/>
        <source>All weights in '{field}' are 0 or missing, so the density is 0 everywhere. Choose another weight field or none.</source>
        <translation>Alle Gewichte in „{field}“ sind 0 oder fehlen, die Dichte wäre also überall 0. Wählen Sie ein anderes Gewichtsfeld oder keines.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/load.py" line="107"/>
        <source>An HSDS API delivers longitude / latitude (EPSG:4326); the CRS of the coordinates applies to exported files only. Leave it at EPSG:4326.</source>
        <translation>Eine HSDS-API liefert Länge / Breite (EPSG:4326); das KBS der Koordinaten gilt nur für exportierte Dateien. Belassen Sie es bei EPSG:4326.</translation>
    </message>
    <message>
        <location filename="../../geolib/nx.py" line="191"/>
        <source>An edge of the graph has no valid '{weight}' ({value}); every edge needs a finite, non-negative value.</source>
        <translation>Eine Kante des Graphen hat kein gültiges '{weight}' ({value}); jede Kante braucht einen endlichen, nicht negativen Wert.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="173"/>
        <source>Areas and a land share field count a population per area: give the population layer too, or leave them out.</source>
        <translation>Gebiete und ein Landanteil-Feld zählen eine Bevölkerung je Gebiet: Geben Sie auch den Bevölkerungslayer an oder lassen Sie beide weg.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="432"/>
        <source>Asked for page {asked}, the Hilfeportal answered with page {got}; its paging is broken. Nothing was loaded.</source>
        <translation>Angefragt wurde Seite {asked}, das Hilfeportal antwortete mit Seite {got}; seine Seitenaufteilung ist fehlerhaft. Es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="459"/>
        <source>Bounds of indicator '{name}' apply to the scaling minmax_reference only; its scaling is {scaling}. Remove the bounds or scale it with minmax_reference.</source>
        <translation>Die Grenzen des Indikators '{name}' gelten nur für die Skalierung minmax_reference; er wird mit {scaling} skaliert. Entfernen Sie die Grenzen oder skalieren Sie ihn mit minmax_reference.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="83"/>
        <source>Breaks must be greater than 0; got {breaks}.</source>
        <translation>Grenzen müssen größer als 0 sein; angegeben: {breaks}.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="88"/>
        <source>Breaks must increase, each greater than the one before; got {breaks}.</source>
        <translation>Grenzen müssen aufsteigen, jede größer als die vorige; angegeben: {breaks}.</translation>
    </message>
    <message>
        <location filename="../../geolib/_progress.py" line="50"/>
        <source>Cancelled by the user.</source>
        <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="184"/>
        <source>Cannot write '{path}': '{folder}' is a file, not a folder. Choose another output path.</source>
        <translation>„{path}“ kann nicht geschrieben werden: „{folder}“ ist eine Datei, kein Ordner. Wählen Sie einen anderen Ausgabepfad.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="198"/>
        <source>Cannot write '{path}': the file is read-only. Choose another name.</source>
        <translation>„{path}“ kann nicht geschrieben werden: Die Datei ist schreibgeschützt. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="177"/>
        <source>Cannot write '{path}': the folder '{folder}' does not exist. Create it or choose another output path.</source>
        <translation>„{path}“ kann nicht geschrieben werden: Der Ordner „{folder}“ existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen Ausgabepfad.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="191"/>
        <source>Cannot write '{path}': the folder '{folder}' is not writable. Choose a folder you may write to.</source>
        <translation>„{path}“ kann nicht geschrieben werden: Der Ordner „{folder}“ ist nicht beschreibbar. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="224"/>
        <source>Cannot write '{path}': {error}.</source>
        <translation>„{path}“ kann nicht geschrieben werden: {error}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="68"/>
        <source>Change</source>
        <translation>Veränderung</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="639"/>
        <source>Check '{check}': {n} findings.</source>
        <translation>Prüfung '{check}': {n} Hinweise.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="24"/>
        <source>Class {n}</source>
        <translation>Klasse {n}</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="237"/>
        <source>Classes: class {classes} of {count} ({method}) holds no area in {year}: its thresholds lie beyond the values of that year.</source>
        <translation>Klassen: Klasse {classes} von {count} ({method}) enthält {year} kein Gebiet: ihre Schwellen liegen außerhalb der Werte dieses Jahres.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="190"/>
        <source>Classes: fewer than {count} {method} classes in {years}: equal values give equal thresholds, which are merged.</source>
        <translation>Klassen: weniger als {count} Klassen ({method}) in {years}: gleiche Werte ergeben gleiche Schwellen, die zusammengefasst werden.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="224"/>
        <source>Classes: {asked} {method} classes asked, {given} given: the values of {year} repeat, and equal thresholds are merged.</source>
        <translation>Klassen: {asked} Klassen ({method}) verlangt, {given} gebildet: die Werte von {year} wiederholen sich, und gleiche Schwellen werden zusammengefasst.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="180"/>
        <source>Classes: {method}, {count} classes computed per year (classes.per_year = true): the class of an area can change while its index does not.</source>
        <translation>Klassen: {method}, {count} Klassen je Jahr berechnet (classes.per_year = true): die Klasse eines Gebiets kann sich ändern, ohne dass sich sein Index ändert.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="203"/>
        <source>Classes: {method}, {count} classes in every year: {breaks}.</source>
        <translation>Klassen: {method}, {count} Klassen in jedem Jahr: {breaks}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="212"/>
        <source>Classes: {method}, {count} classes with the thresholds of {year} in every year: {breaks}.</source>
        <translation>Klassen: {method}, {count} Klassen mit den Schwellen von {year} in jedem Jahr: {breaks}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="140"/>
        <source>Classes: {method}, {count} classes; missing values: {missing}; winsorising: {w}.</source>
        <translation>Klassen: {method}, {count} Klassen; fehlende Werte: {missing}; Winsorisierung: {w}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="23"/>
        <source>Click a municipality for its indicators and its planning region.</source>
        <translation>Eine Gemeinde anklicken: ihre Indikatoren und ihr Planungsraum.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="29"/>
        <source>Click a planning region to list its municipalities.</source>
        <translation>Einen Planungsraum anklicken: seine Gemeinden.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="23"/>
        <source>Contribution of each indicator</source>
        <translation>Beitrag jedes Indikators</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="56"/>
        <source>Correlation with the index</source>
        <translation>Korrelation mit dem Index</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="21"/>
        <source>Correlations of the indicators (Pearson, above; Spearman, below)</source>
        <translation>Korrelationen der Indikatoren (Pearson oben, Spearman unten)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="35"/>
        <source>Counts below the threshold and rates on small denominators are suppressed in every published output (primary suppression; NULL, field *_suppression = primary). So that no suppressed count can be computed back as a group total minus its published members, further values are suppressed in every group and in the Kreis (secondary suppression, *_suppression = secondary), as statistical offices do with tau-ARGUS or sdcTable. The index and the groups are computed from the full counts. With suppress_index = true the index, rank, class and change of rows with a suppressed value are withheld too, as is the next year's change; such units are not listed below and no class bound is one of their values. With suppress_index = false the index of such rows is published, and the suppressed counts can be computed back from it: use such outputs only inside the administration.</source>
        <translation>Fallzahlen unter dem Schwellenwert und Quoten auf kleinen Nennern sind in jeder veröffentlichten Ausgabe gesperrt (primäre Sperrung; NULL, Feld *_suppression = primary). Damit keine gesperrte Fallzahl als Gruppensumme minus ihrer veröffentlichten Mitglieder zurückgerechnet werden kann, werden in jeder Gruppe und im Kreis weitere Werte gesperrt (sekundäre Sperrung, *_suppression = secondary), wie es die statistischen Ämter mit tau-ARGUS oder sdcTable tun. Index und Gruppen werden aus den vollständigen Fallzahlen berechnet. Mit suppress_index = true werden Index, Rang, Klasse und Veränderung von Zeilen mit einem gesperrten Wert ebenfalls zurückgehalten, ebenso die Veränderung des Folgejahres; solche Gebiete werden unten nicht aufgeführt, und keine Klassengrenze ist einer ihrer Werte. Mit suppress_index = false wird der Index solcher Zeilen veröffentlicht, und die gesperrten Fallzahlen lassen sich aus ihm zurückrechnen: solche Ausgaben nur innerhalb der Verwaltung verwenden.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="22"/>
        <source>Cronbach's alpha</source>
        <translation>Cronbachs Alpha</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="433"/>
        <source>Custom classes need [classes] breaks = [...]: increasing inner thresholds, e.g. [20, 40, 60, 80] for five classes.</source>
        <translation>Eigene Klassen brauchen [classes] breaks = [...]: aufsteigende innere Grenzen, z. B. [20, 40, 60, 80] für fünf Klassen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="50"/>
        <source>Data protection</source>
        <translation>Geheimhaltung</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/suppression.py" line="134"/>
        <source>Data protection: the index of {n} rows with suppressed values is withheld (suppress_index = true), with its change and the next year's change.</source>
        <translation>Geheimhaltung: Der Index von {n} Zeilen mit gesperrten Werten wird zurückgehalten (suppress_index = true), ebenso seine Veränderung und die Veränderung des Folgejahres.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/suppression.py" line="121"/>
        <source>Data protection: {n} further values are suppressed (secondary suppression, field *_suppression = secondary) so that no suppressed value can be computed back from group totals: {detail}.</source>
        <translation>Geheimhaltung: {n} weitere Werte sind gesperrt (sekundäre Sperrung, Feld *_suppression = secondary), damit kein gesperrter Wert aus Gruppensummen zurückgerechnet werden kann: {detail}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/suppression.py" line="110"/>
        <source>Data protection: {n} values below the threshold ({threshold}) or on denominators below {min_den} are suppressed (NULL, flagged): {detail}.</source>
        <translation>Geheimhaltung: {n} Werte unter dem Schwellenwert ({threshold}) oder auf Nennern unter {min_den} sind gesperrt (NULL, markiert): {detail}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="51"/>
        <source>Denominator</source>
        <translation>Nenner</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="14"/>
        <source>Digital social report</source>
        <translation>Digitaler Sozialbericht</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="52"/>
        <source>Direction</source>
        <translation>Richtung</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/common.py" line="50"/>
        <source>EWZ_2018 must be a non-negative number for every municipality.</source>
        <translation>EWZ_2018 muss für jede Gemeinde eine nicht negative Zahl sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="110"/>
        <source>Give a field, or a numerator and a denominator (for a rate surface).</source>
        <translation>Ein Feld angeben, oder einen Zähler und einen Nenner (für eine Quotenoberfläche).</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="205"/>
        <source>Give a radius in metres or a radius field.</source>
        <translation>Geben Sie einen Radius in Metern oder ein Radiusfeld an.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="81"/>
        <source>Give at least one break, such as 5,10,15.</source>
        <translation>Geben Sie mindestens eine Grenze an, z. B. 5,10,15.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/indicators.py" line="108"/>
        <source>Give at least one year for the indicator table.</source>
        <translation>Geben Sie mindestens ein Jahr für die Indikatorentabelle an.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="105"/>
        <source>Give either a field or a numerator and a denominator, not both.</source>
        <translation>Entweder ein Feld oder einen Zähler und einen Nenner angeben, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/decay.py" line="54"/>
        <source>Give one weight per zone break: {n_breaks} breaks but {n_weights} weights.</source>
        <translation>Geben Sie ein Gewicht je Zonengrenze an: {n_breaks} Grenzen, aber {n_weights} Gewichte.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="65"/>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/groups.py" line="27"/>
        <source>Group fields were given but no group table.</source>
        <translation>Gruppenfelder wurden angegeben, aber keine Gruppentabelle.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="64"/>
        <source>Grouping</source>
        <translation>Gruppierung</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="63"/>
        <source>Groups (pooled counts)</source>
        <translation>Gruppen (zusammengefasste Fallzahlen)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/groups.py" line="141"/>
        <source>Groups ({grouping}): {n} unit-years are not in their group's pooled counts for the indicators they lack, and not counted in n_units: {where}.</source>
        <translation>Gruppen ({grouping}): {n} Gebiet-Jahre fehlen in den zusammengefassten Zählwerten ihrer Gruppe für die Indikatoren ohne Wert und zählen nicht in n_units: {where}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/engine.py" line="208"/>
        <source>In {year} no area has all its values published (data protection): the scaling of the index to 0–100 has no bounds for that year, so that year's index is empty. Pool small units (a group table) or leave that year out (YEARS).</source>
        <translation>{year} hat kein Gebiet alle Werte veröffentlicht (Datenschutz): Die Skalierung des Index auf 0–100 hat für dieses Jahr keine Grenzen, der Index dieses Jahres bleibt daher leer. Fassen Sie kleine Gebiete zusammen (Gruppentabelle) oder lassen Sie das Jahr weg (YEARS).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/engine.py" line="193"/>
        <source>In {year} no value of '{indicator}' is published (all are withheld for data protection): its scaling has no statistics for that year, so that year's index is empty. Pool small units (a group table) or leave that year out (YEARS).</source>
        <translation>{year} ist kein Wert von „{indicator}“ veröffentlicht (alle sind aus Datenschutzgründen gesperrt): Seine Skalierung hat für dieses Jahr keine Kennzahlen, der Index dieses Jahres bleibt daher leer. Fassen Sie kleine Gebiete zusammen (Gruppentabelle) oder lassen Sie das Jahr weg (YEARS).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="33"/>
        <source>Index</source>
        <translation>Index</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="48"/>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="413"/>
        <source>Indicator names must be unique; repeated: {names}.</source>
        <translation>Indikatornamen müssen eindeutig sein; mehrfach: {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/indicators.py" line="110"/>
        <source>Indicator years start after the 2018 base population; {year} is too early.</source>
        <translation>Die Indikatorjahre beginnen nach der Basisbevölkerung 2018; {year} ist zu früh.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="348"/>
        <source>Indicator {n} of the Sozialformel configuration is not a table.</source>
        <translation>Indikator {n} der Sozialformel-Konfiguration ist keine Tabelle.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="354"/>
        <source>Indicator {n} of the Sozialformel configuration lacks '{key}'.</source>
        <translation>Indikator {n} der Sozialformel-Konfiguration fehlt '{key}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="19"/>
        <source>Indicators</source>
        <translation>Indikatoren</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="40"/>
        <source>Indicators over the years: {name}</source>
        <translation>Indikatoren im Zeitverlauf: {name}</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="27"/>
        <source>Inset, not to scale with the main map</source>
        <translation>Nebenkarte, nicht im Maßstab der Hauptkarte</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="49"/>
        <source>Label</source>
        <translation>Bezeichnung</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="505"/>
        <source>Latitude and longitude are swapped ({lon} / {lat}); the offer is shown at the exchanged position. Correct it in the Hilfeportal.</source>
        <translation>Breite und Länge sind vertauscht ({lon} / {lat}); das Angebot wird an der getauschten Position gezeigt. Bitte im Hilfeportal korrigieren.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="283"/>
        <source>Layer names must be unique within one GeoPackage: {names}.</source>
        <translation>Layernamen müssen innerhalb eines GeoPackages eindeutig sein: {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="238"/>
        <source>Line {line} of the export '{file}' cannot be read as CSV: {error}.</source>
        <translation>Zeile {line} des Exports '{file}' kann nicht als CSV gelesen werden: {error}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="55"/>
        <source>Mean share</source>
        <translation>Mittlerer Anteil</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="43"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="41"/>
        <source>Missing points are withheld values (data protection).</source>
        <translation>Fehlende Punkte sind geheime Werte (Datenschutz).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="63"/>
        <source>Missing values: {n} unit-years are left out of the index (policy 'drop'): {where}.</source>
        <translation>Fehlende Werte: {n} Gebiet-Jahre bleiben beim Index außen vor (Regel 'drop'): {where}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="212"/>
        <source>Missing values: {n} unit-years are left out of the index because no other member of their group ({grouping}) has the value in that year: {where}.</source>
        <translation>Fehlende Werte: {n} Gebiet-Jahre bleiben ohne Index, weil kein anderes Mitglied ihrer Gruppe ({grouping}) in diesem Jahr den Wert hat: {where}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="203"/>
        <source>Missing values: {n} unit-years are left out of the index because no unit has the value in that year: {where}.</source>
        <translation>Fehlende Werte: {n} Gebiet-Jahre bleiben außerhalb des Index, weil in diesem Jahr kein Gebiet den Wert hat: {where}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="115"/>
        <source>Missing values: {n} unit-years carried forward from an earlier year (an empty count or a denominator of 0 takes the unit's latest earlier value): {where}.</source>
        <translation>Fehlende Werte: {n} Gebiet-Jahre aus einem früheren Jahr fortgeschrieben (ein leerer Zählwert oder ein Nenner 0 erhält den letzten früheren Wert des Gebiets): {where}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="127"/>
        <source>Missing values: {n} unit-years have no earlier value to carry and are left out of the index: {where}.</source>
        <translation>Fehlende Werte: {n} Gebiet-Jahre haben keinen früheren Wert zum Fortschreiben und bleiben ohne Index: {where}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="182"/>
        <source>Missing values: {n} values got the mean rate of all units in that year (no group table): {where}.</source>
        <translation>Fehlende Werte: {n} Werte erhielten den Mittelwert der Quote aller Gebiete in diesem Jahr (keine Gruppentabelle): {where}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="191"/>
        <source>Missing values: {n} values got the mean rate of the other members of their group ({grouping}) in that year: {where}.</source>
        <translation>Fehlende Werte: {n} Werte erhielten den Mittelwert der Quote der anderen Mitglieder ihrer Gruppe ({grouping}) in diesem Jahr: {where}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="36"/>
        <source>Municipalities of {name}, {year}</source>
        <translation>Gemeinden in {name}, {year}</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="32"/>
        <source>Municipality</source>
        <translation>Gemeinde</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="625"/>
        <source>No metric CRS could be chosen for the {what}: {error}. Give one (for example EPSG:25832).</source>
        <translation>Für den {what} konnte kein metrisches KBS gewählt werden: {error}. Geben Sie eines an (z. B. EPSG:25832).</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/offers.py" line="136"/>
        <source>No municipality is left to place offers in (all are excluded).</source>
        <translation>Es bleibt keine Gemeinde, in die Angebote gelegt werden können (alle sind ausgeschlossen).</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="230"/>
        <source>No offer has the target group '{group}'.</source>
        <translation>Kein Angebot hat die Zielgruppe „{group}“.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="297"/>
        <source>No offer lies within {d} m of the network, so no catchment can be computed. Offers and their distance to the network: {offers}. Increase the snap distance or choose the network that covers the offers.</source>
        <translation>Kein Angebot liegt innerhalb von {d} m vom Netz, daher kann kein Einzugsgebiet berechnet werden. Angebote und ihre Entfernung zum Netz: {offers}. Vergrößern Sie die Fangdistanz oder wählen Sie das Netz, das die Angebote abdeckt.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/fca.py" line="204"/>
        <source>No population reaches any supply; the normalised score is NULL.</source>
        <translation>Keine Bevölkerung erreicht ein Angebot; der normierte Wert ist NULL.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="256"/>
        <source>No radius in '{field}' is greater than 0 metres; every point needs a positive search radius.</source>
        <translation>Kein Radius in „{field}“ ist größer als 0 Meter; jeder Punkt braucht einen positiven Suchradius.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="380"/>
        <source>No source given: enter the Hilfeportal's URL or an exported file.</source>
        <translation>Keine Quelle angegeben: Geben Sie die URL des Hilfeportals oder eine exportierte Datei an.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="340"/>
        <source>No value of '{area_key}' in the areas occurs in '{mapping_key}' of the group table (for example {example}). Choose matching key fields.</source>
        <translation>Kein Wert von „{area_key}“ der Gebiete kommt in „{mapping_key}“ der Gruppentabelle vor (zum Beispiel {example}). Wählen Sie zueinander passende Schlüsselfelder.</translation>
    </message>
    <message>
        <location filename="../../geolib/nx.py" line="165"/>
        <source>Node {node} of the graph has no x/y coordinates; geolib needs both on every node (as osmnx graphs have them).</source>
        <translation>Knoten {node} des Graphen hat keine x/y-Koordinaten; geolib braucht beide an jedem Knoten (wie Graphen aus osmnx sie haben).</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="435"/>
        <source>Not updated since {date} (more than {days} days before {as_of}).</source>
        <translation>Seit {date} nicht aktualisiert (mehr als {days} Tage vor dem {as_of}).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="20"/>
        <source>Notes</source>
        <translation>Hinweise</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="50"/>
        <source>Numerator</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="61"/>
        <source>Other scalings</source>
        <translation>Andere Skalierungen</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/notes.py" line="65"/>
        <source>Outliers: {n} values of '{indicator}' were winsorised to the {low} and {high} quantiles of their year: {values}.</source>
        <translation>Ausreißer: {n} Werte von „{indicator}“ wurden auf das {low}- und {high}-Quantil ihres Jahres begrenzt (winsorisiert): {values}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/engine.py" line="175"/>
        <source>Outliers: {n} withheld values of '{indicator}' were winsorised too (not listed: data protection).</source>
        <translation>Ausreißer: {n} geheim gehaltene Werte von „{indicator}“ wurden ebenfalls winsorisiert (nicht aufgeführt: Geheimhaltung).</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="296"/>
        <source>Page {page} of the Hilfeportal is nested too deeply to be an answer of offers; nothing was loaded.</source>
        <translation>Seite {page} des Hilfeportals ist zu tief verschachtelt, um eine Antwort mit Angeboten zu sein; es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="302"/>
        <source>Page {page} of the Hilfeportal is not valid JSON ({error}); nothing was loaded.</source>
        <translation>Seite {page} des Hilfeportals ist kein gültiges JSON ({error}); es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="339"/>
        <source>Page {page} of the Hilfeportal repeats page {earlier}; its paging is broken. Nothing was loaded.</source>
        <translation>Seite {page} des Hilfeportals wiederholt Seite {earlier}; seine Seitenaufteilung ist fehlerhaft. Es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="31"/>
        <source>Planning region</source>
        <translation>Planungsraum</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="104"/>
        <source>Points snap to the main part of the network ('main') or to any part ('any'), not to '{value}'.</source>
        <translation>Punkte werden an den Hauptteil des Netzes ('main') oder an jeden Teil ('any') gefangen, nicht an '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="144"/>
        <source>Population counted per area: polygons cut at the area borders, each piece with its share of the count by area; {people} of {total} people lie outside every area and are not counted.</source>
        <translation>Bevölkerung je Gebiet gezählt: Polygone an den Gebietsgrenzen geschnitten, jedes Stück mit seinem Anteil an der Anzahl nach Fläche; {people} von {total} Personen liegen außerhalb aller Gebiete und werden nicht gezählt.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="60"/>
        <source>Random weights (5–95 %)</source>
        <translation>Zufallsgewichte (5–95 %)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="30"/>
        <source>Rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="57"/>
        <source>Rank correlation without it</source>
        <translation>Rangkorrelation ohne ihn</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="62"/>
        <source>Rank interval</source>
        <translation>Rangintervall</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="24"/>
        <source>Rank intervals (sensitivity)</source>
        <translation>Rangintervalle (Sensitivität)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="30"/>
        <source>Rank intervals: 5th–95th percentile of the rank under random weights (each weight × uniform(1 − spread, 1 + spread)) and the range over other scalings. A wide interval means the rank depends on choices, not only on the data.</source>
        <translation>Rangintervalle: 5.–95. Perzentil des Rangs bei Zufallsgewichten (jedes Gewicht × gleichverteilt(1 − Streuung, 1 + Streuung)) und die Spanne über andere Skalierungen. Ein breites Intervall bedeutet, dass der Rang von Entscheidungen abhängt, nicht nur von den Daten.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="35"/>
        <source>Rank ± previous year</source>
        <translation>Rang ± Vorjahr</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="28"/>
        <source>Ranking of the planning regions, {year}</source>
        <translation>Rangfolge der Planungsräume, {year}</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="156"/>
        <source>Reading '{path}' failed: {error}</source>
        <translation>Das Lesen von „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/osm.py" line="66"/>
        <source>Reading OSM files needs the Python package pyosmium, which is not installed. On Debian and Ubuntu install it with: sudo apt install python3-pyosmium; elsewhere (also on Windows, in the OSGeo4W Shell) with: python -m pip install osmium. Or convert the file to a GeoPackage with QGIS and use it as a line layer.</source>
        <translation>Zum Lesen von OSM-Dateien wird das Python-Paket pyosmium benötigt, das nicht installiert ist. Unter Debian und Ubuntu installieren Sie es mit: sudo apt install python3-pyosmium; sonst (auch unter Windows, in der OSGeo4W-Shell) mit: python -m pip install osmium. Oder wandeln Sie die Datei mit QGIS in ein GeoPackage um und verwenden Sie sie als Linienlayer.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="402"/>
        <source>Same title and address as {others}: possibly the same offer twice.</source>
        <translation>Gleicher Titel und gleiche Adresse wie {others}: möglicherweise dasselbe Angebot doppelt.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="54"/>
        <source>Scaling</source>
        <translation>Skalierung</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="470"/>
        <source>Scaling against a reference needs reference_year = YEAR in the Sozialformel configuration (or bounds = [low, high] for each such indicator).</source>
        <translation>Eine Skalierung gegen eine Referenz braucht reference_year = JAHR in der Sozialformel-Konfiguration (oder bounds = [unten, oben] für jeden solchen Indikator).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="132"/>
        <source>Scaling: {scaling}; combination: {combination}; post-scaling: {post}; reference year: {reference}.</source>
        <translation>Skalierung: {scaling}; Verknüpfung: {combination}; Nachskalierung: {post}; Referenzjahr: {reference}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/validity.py" line="135"/>
        <source>Sensitivity: the scaling '{method}' gives negative values, which the {combination} cannot take; it was left out.</source>
        <translation>Sensitivität: Die Skalierung „{method}“ ergibt negative Werte, die die Verknüpfung „{combination}“ nicht verarbeiten kann; sie wurde ausgelassen.</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="24"/>
        <source>Set it in QGIS with Layer Properties → Source → 'Assigned Coordinate Reference System' (or the Processing tool 'Assign projection'), or in Python with gdf.set_crs('EPSG:25832').</source>
        <translation>Legen Sie es in QGIS unter Layereigenschaften → Quelle → „Zugewiesenes Koordinatenbezugssystem“ fest (oder mit dem Processing-Werkzeug „Projektion zuweisen“), in Python mit gdf.set_crs('EPSG:25832').</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="57"/>
        <source>Software</source>
        <translation>Software</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/fca.py" line="150"/>
        <source>Some costs are 0; the gravity decay uses a minimum cost of {min_cost} so that it stays finite.</source>
        <translation>Einige Kosten sind 0; der Gravitationsabfall verwendet Mindestkosten von {min_cost}, damit er endlich bleibt.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="56"/>
        <source>Sources and licences</source>
        <translation>Quellen und Lizenzen</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="332"/>
        <source>Sozialformel configuration</source>
        <translation>Sozialformel-Konfiguration</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="22"/>
        <source>Sozialformel of the municipalities, {year}</source>
        <translation>Sozialformel der Gemeinden, {year}</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="661"/>
        <source>The CRS '{crs}' of the coordinates is unknown. Give an EPSG code such as EPSG:4326 (longitude / latitude) or EPSG:25832 (UTM 32N).</source>
        <translation>Das KBS '{crs}' der Koordinaten ist unbekannt. Geben Sie einen EPSG-Code an, etwa EPSG:4326 (Länge / Breite) oder EPSG:25832 (UTM 32N).</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="361"/>
        <source>The Hilfeportal announced {total} offers but delivered {got}; the answer is incomplete. Nothing was loaded.</source>
        <translation>Das Hilfeportal kündigte {total} Angebote an, lieferte aber {got}; die Antwort ist unvollständig. Es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="403"/>
        <source>The Hilfeportal announces {n} offers; a load takes at most {max}. Nothing was loaded. Filter the source or raise the limit.</source>
        <translation>Das Hilfeportal kündigt {n} Angebote an; ein Laden nimmt höchstens {max} an. Es wurde nichts geladen. Filtern Sie die Quelle oder erhöhen Sie die Grenze.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="270"/>
        <source>The Hilfeportal answered HTTP {status} to '{url}' {n} times; try again later.</source>
        <translation>Das Hilfeportal antwortete {n}-mal mit HTTP {status} auf '{url}'; versuchen Sie es später noch einmal.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="276"/>
        <source>The Hilfeportal answered HTTP {status} to '{url}'. Check the address.</source>
        <translation>Das Hilfeportal antwortete mit HTTP {status} auf '{url}'. Prüfen Sie die Adresse.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="470"/>
        <source>The Hilfeportal answered with something that is not a list of offers.</source>
        <translation>Das Hilfeportal antwortete mit etwas, das keine Liste von Angeboten ist.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="241"/>
        <source>The Hilfeportal at '{url}' could not be reached after {n} attempts: {error}.</source>
        <translation>Das Hilfeportal unter '{url}' war nach {n} Versuchen nicht erreichbar: {error}.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="328"/>
        <source>The Hilfeportal delivered more than {n} pages without an end; its paging seems broken. Nothing was loaded.</source>
        <translation>Das Hilfeportal lieferte mehr als {n} Seiten ohne Ende; seine Seitenaufteilung scheint fehlerhaft. Es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="174"/>
        <source>The Hilfeportal did not deliver its offers within {s} s, the deadline of a load; nothing was loaded. Try again later.</source>
        <translation>Das Hilfeportal hat seine Angebote nicht innerhalb von {s} s (der Frist eines Ladens) geliefert; es wurde nichts geladen. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="447"/>
        <source>The Hilfeportal gives '{value}' as {key}, which is not a count; its answer is malformed. Nothing was loaded.</source>
        <translation>Das Hilfeportal gibt '{value}' als {key} an, das ist keine Anzahl; seine Antwort ist fehlerhaft. Es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="158"/>
        <source>The Hilfeportal redirected to '{url}', which is not http(s).</source>
        <translation>Das Hilfeportal leitete auf '{url}' weiter; das ist kein http(s).</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="259"/>
        <source>The Hilfeportal refused access (HTTP {status}). Check the token in the authentication configuration.</source>
        <translation>Das Hilfeportal verweigerte den Zugriff (HTTP {status}). Prüfen Sie das Token in der Authentifizierungskonfiguration.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="394"/>
        <source>The Hilfeportal said page {page} is the last, but page {next} holds further offers; its page count is wrong. Nothing was loaded.</source>
        <translation>Das Hilfeportal nannte Seite {page} als letzte, aber Seite {next} enthält weitere Angebote; seine Seitenzahl ist falsch. Es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/load.py" line="214"/>
        <source>The Hilfeportal's answer could not be read ({error}); nothing was loaded.</source>
        <translation>Die Antwort des Hilfeportals konnte nicht gelesen werden ({error}); es wurde nichts geladen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="471"/>
        <source>The Hilfeportal's answer has no list of offers (expected 'contents'). Is the address the API root?</source>
        <translation>Die Antwort des Hilfeportals enthält keine Liste von Angeboten (erwartet: 'contents'). Ist die Adresse die Wurzel der API?</translation>
    </message>
    <message>
        <location filename="../../geolib/osm.py" line="305"/>
        <source>The OSM file '{path}' could not be read: {error}</source>
        <translation>Die OSM-Datei '{path}' konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/osm.py" line="272"/>
        <source>The OSM file '{path}' does not exist.</source>
        <translation>Die OSM-Datei '{path}' existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="44"/>
        <source>The Sozialformel combines the indicators into one index per municipality and year (configuration: {title}). Rank 1 = highest index, i.e. the most need. Planning regions are computed from the pooled counts of their municipalities. Ranks are counted among the published values; the change is given against the previous year.</source>
        <translation>Die Sozialformel fasst die Indikatoren zu einem Index je Gemeinde und Jahr zusammen (Konfiguration: {title}). Rang 1 = höchster Index, also der größte Bedarf. Planungsräume werden aus den zusammengefassten Fallzahlen ihrer Gemeinden berechnet. Ränge werden unter den veröffentlichten Werten gezählt; die Veränderung bezieht sich auf das Vorjahr.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="317"/>
        <source>The Sozialformel configuration '{path}' does not exist. Check the path.</source>
        <translation>Die Sozialformel-Konfiguration '{path}' existiert nicht. Den Pfad prüfen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="324"/>
        <source>The Sozialformel configuration '{path}' is not valid TOML: {error}</source>
        <translation>Die Sozialformel-Konfiguration '{path}' ist kein gültiges TOML: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="544"/>
        <source>The Sozialformel configuration gives {what} twice, with different values: {first} and {second} in [reference]. Keep one.</source>
        <translation>Die Sozialformel-Konfiguration gibt {what} zweimal mit verschiedenen Werten an: {first} und {second} in [reference]. Behalten Sie eine Angabe.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="185"/>
        <source>The Sozialformel configuration has an unknown key '{key}' in {section}. Allowed keys: {allowed}.</source>
        <translation>Die Sozialformel-Konfiguration hat einen unbekannten Schlüssel '{key}' in {section}. Erlaubte Schlüssel: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="443"/>
        <source>The Sozialformel configuration has classes.count = {count}; use 2 to 12.</source>
        <translation>Die Sozialformel-Konfiguration hat classes.count = {count}; 2 bis 12 verwenden.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="211"/>
        <source>The Sozialformel configuration has {what} = '{value}'; it must be a number.</source>
        <translation>Die Sozialformel-Konfiguration hat {what} = '{value}'; es muss eine Zahl sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="217"/>
        <source>The Sozialformel configuration has {what} = '{value}'; it must be a whole number.</source>
        <translation>Die Sozialformel-Konfiguration hat {what} = '{value}'; es muss eine ganze Zahl sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="227"/>
        <source>The Sozialformel configuration has {what} = '{value}'; it must be true or false.</source>
        <translation>Die Sozialformel-Konfiguration hat {what} = '{value}'; es muss true oder false sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="196"/>
        <source>The Sozialformel configuration has {what} = '{value}'; use one of: {allowed}.</source>
        <translation>Die Sozialformel-Konfiguration hat {what} = '{value}'; einen dieser Werte verwenden: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="340"/>
        <source>The Sozialformel configuration needs at least one [[indicators]] entry with name, numerator and denominator.</source>
        <translation>Die Sozialformel-Konfiguration braucht mindestens einen [[indicators]]-Eintrag mit name, numerator und denominator.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="42"/>
        <source>The address '{url}' is not an http(s) URL. Give the Hilfeportal API as http://… or https://…, or the path of an exported file.</source>
        <translation>Die Adresse '{url}' ist keine http(s)-URL. Geben Sie die Hilfeportal-API als http://… oder https://… an oder den Pfad einer exportierten Datei.</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="135"/>
        <source>The analysis CRS {crs} is geographic (degrees); distances and areas need a projected CRS in metres such as {default} (ETRS89 / UTM 32N).</source>
        <translation>Das Analyse-KBS {crs} ist geographisch (Grad); Entfernungen und Flächen brauchen ein projiziertes KBS in Metern wie {default} (ETRS89 / UTM 32N).</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="143"/>
        <source>The analysis CRS {crs} uses the unit '{unit}', not metres. Choose a CRS in metres such as {default}.</source>
        <translation>Das Analyse-KBS {crs} verwendet die Einheit „{unit}“, nicht Meter. Wählen Sie ein KBS in Metern wie {default}.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="250"/>
        <source>The answer of '{url}' is larger than {mb} MB; ask the Hilfeportal for smaller pages.</source>
        <translation>Die Antwort von '{url}' ist größer als {mb} MB; fragen Sie das Hilfeportal nach kleineren Seiten.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/__init__.py" line="77"/>
        <source>The area layer has no field '{field}'. Its fields: {fields}.</source>
        <translation>Der Gebietslayer hat kein Feld '{field}'. Seine Felder: {fields}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="382"/>
        <source>The bounds of indicator '{name}' must be two numbers [low, high] with low &lt; high.</source>
        <translation>Die Grenzen (bounds) des Indikators '{name}' müssen zwei Zahlen [unten, oben] mit unten &lt; oben sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="72"/>
        <source>The break '{value}' is not a number. Give breaks such as 5,10,15.</source>
        <translation>Die Grenze '{value}' ist keine Zahl. Geben Sie Grenzen wie 5,10,15 an.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/load.py" line="229"/>
        <source>The cache could not be written: {error}</source>
        <translation>Der Cache konnte nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="321"/>
        <source>The capacity field '{field}' has negative values; fix them first.</source>
        <translation>Das Kapazitätsfeld „{field}“ hat negative Werte; korrigieren Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="326"/>
        <source>The capacity field '{field}' is 0 in every offer: there is no supply to share. Choose another field or none (1 per offer).</source>
        <translation>Das Kapazitätsfeld „{field}“ ist bei jedem Angebot 0: Es gibt kein Angebot, das verteilt werden könnte. Wählen Sie ein anderes Feld oder keines (1 je Angebot).</translation>
    </message>
    <message>
        <location filename="../../geolib/profiles.py" line="289"/>
        <source>The car profile needs the road class in a field 'highway' (OSM) or 'class'; the {what} has neither. Use a speed field instead.</source>
        <translation>Das Auto-Profil braucht die Straßenklasse in einem Feld 'highway' (OSM) oder 'class'; der {what} hat keines davon. Nutzen Sie stattdessen ein Geschwindigkeitsfeld.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="133"/>
        <source>The column '{column}' has values that are not numbers: {values}.</source>
        <translation>Die Spalte '{column}' hat Werte, die keine Zahlen sind: {values}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="142"/>
        <source>The column '{column}' has {n} negative counts ({where}). Counts must be 0 or more; check the table.</source>
        <translation>Die Spalte '{column}' hat {n} negative Fallzahlen ({where}). Fallzahlen müssen 0 oder größer sein; die Tabelle prüfen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="269"/>
        <source>The coordinates '{lon}' / '{lat}' are not numbers; the offer is not on the map.</source>
        <translation>Die Koordinaten '{lon}' / '{lat}' sind keine Zahlen; das Angebot erscheint nicht auf der Karte.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="514"/>
        <source>The coordinates {lon} / {lat} are outside the range of longitude (−180…180) and latitude (−90…90); the offer is not on the map.</source>
        <translation>Die Koordinaten {lon} / {lat} liegen außerhalb des Wertebereichs von Länge (−180…180) und Breite (−90…90); das Angebot erscheint nicht auf der Karte.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="319"/>
        <source>The coordinates {x} / {y} are no position in {crs}, the CRS of the coordinates; the offer is not on the map. Check the coordinates or the CRS.</source>
        <translation>Die Koordinaten {x} / {y} sind keine Position in {crs}, dem KBS der Koordinaten; das Angebot ist nicht auf der Karte. Prüfen Sie die Koordinaten oder das KBS.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="348"/>
        <source>The cost must be 'time' or 'distance', not '{value}'.</source>
        <translation>Die Kosten müssen 'time' oder 'distance' sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/costs.py" line="17"/>
        <source>The cost table needs the columns origin, destination and cost; missing: {missing}.</source>
        <translation>Die Kostentabelle braucht die Spalten origin, destination und cost; es fehlt: {missing}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/costs.py" line="30"/>
        <source>The cost table refers to rows that do not exist ({n_origins} origins, {n_destinations} destinations).</source>
        <translation>Die Kostentabelle verweist auf Zeilen, die es nicht gibt ({n_origins} Startpunkte, {n_destinations} Ziele).</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="126"/>
        <source>The deadline of a load must be positive (seconds).</source>
        <translation>Die Frist eines Ladens muss positiv sein (Sekunden).</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/decay.py" line="45"/>
        <source>The default E2SFCA weights (1, 0.68, 0.22) are for three zones, but {n} breaks were given; give one weight per break.</source>
        <translation>Die Standardgewichte von E2SFCA (1, 0,68, 0,22) gelten für drei Zonen, angegeben sind aber {n} Grenzen; geben Sie ein Gewicht je Grenze an.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="147"/>
        <source>The direction must be one of {allowed}, not '{value}'.</source>
        <translation>Die Richtung muss eine von {allowed} sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="209"/>
        <source>The export '{file}' holds no list of offers.</source>
        <translation>Der Export '{file}' enthält keine Liste von Angeboten.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="161"/>
        <source>The export '{file}' is empty: it contains no offers.</source>
        <translation>Der Export '{file}' ist leer: er enthält keine Angebote.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="169"/>
        <source>The export '{file}' is nested too deeply to be a list of offers.</source>
        <translation>Der Export '{file}' ist zu tief verschachtelt, um eine Liste von Angeboten zu sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/mapping.py" line="145"/>
        <source>The export '{file}' is not valid JSON: its fields cannot be listed.</source>
        <translation>Der Export '{file}' ist kein gültiges JSON: seine Felder können nicht aufgelistet werden.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="174"/>
        <source>The export '{file}' is not valid JSON: {error}</source>
        <translation>Der Export '{file}' ist kein gültiges JSON: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="293"/>
        <source>The extent must have a positive width and height; got {xmin}, {ymin}, {xmax}, {ymax}.</source>
        <translation>Die Ausdehnung muss eine positive Breite und Höhe haben; erhalten: {xmin}, {ymin}, {xmax}, {ymax}.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="426"/>
        <source>The field '{field}' has {n} negative values; a pycnophylactic surface needs counts of 0 or more.</source>
        <translation>Das Feld '{field}' hat {n} negative Werte; eine pyknophylaktische Oberfläche braucht Anzahlen von 0 oder mehr.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="39"/>
        <source>The field '{field}' of the {what} is a yes/no field, not a number. Choose a numeric field.</source>
        <translation>Das Feld „{field}“ im {what} ist ein Ja/Nein-Feld, keine Zahl. Wählen Sie ein Zahlenfeld.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="52"/>
        <source>The field '{field}' of the {what} is not numeric: {n} values are not numbers (for example {examples}). Choose a numeric field or fix these values.</source>
        <translation>Das Feld „{field}“ im {what} ist nicht numerisch: {n} Werte sind keine Zahlen (zum Beispiel {examples}). Wählen Sie ein Zahlenfeld oder korrigieren Sie diese Werte.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/mapping.py" line="81"/>
        <source>The field mapping gives the offer field '{target}' two source fields ('{first}' and '{second}'); keep one.</source>
        <translation>Die Feldzuordnung gibt dem Angebotsfeld '{target}' zwei Quellfelder ('{first}' und '{second}'); behalten Sie eines.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/mapping.py" line="67"/>
        <source>The field mapping has a pair with one side empty ('{source}' → '{target}'). Give the export's field and the offer field.</source>
        <translation>Die Feldzuordnung hat ein Paar mit einer leeren Seite ('{source}' → '{target}'). Geben Sie das Feld des Exports und das Angebotsfeld an.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/mapping.py" line="93"/>
        <source>The field mapping maps '{source}' to '{target}' and ignores it as well; keep one.</source>
        <translation>Die Feldzuordnung ordnet '{source}' dem Feld '{target}' zu und übergeht es zugleich; behalten Sie eines davon.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/mapping.py" line="74"/>
        <source>The field mapping names '{key}', which is not part of an offer. Use one of: {keys}.</source>
        <translation>Die Feldzuordnung nennt '{key}', das kein Teil eines Angebots ist. Verwenden Sie eines von: {keys}.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="227"/>
        <source>The field {field} has {n} characters; it was shortened to {limit}.</source>
        <translation>Das Feld {field} hat {n} Zeichen; es wurde auf {limit} gekürzt.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="184"/>
        <source>The file '{file}' is not a Hilfeportal export: use JSON, GeoJSON or CSV.</source>
        <translation>Die Datei '{file}' ist kein Hilfeportal-Export: Verwenden Sie JSON, GeoJSON oder CSV.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="134"/>
        <source>The file '{path}' cannot be read as vector data: {error}</source>
        <translation>Die Datei „{path}“ kann nicht als Vektordaten gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/mapping.py" line="136"/>
        <source>The file '{path}' does not exist. Check the path.</source>
        <translation>Die Datei „{path}“ existiert nicht. Prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="147"/>
        <source>The file '{path}' has no layer '{layer}'. Its layers: {layers}.</source>
        <translation>Die Datei „{path}“ hat keinen Layer „{layer}“. Ihre Layer: {layers}.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="140"/>
        <source>The file '{path}' has {n} layers; name one of: {layers}.</source>
        <translation>Die Datei „{path}“ hat {n} Layer; nennen Sie einen davon: {layers}.</translation>
    </message>
    <message>
        <location filename="../../geolib/osm.py" line="274"/>
        <source>The file '{path}' is not an OSM file this tool can read: give a file ending in .osm, .osm.gz, .osm.bz2 or .pbf.</source>
        <translation>Die Datei '{path}' ist keine OSM-Datei, die dieses Werkzeug lesen kann: Geben Sie eine Datei mit der Endung .osm, .osm.gz, .osm.bz2 oder .pbf an.</translation>
    </message>
    <message>
        <location filename="../../geolib/nx.py" line="156"/>
        <source>The graph has no CRS (graph.graph['crs']); pass crs=, e.g. crs='EPSG:25832'.</source>
        <translation>Der Graph hat kein Koordinatenbezugssystem (graph.graph['crs']); geben Sie crs= an, z. B. crs='EPSG:25832'.</translation>
    </message>
    <message>
        <location filename="../../geolib/nx.py" line="118"/>
        <source>The graph has no edges; there is nothing to route on.</source>
        <translation>Der Graph hat keine Kanten; es gibt nichts, worauf geroutet werden kann.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/fca.py" line="141"/>
        <source>The gravity decay needs a scale above 0 and an exponent of at least 0 (got scale {scale}, exponent {beta}).</source>
        <translation>Der Gravitationsabfall braucht einen Maßstab über 0 und einen Exponenten von mindestens 0 (erhalten: Maßstab {scale}, Exponent {beta}).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/groups.py" line="41"/>
        <source>The group table has no column '{column}'. Its columns: {columns}.</source>
        <translation>Die Gruppentabelle hat keine Spalte '{column}'. Ihre Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/data.py" line="175"/>
        <source>The group table has no grouping '{field}'; it has: {available}.</source>
        <translation>Die Gruppentabelle hat keine Gruppierung „{field}“; sie hat: {available}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/data.py" line="187"/>
        <source>The group table has no grouping with more than one group ({available}); choose the group field of the planning regions.</source>
        <translation>Die Gruppentabelle hat keine Gruppierung mit mehr als einer Gruppe ({available}); das Gruppenfeld der Planungsräume wählen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/groups.py" line="30"/>
        <source>The group table has no key column '{key}'. Its columns: {columns}.</source>
        <translation>Die Gruppentabelle hat keine Schlüsselspalte '{key}'. Ihre Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/groups.py" line="63"/>
        <source>The group table lists keys more than once: {keys}. Give one row per unit.</source>
        <translation>Die Gruppentabelle führt Schlüssel mehrfach auf: {keys}. Eine Zeile je Gebiet angeben.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="378"/>
        <source>The id {id} occurs {n} times; only the first offer with it is kept.</source>
        <translation>Die ID {id} kommt {n}-mal vor; nur das erste Angebot damit wird übernommen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="361"/>
        <source>The indicator name '{name}' is not usable as a field name: use lowercase letters, digits and '_', starting with a letter (at most 31 characters).</source>
        <translation>Der Indikatorname '{name}' taugt nicht als Feldname: Kleinbuchstaben, Ziffern und '_' verwenden, mit einem Buchstaben beginnend (höchstens 31 Zeichen).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="50"/>
        <source>The indicator table has missing values (an absent row, an empty count or a denominator of 0) for {n} unit-years: {where}. Fill them, or choose a missing policy in the configuration: missing = drop | carry | group_mean.</source>
        <translation>Die Indikatorentabelle hat fehlende Werte (eine fehlende Zeile, eine leere Fallzahl oder einen Nenner von 0) für {n} Gebiet-Jahre: {where}. Diese ergänzen oder in der Konfiguration eine Regel wählen: missing = drop | carry | group_mean.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="71"/>
        <source>The indicator table has no column '{column}' ({role}). Its columns: {columns}. Set key/year in the configuration.</source>
        <translation>Die Indikatorentabelle hat keine Spalte '{column}' ({role}). Ihre Spalten: {columns}. key/year in der Konfiguration setzen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="81"/>
        <source>The indicator table has no column '{column}', which indicator '{indicator}' needs. Its columns: {columns}.</source>
        <translation>Die Indikatorentabelle hat keine Spalte '{column}', die der Indikator '{indicator}' braucht. Ihre Spalten: {columns}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="123"/>
        <source>The indicator table has {n} duplicate (key, year) rows: {pairs}. Keep one row per unit and year.</source>
        <translation>Die Indikatorentabelle hat {n} doppelte Zeilen (Schlüssel, Jahr): {pairs}. Eine Zeile je Gebiet und Jahr behalten.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="68"/>
        <source>The indicator table is empty: it has no rows.</source>
        <translation>Die Indikatorentabelle ist leer: sie hat keine Zeilen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="27"/>
        <source>The indicators agree only partly (alpha &lt; 0.7): the index combines different dimensions.</source>
        <translation>Die Indikatoren stimmen nur teilweise überein (Alpha &lt; 0,7): der Index verbindet verschiedene Dimensionen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="26"/>
        <source>The indicators measure a common dimension (alpha ≥ 0.7).</source>
        <translation>Die Indikatoren messen eine gemeinsame Dimension (Alpha ≥ 0,7).</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="154"/>
        <source>The islands option must be one of {allowed}, not '{value}'.</source>
        <translation>Die Option für Netzinseln muss eine von {allowed} sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="222"/>
        <source>The land share field '{field}' has {n} values outside 0–1 (above 0, at most 1): it is the share of each cell's area on land.</source>
        <translation>Das Landanteil-Feld '{field}' hat {n} Werte außerhalb von 0–1 (über 0, höchstens 1): es ist der Anteil der Fläche jeder Zelle an Land.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="197"/>
        <source>The land share field needs areas (e.g. the municipalities): the land part of a cell is where it lies in them.</source>
        <translation>Das Landanteil-Feld braucht Gebiete (z. B. die Gemeinden): der Landteil einer Zelle ist der Teil, der in ihnen liegt.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="310"/>
        <source>The layer '{layer}' has no CRS and cannot be written.</source>
        <translation>Der Layer „{layer}“ hat kein KBS und kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="250"/>
        <source>The link '{url}' is not an http(s) address; it was removed.</source>
        <translation>Der Link '{url}' ist keine http(s)-Adresse; er wurde entfernt.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="303"/>
        <source>The list separators '{separators}' are not usable: give one or more punctuation characters such as ';' or ',;' (no letters, digits or spaces).</source>
        <translation>Die Listentrennzeichen '{separators}' sind nicht verwendbar: Geben Sie ein oder mehrere Satzzeichen an, etwa ';' oder ',;' (keine Buchstaben, Ziffern oder Leerzeichen).</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="397"/>
        <source>The maximum cost must be greater than 0 (it is {value}).</source>
        <translation>Die maximalen Kosten müssen größer als 0 sein (sie sind {value}).</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/fca.py" line="129"/>
        <source>The maximum cost must be greater than 0, not {max_cost}.</source>
        <translation>Die maximalen Kosten müssen größer als 0 sein, nicht {max_cost}.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/common.py" line="47"/>
        <source>The municipalities layer has duplicate AGS: {dups}.</source>
        <translation>Der Gemeindelayer hat doppelte AGS: {dups}.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/regions.py" line="54"/>
        <source>The municipalities layer needs the regional key RS_2018 or RS (12 digits, the first 9 are the Amt key).</source>
        <translation>Der Gemeindelayer braucht den Regionalschlüssel RS_2018 oder RS (12 Stellen, die ersten 9 sind der Amtsschlüssel).</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/regions.py" line="71"/>
        <source>The municipality {name} ({ags}) belongs to no Amt of the Ämter layer (no RS matches the first 9 digits of its regional key).</source>
        <translation>Die Gemeinde {name} ({ags}) gehört zu keinem Amt des Ämterlayers (kein RS passt zu den ersten 9 Stellen ihres Regionalschlüssels).</translation>
    </message>
    <message>
        <location filename="../../geolib/topology.py" line="39"/>
        <source>The network has {n} parts that are not connected to each other; the main part holds {share} % of the street length, the other parts are at most {largest} m long. Places on different parts cannot reach each other, so points are snapped to the main part unless any part is allowed.</source>
        <translation>Das Netz hat {n} Teile, die nicht miteinander verbunden sind; der Hauptteil hat {share} % der Straßenlänge, die anderen Teile sind höchstens {largest} m lang. Orte in verschiedenen Teilen können einander nicht erreichen, daher werden Punkte an den Hauptteil gefangen, sofern nicht jeder Teil erlaubt ist.</translation>
    </message>
    <message>
        <location filename="../../geolib/topology.py" line="157"/>
        <source>The node id {id} of the {what} lies at different places ({d} m apart; rows {rows}): node_from and node_to must be the OSM ids of each line's first and last vertex. Read the OSM file again, or remove the fields node_from and node_to to connect the lines by their coordinates.</source>
        <translation>Die Knoten-ID {id} des {what}s liegt an verschiedenen Orten ({d} m auseinander; Zeilen {rows}): node_from und node_to müssen die OSM-IDs des ersten und letzten Stützpunkts jeder Linie sein. Lesen Sie die OSM-Datei neu ein oder entfernen Sie die Felder node_from und node_to, um die Linien über ihre Koordinaten zu verbinden.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/offers.py" line="128"/>
        <source>The number of offers must be at least 1, not {n}.</source>
        <translation>Die Zahl der Angebote muss mindestens 1 sein, nicht {n}.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="279"/>
        <source>The offer has no coordinates; it is not on the map.</source>
        <translation>Das Angebot hat keine Koordinaten; es erscheint nicht auf der Karte.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="425"/>
        <source>The offer has no valid update date ('{value}').</source>
        <translation>Das Angebot hat kein gültiges Aktualisierungsdatum ('{value}').</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="356"/>
        <source>The offer lies outside the area of the check ({lon} / {lat}).</source>
        <translation>Das Angebot liegt außerhalb des Prüfgebiets ({lon} / {lat}).</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="100"/>
        <source>The offers layer has duplicate values in '{field}': {ids}. Every offer needs its own id.</source>
        <translation>Der Angebotslayer hat doppelte Werte in '{field}': {ids}. Jedes Angebot braucht eine eigene Kennung.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="115"/>
        <source>The offers layer has no field '{field}'; offers are numbered by their row (1, 2, …).</source>
        <translation>Der Angebotslayer hat kein Feld '{field}'; die Angebote werden nach ihrer Zeile nummeriert (1, 2, …).</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="22"/>
        <source>The offers layer has no id field; offers are numbered by their row (1, 2, …).</source>
        <translation>Der Angebotslayer hat kein ID-Feld; die Angebote werden nach ihrer Zeile nummeriert (1, 2, …).</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="128"/>
        <source>The overlap must be one of {allowed}, not '{value}'.</source>
        <translation>Die Überlappung muss eine von {allowed} sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="200"/>
        <source>The pixel size must be a positive number of metres, not {size}.</source>
        <translation>Die Pixelgröße muss eine positive Zahl von Metern sein, nicht {size}.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="71"/>
        <source>The pixel size must be greater than 0 m; it is {size}.</source>
        <translation>Die Pixelgröße muss größer als 0 m sein; sie ist {size}.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="303"/>
        <source>The pixel size of {size} m is larger than the extent ({width} m × {height} m). Choose a smaller pixel size or a larger extent.</source>
        <translation>Die Pixelgröße von {size} m ist größer als die Ausdehnung ({width} m × {height} m). Wählen Sie eine kleinere Pixelgröße oder eine größere Ausdehnung.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="290"/>
        <source>The population field '{field}' has negative values ({n}); fix them first.</source>
        <translation>Das Bevölkerungsfeld „{field}“ hat negative Werte ({n}); korrigieren Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="191"/>
        <source>The population field '{field}' has {n} negative values. Counts cannot be negative.</source>
        <translation>Das Bevölkerungsfeld '{field}' hat {n} negative Werte. Anzahlen können nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="297"/>
        <source>The population field '{field}' is 0 in every demand unit: there is no demand to relate the supply to. Choose another field or layer.</source>
        <translation>Das Bevölkerungsfeld „{field}“ ist in jeder Nachfrageeinheit 0: Es gibt keine Nachfrage, auf die sich das Angebot beziehen ließe. Wählen Sie ein anderes Feld oder einen anderen Layer.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="33"/>
        <source>The population of each polygon is assumed evenly spread over its area, so a reached share such as '13 % of a municipality' is the share of its area. With a population grid or points (and the municipalities as areas) the shares follow where people live.</source>
        <translation>Die Bevölkerung jedes Polygons gilt als gleichmäßig über seine Fläche verteilt; ein erreichter Anteil wie '13 % einer Gemeinde' ist also der Anteil ihrer Fläche. Mit einem Bevölkerungsraster oder Punkten (und den Gemeinden als Gebiete) folgen die Anteile dem Wohnort der Menschen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="50"/>
        <source>The port in '{url}' is not a number. Write the address as http://host:port/… with a numeric port, or without a port.</source>
        <translation>Der Port in '{url}' ist keine Zahl. Schreiben Sie die Adresse als http://host:port/… mit einem Port aus Ziffern oder ohne Port.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="352"/>
        <source>The profile must be walk, bike or car, not '{value}'.</source>
        <translation>Das Profil muss walk, bike oder car sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="207"/>
        <source>The radius must be greater than 0 metres, not {radius}. Choose a search radius such as 500 m.</source>
        <translation>Der Radius muss größer als 0 Meter sein, nicht {radius}. Wählen Sie einen Suchradius wie 500 m.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="245"/>
        <source>The rate base must be a positive number of inhabitants (for example 1000), not {per}.</source>
        <translation>Die Bezugsbasis muss eine positive Einwohnerzahl sein (zum Beispiel 1000), nicht {per}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/fca.py" line="177"/>
        <source>The ratio method needs demand-to-demand costs.</source>
        <translation>Die Verhältnismethode braucht Kosten zwischen den Nachfrageeinheiten.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="182"/>
        <source>The records lack the columns {columns}; read them with read_offers().</source>
        <translation>Den Datensätzen fehlen die Spalten {columns}; lesen Sie sie mit read_offers() ein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/compute.py" line="191"/>
        <source>The reference year {year} is not in the indicator table; it has: {available}.</source>
        <translation>Das Referenzjahr {year} ist nicht in der Indikatorentabelle; sie hat: {available}.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/load.py" line="152"/>
        <source>The refresh delivered {n} offers, the last complete fetch ({when}) had {cached}. The cached offers are shown until the new answer is confirmed.</source>
        <translation>Die Aktualisierung lieferte {n} Angebote, der letzte vollständige Abruf ({when}) hatte {cached}. Die gespeicherten Angebote werden gezeigt, bis die neue Antwort bestätigt wird.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/load.py" line="142"/>
        <source>The refresh failed: {error} The offers shown are those fetched at {when}.</source>
        <translation>Die Aktualisierung ist fehlgeschlagen: {error} Angezeigt werden die Angebote vom Abruf am {when}.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="418"/>
        <source>The relaxation must be at least 0 and below 1; it is {value}.</source>
        <translation>Die Relaxation muss mindestens 0 und kleiner als 1 sein; sie ist {value}.</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="100"/>
        <source>The snap distance must be greater than 0 m (it is {value}).</source>
        <translation>Die Fangdistanz muss größer als 0 m sein (sie ist {value}).</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="360"/>
        <source>The snap tolerance must not be negative (it is {value}).</source>
        <translation>Die Fangtoleranz darf nicht negativ sein (sie ist {value}).</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/load.py" line="163"/>
        <source>The source delivered no offers.</source>
        <translation>Die Quelle lieferte keine Angebote.</translation>
    </message>
    <message>
        <location filename="../../geolib/profiles.py" line="276"/>
        <source>The speed field '{field}' has {n} zero, negative or missing values, in the rows {rows}. Every line needs a speed above 0 km/h: fix these rows or leave them out.</source>
        <translation>Das Geschwindigkeitsfeld '{field}' hat {n} Werte, die null, negativ oder leer sind, in den Zeilen {rows}. Jede Linie braucht eine Geschwindigkeit über 0 km/h: Korrigieren Sie diese Zeilen oder lassen Sie sie weg.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="453"/>
        <source>The surface of '{field}' did not converge within {n} iterations; totals are kept, the surface may be less smooth.</source>
        <translation>Die Oberfläche von '{field}' ist in {n} Iterationen nicht konvergiert; die Summen bleiben erhalten, die Oberfläche ist evtl. weniger glatt.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="552"/>
        <source>The surface of '{field}' sums to {achieved} (input total {expected}); the cells of each area sum to its total.</source>
        <translation>Die Oberfläche von „{field}“ ergibt in der Summe {achieved} (Eingabe: {expected}); die Zellen jedes Gebiets ergeben seine Summe.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="543"/>
        <source>The surface of '{field}' sums to {achieved} (input total {expected}); {n} areas do not keep their totals: {areas}.</source>
        <translation>Die Oberfläche von „{field}“ ergibt in der Summe {achieved} (Eingabe: {expected}); {n} Gebiete behalten ihre Summe nicht: {areas}.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="271"/>
        <source>The walk-off distance must be greater than 0 m (it is {value}).</source>
        <translation>Die Zugangsdistanz muss größer als 0 m sein (sie ist {value}).</translation>
    </message>
    <message>
        <location filename="../../geolib/nx.py" line="108"/>
        <source>The weight '{weight}' is not known; use 'length' (metres) or 'travel_time' (seconds).</source>
        <translation>Das Gewicht '{weight}' ist unbekannt; verwenden Sie 'length' (Meter) oder 'travel_time' (Sekunden).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="368"/>
        <source>The weight of indicator '{name}' is {weight}; weights must be greater than 0 (leave an indicator out instead of weighting it 0).</source>
        <translation>Das Gewicht des Indikators '{name}' ist {weight}; Gewichte müssen größer als 0 sein (einen Indikator weglassen statt mit 0 zu gewichten).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="107"/>
        <source>The year column '{column}' has values that are not years: {values}.</source>
        <translation>Die Jahresspalte '{column}' hat Werte, die keine Jahre sind: {values}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="42"/>
        <source>The year range {first}-{last} runs backwards.</source>
        <translation>Der Jahresbereich {first}-{last} läuft rückwärts.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/compute.py" line="181"/>
        <source>The years {years} are not in the indicator table; it has: {available}.</source>
        <translation>Die Jahre {years} sind nicht in der Indikatorentabelle; sie hat: {available}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/decay.py" line="39"/>
        <source>The zone breaks must be distinct positive costs, not {breaks}.</source>
        <translation>Die Zonengrenzen müssen verschiedene positive Kosten sein, nicht {breaks}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/engine.py" line="122"/>
        <source>The {combination} needs scaled values of 0 or more, but '{indicator}' is {value} for {unit} in {year}. Use min–max or percentile scaling, or the weighted mean.</source>
        <translation>Die Verknüpfung {combination} braucht skalierte Werte von 0 oder mehr, aber '{indicator}' ist {value} für {unit} im Jahr {year}. Min-Max- oder Perzentil-Skalierung oder das gewichtete Mittel verwenden.</translation>
    </message>
    <message>
        <location filename="../../geolib/_table.py" line="91"/>
        <source>The {what} '{path}' cannot be read: {error}</source>
        <translation>{what} '{path}' kann nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/preset_io.py" line="169"/>
        <source>The {what} '{path}' cannot be written: {error}</source>
        <translation>{what} '{path}' kann nicht geschrieben werden: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/_table.py" line="77"/>
        <source>The {what} '{path}' does not exist. Check the path.</source>
        <translation>{what} '{path}' existiert nicht. Den Pfad prüfen.</translation>
    </message>
    <message>
        <location filename="../../geolib/_table.py" line="131"/>
        <source>The {what} '{path}' has no table '{layer}'. Its tables: {layers}.</source>
        <translation>{what} '{path}' hat keine Tabelle '{layer}'. Ihre Tabellen: {layers}.</translation>
    </message>
    <message>
        <location filename="../../geolib/_table.py" line="121"/>
        <source>The {what} '{path}' has {n} tables; name one as '{path}|layername=NAME'. Its tables: {layers}.</source>
        <translation>{what} '{path}' hat {n} Tabellen; eine als '{path}|layername=NAME' angeben. Ihre Tabellen: {layers}.</translation>
    </message>
    <message>
        <location filename="../../geolib/_table.py" line="109"/>
        <source>The {what} '{path}' is not UTF-8 text. Save it as 'CSV UTF-8' (or as XLSX) and choose it again.</source>
        <translation>{what} '{path}' ist kein UTF-8-Text. Speichern Sie die Datei als 'CSV UTF-8' (oder als XLSX) und wählen Sie sie erneut.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="568"/>
        <source>The {what} contains {n} features that are not lines (for example row {row}). Choose a line layer.</source>
        <translation>Der {what} enthält {n} Objekte, die keine Linien sind (zum Beispiel Zeile {row}). Wählen Sie einen Linienlayer.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="585"/>
        <source>The {what} has 3D lines; heights were ignored.</source>
        <translation>Der {what} hat 3D-Linien; die Höhen wurden ignoriert.</translation>
    </message>
    <message>
        <location filename="../../geolib/topology.py" line="184"/>
        <source>The {what} has OSM node ids (node_from, node_to): lines are connected where they share a node and were not noded.</source>
        <translation>Der {what} hat OSM-Knoten-IDs (node_from, node_to): Linien sind dort verbunden, wo sie einen Knoten teilen, und wurden nicht verknotet.</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="69"/>
        <source>The {what} has an undefined coordinate reference system ('{crs}'), so its coordinates cannot be placed on the map. {fix}</source>
        <translation>Der {what} hat ein undefiniertes Koordinatenbezugssystem („{crs}“), daher lassen sich seine Koordinaten nicht auf der Karte verorten. {fix}</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="76"/>
        <source>The {what} has no coordinate reference system (CRS). {fix}</source>
        <translation>Der {what} hat kein Koordinatenbezugssystem (KBS). {fix}</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="273"/>
        <source>The {what} has no feature with a geometry.</source>
        <translation>Der {what} hat kein Objekt mit Geometrie.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="22"/>
        <source>The {what} has no field '{field}'. Its fields are: {fields}. Choose one of them.</source>
        <translation>Der {what} hat kein Feld „{field}“. Seine Felder sind: {fields}. Wählen Sie eines davon.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/data.py" line="160"/>
        <source>The {what} has no field(s) {fields}; use the matching output of the Sozialformel. Its fields: {available}.</source>
        <translation>Die {what} hat kein(e) Feld(er) {fields}; die passende Ausgabe der Sozialformel verwenden. Ihre Felder: {available}.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="225"/>
        <source>The {what} has no point with a geometry; there is nothing to estimate.</source>
        <translation>Der {what} hat keinen Punkt mit Geometrie; es gibt nichts zu schätzen.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="547"/>
        <source>The {what} has no polygons to check the offers against.</source>
        <translation>Der {what} enthält keine Polygone, gegen die die Angebote geprüft werden könnten.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="138"/>
        <source>The {what} is empty. Choose a layer with at least one offer.</source>
        <translation>Der {what} ist leer. Wählen Sie einen Layer mit mindestens einem Angebot.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="520"/>
        <source>The {what} is empty: it has no features. Choose a layer with features (and check 'Selected features only' and any filter).</source>
        <translation>Der {what} ist leer: Er enthält keine Objekte. Wählen Sie einen Layer mit Objekten (und prüfen Sie „Nur gewählte Objekte“ und etwaige Filter).</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="366"/>
        <source>The {what} is empty: it has no lines to route on. Choose a layer with streets or paths.</source>
        <translation>Der {what} ist leer: Er hat keine Linien, auf denen geroutet werden kann. Wählen Sie einen Layer mit Straßen oder Wegen.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/common.py" line="31"/>
        <source>The {what} lacks the field(s) {missing}; it has: {fields}. Use the VG250 municipalities layer (fields AGS, GEN, EWZ_2018, ...).</source>
        <translation>Dem {what} fehlen die Felder {missing}; er hat: {fields}. Verwenden Sie den VG250-Gemeindelayer (Felder AGS, GEN, EWZ_2018, ...).</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="90"/>
        <source>The {what} must contain polygons, but it has {kinds}. Choose a polygon layer.</source>
        <translation>Der {what} muss Polygone enthalten, enthält aber {kinds}. Wählen Sie einen Polygonlayer.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="152"/>
        <source>The {what} must contain {expected}, but it has {kinds}. Choose another layer.</source>
        <translation>Der {what} muss {expected} enthalten, enthält aber {kinds}. Wählen Sie einen anderen Layer.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="205"/>
        <source>The {what} must have polygons (areas with counts) or points, not lines.</source>
        <translation>Der {what} muss Polygone (Flächen mit Anzahlen) oder Punkte haben, keine Linien.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="182"/>
        <source>The {what} needs its population field (the number of people). Its number fields are: {fields}.</source>
        <translation>Für den {what} fehlt das Bevölkerungsfeld (die Zahl der Personen). Seine Zahlenfelder sind: {fields}.</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="119"/>
        <source>The {what} says its coordinate reference system is {crs} (degrees), but its coordinates reach {x}, {y}, which are not degrees (metres, most likely). Assign the CRS the coordinates are in (such as EPSG:25832). {fix}</source>
        <translation>Der {what} gibt als Koordinatenbezugssystem {crs} (Grad) an, seine Koordinaten reichen aber bis {x}, {y}; das sind keine Grad (wahrscheinlich Meter). Weisen Sie das KBS zu, in dem die Koordinaten vorliegen (etwa EPSG:25832). {fix}</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="189"/>
        <source>The {what} was reprojected from {source} to {target} for metric analysis.</source>
        <translation>Der {what} wurde für die metrische Analyse von {source} nach {target} umprojiziert.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="89"/>
        <source>These catchments would be built from about {pieces} street pieces ({k} offers, each reaching {share} % of the network within the largest break of {brk} {unit}); more than {limit} would take very long. The farthest point reached is {farthest} {unit} away, so a larger break adds nothing. Use a smaller largest break (about {fits} {unit} fits), fewer offers, or the overlap 'dissolve' (coverage) or 'split'.</source>
        <translation>Diese Einzugsbereiche bestünden aus etwa {pieces} Straßenstücken ({k} Angebote, jedes erreicht innerhalb der größten Grenze von {brk} {unit} {share} % des Netzes); mehr als {limit} würden sehr lange dauern. Der fernste erreichte Punkt ist {farthest} {unit} entfernt, eine größere Grenze bringt also nichts. Verwenden Sie eine kleinere größte Grenze (etwa {fits} {unit} passen), weniger Angebote oder die Überlappung „dissolve“ (Abdeckung) oder „split“.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/_common.py" line="155"/>
        <source>These fields of the source are unknown and were ignored: {fields}.</source>
        <translation>Diese Felder der Quelle sind unbekannt und wurden ignoriert: {fields}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="59"/>
        <source>This folder works offline: open index.html from disk or put the folder on any web server.</source>
        <translation>Dieser Ordner funktioniert offline: index.html direkt öffnen oder den Ordner auf einen beliebigen Webserver legen.</translation>
    </message>
    <message>
        <location filename="../../geolib/nx.py" line="48"/>
        <source>This needs the Python package networkx, which is not installed. Install it (Debian/Ubuntu: python3-networkx; Windows: the OSGeo4W package python3-networkx; else: pip install networkx) and try again.</source>
        <translation>Dafür ist das Python-Paket networkx nötig, das nicht installiert ist. Installieren Sie es (Debian/Ubuntu: python3-networkx; Windows: das OSGeo4W-Paket python3-networkx; sonst: pip install networkx) und versuchen Sie es erneut.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="16"/>
        <source>This report needs JavaScript; please allow it for this page.</source>
        <translation>Dieser Bericht braucht JavaScript; bitte für diese Seite erlauben.</translation>
    </message>
    <message>
        <location filename="../../geolib/memory.py" line="52"/>
        <source>This {what} would need about {need} of memory, more than the {limit} available. Use fewer points, a smaller maximum cost or break, or a smaller network.</source>
        <translation>Diese {what} bräuchte etwa {need} Arbeitsspeicher, mehr als die verfügbaren {limit}. Verwenden Sie weniger Punkte, kleinere maximale Kosten oder Grenzen oder ein kleineres Netz.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="195"/>
        <source>Threshold: counts below {threshold}; minimum denominator: {min_den}.</source>
        <translation>Schwellenwert: Fallzahlen unter {threshold}; kleinster Nenner: {min_den}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/compute.py" line="248"/>
        <source>To keep later runs comparable with this one (the same bounds and classes, even without the year {year} in their table), add this to their configuration:
{table}</source>
        <translation>Damit spätere Läufe mit diesem vergleichbar bleiben (gleiche Grenzen und Klassen, auch ohne das Jahr {year} in ihrer Tabelle), fügen Sie dies ihrer Konfiguration hinzu:
{table}</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="356"/>
        <source>Travel time needs speeds: choose a profile (walk, bike, car) or a speed field.</source>
        <translation>Reisezeit braucht Geschwindigkeiten: Wählen Sie ein Profil (zu Fuß, Fahrrad, Auto) oder ein Geschwindigkeitsfeld.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="58"/>
        <source>Unit</source>
        <translation>Gebiet</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="66"/>
        <source>Units</source>
        <translation>Gebiete</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="65"/>
        <source>Unknown classification '{method}'; use one of: {allowed}.</source>
        <translation>Unbekannte Klassifizierung '{method}'; eine dieser verwenden: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/engine.py" line="363"/>
        <source>Unknown combination '{method}'.</source>
        <translation>Unbekannte Verknüpfung '{method}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal_server.py" line="88"/>
        <source>Unknown fault '{fault}'. Known: slow, 500, 429, retry_after, malformed, repeat, endless, total.</source>
        <translation>Unbekannter Fehlerschalter '{fault}'. Bekannt sind: slow, 500, 429, retry_after, malformed, repeat, endless, total.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="188"/>
        <source>Unknown kernel '{kernel}'; choose one of {kernels}.</source>
        <translation>Unbekannter Kern „{kernel}“; wählen Sie einen von {kernels}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/fca.py" line="123"/>
        <source>Unknown method '{method}'; choose one of {methods}.</source>
        <translation>Unbekannte Methode „{method}“; wählen Sie eine von {methods}.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="194"/>
        <source>Unknown output value '{output}'; choose one of {values}.</source>
        <translation>Unbekannter Ausgabewert „{output}“; wählen Sie einen von {values}.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="645"/>
        <source>Unknown surface method '{method}'; use one of: {allowed}.</source>
        <translation>Unbekannte Oberflächenmethode '{method}'; eine dieser verwenden: {allowed}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="16"/>
        <source>Validity report</source>
        <translation>Validitätsbericht</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="472"/>
        <source>Values are counts per cell of {size} m × {size} m.</source>
        <translation>Die Werte sind Anzahlen je Zelle von {size} m × {size} m.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="51"/>
        <source>Values from fewer than {threshold} cases or on fewer than {min_den} people are withheld (shown as 'withheld', left out of charts and rankings); this report contains no counts. Withheld values are never derived from others.</source>
        <translation>Werte aus weniger als {threshold} Fällen oder zu weniger als {min_den} Personen sind geheim (als „geheim“ angezeigt, nicht in Diagrammen und Rangfolgen); dieser Bericht enthält keine Fallzahlen. Geheime Werte werden nie aus anderen abgeleitet.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="53"/>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="213"/>
        <source>With a decay ratio of {decay} the triangular kernel has no positive integral, so it cannot be scaled; use the raw output or a decay ratio above -0.5.</source>
        <translation>Mit einem Abfallverhältnis von {decay} hat der Dreieckskern kein positives Integral und lässt sich nicht skalieren; verwenden Sie die Rohwerte oder ein Abfallverhältnis über -0,5.</translation>
    </message>
    <message>
        <location filename="../../geolib/raster.py" line="157"/>
        <source>Writing '{path}' failed: {error}. Is the disk full? The previous file is unchanged.</source>
        <translation>Das Schreiben von '{path}' ist fehlgeschlagen: {error}. Ist der Datenträger voll? Die bisherige Datei ist unverändert.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="327"/>
        <source>Writing layer '{layer}' to '{path}' failed: {error}</source>
        <translation>Das Schreiben des Layers „{layer}“ nach „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="334"/>
        <source>Writing layer '{layer}' to '{path}' stopped after {written} of {n} features (is the disk full?). The previous file is unchanged.</source>
        <translation>Das Schreiben des Layers '{layer}' in '{path}' brach nach {written} von {n} Objekten ab (ist der Datenträger voll?). Die bisherige Datei ist unverändert.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="21"/>
        <source>Year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="127"/>
        <source>Years: {years}; validity checked for {year}.</source>
        <translation>Jahre: {years}; Validität geprüft für {year}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/decay.py" line="60"/>
        <source>Zone weights must be numbers of at least 0, not {weights}.</source>
        <translation>Die Zonengewichte müssen Zahlen von mindestens 0 sein, nicht {weights}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="418"/>
        <source>[classes] of the Sozialformel configuration must be a table.</source>
        <translation>[classes] der Sozialformel-Konfiguration muss eine Tabelle sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="557"/>
        <source>[reference] bounds must be a table: name = [low, high].</source>
        <translation>[reference] bounds muss eine Tabelle sein: name = [low, high].</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="562"/>
        <source>[reference] bounds name the indicator '{name}', which the configuration does not have. Its indicators: {names}.</source>
        <translation>[reference] bounds nennt den Indikator '{name}', den die Konfiguration nicht hat. Ihre Indikatoren: {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="580"/>
        <source>[reference] breaks fix the classes of every year; remove them or classes.per_year = true.</source>
        <translation>[reference] breaks legt die Klassen aller Jahre fest; entfernen Sie sie oder classes.per_year = true.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="452"/>
        <source>[reference] index = [low, high] applies to post_scaling = "minmax_reference" only; the configuration has post_scaling = "{value}".</source>
        <translation>[reference] index = [low, high] gilt nur für post_scaling = "minmax_reference"; die Konfiguration hat post_scaling = "{value}".</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="541"/>
        <source>[reference] of the Sozialformel configuration must be a table.</source>
        <translation>[reference] der Sozialformel-Konfiguration muss eine Tabelle sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="422"/>
        <source>[validity] of the Sozialformel configuration must be a table.</source>
        <translation>[validity] der Sozialformel-Konfiguration muss eine Tabelle sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="351"/>
        <source>an [[indicators]] entry</source>
        <translation>einem [[indicators]]-Eintrag</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/areas.py" line="27"/>
        <source>area layer</source>
        <translation>Flächenlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="210"/>
        <source>areas layer</source>
        <translation>Gebietslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="416"/>
        <source>boundary must be 'free' or 'zero', not '{value}'.</source>
        <translation>boundary muss 'free' oder 'zero' sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="35"/>
        <source>carry forward from an earlier year</source>
        <translation>aus einem früheren Jahr fortschreiben</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="338"/>
        <source>catchment request</source>
        <translation>Einzugsgebietsberechnung</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="344"/>
        <source>cost table</source>
        <translation>Kostentabelle</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="149"/>
        <source>custom breaks</source>
        <translation>eigene Klassengrenzen</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/areas.py" line="44"/>
        <source>demand layer</source>
        <translation>Nachfragelayer</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="409"/>
        <source>destinations layer</source>
        <translation>Ziellayer</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="15"/>
        <source>en</source>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="146"/>
        <source>equal intervals</source>
        <translation>gleiche Intervalle</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="30"/>
        <source>farther than the snap distance from the network</source>
        <translation>weiter als die Fangdistanz vom Netz entfernt</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="332"/>
        <source>group table</source>
        <translation>Zuordnungslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="70"/>
        <source>higher = more need</source>
        <translation>höher = mehr Bedarf</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="42"/>
        <source>higher value = less need</source>
        <translation>höherer Wert = geringerer Bedarf</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="26"/>
        <source>higher value = more need</source>
        <translation>höherer Wert = größerer Bedarf</translation>
    </message>
    <message>
        <location filename="../../geolib/_table.py" line="42"/>
        <source>indicator table</source>
        <translation>Indikatorentabelle</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="31"/>
        <source>input '{input}' (layer '{layer}')</source>
        <translation>Layer „{layer}“ der Eingabe „{input}“</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="75"/>
        <source>key</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="81"/>
        <source>layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="34"/>
        <source>leave out</source>
        <translation>auslassen</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="36"/>
        <source>mean of the unit's group</source>
        <translation>Mittelwert der eigenen Gruppe</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="14"/>
        <source>min–max</source>
        <translation>Min-Max</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="15"/>
        <source>min–max against the reference year or bounds</source>
        <translation>Min-Max gegen das Referenzjahr oder feste Grenzen</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/common.py" line="41"/>
        <source>municipalities layer</source>
        <translation>Gemeindelayer</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="148"/>
        <source>natural breaks (Jenks)</source>
        <translation>natürliche Unterbrechungen (Jenks)</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="363"/>
        <source>network layer</source>
        <translation>Netzlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="133"/>
        <source>no answer within {s} s</source>
        <translation>keine Antwort innerhalb von {s} s</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="38"/>
        <source>no data</source>
        <translation>keine Daten</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_distance.py" line="82"/>
        <source>no geometry</source>
        <translation>keine Geometrie</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="39"/>
        <source>no previous year</source>
        <translation>kein Vorjahr</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="20"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="136"/>
        <source>offers layer</source>
        <translation>Angebotslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="38"/>
        <source>only near a separate small part of the network</source>
        <translation>nur nahe einem getrennten kleinen Teil des Netzes</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="403"/>
        <source>origins layer</source>
        <translation>Startlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/client.py" line="121"/>
        <source>per_page and max_pages must be at least 1, retries at least 0 and the timeout positive.</source>
        <translation>per_page und max_pages müssen mindestens 1 sein, retries mindestens 0 und das Zeitlimit positiv.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="17"/>
        <source>percentile</source>
        <translation>Perzentil</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/offers.py" line="138"/>
        <source>places layer</source>
        <translation>Ortslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="161"/>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="218"/>
        <source>points layer</source>
        <translation>Punktlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/offers.py" line="140"/>
        <source>points-of-interest layer</source>
        <translation>POI-Layer</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="92"/>
        <source>population layer</source>
        <translation>Bevölkerungslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="145"/>
        <source>quantiles</source>
        <translation>Quantile</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="18"/>
        <source>rank</source>
        <translation>Rang</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="19"/>
        <source>raw values</source>
        <translation>Rohwerte</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="33"/>
        <source>refuse (an error names the gaps)</source>
        <translation>ablehnen (ein Fehler nennt die Lücken)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/report.py" line="69"/>
        <source>reversed (higher = less need)</source>
        <translation>umgekehrt (höher = weniger Bedarf)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="29"/>
        <source>standard deviation</source>
        <translation>Standardabweichung</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/classes.py" line="147"/>
        <source>standard deviations</source>
        <translation>Standardabweichungen</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="123"/>
        <source>stopped</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/offers.py" line="139"/>
        <source>streets layer</source>
        <translation>Straßenlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="250"/>
        <source>supply layer</source>
        <translation>Angebotslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/suppression.py" line="142"/>
        <source>suppress_index = false: the index of {n} rows with suppressed values is published; from it and the published values the suppressed counts can be computed back. Use these outputs only inside the administration, or set suppress_index = true.</source>
        <translation>suppress_index = false: Der Index von {n} Zeilen mit gesperrten Werten wird veröffentlicht; aus ihm und den veröffentlichten Werten lassen sich die gesperrten Fallzahlen zurückrechnen. Diese Ausgaben nur innerhalb der Verwaltung verwenden oder suppress_index = true setzen.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="96"/>
        <source>surface raster</source>
        <translation>Oberflächenberechnung</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/data.py" line="211"/>
        <source>table per area and year</source>
        <translation>Tabelle je Gebiet und Jahr</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/data.py" line="295"/>
        <source>table per group and year</source>
        <translation>Tabelle je Gruppe und Jahr</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="145"/>
        <source>the address is malformed ({error}); check the host and the port</source>
        <translation>die Adresse ist fehlerhaft ({error}); prüfen Sie Host und Port</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="137"/>
        <source>the answer broke off or its body is malformed after {n} bytes</source>
        <translation>die Antwort brach nach {n} Bytes ab oder ihr Inhalt ist fehlerhaft</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="34"/>
        <source>the certificate of {host} is not trusted ({error}). If the server is the right one, add the certificate of its authority (CA) in QGIS: Settings → Options → Authentication → Certificate Manager → Authorities → Import, then load again</source>
        <translation>das Zertifikat von {host} ist nicht vertrauenswürdig ({error}). Wenn der Server der richtige ist, importieren Sie das Zertifikat seiner Zertifizierungsstelle (CA) in QGIS: Einstellungen → Optionen → Authentifizierung → Zertifikatsverwaltung → Zertifizierungsstellen → Importieren; dann erneut laden</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/__init__.py" line="264"/>
        <source>the file '{file}' is missing or incomplete</source>
        <translation>die Datei „{file}“ fehlt oder ist unvollständig</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="39"/>
        <source>the proxy {proxy} set in QGIS could not be used ({error}); check the proxy in Settings → Options → Network</source>
        <translation>der in QGIS eingestellte Proxy {proxy} konnte nicht verwendet werden ({error}); prüfen Sie den Proxy unter Einstellungen → Optionen → Netzwerk</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="141"/>
        <source>the server closed the connection without an answer</source>
        <translation>der Server hat die Verbindung ohne Antwort geschlossen</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="143"/>
        <source>the server's answer is not HTTP (a malformed status line or header)</source>
        <translation>die Antwort des Servers ist kein HTTP (fehlerhafte Statuszeile oder Kopfzeile)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="336"/>
        <source>the top level</source>
        <translation>der obersten Ebene</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="484"/>
        <source>threshold and min_denominator must not be negative.</source>
        <translation>threshold und min_denominator dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="487"/>
        <source>validity.weight_spread = {value} is out of range; use 0 to below 1.</source>
        <translation>validity.weight_spread = {value} liegt außerhalb des Bereichs; 0 bis unter 1 verwenden.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="24"/>
        <source>weighted geometric mean</source>
        <translation>gewichtetes geometrisches Mittel</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="22"/>
        <source>weighted mean</source>
        <translation>gewichtetes Mittel</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="25"/>
        <source>weighted product</source>
        <translation>gewichtetes Produkt</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="23"/>
        <source>weighted sum</source>
        <translation>gewichtete Summe</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="476"/>
        <source>winsorize = {value} is out of range; use a share from 0 (off) to below 0.5, e.g. 0.05 to clip 5 % at each tail.</source>
        <translation>winsorize = {value} liegt außerhalb des Bereichs; einen Anteil von 0 (aus) bis unter 0,5 verwenden, z. B. 0,05, um an jedem Rand 5 % zu kappen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="37"/>
        <source>withheld</source>
        <translation>geheim</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="25"/>
        <source>withheld (data protection)</source>
        <translation>geheim (Datenschutz)</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="495"/>
        <source>x and y (easting and northing) are exchanged ({x} / {y}); the offer is shown at the exchanged position. Correct it in the Hilfeportal.</source>
        <translation>x und y (Rechts- und Hochwert) sind vertauscht ({x} / {y}); das Angebot wird an der getauschten Position gezeigt. Korrigieren Sie es im Hilfeportal.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="75"/>
        <source>year</source>
        <translation>Jahr</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/labels.py" line="16"/>
        <source>z-score</source>
        <translation>z-Wert</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="38"/>
        <source>{break_value} {unit}: {reached} of {population} people reached ({pct} %), {unreached} not reached (all areas together).</source>
        <translation>{break_value} {unit}: {reached} von {population} Personen erreicht ({pct} %), {unreached} nicht erreicht (alle Gebiete zusammen).</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/transport.py" line="149"/>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/notes.py" line="26"/>
        <source>{key} {year}</source>
        <translation>{key} {year}</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="203"/>
        <source>{names}</source>
        <translation>{names}</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="204"/>
        <source>{names} … and {n} more</source>
        <translation>{names} … und {n} weitere</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/notes.py" line="27"/>
        <source>{name} ({key}) {year}</source>
        <translation>{name} ({key}) {year}</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="58"/>
        <source>{name} {version}, licence {license} (included in this folder)</source>
        <translation>{name} {version}, Lizenz {license} (in diesem Ordner enthalten)</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="207"/>
        <source>{n} areas have no positive population; their rate is NULL (see 'rate_note').</source>
        <translation>{n} Gebiete haben keine positive Einwohnerzahl; ihre Quote ist NULL (siehe „rate_note“).</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="350"/>
        <source>{n} areas have no row in the group table and belong to no group: {keys}.</source>
        <translation>{n} Gebiete haben keine Zeile in der Gruppentabelle und gehören zu keiner Gruppe: {keys}.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/areas.py" line="77"/>
        <source>{n} areas have no row in the indicator table; their values are empty.</source>
        <translation>{n} Gebiete haben keine Zeile in der Indikatorentabelle; ihre Werte sind leer.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="483"/>
        <source>{n} areas own no cell centre at {size} m: {areas}. Their counts are spread over the cells they overlap, by overlapped area (not smoothed), so the totals are kept.</source>
        <translation>{n} Gebiete besitzen bei {size} m keinen Zellmittelpunkt: {areas}. Ihre Anzahlen werden nach überdeckter Fläche auf die Zellen verteilt, die sie überdecken (nicht geglättet), sodass die Summen erhalten bleiben.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="491"/>
        <source>{n} areas own no cell centre at {size} m: {areas}. Their counts are spread over the cells they overlap, by overlapped area (not smoothed), so the totals are kept. At {fitting} m every area owns a cell centre and is smoothed.</source>
        <translation>{n} Gebiete besitzen bei {size} m keinen Zellmittelpunkt: {areas}. Ihre Anzahlen werden nach überdeckter Fläche auf die Zellen verteilt, die sie überdecken (nicht geglättet), sodass die Summen erhalten bleiben. Bei {fitting} m besitzt jedes Gebiet einen Zellmittelpunkt und wird geglättet.</translation>
    </message>
    <message>
        <location filename="../../geolib/surfaces.py" line="337"/>
        <source>{n} areas without a value were left out (nodata there).</source>
        <translation>{n} Gebiete ohne Wert wurden ausgelassen (dort NoData).</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="283"/>
        <source>{n} demand units have no population in '{field}'; they count as 0.</source>
        <translation>{n} Nachfrageeinheiten haben keine Bevölkerung in „{field}“; sie zählen als 0.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/fca.py" line="15"/>
        <source>{n} demand units have no supply within reach; their score is 0.</source>
        <translation>{n} Nachfrageeinheiten erreichen kein Angebot; ihr Wert ist 0.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="99"/>
        <source>{n} features of the {what} have no geometry (rows {rows}). Remove them or give them a geometry.</source>
        <translation>{n} Objekte im {what} haben keine Geometrie (Zeilen {rows}). Entfernen Sie sie oder geben Sie ihnen eine Geometrie.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="577"/>
        <source>{n} features of the {what} have no geometry and were skipped.</source>
        <translation>{n} Objekte im {what} haben keine Geometrie und wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/areas.py" line="167"/>
        <source>{n} groups have no member in the area layer; their geometry is empty: {groups}.</source>
        <translation>{n} Gruppen haben kein Mitglied im Gebietslayer; ihre Geometrie ist leer: {groups}.</translation>
    </message>
    <message>
        <location filename="../../geolib/osm.py" line="342"/>
        <source>{n} highway ways of the OSM file have fewer than two distinct nodes and were skipped, for example the ways {ways}.</source>
        <translation>{n} Straßen-Wege (highway) der OSM-Datei haben weniger als zwei verschiedene Knoten und wurden übersprungen, zum Beispiel die Wege {ways}.</translation>
    </message>
    <message>
        <location filename="../../geolib/osm.py" line="327"/>
        <source>{n} highway ways of the OSM file were skipped because some of their nodes are not in the file (usually ways cut at the border of an extract), for example the ways {ways}.</source>
        <translation>{n} Straßen-Wege (highway) der OSM-Datei wurden übersprungen, weil einige ihrer Knoten nicht in der Datei sind (meist Wege, die am Rand eines Ausschnitts abgeschnitten sind), zum Beispiel die Wege {ways}.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="126"/>
        <source>{n} invalid polygons of the {what} were repaired (make valid).</source>
        <translation>{n} ungültige Polygone im {what} wurden repariert (make valid).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/areas.py" line="67"/>
        <source>{n} keys of the indicator table are not in the area layer (field '{field}'): {keys}. Choose the matching area layer or key field, or remove these rows.</source>
        <translation>{n} Schlüssel der Indikatorentabelle sind nicht im Gebietslayer (Feld '{field}'): {keys}. Den passenden Gebietslayer oder das passende Schlüsselfeld wählen oder diese Zeilen entfernen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/data.py" line="229"/>
        <source>{n} keys of the table per area and year have no area and are not on the map: {keys}.</source>
        <translation>{n} Schlüssel der Tabelle je Gebiet und Jahr haben kein Gebiet und fehlen auf der Karte: {keys}.</translation>
    </message>
    <message>
        <location filename="../../geolib/_table.py" line="171"/>
        <source>{n} keys of the {what} were numbers without their leading zero (e.g. {example}); they were padded to {width} digits. Keep keys as text.</source>
        <translation>{n} Schlüssel der {what} waren Zahlen ohne führende Null (z. B. {example}); sie wurden auf {width} Stellen aufgefüllt. Schlüssel als Text führen.</translation>
    </message>
    <message>
        <location filename="../../geolib/profiles.py" line="302"/>
        <source>{n} lines have a maxspeed that is not a speed (for example {values}); they were given the speed of their road class.</source>
        <translation>{n} Linien haben eine Höchstgeschwindigkeit (maxspeed), die keine Geschwindigkeit ist (zum Beispiel {values}); sie erhielten die Geschwindigkeit ihrer Straßenklasse.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="444"/>
        <source>{n} lines of the {what} are not usable with the profile '{profile}' (for example motorways on foot, footways by car) and were left out.</source>
        <translation>{n} Linien des {what}s sind mit dem Profil '{profile}' nicht nutzbar (zum Beispiel Autobahnen zu Fuß, Fußwege mit dem Auto) und wurden weggelassen.</translation>
    </message>
    <message>
        <location filename="../../geolib/topology.py" line="194"/>
        <source>{n} lines of the {what} have no OSM node ids (node_from, node_to) or several parts; they were connected by their coordinates (at shared vertices and ends within {d} m).</source>
        <translation>{n} Linien des {what}s haben keine OSM-Knoten-IDs (node_from, node_to) oder mehrere Teile; sie wurden über ihre Koordinaten verbunden (an gemeinsamen Stützpunkten und Enden innerhalb von {d} m).</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="591"/>
        <source>{n} multipart lines of the {what} were split into their parts.</source>
        <translation>{n} mehrteilige Linien des {what}s wurden in ihre Teile zerlegt.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="447"/>
        <source>{n} of {total} demand units are farther than {d} m from the network (or have no geometry): their score and nearest offer are NULL (routable = 0) and their {population} inhabitants are left out of the mean.</source>
        <translation>{n} von {total} Nachfrageeinheiten liegen weiter als {d} m vom Netz entfernt (oder haben keine Geometrie): Ihr Wert und ihr nächstes Angebot sind NULL (routable = 0), und ihre {population} Einwohner zählen nicht im Mittel.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="460"/>
        <source>{n} of {total} offers are farther than {d} m from the network: nobody reaches them, their capacity ({capacity}) is not counted (routable = 0).</source>
        <translation>{n} von {total} Angeboten liegen weiter als {d} m vom Netz entfernt: Niemand erreicht sie, ihre Kapazität ({capacity}) wird nicht gezählt (routable = 0).</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="629"/>
        <source>{n} of {total} offers are not on the map (no usable coordinates or a duplicate id); the check list names them.</source>
        <translation>{n} von {total} Angeboten erscheinen nicht auf der Karte (keine brauchbaren Koordinaten oder doppelte ID); die Prüfliste nennt sie.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/load.py" line="183"/>
        <source>{n} of {total} offers match the filters.</source>
        <translation>{n} von {total} Angeboten entsprechen den Filtern.</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="32"/>
        <source>{n} of {total} points of the {what} are not routable (farther than {d} m from the network or without geometry); they are listed in the unroutable output.</source>
        <translation>{n} von {total} Punkten des {what}s sind nicht routbar (weiter als {d} m vom Netz entfernt oder ohne Geometrie); sie stehen in der Ausgabe der nicht routbaren Punkte.</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="40"/>
        <source>{n} of {total} points of the {what} lie within {d} m only of separate small parts of the network, not of its main part, and are not routed: {names}.</source>
        <translation>{n} von {total} Punkten des {what}s liegen innerhalb von {d} m nur an getrennten kleinen Teilen des Netzes, nicht an seinem Hauptteil, und werden nicht geroutet: {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="306"/>
        <source>{n} offers are farther from the network than the walk-off distance of {w} m; their areas may not contain them.</source>
        <translation>{n} Angebote liegen weiter vom Netz entfernt als die Zugangsdistanz von {w} m; ihre Flächen enthalten sie womöglich nicht.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="148"/>
        <source>{n} offers are multipoints: each of their points is routed ({parts} points of all offers) and an offer's catchment is the union of its points' catchments.</source>
        <translation>{n} Angebote sind Multipunkte: Jeder ihrer Punkte wird geroutet ({parts} Punkte aller Angebote), und das Einzugsgebiet eines Angebots ist die Vereinigung der Einzugsgebiete seiner Punkte.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="153"/>
        <source>{n} offers are multipoints: the cost to such an offer is the cost to the nearest of its points.</source>
        <translation>{n} Angebote sind Multipunkte: Die Kosten zu einem solchen Angebot sind die Kosten zu seinem nächsten Punkt.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_distance.py" line="97"/>
        <source>{n} offers are multipoints: their areas are the union of the circles around each of their points.</source>
        <translation>{n} Angebote sind Multipunkte: Ihre Flächen sind die Vereinigung der Kreise um jeden ihrer Punkte.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/checks.py" line="706"/>
        <source>{n} offers have coordinates such as {x} / {y}, which look like metres of a projected CRS, not longitude / latitude. If the export uses UTM, choose the CRS of its coordinates (e.g. EPSG:25832).</source>
        <translation>{n} Angebote haben Koordinaten wie {x} / {y}, die wie Meter eines projizierten KBS aussehen, nicht wie Länge / Breite. Verwendet der Export UTM, wählen Sie das KBS seiner Koordinaten (z. B. EPSG:25832).</translation>
    </message>
    <message>
        <location filename="../../geolib/catchment_common.py" line="107"/>
        <source>{n} offers have no value in '{field}'. Every offer needs its own id.</source>
        <translation>{n} Angebote haben keinen Wert in '{field}'. Jedes Angebot braucht eine eigene Kennung.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="182"/>
        <source>{n} offers lie outside every area and are not counted; see the list of offers outside the areas.</source>
        <translation>{n} Angebote liegen außerhalb aller Gebiete und werden nicht gezählt; siehe die Liste der Angebote außerhalb der Gebiete.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/data.py" line="319"/>
        <source>{n} planning regions of the mapping are not in the table per group and year: {names}.</source>
        <translation>{n} Planungsräume der Zuordnung fehlen in der Tabelle je Gruppe und Jahr: {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="263"/>
        <source>{n} points have a missing radius or one of 0 m or less in '{field}' and were skipped.</source>
        <translation>{n} Punkte haben in „{field}“ keinen Radius oder einen von 0 m oder weniger und wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="239"/>
        <source>{n} points have no weight in '{field}'; they count with weight 0.</source>
        <translation>{n} Punkte haben kein Gewicht in „{field}“; sie zählen mit dem Gewicht 0.</translation>
    </message>
    <message>
        <location filename="../../geolib/kernel_density.py" line="335"/>
        <source>{n} points lie farther than their radius from the raster extent and do not contribute.</source>
        <translation>{n} Punkte liegen weiter als ihr Radius von der Rasterausdehnung entfernt und tragen nichts bei.</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="182"/>
        <source>{n} points of multipoint features of the {what} are farther than {d} m from the network and were left out; the other points of these features are routed: {names}.</source>
        <translation>{n} Punkte von Multipunkt-Objekten des {what}s sind weiter als {d} m vom Netz entfernt und wurden ausgelassen; die übrigen Punkte dieser Objekte werden geroutet: {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="406"/>
        <source>{n} points of multipoint offers are farther than {d} m from the network; those offers are reached at their other points.</source>
        <translation>{n} Punkte von Multipunkt-Angeboten liegen weiter als {d} m vom Netz entfernt; diese Angebote werden an ihren anderen Punkten erreicht.</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="250"/>
        <source>{n} points of the {what} are nearer to a separate small part of the network than to its main part and were snapped to the main part: {names}.</source>
        <translation>{n} Punkte des {what}s liegen näher an einem getrennten kleinen Teil des Netzes als an seinem Hauptteil und wurden an den Hauptteil gefangen: {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/routing.py" line="265"/>
        <source>{n} points of the {what} lie on separate small parts of the network and reach only their part (its length in brackets): {names}.</source>
        <translation>{n} Punkte des {what}s liegen auf getrennten kleinen Teilen des Netzes und erreichen nur ihren Teil (seine Länge in Klammern): {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="114"/>
        <source>{n} polygons of the {what} are invalid and cannot be repaired (rows {rows}). Run 'Fix geometries' on the layer and check these features.</source>
        <translation>{n} Polygone im {what} sind ungültig und lassen sich nicht reparieren (Zeilen {rows}). Führen Sie „Geometrien reparieren“ auf dem Layer aus und prüfen Sie diese Objekte.</translation>
    </message>
    <message>
        <location filename="../../geolib/population.py" line="124"/>
        <source>{n} population points ({people} people) lie outside every area; they are not counted.</source>
        <translation>{n} Bevölkerungspunkte ({people} Personen) liegen außerhalb aller Gebiete; sie werden nicht gezählt.</translation>
    </message>
    <message>
        <location filename="../../geolib/hilfeportal/readers.py" line="247"/>
        <source>{n} rows of '{file}' have more cells than the header; the extra cells were ignored. Is a separator inside a text without quotes?</source>
        <translation>{n} Zeilen von '{file}' haben mehr Zellen als die Kopfzeile; die zusätzlichen Zellen wurden ignoriert. Steht ein Trennzeichen in einem Text ohne Anführungszeichen?</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/groups.py" line="56"/>
        <source>{n} rows of the group table have no key and were skipped.</source>
        <translation>{n} Zeilen der Gruppentabelle haben keinen Schlüssel und wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/inputs.py" line="99"/>
        <source>{n} rows of the indicator table have no key ({key}).</source>
        <translation>{n} Zeilen der Indikatorentabelle haben keinen Schlüssel ({key}).</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/layers.py" line="313"/>
        <source>{n} supply points have no capacity in '{field}'; they count as 1.</source>
        <translation>{n} Angebote haben keine Kapazität in „{field}“; sie zählen als 1.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility/fca.py" line="16"/>
        <source>{n} supply points have no demand within reach; their supply is not assigned to anyone (ratio NULL).</source>
        <translation>{n} Angebote haben keine Nachfrage in Reichweite; ihr Angebot wird niemandem zugerechnet (Verhältnis NULL).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/compute.py" line="209"/>
        <source>{n} unit-years without a value are left out of their groups' pooled counts (for the indicators they lack).</source>
        <translation>{n} Gebiet-Jahre ohne Wert bleiben bei den zusammengefassten Fallzahlen ihrer Gruppen außen vor (für die Indikatoren, die ihnen fehlen).</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/groups.py" line="70"/>
        <source>{n} units of the indicator table are in no group ({keys}); they count for no group.</source>
        <translation>{n} Gebiete der Indikatorentabelle sind in keiner Gruppe ({keys}); sie zählen für keine Gruppe.</translation>
    </message>
    <message>
        <location filename="../../geolib/messages.py" line="123"/>
        <source>{size} GB</source>
        <translation>{size} GB</translation>
    </message>
    <message>
        <location filename="../../geolib/messages.py" line="121"/>
        <source>{size} KB</source>
        <translation>{size} KB</translation>
    </message>
    <message>
        <location filename="../../geolib/messages.py" line="122"/>
        <source>{size} MB</source>
        <translation>{size} MB</translation>
    </message>
    <message>
        <location filename="../../geolib/messages.py" line="124"/>
        <source>{size} TB</source>
        <translation>{size} TB</translation>
    </message>
    <message>
        <location filename="../../geolib/messages.py" line="120"/>
        <source>{size} bytes</source>
        <translation>{size} Bytes</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="80"/>
        <source>{unit} ({indicators})</source>
        <translation>{unit} ({indicators})</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="105"/>
        <source>{unit} from {source} ({columns})</source>
        <translation>{unit} aus {source} ({columns})</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="165"/>
        <source>{unit}: {indicator} (all units)</source>
        <translation>{unit}: {indicator} (alle Gebiete)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/missing.py" line="169"/>
        <source>{unit}: {indicator} ({grouping} '{group}')</source>
        <translation>{unit}: {indicator} ({grouping} „{group}“)</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/notes.py" line="62"/>
        <source>{unit}: {old} → {new}</source>
        <translation>{unit}: {old} → {new}</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/config.py" line="528"/>
        <source>{what} must be two numbers [low, high] with low &lt; high.</source>
        <translation>{what} müssen zwei Zahlen [low, high] mit low &lt; high sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialbericht/texts.py" line="34"/>
        <source>± previous year</source>
        <translation>± Vorjahr</translation>
    </message>
    <message>
        <location filename="../../geolib/examples/regions.py" line="51"/>
        <source>Ämter layer</source>
        <translation>Ämterlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/sozialformel/notes.py" line="44"/>
        <source>… and {n} more</source>
        <translation>… und {n} weitere</translation>
    </message>
</context>
<context>
    <name>styles</name>
    <message>
        <location filename="../../styles/accessibility.qml" line="17"/>
        <source>0 (no offer within reach)</source>
        <translation>0 (kein Angebot erreichbar)</translation>
    </message>
    <message>
        <location filename="../../styles/offers_per_population.qml" line="17"/>
        <source>0 – 0.25</source>
        <translation>0 – 0,25</translation>
    </message>
    <message>
        <location filename="../../styles/offers_per_population.qml" line="18"/>
        <source>0.25 – 0.5</source>
        <translation>0,25 – 0,5</translation>
    </message>
    <message>
        <location filename="../../styles/accessibility.qml" line="19"/>
        <source>0.5 – 0.8</source>
        <translation>0,5 – 0,8</translation>
    </message>
    <message>
        <location filename="../../styles/offers_per_population.qml" line="19"/>
        <source>0.5 – 1</source>
        <translation>0,5 – 1</translation>
    </message>
    <message>
        <location filename="../../styles/accessibility.qml" line="20"/>
        <source>0.8 – 1.25</source>
        <translation>0,8 – 1,25</translation>
    </message>
    <message>
        <location filename="../../styles/accessibility.qml" line="21"/>
        <source>1.25 – 2</source>
        <translation>1,25 – 2</translation>
    </message>
    <message>
        <location filename="../../styles/income.qml" line="18"/>
        <source>45,000 – 50,000 EUR</source>
        <translation>45.000 – 50.000 €</translation>
    </message>
    <message>
        <location filename="../../styles/income.qml" line="19"/>
        <source>50,000 – 55,000 EUR</source>
        <translation>50.000 – 55.000 €</translation>
    </message>
    <message>
        <location filename="../../styles/income.qml" line="20"/>
        <source>55,000 – 60,000 EUR</source>
        <translation>55.000 – 60.000 €</translation>
    </message>
    <message>
        <location filename="../../styles/income.qml" line="21"/>
        <source>60,000 EUR and more</source>
        <translation>60.000 € und mehr</translation>
    </message>
    <message>
        <location filename="../../styles/accessibility.qml" line="18"/>
        <source>&lt; 0.5</source>
        <translation>&lt; 0,5</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="800"/>
        <source>AGS</source>
        <translation>AGS</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="798"/>
        <source>Address</source>
        <translation>Adresse</translation>
    </message>
    <message>
        <location filename="../../styles/catchment_lines.qml" line="17"/>
        <source>Break 1</source>
        <translation>1. Grenze</translation>
    </message>
    <message>
        <location filename="../../styles/catchment_lines.qml" line="18"/>
        <source>Break 2</source>
        <translation>2. Grenze</translation>
    </message>
    <message>
        <location filename="../../styles/catchment_lines.qml" line="19"/>
        <source>Break 3</source>
        <translation>3. Grenze</translation>
    </message>
    <message>
        <location filename="../../styles/catchment_lines.qml" line="20"/>
        <source>Break 4</source>
        <translation>4. Grenze</translation>
    </message>
    <message>
        <location filename="../../styles/catchment_lines.qml" line="21"/>
        <source>Break 5</source>
        <translation>5. Grenze</translation>
    </message>
    <message>
        <location filename="../../styles/catchment_lines.qml" line="22"/>
        <source>Break 6</source>
        <translation>6. Grenze</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="796"/>
        <source>Categories</source>
        <translation>Kategorien</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="795"/>
        <source>Category</source>
        <translation>Kategorie</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="741"/>
        <source>Check</source>
        <translation>Prüfung</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="807"/>
        <source>Check notes</source>
        <translation>Prüfhinweise</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="888"/>
        <source>Contact</source>
        <translation>Kontakt</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="803"/>
        <source>Link</source>
        <translation>Link</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="881"/>
        <source>Offer</source>
        <translation>Angebot</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="739"/>
        <source>Offer ID</source>
        <translation>Angebots-ID</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="802"/>
        <source>Opening hours</source>
        <translation>Öffnungszeiten</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="26"/>
        <source>Other</source>
        <translation>Sonstige</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="804"/>
        <source>Phone</source>
        <translation>Telefon</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="801"/>
        <source>Places</source>
        <translation>Plätze</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="799"/>
        <source>Postcode</source>
        <translation>PLZ</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="794"/>
        <source>Provider</source>
        <translation>Träger</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="743"/>
        <source>Reason</source>
        <translation>Grund</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="742"/>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="806"/>
        <source>Synthetic</source>
        <translation>Synthetisch</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="797"/>
        <source>Target groups</source>
        <translation>Zielgruppen</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="740"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_offers.qml" line="805"/>
        <source>Updated</source>
        <translation>Stand</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="19"/>
        <source>coordinates out of range</source>
        <translation>Koordinaten außerhalb des Wertebereichs</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="22"/>
        <source>duplicate ID</source>
        <translation>doppelte ID</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/styling.py" line="38"/>
        <source>en</source>
        <translation>de</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="18"/>
        <source>invalid coordinates</source>
        <translation>Koordinaten ungültig</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="20"/>
        <source>latitude and longitude swapped</source>
        <translation>Breite und Länge vertauscht</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="27"/>
        <source>link removed (not http/https)</source>
        <translation>Link entfernt (nicht http/https)</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="17"/>
        <source>no coordinates</source>
        <translation>ohne Koordinaten</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="25"/>
        <source>no update date</source>
        <translation>ohne Aktualisierungsdatum</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="24"/>
        <source>not updated for a long time</source>
        <translation>lange nicht aktualisiert</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="21"/>
        <source>outside the area</source>
        <translation>außerhalb des Gebiets</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="23"/>
        <source>same title and address</source>
        <translation>gleicher Titel und gleiche Adresse</translation>
    </message>
    <message>
        <location filename="../../styles/hilfeportal_checks.qml" line="26"/>
        <source>text shortened</source>
        <translation>Text gekürzt</translation>
    </message>
    <message>
        <location filename="../../styles/income.qml" line="17"/>
        <source>under 45,000 EUR</source>
        <translation>unter 45.000 €</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/styling.py" line="137"/>
        <source>up to {value} {unit}</source>
        <translation>bis {value} {unit}</translation>
    </message>
</context>
</TS>
