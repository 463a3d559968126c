<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>CatchmentsAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="131"/>
        <source>Bike (15 km/h)</source>
        <translation>Fahrrad (15 km/h)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="163"/>
        <source>Breaks (minutes or metres, increasing, e.g. 5,10,15)</source>
        <translation>Grenzen (Minuten oder Meter, aufsteigend, z. B. 5,10,15)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="131"/>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="67"/>
        <source>Catchment areas of offers for several breaks at once (e.g. 5,10,15 minutes), on a street network or as straight-line circles.

Network: a line layer (NETWORK) or an OSM file (.osm, .osm.gz, .pbf; NETWORK_FILE). Lines are joined where they meet; direction comes from a direction field (forward/backward/both values, as in QGIS's service area) or the OSM 'oneway' tag (bike, car). Cost is travel time in minutes (speed field or profile: walk 4.5 km/h, bike 15 km/h, car by road class) or distance in metres. Offers snap to the nearest point on a street within the snap distance; offers farther away are listed in the unroutable output with their distance and reason.

Areas are the reached streets, cut at the exact cost, buffered by the walk-off distance; a larger break contains the smaller. Overlap: per offer (overlapping areas), dissolved (coverage per break) or split (each street piece to its nearest offer). Rings give the area between breaks.

Outputs: areas with offer_id, break_no, break_min or break_m and population; reached lines with the cost at both ends (from_min/to_min or from_m/to_m); unroutable offers; with a population layer (polygons with counts, weighted by area, or points) a table of reached and unreached population per population area (e.g. municipality) and break.</source>
        <translation>Einzugsgebiete von Angeboten für mehrere Grenzen in einem Lauf (z. B. 5,10,15 Minuten), auf einem Straßennetz oder als Luftlinien-Kreise.

Netz: ein Linienlayer (NETWORK) oder eine OSM-Datei (.osm, .osm.gz, .pbf; NETWORK_FILE). Linien werden verbunden, wo sie sich treffen; die Richtung kommt aus einem Richtungsfeld (Werte für vorwärts/rückwärts/beide, wie beim Einzugsgebiet von QGIS) oder aus dem OSM-Tag 'oneway' (Fahrrad, Auto). Kosten sind die Reisezeit in Minuten (Geschwindigkeitsfeld oder Profil: zu Fuß 4,5 km/h, Fahrrad 15 km/h, Auto nach Straßenklasse) oder die Entfernung in Metern. Angebote werden auf den nächsten Punkt einer Straße innerhalb der Fangdistanz gesetzt; weiter entfernte Angebote stehen mit Entfernung und Grund in der Ausgabe der nicht routbaren Angebote.

Flächen sind die erreichten Straßen, genau bei den Kosten der Grenze geschnitten und um die Zugangsdistanz gepuffert; eine größere Grenze enthält die kleinere. Überlappung: je Angebot (überlappende Flächen), zusammengefasst (Abdeckung je Grenze) oder aufgeteilt (jedes Straßenstück zum nächsten Angebot). Ringe ergeben die Fläche zwischen zwei Grenzen.

Ausgaben: Flächen mit offer_id, break_no, break_min oder break_m und population; erreichte Linien mit den Kosten an beiden Enden (from_min/to_min oder from_m/to_m); nicht routbare Angebote; mit einem Bevölkerungslayer (Polygone mit Anzahlen, nach Fläche gewichtet, oder Punkte) eine Tabelle der erreichten und nicht erreichten Bevölkerung je Bevölkerungsfläche (z. B. Gemeinde) und Grenze.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="64"/>
        <source>Catchments</source>
        <translation>Einzugsgebiete</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="269"/>
        <source>Choose the population field of the population layer.</source>
        <translation>Wählen Sie das Bevölkerungsfeld des Bevölkerungslayers.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="122"/>
        <source>Cost</source>
        <translation>Kosten</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="147"/>
        <source>Direction field (optional)</source>
        <translation>Richtungsfeld (optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="173"/>
        <source>Dissolve (coverage per break)</source>
        <translation>Zusammenfassen (Abdeckung je Grenze)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="123"/>
        <source>Distance (metres)</source>
        <translation>Entfernung (Meter)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="115"/>
        <source>Distance (straight line)</source>
        <translation>Entfernung (Luftlinie)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="400"/>
        <source>Give either a network layer or an OSM file, not both.</source>
        <translation>Geben Sie entweder einen Netzlayer oder eine OSM-Datei an, nicht beides.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="187"/>
        <source>Maximum snap distance to the network</source>
        <translation>Maximale Fangdistanz zum Netz</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="114"/>
        <source>Mode</source>
        <translation>Modus</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="115"/>
        <source>Network</source>
        <translation>Netz</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="93"/>
        <source>Network (lines)</source>
        <translation>Netz (Linien)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="101"/>
        <source>Network from an OSM file (instead of a line layer)</source>
        <translation>Netz aus einer OSM-Datei (statt eines Linienlayers)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="404"/>
        <source>Network mode needs a network: a line layer or an OSM file.</source>
        <translation>Der Netzmodus braucht ein Netz: einen Linienlayer oder eine OSM-Datei.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="102"/>
        <source>OSM files (*.osm *.pbf *.osm.gz *.osm.bz2)</source>
        <translation>OSM-Dateien (*.osm *.pbf *.osm.gz *.osm.bz2)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="108"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="172"/>
        <source>One area per offer (overlapping)</source>
        <translation>Eine Fläche je Angebot (überlappend)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="170"/>
        <source>Overlap</source>
        <translation>Überlappung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="205"/>
        <source>Population (polygons or points with counts, optional)</source>
        <translation>Bevölkerung (Polygone oder Punkte mit Anzahlen, optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="213"/>
        <source>Population field</source>
        <translation>Bevölkerungsfeld</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="130"/>
        <source>Profile</source>
        <translation>Profil</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="245"/>
        <source>Reached and unreached population</source>
        <translation>Erreichte und nicht erreichte Bevölkerung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="227"/>
        <source>Reached network lines</source>
        <translation>Erreichte Netzlinien</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="181"/>
        <source>Rings (areas between breaks)</source>
        <translation>Ringe (Flächen zwischen den Grenzen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="138"/>
        <source>Speed field (km/h, optional)</source>
        <translation>Geschwindigkeitsfeld (km/h, optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="174"/>
        <source>Split (service territories)</source>
        <translation>Aufteilen (Versorgungsgebiete)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="277"/>
        <source>Straight-line catchments in minutes need the walk or bike profile (a car has no single speed); use the network mode or breaks in metres.</source>
        <translation>Luftlinien-Einzugsgebiete in Minuten brauchen das Profil zu Fuß oder Fahrrad (ein Auto hat keine feste Geschwindigkeit); nutzen Sie den Netzmodus oder Grenzen in Metern.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="286"/>
        <source>Straight-line radii from minutes at {speed} km/h: {radii} m.</source>
        <translation>Luftlinien-Radien aus Minuten bei {speed} km/h: {radii} m.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="428"/>
        <source>The network was reused from an earlier run (same lines and options); it was not rebuilt.</source>
        <translation>Das Netz wurde aus einem früheren Lauf wiederverwendet (gleiche Linien und Optionen); es wurde nicht neu aufgebaut.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="123"/>
        <source>Time (minutes)</source>
        <translation>Zeit (Minuten)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="236"/>
        <source>Unroutable offers</source>
        <translation>Nicht routbare Angebote</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="154"/>
        <source>Value for backward direction</source>
        <translation>Wert für Rückwärtsrichtung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="155"/>
        <source>Value for both directions</source>
        <translation>Wert für beide Richtungen</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="153"/>
        <source>Value for forward direction</source>
        <translation>Wert für Vorwärtsrichtung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="131"/>
        <source>Walk (4.5 km/h)</source>
        <translation>Zu Fuß (4,5 km/h)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="196"/>
        <source>Walk-off distance (buffer around reached streets)</source>
        <translation>Zugangsdistanz (Puffer um erreichte Straßen)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/catchments.py" line="320"/>
        <source>{n} offers could not be routed; see the unroutable output.</source>
        <translation>{n} Angebote konnten nicht geroutet werden; siehe die Ausgabe der nicht routbaren Angebote.</translation>
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
        <location filename="../../geolib/catchments.py" line="1113"/>
        <source>A population layer needs its population field (the number of people).</source>
        <translation>Ein Bevölkerungslayer braucht sein Bevölkerungsfeld (die Zahl der Menschen).</translation>
    </message>
    <message>
        <location filename="../../geolib/raster.py" line="74"/>
        <source>A raster must be 2-D, got an array of shape {shape}.</source>
        <translation>Ein Raster muss zweidimensional sein, erhalten wurde ein Array der Form {shape}.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="106"/>
        <source>Breaks must be greater than 0; got {breaks}.</source>
        <translation>Grenzen müssen größer als 0 sein; angegeben: {breaks}.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="111"/>
        <source>Breaks must increase, each greater than the one before; got {breaks}.</source>
        <translation>Grenzen müssen aufsteigen, jede größer als die vorige; angegeben: {breaks}.</translation>
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
        <location filename="../../geolib/catchments.py" line="104"/>
        <source>Give at least one break, such as 5,10,15.</source>
        <translation>Geben Sie mindestens eine Grenze an, z. B. 5,10,15.</translation>
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
        <location filename="../../geolib/network.py" line="563"/>
        <source>No metric CRS could be chosen for the {what}: {error}. Give one (for example EPSG:25832).</source>
        <translation>Für den {what} konnte kein metrisches KBS gewählt werden: {error}. Geben Sie eines an (z. B. EPSG:25832).</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="577"/>
        <source>No municipality is left to place offers in (all are excluded).</source>
        <translation>Es bleibt keine Gemeinde, in die Angebote gelegt werden können (alle sind ausgeschlossen).</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="271"/>
        <source>No offer lies within {d} m of the network, so no catchment can be computed. Offers and their distance to the network: {offers}. Increase the snap distance or choose the network that covers the offers.</source>
        <translation>Kein Angebot liegt innerhalb von {d} m vom Netz, daher kann kein Einzugsgebiet berechnet werden. Angebote und ihre Entfernung zum Netz: {offers}. Vergrößern Sie die Fangdistanz oder wählen Sie das Netz, das die Angebote abdeckt.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="155"/>
        <source>Reading '{path}' failed: {error}</source>
        <translation>Das Lesen von „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="253"/>
        <source>The OSM file '{path}' could not be read: {error}</source>
        <translation>Die OSM-Datei '{path}' konnte nicht gelesen werden: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="231"/>
        <source>The OSM file '{path}' does not exist.</source>
        <translation>Die OSM-Datei '{path}' existiert nicht.</translation>
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
        <location filename="../../geolib/catchments.py" line="95"/>
        <source>The break '{value}' is not a number. Give breaks such as 5,10,15.</source>
        <translation>Die Grenze '{value}' ist keine Zahl. Geben Sie Grenzen wie 5,10,15 an.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="623"/>
        <source>The car profile needs the road class in a field 'highway' (OSM) or 'class'; the {what} has neither. Use a speed field instead.</source>
        <translation>Das Auto-Profil braucht die Straßenklasse in einem Feld 'highway' (OSM) oder 'class'; der {what} hat keines davon. Nutzen Sie stattdessen ein Geschwindigkeitsfeld.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="351"/>
        <source>The cost must be 'time' or 'distance', not '{value}'.</source>
        <translation>Die Kosten müssen 'time' oder 'distance' sein, nicht '{value}'.</translation>
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
        <location filename="../../geolib/network.py" line="997"/>
        <source>The maximum cost must be greater than 0 (it is {value}).</source>
        <translation>Die maximalen Kosten müssen größer als 0 sein (sie sind {value}).</translation>
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
        <location filename="../../geolib/network.py" line="504"/>
        <source>The network has {n} separate parts; the largest has {share} % of the nodes. Places in different parts cannot reach each other.</source>
        <translation>Das Netz hat {n} getrennte Teile; der größte hat {share} % der Knoten. Orte in verschiedenen Teilen können einander nicht erreichen.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="569"/>
        <source>The number of offers must be at least 1, not {n}.</source>
        <translation>Die Zahl der Angebote muss mindestens 1 sein, nicht {n}.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="128"/>
        <source>The offers layer has duplicate values in '{field}': {ids}. Every offer needs its own id.</source>
        <translation>Der Angebotslayer hat doppelte Werte in '{field}': {ids}. Jedes Angebot braucht eine eigene Kennung.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="142"/>
        <source>The offers layer has no field '{field}'; offers are numbered by their row (1, 2, …).</source>
        <translation>Der Angebotslayer hat kein Feld '{field}'; die Angebote werden nach ihrer Zeile nummeriert (1, 2, …).</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="249"/>
        <source>The overlap must be one of {allowed}, not '{value}'.</source>
        <translation>Die Überlappung muss eine von {allowed} sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="1034"/>
        <source>The population field '{field}' has {n} negative values. Counts cannot be negative.</source>
        <translation>Das Bevölkerungsfeld '{field}' hat {n} negative Werte. Anzahlen können nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="355"/>
        <source>The profile must be walk, bike or car, not '{value}'.</source>
        <translation>Das Profil muss walk, bike oder car sein, nicht '{value}'.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="113"/>
        <source>The rate base must be a positive number of inhabitants (for example 1000), not {per}.</source>
        <translation>Die Bezugsbasis muss eine positive Einwohnerzahl sein (zum Beispiel 1000), nicht {per}.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="785"/>
        <source>The snap distance must be greater than 0 m (it is {value}).</source>
        <translation>Die Fangdistanz muss größer als 0 m sein (sie ist {value}).</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="363"/>
        <source>The snap tolerance must not be negative (it is {value}).</source>
        <translation>Die Fangtoleranz darf nicht negativ sein (sie ist {value}).</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="610"/>
        <source>The speed field '{field}' has {n} zero, negative or missing values, in the rows {rows}. Every line needs a speed above 0 km/h: fix these rows or leave them out.</source>
        <translation>Das Geschwindigkeitsfeld '{field}' hat {n} Werte, die null, negativ oder leer sind, in den Zeilen {rows}. Jede Linie braucht eine Geschwindigkeit über 0 km/h: Korrigieren Sie diese Zeilen oder lassen Sie sie weg.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="255"/>
        <source>The walk-off distance must be greater than 0 m (it is {value}).</source>
        <translation>Die Zugangsdistanz muss größer als 0 m sein (sie ist {value}).</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="412"/>
        <source>The {what} contains {n} features that are not lines (for example row {row}). Choose a line layer.</source>
        <translation>Der {what} enthält {n} Objekte, die keine Linien sind (zum Beispiel Zeile {row}). Wählen Sie einen Linienlayer.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="430"/>
        <source>The {what} has 3D lines; heights were ignored.</source>
        <translation>Der {what} hat 3D-Linien; die Höhen wurden ignoriert.</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="45"/>
        <source>The {what} has no coordinate reference system (CRS). Set it in QGIS with Layer Properties → Source → 'Assigned Coordinate Reference System' (or the Processing tool 'Assign projection'), or in Python with gdf.set_crs('EPSG:25832').</source>
        <translation>Der {what} hat kein Koordinatenbezugssystem (KBS). Legen Sie es in QGIS unter Layereigenschaften → Quelle → „Zugewiesenes Koordinatenbezugssystem“ fest (oder mit dem Processing-Werkzeug „Projektion zuweisen“), oder in Python mit gdf.set_crs('EPSG:25832').</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="598"/>
        <source>The {what} has no field '{field}'. Its fields are: {fields}. Choose one of them.</source>
        <translation>Der {what} hat kein Feld „{field}“. Seine Felder sind: {fields}. Wählen Sie eines davon.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="153"/>
        <source>The {what} is empty. Choose a layer with at least one offer.</source>
        <translation>Der {what} ist leer. Wählen Sie einen Layer mit mindestens einem Angebot.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="476"/>
        <source>The {what} is empty: it has no features. Choose a layer with features (and check 'Selected features only' and any filter).</source>
        <translation>Der {what} ist leer: Er enthält keine Objekte. Wählen Sie einen Layer mit Objekten (und prüfen Sie „Nur gewählte Objekte“ und etwaige Filter).</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="369"/>
        <source>The {what} is empty: it has no lines to route on. Choose a layer with streets or paths.</source>
        <translation>Der {what} ist leer: Er hat keine Linien, auf denen geroutet werden kann. Wählen Sie einen Layer mit Straßen oder Wegen.</translation>
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
        <location filename="../../geolib/catchments.py" line="1049"/>
        <source>The {what} must have polygons (areas with counts) or points, not lines.</source>
        <translation>Der {what} muss Polygone (Flächen mit Anzahlen) oder Punkte haben, keine Linien.</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="113"/>
        <source>The {what} was reprojected from {source} to {target} for metric analysis.</source>
        <translation>Der {what} wurde für die metrische Analyse von {source} nach {target} umprojiziert.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="898"/>
        <source>This {what} would need about {need} of memory, more than the {limit} available. Use fewer points, a smaller maximum cost or break, or a smaller network.</source>
        <translation>Diese {what} bräuchte etwa {need} Arbeitsspeicher, mehr als die verfügbaren {limit}. Verwenden Sie weniger Punkte, kleinere maximale Kosten oder Grenzen oder ein kleineres Netz.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="359"/>
        <source>Travel time needs speeds: choose a profile (walk, bike, car) or a speed field.</source>
        <translation>Reisezeit braucht Geschwindigkeiten: Wählen Sie ein Profil (zu Fuß, Fahrrad, Auto) oder ein Geschwindigkeitsfeld.</translation>
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
        <location filename="../../geolib/catchments.py" line="305"/>
        <source>catchment request</source>
        <translation>Einzugsgebietsberechnung</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="1014"/>
        <source>cost table</source>
        <translation>Kostentabelle</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="1004"/>
        <source>destinations layer</source>
        <translation>Ziellayer</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="93"/>
        <source>farther than the snap distance from the network</source>
        <translation>weiter als die Fangdistanz vom Netz entfernt</translation>
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
        <location filename="../../geolib/network.py" line="366"/>
        <source>network layer</source>
        <translation>Netzlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="924"/>
        <source>no geometry</source>
        <translation>keine Geometrie</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="151"/>
        <source>offers layer</source>
        <translation>Angebotslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="1002"/>
        <source>origins layer</source>
        <translation>Startlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="132"/>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="1030"/>
        <source>population layer</source>
        <translation>Bevölkerungslayer</translation>
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
        <location filename="../../geolib/network.py" line="421"/>
        <source>{n} features of the {what} have no geometry and were skipped.</source>
        <translation>{n} Objekte im {what} haben keine Geometrie und wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="126"/>
        <source>{n} invalid polygons of the {what} were repaired (make valid).</source>
        <translation>{n} ungültige Polygone im {what} wurden repariert (make valid).</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="451"/>
        <source>{n} lines of the {what} are not usable with the profile '{profile}' (for example motorways on foot, footways by car) and were left out.</source>
        <translation>{n} Linien des {what}s sind mit dem Profil '{profile}' nicht nutzbar (zum Beispiel Autobahnen zu Fuß, Fußwege mit dem Auto) und wurden weggelassen.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="436"/>
        <source>{n} multipart lines of the {what} were split into their parts.</source>
        <translation>{n} mehrteilige Linien des {what}s wurden in ihre Teile zerlegt.</translation>
    </message>
    <message>
        <location filename="../../geolib/network.py" line="833"/>
        <source>{n} of {total} points of the {what} are not routable (farther than {d} m from the network or without geometry); they are listed in the unroutable output.</source>
        <translation>{n} von {total} Punkten des {what}s sind nicht routbar (weiter als {d} m vom Netz entfernt oder ohne Geometrie); sie stehen in der Ausgabe der nicht routbaren Punkte.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="280"/>
        <source>{n} offers are farther from the network than the walk-off distance of {w} m; their areas may not contain them.</source>
        <translation>{n} Angebote liegen weiter vom Netz entfernt als die Zugangsdistanz von {w} m; ihre Flächen enthalten sie womöglich nicht.</translation>
    </message>
    <message>
        <location filename="../../geolib/catchments.py" line="135"/>
        <source>{n} offers have no value in '{field}'. Every offer needs its own id.</source>
        <translation>{n} Angebote haben keinen Wert in '{field}'. Jedes Angebot braucht eine eigene Kennung.</translation>
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
