<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AtlasAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="83"/>
        <source>Atlas GeoPackage (or a layer in it)</source>
        <translation>Atlas-GeoPackage (oder eine Ebene darin)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="121"/>
        <source>Atlas PDF</source>
        <translation>Atlas-PDF</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="89"/>
        <source>Base map GeoPackage (layers gemeinden and kreis)</source>
        <translation>GeoPackage der Grundkarte (Ebenen gemeinden und kreis)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="104"/>
        <source>Data year (empty: from the layers' provenance)</source>
        <translation>Datenjahr (leer: aus der Herkunftsangabe der Ebenen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="111"/>
        <source>Label every map as synthetic example values</source>
        <translation>Jede Karte als synthetische Beispielwerte kennzeichnen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="146"/>
        <source>Map '{theme}': {path}</source>
        <translation>Karte „{theme}“: {path}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="122"/>
        <source>Maps (PNG)</source>
        <translation>Karten (PNG)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="123"/>
        <source>Number of maps</source>
        <translation>Anzahl der Karten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="117"/>
        <source>Output folder (project, maps, PDF)</source>
        <translation>Ausgabeordner (Projekt, Karten, PDF)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="120"/>
        <source>QGIS project</source>
        <translation>QGIS-Projekt</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="55"/>
        <source>Sozialplanungsatlas (project, maps, PDF)</source>
        <translation>Sozialplanungsatlas (Projekt, Karten, PDF)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="129"/>
        <source>The atlas GeoPackage '{path}' does not exist.</source>
        <translation>Das Atlas-GeoPackage „{path}“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="97"/>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas.py" line="58"/>
        <source>Turns the atlas GeoPackage (the outputs of the other Sozialplanung algorithms, each with its style and provenance) into a QGIS project 'sozialplanungsatlas.qgz' with the groups Grundlagen, Hilfeportal, Einzugsgebiete, Dichte und Erreichbarkeit and Sozialformel, one A4 print layout per theme with layers (title, map of the mainland Kreis with Helgoland as an inset, legend, scale bar, north arrow, attribution, data year and the label 'synthetische Beispielwerte' where values are synthetic), the maps as PNG (150 dpi) in 'maps/' and all of them in 'atlas.pdf'.

Layers are assigned to themes by their names (for example einzugsgebiete_*, sozialformel*, angebote_je_*); others go to the group 'Weitere Ebenen'. GeoTIFFs beside the GeoPackage are added too. The municipalities and the Kreis boundary are copied into the GeoPackage from the base map GeoPackage when missing, so the atlas is self-contained; the project stores relative paths, so the output folder can be moved. A rerun replaces the outputs.</source>
        <translation>Macht aus dem Atlas-GeoPackage (den Ergebnissen der anderen Sozialplanung-Algorithmen, jedes mit Stil und Herkunftsangabe) ein QGIS-Projekt „sozialplanungsatlas.qgz“ mit den Gruppen Grundlagen, Hilfeportal, Einzugsgebiete, Dichte und Erreichbarkeit und Sozialformel, je Thema mit Ebenen ein A4-Drucklayout (Titel, Karte des Kreises auf dem Festland mit Helgoland als Nebenkarte, Legende, Maßstabsleiste, Nordpfeil, Quellenangabe, Datenjahr und dem Hinweis „synthetische Beispielwerte“, wo Werte synthetisch sind), die Karten als PNG (150 dpi) in „maps/“ und alle zusammen in „atlas.pdf“.

Ebenen werden Themen über ihre Namen zugeordnet (zum Beispiel einzugsgebiete_*, sozialformel*, angebote_je_*); andere kommen in die Gruppe „Weitere Ebenen“. GeoTIFFs neben dem GeoPackage werden ebenfalls aufgenommen. Gemeinden und Kreisgrenze werden bei Bedarf aus dem GeoPackage der Grundkarte in das GeoPackage kopiert, sodass der Atlas in sich vollständig ist; das Projekt speichert relative Pfade, der Ausgabeordner kann also verschoben werden. Ein erneuter Lauf ersetzt die Ergebnisse.</translation>
    </message>
</context>
<context>
    <name>AtlasProject</name>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="192"/>
        <source>'{path}' is not a GeoPackage: {error}</source>
        <translation>„{path}“ ist kein GeoPackage: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="274"/>
        <source>Base map layers copied into the atlas GeoPackage: {layers}.</source>
        <translation>Ebenen der Grundkarte in das Atlas-GeoPackage kopiert: {layers}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="608"/>
        <source>Cancelled by the user.</source>
        <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="568"/>
        <source>Exporting the atlas to PDF failed: {error}</source>
        <translation>Der PDF-Export des Atlas ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="873"/>
        <source>Exporting the map '{theme}' failed (code {code}).</source>
        <translation>Der Export der Karte „{theme}“ ist fehlgeschlagen (Code {code}).</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="376"/>
        <source>Layer '{layer}' cannot be opened in QGIS. Check that it exists in the GeoPackage and can be read, or remove it from gpkg_contents.</source>
        <translation>Die Ebene „{layer}“ lässt sich in QGIS nicht öffnen. Prüfen Sie, ob sie im GeoPackage vorhanden und lesbar ist, oder entfernen Sie sie aus gpkg_contents.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="386"/>
        <source>Layer '{layer}' has no provenance; it is not labelled as synthetic.</source>
        <translation>Die Ebene „{layer}“ hat keine Herkunftsangabe; sie wird nicht als synthetisch gekennzeichnet.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="332"/>
        <source>Layer '{layer}' has no stored style; QGIS's default symbol is used.</source>
        <translation>Die Ebene „{layer}“ hat keinen gespeicherten Stil; das Standardsymbol von QGIS wird verwendet.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="310"/>
        <source>Layer '{layer}' of type '{type}' is not supported and left out.</source>
        <translation>Die Ebene „{layer}“ vom Typ „{type}“ wird nicht unterstützt und ausgelassen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="475"/>
        <source>Layers marked as synthetic cannot be shown without the label '{label}': {layers}.</source>
        <translation>Als synthetisch gekennzeichnete Ebenen können nicht ohne den Hinweis „{label}“ gezeigt werden: {layers}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="499"/>
        <source>Layers matching no theme, put into the group '{group}': {layers}.</source>
        <translation>Ebenen ohne passendes Thema, in die Gruppe „{group}“ gelegt: {layers}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="249"/>
        <source>No base map: the GeoPackage has no layer {layers} and no base map GeoPackage was given.</source>
        <translation>Keine Grundkarte: Das GeoPackage hat keine Ebene {layers}, und kein GeoPackage für die Grundkarte wurde angegeben.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="550"/>
        <source>No theme has layers to map; nothing to export.</source>
        <translation>Kein Thema hat Ebenen für eine Karte; es gibt nichts zu exportieren.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="460"/>
        <source>The GeoPackage '{path}' does not exist.</source>
        <translation>Das GeoPackage „{path}“ existiert nicht.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="471"/>
        <source>The GeoPackage '{path}' has no layers for an atlas.</source>
        <translation>Das GeoPackage „{path}“ enthält keine Ebenen für einen Atlas.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="325"/>
        <source>The style stored with layer '{layer}' cannot be applied: {error}</source>
        <translation>Der mit der Ebene „{layer}“ gespeicherte Stil lässt sich nicht anwenden: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="534"/>
        <source>Theme '{theme}' has no layers yet; no map for it.</source>
        <translation>Das Thema „{theme}“ hat noch keine Ebenen; dafür gibt es keine Karte.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/atlas_project.py" line="576"/>
        <source>Writing the project '{path}' failed: {error}</source>
        <translation>Das Schreiben des Projekts „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>OffersPerPopulationAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="57"/>
        <source>Areas (polygons)</source>
        <translation>Gebiete (Polygone)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="71"/>
        <source>Category field (optional)</source>
        <translation>Kategoriefeld (optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="37"/>
        <source>Counts the offers (points) in each area (polygons, e.g. municipalities) and relates them to the area's population: offers_per_1000 = offers / population × 1000 (the base is set by 'Per inhabitants').

With a category field, one count per category is added (n_&lt;category&gt;); values with several categories separated by ';' count in each.

Areas without a positive population get a NULL rate and the reason in 'rate_note'. Offers outside every area are counted and reported in the log. Invalid polygons are repaired. Both layers are reprojected to ETRS89 / UTM 32N (EPSG:25832) when needed.</source>
        <translation>Zählt die Angebote (Punkte) in jedem Gebiet (Polygone, z. B. Gemeinden) und setzt sie ins Verhältnis zur Einwohnerzahl des Gebiets: offers_per_1000 = Angebote / Einwohner × 1000 (die Basis legt „Je Einwohner“ fest).

Mit einem Kategoriefeld kommt je Kategorie eine Anzahl hinzu (n_&lt;kategorie&gt;); Werte mit mehreren durch „;“ getrennten Kategorien zählen in jeder.

Gebiete ohne positive Einwohnerzahl erhalten eine NULL-Quote und den Grund in „rate_note“. Angebote außerhalb aller Gebiete werden gezählt und im Protokoll gemeldet. Ungültige Polygone werden repariert. Beide Layer werden bei Bedarf nach ETRS89 / UTM 32N (EPSG:25832) umprojiziert.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="52"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="110"/>
        <source>Offers outside every area ({n}): {ids}</source>
        <translation>Angebote außerhalb aller Gebiete ({n}): {ids}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="34"/>
        <source>Offers per inhabitants</source>
        <translation>Angebote je Einwohner</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="79"/>
        <source>Per inhabitants</source>
        <translation>Je Einwohner</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="63"/>
        <source>Population field</source>
        <translation>Einwohnerfeld</translation>
    </message>
</context>
<context>
    <name>SozialplanungAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/base.py" line="73"/>
        <source>Accessibility</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="101"/>
        <source>Cancelled by the user.</source>
        <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="234"/>
        <source>Could not store the style in '{path}': {error}</source>
        <translation>Der Stil konnte nicht in „{path}“ gespeichert werden: {error}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="75"/>
        <source>Hilfeportal</source>
        <translation>Hilfeportal</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="106"/>
        <source>Not enough memory for this request. Use a smaller extent, a coarser resolution or fewer features.</source>
        <translation>Nicht genug Arbeitsspeicher für diese Anfrage. Wählen Sie eine kleinere Ausdehnung, eine gröbere Auflösung oder weniger Objekte.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="74"/>
        <source>Sozialformel</source>
        <translation>Sozialformel</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="116"/>
        <source>Unexpected error in {name}: {error}. The details are in the log (View → Panels → Log Messages → Sozialplanung); please report them.</source>
        <translation>Unerwarteter Fehler in {name}: {error}. Die Einzelheiten stehen im Protokoll (Ansicht → Bedienfelder → Protokollmeldungen → Sozialplanung); bitte melden Sie sie.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/base.py" line="195"/>
        <source>Writing the output '{name}' failed: {error}</source>
        <translation>Das Schreiben der Ausgabe „{name}“ ist fehlgeschlagen: {error}</translation>
    </message>
</context>
<context>
    <name>SozialplanungPlugin</name>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="36"/>
        <source>&amp;Sozialplanung</source>
        <translation>&amp;Sozialplanung</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="104"/>
        <source>Open the Processing toolbox and look for the 'Sozialplanung' provider.</source>
        <translation>Öffnen Sie die Processing-Werkzeugkiste und suchen Sie den Anbieter „Sozialplanung“.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="90"/>
        <source>Sozialplanung</source>
        <translation>Sozialplanung</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="78"/>
        <source>Sozialplanung needs Python packages that QGIS's Python lacks: {packages}. Install them with: {command} — then restart QGIS.</source>
        <translation>Sozialplanung benötigt Python-Pakete, die in QGIS' Python fehlen: {packages}. Installieren Sie sie mit: {command} – und starten Sie QGIS danach neu.</translation>
    </message>
    <message>
        <location filename="../../sozialplanung_plugin/plugin.py" line="56"/>
        <source>Sozialplanung tools (Processing)</source>
        <translation>Sozialplanung-Werkzeuge (Processing)</translation>
    </message>
</context>
<context>
    <name>SozialplanungProvider</name>
    <message>
        <location filename="../../processing_algorithms/provider.py" line="30"/>
        <source>Sozialplanung</source>
        <translation>Sozialplanung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/provider.py" line="33"/>
        <source>Sozialplanung (social planning analyses)</source>
        <translation>Sozialplanung (Analysen für die Sozialplanung)</translation>
    </message>
</context>
<context>
    <name>geolib</name>
    <message>
        <location filename="../../geolib/raster.py" line="74"/>
        <source>A raster must be 2-D, got an array of shape {shape}.</source>
        <translation>Ein Raster muss zweidimensional sein, erhalten wurde ein Array der Form {shape}.</translation>
    </message>
    <message>
        <location filename="../../geolib/_progress.py" line="50"/>
        <source>Cancelled by the user.</source>
        <translation>Vom Benutzer abgebrochen.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="183"/>
        <source>Cannot write '{path}': '{folder}' is a file, not a folder. Choose another output path.</source>
        <translation>„{path}“ kann nicht geschrieben werden: „{folder}“ ist eine Datei, kein Ordner. Wählen Sie einen anderen Ausgabepfad.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="197"/>
        <source>Cannot write '{path}': the file is read-only. Choose another name.</source>
        <translation>„{path}“ kann nicht geschrieben werden: Die Datei ist schreibgeschützt. Wählen Sie einen anderen Namen.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="176"/>
        <source>Cannot write '{path}': the folder '{folder}' does not exist. Create it or choose another output path.</source>
        <translation>„{path}“ kann nicht geschrieben werden: Der Ordner „{folder}“ existiert nicht. Legen Sie ihn an oder wählen Sie einen anderen Ausgabepfad.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="190"/>
        <source>Cannot write '{path}': the folder '{folder}' is not writable. Choose a folder you may write to.</source>
        <translation>„{path}“ kann nicht geschrieben werden: Der Ordner „{folder}“ ist nicht beschreibbar. Wählen Sie einen Ordner, in den Sie schreiben dürfen.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="220"/>
        <source>Cannot write '{path}': {error}.</source>
        <translation>„{path}“ kann nicht geschrieben werden: {error}.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="455"/>
        <source>EWZ_2018 must be a non-negative number for every municipality.</source>
        <translation>EWZ_2018 muss für jede Gemeinde eine nicht negative Zahl sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="856"/>
        <source>Give at least one year for the indicator table.</source>
        <translation>Geben Sie mindestens ein Jahr für die Indikatorentabelle an.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="858"/>
        <source>Indicator years start after the 2018 base population; {year} is too early.</source>
        <translation>Die Indikatorjahre beginnen nach der Basisbevölkerung 2018; {year} ist zu früh.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="263"/>
        <source>Layer names must be unique within one GeoPackage: {names}.</source>
        <translation>Layernamen müssen innerhalb eines GeoPackages eindeutig sein: {names}.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="577"/>
        <source>No municipality is left to place offers in (all are excluded).</source>
        <translation>Es bleibt keine Gemeinde, in die Angebote gelegt werden können (alle sind ausgeschlossen).</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="155"/>
        <source>Reading '{path}' failed: {error}</source>
        <translation>Das Lesen von „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="59"/>
        <source>The analysis CRS {crs} is geographic (degrees); distances and areas need a projected CRS in metres such as {default} (ETRS89 / UTM 32N).</source>
        <translation>Das Analyse-KBS {crs} ist geographisch (Grad); Entfernungen und Flächen brauchen ein projiziertes KBS in Metern wie {default} (ETRS89 / UTM 32N).</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="67"/>
        <source>The analysis CRS {crs} uses the unit '{unit}', not metres. Choose a CRS in metres such as {default}.</source>
        <translation>Das Analyse-KBS {crs} verwendet die Einheit „{unit}“, nicht Meter. Wählen Sie ein KBS in Metern wie {default}.</translation>
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
        <location filename="../../geolib/io.py" line="133"/>
        <source>The file '{path}' cannot be read as vector data: {error}</source>
        <translation>Die Datei „{path}“ kann nicht als Vektordaten gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="128"/>
        <source>The file '{path}' does not exist. Check the path.</source>
        <translation>Die Datei „{path}“ existiert nicht. Prüfen Sie den Pfad.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="146"/>
        <source>The file '{path}' has no layer '{layer}'. Its layers: {layers}.</source>
        <translation>Die Datei „{path}“ hat keinen Layer „{layer}“. Ihre Layer: {layers}.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="139"/>
        <source>The file '{path}' has {n} layers; name one of: {layers}.</source>
        <translation>Die Datei „{path}“ hat {n} Layer; nennen Sie einen davon: {layers}.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="290"/>
        <source>The layer '{layer}' has no CRS and cannot be written.</source>
        <translation>Der Layer „{layer}“ hat kein KBS und kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="452"/>
        <source>The municipalities layer has duplicate AGS: {dups}.</source>
        <translation>Der Gemeindelayer hat doppelte AGS: {dups}.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="986"/>
        <source>The municipalities layer needs the regional key RS_2018 or RS (12 digits, the first 9 are the Amt key).</source>
        <translation>Der Gemeindelayer braucht den Regionalschlüssel RS_2018 oder RS (12 Stellen, die ersten 9 sind der Amtsschlüssel).</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="1003"/>
        <source>The municipality {name} ({ags}) belongs to no Amt of the Ämter layer (no RS matches the first 9 digits of its regional key).</source>
        <translation>Die Gemeinde {name} ({ags}) gehört zu keinem Amt des Ämterlayers (kein RS passt zu den ersten 9 Stellen ihres Regionalschlüssels).</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="569"/>
        <source>The number of offers must be at least 1, not {n}.</source>
        <translation>Die Zahl der Angebote muss mindestens 1 sein, nicht {n}.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="113"/>
        <source>The rate base must be a positive number of inhabitants (for example 1000), not {per}.</source>
        <translation>Die Bezugsbasis muss eine positive Einwohnerzahl sein (zum Beispiel 1000), nicht {per}.</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="45"/>
        <source>The {what} has no coordinate reference system (CRS). Set it in QGIS with Layer Properties → Source → 'Assigned Coordinate Reference System' (or the Processing tool 'Assign projection'), or in Python with gdf.set_crs('EPSG:25832').</source>
        <translation>Der {what} hat kein Koordinatenbezugssystem (KBS). Legen Sie es in QGIS unter Layereigenschaften → Quelle → „Zugewiesenes Koordinatenbezugssystem“ fest (oder mit dem Processing-Werkzeug „Projektion zuweisen“), oder in Python mit gdf.set_crs('EPSG:25832').</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="22"/>
        <source>The {what} has no field '{field}'. Its fields are: {fields}. Choose one of them.</source>
        <translation>Der {what} hat kein Feld „{field}“. Seine Felder sind: {fields}. Wählen Sie eines davon.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="476"/>
        <source>The {what} is empty: it has no features. Choose a layer with features (and check 'Selected features only' and any filter).</source>
        <translation>Der {what} ist leer: Er enthält keine Objekte. Wählen Sie einen Layer mit Objekten (und prüfen Sie „Nur gewählte Objekte“ und etwaige Filter).</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="436"/>
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
        <location filename="../../geolib/crs.py" line="113"/>
        <source>The {what} was reprojected from {source} to {target} for metric analysis.</source>
        <translation>Der {what} wurde für die metrische Analyse von {source} nach {target} umprojiziert.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="305"/>
        <source>Writing layer '{layer}' to '{path}' failed: {error}</source>
        <translation>Das Schreiben des Layers „{layer}“ nach „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="117"/>
        <source>area layer</source>
        <translation>Flächenlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="22"/>
        <source>layer</source>
        <translation>Layer</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="446"/>
        <source>municipalities layer</source>
        <translation>Gemeindelayer</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="118"/>
        <source>offers layer</source>
        <translation>Angebotslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="132"/>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="178"/>
        <source>{n} areas have no positive population; their rate is NULL (see 'rate_note').</source>
        <translation>{n} Gebiete haben keine positive Einwohnerzahl; ihre Quote ist NULL (siehe „rate_note“).</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="99"/>
        <source>{n} features of the {what} have no geometry (rows {rows}). Remove them or give them a geometry.</source>
        <translation>{n} Objekte im {what} haben keine Geometrie (Zeilen {rows}). Entfernen Sie sie oder geben Sie ihnen eine Geometrie.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="70"/>
        <source>{n} features of the {what} have no geometry and were skipped.</source>
        <translation>{n} Objekte im {what} haben keine Geometrie und wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="126"/>
        <source>{n} invalid polygons of the {what} were repaired (make valid).</source>
        <translation>{n} ungültige Polygone im {what} wurden repariert (make valid).</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="153"/>
        <source>{n} offers lie outside every area and are not counted; see the list of offers outside the areas.</source>
        <translation>{n} Angebote liegen außerhalb aller Gebiete und werden nicht gezählt; siehe die Liste der Angebote außerhalb der Gebiete.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="114"/>
        <source>{n} polygons of the {what} are invalid and cannot be repaired (rows {rows}). Run 'Fix geometries' on the layer and check these features.</source>
        <translation>{n} Polygone im {what} sind ungültig und lassen sich nicht reparieren (Zeilen {rows}). Führen Sie „Geometrien reparieren“ auf dem Layer aus und prüfen Sie diese Objekte.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="983"/>
        <source>Ämter layer</source>
        <translation>Ämterlayer</translation>
    </message>
</context>
</TS>
