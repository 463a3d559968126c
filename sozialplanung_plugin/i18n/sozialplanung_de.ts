<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE" sourcelanguage="en">
<context>
    <name>AccessibilityAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="239"/>
        <source>'{text}' is not a list of numbers separated by ';'.</source>
        <translation>„{text}“ ist keine Liste von Zahlen, getrennt durch „;“.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="141"/>
        <source>2SFCA</source>
        <translation>2SFCA</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="209"/>
        <source>Accessibility</source>
        <translation>Erreichbarkeit</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="55"/>
        <source>Accessibility (2SFCA)</source>
        <translation>Erreichbarkeit (2SFCA)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="224"/>
        <source>Accessibility per area</source>
        <translation>Erreichbarkeit je Gebiet</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="202"/>
        <source>Areas for means (optional, e.g. municipalities)</source>
        <translation>Gebiete für Mittelwerte (optional, z. B. Gemeinden)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="186"/>
        <source>Bike</source>
        <translation>Fahrrad</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="107"/>
        <source>Capacity field (optional; default 1 per offer)</source>
        <translation>Kapazitätsfeld (optional; sonst 1 je Angebot)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="186"/>
        <source>Car</source>
        <translation>Auto</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="116"/>
        <source>Category field of the offers (optional)</source>
        <translation>Kategoriefeld der Angebote (optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="87"/>
        <source>Demand (areas, grid cells or points)</source>
        <translation>Nachfrage (Gebiete, Rasterzellen oder Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="142"/>
        <source>E2SFCA (step weights)</source>
        <translation>E2SFCA (Stufengewichte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="159"/>
        <source>E2SFCA zone breaks (optional, e.g. 500;1000;2000)</source>
        <translation>E2SFCA-Zonengrenzen (optional, z. B. 500;1000;2000)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="160"/>
        <source>E2SFCA zone weights (optional, e.g. 1;0.68;0.22)</source>
        <translation>E2SFCA-Zonengewichte (optional, z. B. 1;0.68;0.22)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="58"/>
        <source>Floating catchment accessibility of offers (supply, with a capacity; 1 each by default) for a population (demand: areas or grid cells, located at a point inside them, or points).

Methods: 2SFCA: every offer's capacity is shared by the population within reach (R = capacity / population within the maximum cost), and every demand unit sums the shares of the offers it reaches. E2SFCA: the same with step weights per travel zone (breaks; default three equal zones up to the maximum cost with the weights 1, 0.68, 0.22 as in PySAL access). Gravity: weights (cost / maximum cost)^-β. Supply/demand ratio: capacity within reach divided by population within reach. The numbers equal PySAL access for the same costs.

Outputs per demand unit: score (capacity per inhabitant), score_per_1000, score_norm (score / population-weighted mean: the Kreis mean is 1), supply_in_reach, and the nearest offer (nearest_m: straight line; with a network nearest_min: travel time, within the maximum cost) with its id.

Costs: straight-line distance in metres, or with a line layer as network the travel time in minutes (walk, bike or car). The maximum cost is in the same unit.

Defined edge cases: an offer with no population within reach has no ratio (NULL) and adds nothing; a demand unit without an offer within reach scores 0. With areas (e.g. municipalities), a third output gives the population-weighted means per area.</source>
        <translation>Erreichbarkeit von Angeboten (Versorgung, mit einer Kapazität; sonst je 1) für eine Bevölkerung (Nachfrage: Gebiete oder Rasterzellen, verortet an einem Punkt in ihrem Inneren, oder Punkte) nach der Floating-Catchment-Methode.

Methoden: 2SFCA: Die Kapazität jedes Angebots wird auf die Bevölkerung in Reichweite verteilt (R = Kapazität / Bevölkerung innerhalb der maximalen Kosten), und jede Nachfrageeinheit summiert die Anteile der Angebote, die sie erreicht. E2SFCA: ebenso, mit Stufengewichten je Zone (Grenzen; Standard: drei gleiche Zonen bis zu den maximalen Kosten mit den Gewichten 1, 0,68, 0,22 wie in PySAL access). Gravitation: Gewichte (Kosten / maximale Kosten)^-β. Verhältnis Angebot/Nachfrage: Kapazität in Reichweite geteilt durch Bevölkerung in Reichweite. Die Zahlen stimmen bei gleichen Kosten mit PySAL access überein.

Ausgaben je Nachfrageeinheit: score (Kapazität je Einwohner), score_per_1000, score_norm (score / bevölkerungsgewichtetes Mittel: das Kreismittel ist 1), supply_in_reach und das nächste Angebot (nearest_m: Luftlinie; mit Netz nearest_min: Reisezeit, innerhalb der maximalen Kosten) mit seiner ID.

Kosten: Luftlinienentfernung in Metern oder, mit einem Linienlayer als Netz, die Reisezeit in Minuten (zu Fuß, Fahrrad oder Auto). Die maximalen Kosten haben dieselbe Einheit.

Festgelegte Sonderfälle: Ein Angebot ohne Bevölkerung in Reichweite hat kein Verhältnis (NULL) und trägt nichts bei; eine Nachfrageeinheit ohne Angebot in Reichweite erhält 0. Mit Gebieten (z. B. Gemeinden) gibt eine dritte Ausgabe die bevölkerungsgewichteten Mittel je Gebiet.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="143"/>
        <source>Gravity (2SFCA with power decay)</source>
        <translation>Gravitation (2SFCA mit Potenzabfall)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="167"/>
        <source>Gravity exponent β</source>
        <translation>Gravitationsexponent β</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="192"/>
        <source>Largest distance to the network (m)</source>
        <translation>Größter Abstand zum Netz (m)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="152"/>
        <source>Maximum cost (m, or minutes with a network)</source>
        <translation>Maximale Kosten (m, mit Netz Minuten)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="139"/>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="177"/>
        <source>Network (lines, optional; empty: straight-line distance)</source>
        <translation>Netz (Linien, optional; leer: Luftlinie)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="252"/>
        <source>Network costs need the network module of the catchments (geolib.network), which this installation lacks. Leave 'Network' empty for straight-line distances.</source>
        <translation>Netzkosten brauchen das Netzmodul der Einzugsgebiete (geolib.network), das dieser Installation fehlt. Lassen Sie „Netz“ leer, um mit Luftlinienentfernungen zu rechnen.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="131"/>
        <source>Offer id field (optional, for the nearest offer)</source>
        <translation>ID-Feld der Angebote (optional, für das nächste Angebot)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="101"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="215"/>
        <source>Offers with their ratio</source>
        <translation>Angebote mit ihrem Verhältnis</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="124"/>
        <source>Only offers of this category (optional)</source>
        <translation>Nur Angebote dieser Kategorie (optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="94"/>
        <source>Population field (e.g. children_u15)</source>
        <translation>Bevölkerungsfeld (z. B. children_u15)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="347"/>
        <source>Score per 1,000 inhabitants: mean {mean}, {n} units without an offer.</source>
        <translation>Wert je 1.000 Einwohner: Mittel {mean}, {n} Einheiten ohne erreichbares Angebot.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="144"/>
        <source>Supply/demand ratio within reach</source>
        <translation>Verhältnis Angebot/Nachfrage in Reichweite</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="273"/>
        <source>To choose offers by category, also choose the category field.</source>
        <translation>Um Angebote nach Kategorie auszuwählen, wählen Sie auch das Kategoriefeld.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="185"/>
        <source>Travel mode on the network</source>
        <translation>Verkehrsmittel im Netz</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="186"/>
        <source>Walk</source>
        <translation>Zu Fuß</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/accessibility.py" line="277"/>
        <source>{n} of {total} offers have the category '{category}'.</source>
        <translation>{n} von {total} Angeboten haben die Kategorie „{category}“.</translation>
    </message>
</context>
<context>
    <name>OfferDensityAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="137"/>
        <source>Decay ratio (triangular kernel only)</source>
        <translation>Abfallverhältnis (nur Dreieckskern)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="129"/>
        <source>Epanechnikov</source>
        <translation>Epanechnikov</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="152"/>
        <source>Expected offers per cell</source>
        <translation>Erwartete Angebote je Zelle</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="159"/>
        <source>Extent (optional)</source>
        <translation>Ausdehnung (optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="130"/>
        <source>Gaussian</source>
        <translation>Gauß</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="53"/>
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
        <location filename="../../processing_algorithms/offer_density.py" line="123"/>
        <source>Kernel shape</source>
        <translation>Kernform</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="162"/>
        <source>Offer density</source>
        <translation>Angebotsdichte</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="50"/>
        <source>Offer density (kernel density)</source>
        <translation>Angebotsdichte (Kerndichte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="81"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="153"/>
        <source>Offers per km²</source>
        <translation>Angebote je km²</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="148"/>
        <source>Output values</source>
        <translation>Ausgabewerte</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="105"/>
        <source>Pixel size (m)</source>
        <translation>Pixelgröße (m)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="125"/>
        <source>Quartic</source>
        <translation>Quartisch</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="96"/>
        <source>Radius from field (m, optional)</source>
        <translation>Radius aus Feld (m, optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="196"/>
        <source>Raster of {rows} × {cols} pixels; values from {vmin} to {vmax}.</source>
        <translation>Raster mit {rows} × {cols} Pixeln; Werte von {vmin} bis {vmax}.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="150"/>
        <source>Raw (sum of kernel values)</source>
        <translation>Roh (Summe der Kernwerte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="151"/>
        <source>Scaled (density per m²)</source>
        <translation>Skaliert (Dichte je m²)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="87"/>
        <source>Search radius (m)</source>
        <translation>Suchradius (m)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="126"/>
        <source>Triangular</source>
        <translation>Dreieck</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="128"/>
        <source>Triweight</source>
        <translation>Triweight</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="127"/>
        <source>Uniform</source>
        <translation>Gleichförmig</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offer_density.py" line="114"/>
        <source>Weight field (optional, e.g. capacity)</source>
        <translation>Gewichtsfeld (optional, z. B. capacity)</translation>
    </message>
</context>
<context>
    <name>OffersPerPopulationAlgorithm</name>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="75"/>
        <source>Areas (polygons)</source>
        <translation>Gebiete (Polygone)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="89"/>
        <source>Category field (optional)</source>
        <translation>Kategoriefeld (optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="47"/>
        <source>Counts the offers (points) in each area (polygons, e.g. municipalities) and relates them to the area's population: offers_per_1000 = offers / population × 1000 (the base is set by 'Per inhabitants').

With a category field, one count per category is added (n_&lt;category&gt;); values with several categories separated by ';' count in each.

With a target group field (e.g. target_groups), one count per target group is added (n_tg_&lt;group&gt;). With a target group (e.g. Kinder) and its population field in the areas (e.g. children_u15), the offers for that group are related to its population: tg_&lt;group&gt;_per_1000.

With a group table (e.g. planungsraeume.csv: ags → planungsraum, kreis), the key fields and the group fields, a second output gives the same counts and rates per planning region and for the Kreis, from pooled counts (sums of offers and of inhabitants), never from averaged rates.

Areas without a positive population get a NULL rate and the reason in 'rate_note'. Offers outside every area are counted and reported in the log. Invalid polygons are repaired. Both layers are reprojected to ETRS89 / UTM 32N (EPSG:25832) when needed.</source>
        <translation>Zählt die Angebote (Punkte) in jedem Gebiet (Polygone, z. B. Gemeinden) und setzt sie ins Verhältnis zur Bevölkerung des Gebiets: offers_per_1000 = Angebote / Bevölkerung × 1000 (die Basis legt „Je Einwohner“ fest).

Mit einem Kategoriefeld kommt je Kategorie eine Anzahl hinzu (n_&lt;Kategorie&gt;); Werte mit mehreren, durch „;“ getrennten Kategorien zählen in jeder.

Mit einem Zielgruppenfeld (z. B. target_groups) kommt je Zielgruppe eine Anzahl hinzu (n_tg_&lt;Gruppe&gt;). Mit einer Zielgruppe (z. B. Kinder) und ihrem Bevölkerungsfeld in den Gebieten (z. B. children_u15) werden die Angebote für diese Gruppe auf deren Bevölkerung bezogen: tg_&lt;Gruppe&gt;_per_1000.

Mit einer Gruppentabelle (z. B. planungsraeume.csv: ags → planungsraum, kreis), den Schlüsselfeldern und den Gruppenfeldern gibt eine zweite Ausgabe dieselben Anzahlen und Raten je Planungsraum und für den Kreis, aus gepoolten Anzahlen (Summen der Angebote und der Einwohner), nie aus gemittelten Raten.

Gebiete ohne positive Bevölkerung erhalten eine NULL-Rate und den Grund in „rate_note“. Angebote außerhalb aller Gebiete werden gezählt und im Protokoll genannt. Ungültige Polygone werden repariert. Beide Layer werden bei Bedarf nach ETRS89 / UTM 32N (EPSG:25832) umprojiziert.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="188"/>
        <source>Give both the target group and the population field of that group, or neither.</source>
        <translation>Geben Sie die Zielgruppe und das Bevölkerungsfeld dieser Gruppe an, oder keines von beiden.</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="152"/>
        <source>Group fields (e.g. planungsraum, kreis)</source>
        <translation>Gruppenfelder (z. B. planungsraum, kreis)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="128"/>
        <source>Group table (optional, e.g. planungsraeume.csv)</source>
        <translation>Gruppentabelle (optional, z. B. planungsraeume.csv)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="136"/>
        <source>Key field of the areas (e.g. AGS)</source>
        <translation>Schlüsselfeld der Gebiete (z. B. AGS)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="144"/>
        <source>Key field of the group table (e.g. ags)</source>
        <translation>Schlüsselfeld der Gruppentabelle (z. B. ags)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="70"/>
        <source>Offers (points)</source>
        <translation>Angebote (Punkte)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="205"/>
        <source>Offers outside every area ({n}): {ids}</source>
        <translation>Angebote außerhalb aller Gebiete ({n}): {ids}</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="44"/>
        <source>Offers per inhabitants</source>
        <translation>Angebote je Einwohner</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="166"/>
        <source>Offers per inhabitants by group</source>
        <translation>Angebote je Einwohner nach Gruppe</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="97"/>
        <source>Per inhabitants</source>
        <translation>Je Einwohner</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="81"/>
        <source>Population field</source>
        <translation>Einwohnerfeld</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="119"/>
        <source>Population of the target group (optional, e.g. children_u15)</source>
        <translation>Bevölkerung der Zielgruppe (optional, z. B. children_u15)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="113"/>
        <source>Target group (optional, e.g. Kinder)</source>
        <translation>Zielgruppe (optional, z. B. Kinder)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="106"/>
        <source>Target group field of the offers (optional)</source>
        <translation>Zielgruppenfeld der Angebote (optional)</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/offers_per_population.py" line="237"/>
        <source>With a group table, choose the key field of the areas and the group fields.</source>
        <translation>Wählen Sie zur Gruppentabelle das Schlüsselfeld der Gebiete und die Gruppenfelder.</translation>
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
        <location filename="../../processing_algorithms/provider.py" line="32"/>
        <source>Sozialplanung</source>
        <translation>Sozialplanung</translation>
    </message>
    <message>
        <location filename="../../processing_algorithms/provider.py" line="35"/>
        <source>Sozialplanung (social planning analyses)</source>
        <translation>Sozialplanung (Analysen für die Sozialplanung)</translation>
    </message>
</context>
<context>
    <name>geolib</name>
    <message>
        <location filename="../../geolib/density.py" line="144"/>
        <source>A population per target group needs the target group field of the offers.</source>
        <translation>Eine Bevölkerung je Zielgruppe braucht das Zielgruppenfeld der Angebote.</translation>
    </message>
    <message>
        <location filename="../../geolib/raster.py" line="74"/>
        <source>A raster must be 2-D, got an array of shape {shape}.</source>
        <translation>Ein Raster muss zweidimensional sein, erhalten wurde ein Array der Form {shape}.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="673"/>
        <source>A raster of {rows} × {cols} pixels would need about {need} of memory, more than the limit of {limit}. Use a larger pixel size or a smaller extent.</source>
        <translation>Ein Raster mit {rows} × {cols} Pixeln bräuchte etwa {need} Arbeitsspeicher, mehr als die Grenze von {limit}. Wählen Sie eine größere Pixelgröße oder eine kleinere Ausdehnung.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="610"/>
        <source>All weights in '{field}' are 0 or missing, so the density is 0 everywhere. Choose another weight field or none.</source>
        <translation>Alle Gewichte in „{field}“ sind 0 oder fehlen, die Dichte wäre also überall 0. Wählen Sie ein anderes Gewichtsfeld oder keines.</translation>
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
        <location filename="../../geolib/density.py" line="568"/>
        <source>Give a radius in metres or a radius field.</source>
        <translation>Geben Sie einen Radius in Metern oder ein Radiusfeld an.</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="856"/>
        <source>Give at least one year for the indicator table.</source>
        <translation>Geben Sie mindestens ein Jahr für die Indikatorentabelle an.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="128"/>
        <source>Give one weight per zone break: {n_breaks} breaks but {n_weights} weights.</source>
        <translation>Geben Sie ein Gewicht je Zonengrenze an: {n_breaks} Grenzen, aber {n_weights} Gewichte.</translation>
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
        <location filename="../../geolib/density.py" line="232"/>
        <source>No offer has the target group '{group}'.</source>
        <translation>Kein Angebot hat die Zielgruppe „{group}“.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="328"/>
        <source>No population reaches any supply; the normalised score is NULL.</source>
        <translation>Keine Bevölkerung erreicht ein Angebot; der normierte Wert ist NULL.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="619"/>
        <source>No radius in '{field}' is greater than 0 metres; every point needs a positive search radius.</source>
        <translation>Kein Radius in „{field}“ ist größer als 0 Meter; jeder Punkt braucht einen positiven Suchradius.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="335"/>
        <source>No value of '{area_key}' in the areas occurs in '{mapping_key}' of the group table (for example {example}). Choose matching key fields.</source>
        <translation>Kein Wert von „{area_key}“ der Gebiete kommt in „{mapping_key}“ der Gruppentabelle vor (zum Beispiel {example}). Wählen Sie zueinander passende Schlüsselfelder.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="155"/>
        <source>Reading '{path}' failed: {error}</source>
        <translation>Das Lesen von „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="262"/>
        <source>Some costs are 0; the gravity decay uses a minimum cost of {min_cost} so that it stays finite.</source>
        <translation>Einige Kosten sind 0; der Gravitationsabfall verwendet Mindestkosten von {min_cost}, damit er endlich bleibt.</translation>
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
        <location filename="../../geolib/accessibility.py" line="560"/>
        <source>The capacity field '{field}' has negative values; fix them first.</source>
        <translation>Das Kapazitätsfeld „{field}“ hat negative Werte; korrigieren Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="335"/>
        <source>The cost table needs the columns origin, destination and cost; missing: {missing}.</source>
        <translation>Die Kostentabelle braucht die Spalten origin, destination und cost; es fehlt: {missing}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="348"/>
        <source>The cost table refers to rows that do not exist ({n_origins} origins, {n_destinations} destinations).</source>
        <translation>Die Kostentabelle verweist auf Zeilen, die es nicht gibt ({n_origins} Startpunkte, {n_destinations} Ziele).</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="119"/>
        <source>The default E2SFCA weights (1, 0.68, 0.22) are for three zones, but {n} breaks were given; give one weight per break.</source>
        <translation>Die Standardgewichte von E2SFCA (1, 0,68, 0,22) gelten für drei Zonen, angegeben sind aber {n} Grenzen; geben Sie ein Gewicht je Grenze an.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="652"/>
        <source>The extent must have a positive width and height; got {xmin}, {ymin}, {xmax}, {ymax}.</source>
        <translation>Die Ausdehnung muss eine positive Breite und Höhe haben; erhalten: {xmin}, {ymin}, {xmax}, {ymax}.</translation>
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
        <location filename="../../geolib/accessibility.py" line="253"/>
        <source>The gravity decay needs a scale above 0 and an exponent of at least 0 (got scale {scale}, exponent {beta}).</source>
        <translation>Der Gravitationsabfall braucht einen Maßstab über 0 und einen Exponenten von mindestens 0 (erhalten: Maßstab {scale}, Exponent {beta}).</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="290"/>
        <source>The layer '{layer}' has no CRS and cannot be written.</source>
        <translation>Der Layer „{layer}“ hat kein KBS und kann nicht geschrieben werden.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="241"/>
        <source>The maximum cost must be greater than 0, not {max_cost}.</source>
        <translation>Die maximalen Kosten müssen größer als 0 sein, nicht {max_cost}.</translation>
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
        <location filename="../../geolib/density.py" line="564"/>
        <source>The pixel size must be a positive number of metres, not {size}.</source>
        <translation>Die Pixelgröße muss eine positive Zahl von Metern sein, nicht {size}.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="662"/>
        <source>The pixel size of {size} m is larger than the extent ({width} m × {height} m). Choose a smaller pixel size or a larger extent.</source>
        <translation>Die Pixelgröße von {size} m ist größer als die Ausdehnung ({width} m × {height} m). Wählen Sie eine kleinere Pixelgröße oder eine größere Ausdehnung.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="534"/>
        <source>The population field '{field}' has negative values ({n}); fix them first.</source>
        <translation>Das Bevölkerungsfeld „{field}“ hat negative Werte ({n}); korrigieren Sie sie zuerst.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="541"/>
        <source>The population field '{field}' is 0 in every demand unit: there is no demand to relate the supply to. Choose another field or layer.</source>
        <translation>Das Bevölkerungsfeld „{field}“ ist in jeder Nachfrageeinheit 0: Es gibt keine Nachfrage, auf die sich das Angebot beziehen ließe. Wählen Sie ein anderes Feld oder einen anderen Layer.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="570"/>
        <source>The radius must be greater than 0 metres, not {radius}. Choose a search radius such as 500 m.</source>
        <translation>Der Radius muss größer als 0 Meter sein, nicht {radius}. Wählen Sie einen Suchradius wie 500 m.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="133"/>
        <source>The rate base must be a positive number of inhabitants (for example 1000), not {per}.</source>
        <translation>Die Bezugsbasis muss eine positive Einwohnerzahl sein (zum Beispiel 1000), nicht {per}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="288"/>
        <source>The ratio method needs demand-to-demand costs.</source>
        <translation>Die Verhältnismethode braucht Kosten zwischen den Nachfrageeinheiten.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="113"/>
        <source>The zone breaks must be distinct positive costs, not {breaks}.</source>
        <translation>Die Zonengrenzen müssen verschiedene positive Kosten sein, nicht {breaks}.</translation>
    </message>
    <message>
        <location filename="../../geolib/crs.py" line="45"/>
        <source>The {what} has no coordinate reference system (CRS). Set it in QGIS with Layer Properties → Source → 'Assigned Coordinate Reference System' (or the Processing tool 'Assign projection'), or in Python with gdf.set_crs('EPSG:25832').</source>
        <translation>Der {what} hat kein Koordinatenbezugssystem (KBS). Legen Sie es in QGIS unter Layereigenschaften → Quelle → „Zugewiesenes Koordinatenbezugssystem“ fest (oder mit dem Processing-Werkzeug „Projektion zuweisen“), oder in Python mit gdf.set_crs('EPSG:25832').</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="522"/>
        <source>The {what} has no feature with a geometry.</source>
        <translation>Der {what} hat kein Objekt mit Geometrie.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="22"/>
        <source>The {what} has no field '{field}'. Its fields are: {fields}. Choose one of them.</source>
        <translation>Der {what} hat kein Feld „{field}“. Seine Felder sind: {fields}. Wählen Sie eines davon.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="588"/>
        <source>The {what} has no point with a geometry; there is nothing to estimate.</source>
        <translation>Der {what} hat keinen Punkt mit Geometrie; es gibt nichts zu schätzen.</translation>
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
        <location filename="../../geolib/density.py" line="552"/>
        <source>Unknown kernel '{kernel}'; choose one of {kernels}.</source>
        <translation>Unbekannter Kern „{kernel}“; wählen Sie einen von {kernels}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="235"/>
        <source>Unknown method '{method}'; choose one of {methods}.</source>
        <translation>Unbekannte Methode „{method}“; wählen Sie eine von {methods}.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="558"/>
        <source>Unknown output value '{output}'; choose one of {values}.</source>
        <translation>Unbekannter Ausgabewert „{output}“; wählen Sie einen von {values}.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="576"/>
        <source>With a decay ratio of {decay} the triangular kernel has no positive integral, so it cannot be scaled; use the raw output or a decay ratio above -0.5.</source>
        <translation>Mit einem Abfallverhältnis von {decay} hat der Dreieckskern kein positives Integral und lässt sich nicht skalieren; verwenden Sie die Rohwerte oder ein Abfallverhältnis über -0,5.</translation>
    </message>
    <message>
        <location filename="../../geolib/io.py" line="305"/>
        <source>Writing layer '{layer}' to '{path}' failed: {error}</source>
        <translation>Das Schreiben des Layers „{layer}“ nach „{path}“ ist fehlgeschlagen: {error}</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="134"/>
        <source>Zone weights must not be negative.</source>
        <translation>Zonengewichte dürfen nicht negativ sein.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="137"/>
        <source>area layer</source>
        <translation>Flächenlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="508"/>
        <source>demand layer</source>
        <translation>Nachfragelayer</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="327"/>
        <source>group table</source>
        <translation>Zuordnungslayer</translation>
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
        <location filename="../../geolib/density.py" line="138"/>
        <source>offers layer</source>
        <translation>Angebotslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="163"/>
        <source>points</source>
        <translation>Punkte</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="581"/>
        <source>points layer</source>
        <translation>Punktlayer</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="509"/>
        <source>supply layer</source>
        <translation>Angebotslayer</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="209"/>
        <source>{n} areas have no positive population; their rate is NULL (see 'rate_note').</source>
        <translation>{n} Gebiete haben keine positive Einwohnerzahl; ihre Quote ist NULL (siehe „rate_note“).</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="345"/>
        <source>{n} areas have no row in the group table and belong to no group: {keys}.</source>
        <translation>{n} Gebiete haben keine Zeile in der Gruppentabelle und gehören zu keiner Gruppe: {keys}.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="527"/>
        <source>{n} demand units have no population in '{field}'; they count as 0.</source>
        <translation>{n} Nachfrageeinheiten haben keine Bevölkerung in „{field}“; sie zählen als 0.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="317"/>
        <source>{n} demand units have no supply within reach; their score is 0.</source>
        <translation>{n} Nachfrageeinheiten erreichen kein Angebot; ihr Wert ist 0.</translation>
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
        <location filename="../../geolib/density.py" line="184"/>
        <source>{n} offers lie outside every area and are not counted; see the list of offers outside the areas.</source>
        <translation>{n} Angebote liegen außerhalb aller Gebiete und werden nicht gezählt; siehe die Liste der Angebote außerhalb der Gebiete.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="626"/>
        <source>{n} points have a missing radius or one of 0 m or less in '{field}' and were skipped.</source>
        <translation>{n} Punkte haben in „{field}“ keinen Radius oder einen von 0 m oder weniger und wurden übersprungen.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="602"/>
        <source>{n} points have no weight in '{field}'; they count with weight 0.</source>
        <translation>{n} Punkte haben kein Gewicht in „{field}“; sie zählen mit dem Gewicht 0.</translation>
    </message>
    <message>
        <location filename="../../geolib/density.py" line="693"/>
        <source>{n} points lie farther than their radius from the raster extent and do not contribute.</source>
        <translation>{n} Punkte liegen weiter als ihr Radius von der Rasterausdehnung entfernt und tragen nichts bei.</translation>
    </message>
    <message>
        <location filename="../../geolib/validate.py" line="114"/>
        <source>{n} polygons of the {what} are invalid and cannot be repaired (rows {rows}). Run 'Fix geometries' on the layer and check these features.</source>
        <translation>{n} Polygone im {what} sind ungültig und lassen sich nicht reparieren (Zeilen {rows}). Führen Sie „Geometrien reparieren“ auf dem Layer aus und prüfen Sie diese Objekte.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="552"/>
        <source>{n} supply points have no capacity in '{field}'; they count as 1.</source>
        <translation>{n} Angebote haben keine Kapazität in „{field}“; sie zählen als 1.</translation>
    </message>
    <message>
        <location filename="../../geolib/accessibility.py" line="308"/>
        <source>{n} supply points have no demand within reach; their supply is not assigned to anyone (ratio NULL).</source>
        <translation>{n} Angebote haben keine Nachfrage in Reichweite; ihr Angebot wird niemandem zugerechnet (Verhältnis NULL).</translation>
    </message>
    <message>
        <location filename="../../geolib/examples.py" line="983"/>
        <source>Ämter layer</source>
        <translation>Ämterlayer</translation>
    </message>
</context>
</TS>
