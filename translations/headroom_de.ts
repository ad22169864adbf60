<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>Charts</name>
    <message>
        <source>Demand over the plan horizon</source>
        <translation>Nachfrage über den Planungshorizont</translation>
    </message>
    <message>
        <source>Concurrent users</source>
        <translation>Gleichzeitige Nutzer</translation>
    </message>
    <message>
        <source>Phase: %1</source>
        <translation>Phase: %1</translation>
    </message>
    <message>
        <source>95% band (growth-rate uncertainty)</source>
        <translation>95-%-Band (Unsicherheit der Wachstumsrate)</translation>
    </message>
    <message>
        <source>Concurrent users per day from the growth model (monthly growth %1%). The scenario has no measured history, so the 95% band is not a forecast interval: it takes the growth rate as uncertain with a standard deviation of a quarter of itself (an assumption), %2% to %3% a month.</source>
        <translation>Gleichzeitige Nutzer pro Tag aus dem Wachstumsmodell (monatliches Wachstum %1 %). Das Szenario hat keine gemessene Historie, daher ist das 95-%-Band kein Prognoseintervall: Es nimmt die Wachstumsrate als unsicher an, mit einer Standardabweichung von einem Viertel ihres Werts (eine Annahme), %2 % bis %3 % pro Monat.</translation>
    </message>
    <message>
        <source>Replicas per tier over the horizon</source>
        <translation>Replikate pro Schicht über den Horizont</translation>
    </message>
    <message>
        <source>Replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>%1 required</source>
        <translation>%1 benötigt</translation>
    </message>
    <message>
        <source>%1 planned (min..max)</source>
        <translation>%1 geplant (min..max)</translation>
    </message>
    <message>
        <source>Replicas the day&apos;s demand needs with the peak multiplier and capacity buffer (required), and the same clamped to each tier&apos;s minReplicas..maxReplicas (planned). Where planned is below required the tier&apos;s maximum is too low.</source>
        <translation>Replikate, die die Nachfrage des Tages mit Spitzenfaktor und Kapazitätspuffer braucht (benötigt), und dieselben begrenzt auf minReplicas..maxReplicas der Schicht (geplant). Wo geplant unter benötigt liegt, ist das Maximum der Schicht zu niedrig.</translation>
    </message>
    <message>
        <source>Cost per day by tier and purchase option</source>
        <translation>Kosten pro Tag nach Schicht und Kaufoption</translation>
    </message>
    <message>
        <source>Cost per day: the plan could not be priced</source>
        <translation>Kosten pro Tag: Der Plan konnte nicht bepreist werden</translation>
    </message>
    <message>
        <source>USD per day</source>
        <translation>USD pro Tag</translation>
    </message>
    <message>
        <source>USD per user-month</source>
        <translation>USD pro Nutzer und Monat</translation>
    </message>
    <message>
        <source>Warning %1 USD/day</source>
        <translation>Warnung %1 USD/Tag</translation>
    </message>
    <message>
        <source>Critical %1 USD/day</source>
        <translation>Kritisch %1 USD/Tag</translation>
    </message>
    <message>
        <source>Cost per user-month (right)</source>
        <translation>Kosten pro Nutzer und Monat (rechts)</translation>
    </message>
    <message>
        <source>The capacity plan&apos;s bill per day from the pricing catalog, stacked by tier and purchase option (storage and cache as their own layers), against the scenario&apos;s daily cost thresholds; the dotted line is the day&apos;s cost per monthly active user, extrapolated to a month.</source>
        <translation>Die Tagesrechnung des Kapazitätsplans aus dem Preiskatalog, gestapelt nach Schicht und Kaufoption (Speicher und Cache als eigene Lagen), gegen die täglichen Kostenschwellen des Szenarios; die gepunktete Linie sind die Kosten des Tages pro monatlich aktivem Nutzer, auf einen Monat hochgerechnet.</translation>
    </message>
    <message>
        <source>Simulation: %1</source>
        <translation>Simulation: %1</translation>
    </message>
    <message>
        <source>Demand (req/s, jobs/s)</source>
        <translation>Nachfrage (Anfragen/s, Jobs/s)</translation>
    </message>
    <message>
        <source>%1 P95 over SLO</source>
        <translation>%1 P95 über SLO</translation>
    </message>
    <message>
        <source>%1 ready</source>
        <translation>%1 bereit</translation>
    </message>
    <message>
        <source>%1 desired</source>
        <translation>%1 gewünscht</translation>
    </message>
    <message>
        <source>%1 demand (right)</source>
        <translation>%1 Nachfrage (rechts)</translation>
    </message>
    <message>
        <source>Autoscaling simulation of &apos;%1&apos; (%2): ready and desired replicas per tier, the demand reaching each tier, and shaded where the tier&apos;s simulated P95 exceeded its p95Slo. Series longer than %3 points are downsampled (LTTB).</source>
        <translation>Autoscaling-Simulation von „%1“ (%2): bereite und gewünschte Replikate pro Schicht, die Nachfrage, die jede Schicht erreicht, und schattiert, wo das simulierte P95 der Schicht ihr p95Slo überschritt. Reihen mit mehr als %3 Punkten werden ausgedünnt (LTTB).</translation>
    </message>
</context>
<context>
    <name>ClusterNodeItem</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3 %4&lt;br&gt;%5 pods of %6 allocatable&lt;br&gt;CPU requested: %7 of allocatable&lt;br&gt;&lt;i&gt;Source: the imported cluster snapshot (nodes and pods lists).&lt;/i&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;&lt;br&gt;%2, %3 %4&lt;br&gt;%5 Pods von %6 zuweisbaren&lt;br&gt;Angeforderte CPU: %7 der zuweisbaren&lt;br&gt;&lt;i&gt;Quelle: der importierte Cluster-Schnappschuss (Node- und Pod-Listen).&lt;/i&gt;</translation>
    </message>
    <message>
        <source>%1 · %2/%3 pods · %4 m CPU</source>
        <translation>%1 · %2/%3 Pods · %4 m CPU</translation>
    </message>
</context>
<context>
    <name>ClusterScene</name>
    <message numerus="yes">
        <source>%1 — %n node(s)</source>
        <translation>
            <numerusform>%1 — %n Node</numerusform>
            <numerusform>%1 — %n Nodes</numerusform>
        </translation>
    </message>
    <message>
        <source>no zone</source>
        <translation>keine Zone</translation>
    </message>
    <message numerus="yes">
        <source>, %n pod(s)</source>
        <translation>
            <numerusform>, %n Pod</numerusform>
            <numerusform>, %n Pods</numerusform>
        </translation>
    </message>
    <message>
        <source>no region</source>
        <translation>keine Region</translation>
    </message>
    <message numerus="yes">
        <source>%n pod(s) not scheduled on any node</source>
        <translation>
            <numerusform>%n Pod auf keinem Node eingeplant</numerusform>
            <numerusform>%n Pods auf keinem Node eingeplant</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ReportExport</name>
    <message>
        <source>Export Report</source>
        <translation>Bericht exportieren</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF-Dokumente (*.pdf)</translation>
    </message>
    <message>
        <source>Writing the report…</source>
        <translation>Bericht wird geschrieben…</translation>
    </message>
    <message>
        <source>Could not write the report:
%1</source>
        <translation>Der Bericht konnte nicht geschrieben werden:
%1</translation>
    </message>
    <message>
        <source>Export CSV into a Directory</source>
        <translation>CSV in ein Verzeichnis exportieren</translation>
    </message>
    <message>
        <source>Export CSV</source>
        <translation>CSV exportieren</translation>
    </message>
    <message>
        <source>Could not write the CSV files:
%1</source>
        <translation>Die CSV-Dateien konnten nicht geschrieben werden:
%1</translation>
    </message>
</context>
<context>
    <name>SetFieldCommand</name>
    <message>
        <source>Clear %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <source>Set %1 to %2</source>
        <translation>%1 auf %2 setzen</translation>
    </message>
</context>
<context>
    <name>TopologyFigures</name>
    <message>
        <source>not simulated</source>
        <translation>nicht simuliert</translation>
    </message>
    <message>
        <source>This tier has no timeline in the analysis.</source>
        <translation>Diese Schicht hat keinen Zeitverlauf in der Analyse.</translation>
    </message>
    <message>
        <source>%1 / %2 replicas</source>
        <translation>%1 / %2 Replikas</translation>
    </message>
    <message>
        <source>CPU %1</source>
        <translation>CPU %1</translation>
    </message>
    <message>
        <source>p95 %1 ms</source>
        <translation>p95 %1 ms</translation>
    </message>
    <message>
        <source>p95 unbounded</source>
        <translation>p95 unbegrenzt</translation>
    </message>
    <message>
        <source>headroom %1 replicas</source>
        <translation>Reserve %1 Replikas</translation>
    </message>
    <message>
        <source>Ready replicas: %1 of at most %2 (autoscaling.maxReplicas).</source>
        <translation>Bereite Replikas: %1 von höchstens %2 (autoscaling.maxReplicas).</translation>
    </message>
    <message>
        <source>CPU utilization: %1 of the requested CPU, averaged over ready pods (colour).</source>
        <translation>CPU-Auslastung: %1 der angeforderten CPU, gemittelt über bereite Pods (Farbe).</translation>
    </message>
    <message>
        <source>p95 latency: M/M/c estimate from the service time and %1 workers per replica.</source>
        <translation>p95-Latenz: M/M/c-Schätzung aus der Bedienzeit und %1 Workern je Replika.</translation>
    </message>
    <message>
        <source>Demand reaching the tier: %1 per second.</source>
        <translation>Nachfrage an der Schicht: %1 pro Sekunde.</translation>
    </message>
    <message>
        <source>Headroom: replicas the autoscaler may still add before maxReplicas.</source>
        <translation>Reserve: Replikas, die der Autoscaler bis maxReplicas noch hinzufügen darf.</translation>
    </message>
    <message>
        <source>Source: topology model, shares from spec.regions, users from spec.demand.</source>
        <translation>Quelle: Topologiemodell, Anteile aus spec.regions, Nutzer aus spec.demand.</translation>
    </message>
    <message>
        <source>%1 users</source>
        <translation>%1 Nutzer</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message>
        <source>Concurrent users today: %1.</source>
        <translation>Gleichzeitige Nutzer heute: %1.</translation>
    </message>
    <message>
        <source>Requests per second: users x %1 requests per user per second.</source>
        <translation>Anfragen pro Sekunde: Nutzer x %1 Anfragen pro Nutzer und Sekunde.</translation>
    </message>
    <message>
        <source>%1 % of global</source>
        <translation>%1 % des globalen Verkehrs</translation>
    </message>
    <message>
        <source>≈ %1 users</source>
        <translation>≈ %1 Nutzer</translation>
    </message>
    <message>
        <source>Share of its group: %1 %.</source>
        <translation>Anteil an ihrer Gruppe: %1 %.</translation>
    </message>
    <message>
        <source>Share of global traffic: %1 % (group share x region share, normalised).</source>
        <translation>Anteil am globalen Verkehr: %1 % (Gruppenanteil x Regionsanteil, normiert).</translation>
    </message>
    <message numerus="yes">
        <source>%n region(s)</source>
        <translation>
            <numerusform>%n Region</numerusform>
            <numerusform>%n Regionen</numerusform>
        </translation>
    </message>
    <message>
        <source>Share of global traffic: %1 %.</source>
        <translation>Anteil am globalen Verkehr: %1 %.</translation>
    </message>
    <message>
        <source>Source: cache model (Zipf working set, Che&apos;s approximation) at today&apos;s demand.</source>
        <translation>Quelle: Cache-Modell (Zipf-Arbeitsmenge, Che-Näherung) bei heutiger Nachfrage.</translation>
    </message>
    <message>
        <source>hit %1 %</source>
        <translation>Treffer %1 %</translation>
    </message>
    <message>
        <source>%1/s in, %2/s miss</source>
        <translation>%1/s ein, %2/s Fehlzugriffe</translation>
    </message>
    <message>
        <source>Cache level %1</source>
        <translation>Cache-Ebene %1</translation>
    </message>
    <message>
        <source>Hit ratio: %1 % of the requests arriving here%2.</source>
        <translation>Trefferquote: %1 % der hier ankommenden Anfragen%2.</translation>
    </message>
    <message>
        <source> (fixed in the scenario)</source>
        <translation> (im Szenario festgelegt)</translation>
    </message>
    <message>
        <source>Arriving: %1 requests/s; passed on: %2/s.</source>
        <translation>Ankommend: %1 Anfragen/s; weitergereicht: %2/s.</translation>
    </message>
    <message>
        <source>Copies: %1, each holding %2 objects.</source>
        <translation>Kopien: %1, jede mit %2 Objekten.</translation>
    </message>
    <message>
        <source>Source: Redis Cluster layout (redis-cli --cluster create) and memory model.</source>
        <translation>Quelle: Redis-Cluster-Aufteilung (redis-cli --cluster create) und Speichermodell.</translation>
    </message>
    <message>
        <source>memory unknown</source>
        <translation>Speicher unbekannt</translation>
    </message>
    <message>
        <source>%1 / %2 GiB</source>
        <translation>%1 / %2 GiB</translation>
    </message>
    <message>
        <source>Redis master %1</source>
        <translation>Redis-Master %1</translation>
    </message>
    <message>
        <source>Hash slots %1 (%2 of 16384).</source>
        <translation>Hash-Slots %1 (%2 von 16384).</translation>
    </message>
    <message>
        <source>Memory: %1, %2 of maxmemory (colour).</source>
        <translation>Speicher: %1, %2 von maxmemory (Farbe).</translation>
    </message>
    <message>
        <source>Replicas: %1, holding the same bytes.</source>
        <translation>Replikas: %1, mit denselben Daten.</translation>
    </message>
    <message>
        <source>slots %1</source>
        <translation>Slots %1</translation>
    </message>
    <message>
        <source>replica of master %1</source>
        <translation>Replika von Master %1</translation>
    </message>
    <message>
        <source>quorum %1 of %2</source>
        <translation>Quorum %1 von %2</translation>
    </message>
    <message numerus="yes">
        <source>tolerates %n loss(es)</source>
        <translation>
            <numerusform>verkraftet %n Ausfall</numerusform>
            <numerusform>verkraftet %n Ausfälle</numerusform>
        </translation>
    </message>
    <message>
        <source>Sentinel %1</source>
        <translation>Sentinel %1</translation>
    </message>
    <message>
        <source>Quorum: %1 sentinels must agree the master is down.</source>
        <translation>Quorum: %1 Sentinels müssen sich einig sein, dass der Master ausgefallen ist.</translation>
    </message>
    <message>
        <source>Failover needs %1 votes (max of quorum and majority).</source>
        <translation>Ein Failover braucht %1 Stimmen (Maximum aus Quorum und Mehrheit).</translation>
    </message>
    <message>
        <source>Sentinels that may fail with failover still possible: %1.</source>
        <translation>Sentinels, die ausfallen dürfen, ohne das Failover zu verhindern: %1.</translation>
    </message>
    <message>
        <source>Source: database model at today&apos;s demand after the caches.</source>
        <translation>Quelle: Datenbankmodell bei heutiger Nachfrage hinter den Caches.</translation>
    </message>
    <message>
        <source>%1 / %2 clients</source>
        <translation>%1 / %2 Clients</translation>
    </message>
    <message>
        <source>Client connections: ready app replicas x %1 per replica, of %2 accepted (colour).</source>
        <translation>Client-Verbindungen: bereite App-Replikas x %1 je Replika, von %2 zulässigen (Farbe).</translation>
    </message>
    <message>
        <source>Source: simulation of the chosen traffic scenario at the chosen moment.</source>
        <translation>Quelle: Simulation des gewählten Verkehrsszenarios zum gewählten Zeitpunkt.</translation>
    </message>
    <message>
        <source>%1 writes/s</source>
        <translation>%1 Schreibvorgänge/s</translation>
    </message>
    <message>
        <source>lag %1 ms</source>
        <translation>Verzögerung %1 ms</translation>
    </message>
    <message>
        <source>Writes: %1/s, %2 of the write ceiling per primary (colour).</source>
        <translation>Schreibvorgänge: %1/s, %2 der Schreibgrenze je Primary (Farbe).</translation>
    </message>
    <message>
        <source>Replication lag: %1 ms (budget %2 ms).</source>
        <translation>Replikationsverzögerung: %1 ms (Budget %2 ms).</translation>
    </message>
    <message>
        <source>Server connections needed: %1.</source>
        <translation>Benötigte Serververbindungen: %1.</translation>
    </message>
    <message>
        <source>%1 reads/s</source>
        <translation>%1 Lesevorgänge/s</translation>
    </message>
    <message numerus="yes">
        <source>Reads of %1 split evenly over its %n replica(s).</source>
        <translation>
            <numerusform>Lesevorgänge von %1, gleichmäßig auf seine %n Replika verteilt.</numerusform>
            <numerusform>Lesevorgänge von %1, gleichmäßig auf seine %n Replikas verteilt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Read utilization: %1 of the replicas&apos; read capacity (colour).</source>
        <translation>Leseauslastung: %1 der Lesekapazität der Replikas (Farbe).</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>aus %1</translation>
    </message>
    <message>
        <source>Extraction uses a share of each source replica&apos;s read capacity.</source>
        <translation>Die Extraktion nutzt einen Teil der Lesekapazität jeder Quell-Replika.</translation>
    </message>
    <message>
        <source>&apos;%1&apos; at its peak, %2</source>
        <translation>„%1“ zur Spitze, %2</translation>
    </message>
    <message>
        <source>&apos;%1&apos; at %2</source>
        <translation>„%1“ um %2</translation>
    </message>
    <message>
        <source>Source: autoscaling simulation of &apos;%1&apos; at %2 (tick %3).</source>
        <translation>Quelle: Autoscaling-Simulation von „%1“ um %2 (Takt %3).</translation>
    </message>
</context>
<context>
    <name>TopologyGraph</name>
    <message>
        <source>Browser cache</source>
        <translation>Browser-Cache</translation>
    </message>
    <message>
        <source>CDN</source>
        <translation>CDN</translation>
    </message>
    <message>
        <source>In-memory cache</source>
        <translation>In-Memory-Cache</translation>
    </message>
    <message>
        <source>Redis cache</source>
        <translation>Redis-Cache</translation>
    </message>
    <message>
        <source>Redis master %1</source>
        <translation>Redis-Master %1</translation>
    </message>
    <message>
        <source>Sentinel %1</source>
        <translation>Sentinel %1</translation>
    </message>
    <message>
        <source>Replica %1.%2</source>
        <translation>Replika %1.%2</translation>
    </message>
    <message>
        <source>pooling proxy</source>
        <translation>Pooling-Proxy</translation>
    </message>
    <message>
        <source>primary</source>
        <translation>Primary</translation>
    </message>
    <message>
        <source>read replica</source>
        <translation>Lese-Replika</translation>
    </message>
    <message>
        <source>analytics copy</source>
        <translation>Analysekopie</translation>
    </message>
    <message>
        <source>Global balancer</source>
        <translation>Globaler Balancer</translation>
    </message>
    <message>
        <source>global balancer</source>
        <translation>globaler Balancer</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>Ebene %1</translation>
    </message>
</context>
<context>
    <name>headroom::charts::ChartView</name>
    <message>
        <source>&amp;Copy as Image</source>
        <translation>Als Bild &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Save as PNG or SVG…</source>
        <translation>Als PNG oder SVG &amp;speichern…</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG image (*.png);;SVG drawing (*.svg)</source>
        <translation>PNG-Bild (*.png);;SVG-Zeichnung (*.svg)</translation>
    </message>
    <message>
        <source>Could not save %1: %2</source>
        <translation>%1 konnte nicht gespeichert werden: %2</translation>
    </message>
</context>
<context>
    <name>headroom::charts::ChartsPanel</name>
    <message>
        <source>The traffic scenario whose simulation the lower-left chart shows</source>
        <translation>Das Verkehrsszenario, dessen Simulation das Diagramm unten links zeigt</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Wird berechnet…</translation>
    </message>
    <message>
        <source>&amp;Traffic scenario:</source>
        <translation>&amp;Verkehrsszenario:</translation>
    </message>
    <message>
        <source>&amp;Draw Traffic</source>
        <translation>&amp;Verkehr zeichnen</translation>
    </message>
    <message>
        <source>Draw a traffic curve (demand multiplier) over the simulation window on the demand chart, or drag the points of the chosen traffic scenario&apos;s curve (D; Esc cancels)</source>
        <translation>Eine Verkehrskurve (Lastfaktor) über das Simulationsfenster im Nachfragediagramm zeichnen oder die Punkte der Kurve des gewählten Verkehrsszenarios ziehen (D; Esc bricht ab)</translation>
    </message>
    <message>
        <source>&amp;Save as Traffic Scenario…</source>
        <translation>Als Verkehrsszenario &amp;speichern…</translation>
    </message>
    <message>
        <source>Save the drawn curve as a named traffic scenario of the file (undoable); the simulation and cost follow it</source>
        <translation>Die gezeichnete Kurve als benanntes Verkehrsszenario in der Datei speichern (rückgängig machbar); Simulation und Kosten folgen ihr</translation>
    </message>
    <message>
        <source>Cancel Drawing</source>
        <translation>Zeichnen abbrechen</translation>
    </message>
    <message>
        <source>Leave draw mode without saving (Esc)</source>
        <translation>Zeichenmodus ohne Speichern verlassen (Esc)</translation>
    </message>
    <message>
        <source>Turn on draw mode and draw a curve first.</source>
        <translation>Zuerst den Zeichenmodus einschalten und eine Kurve zeichnen.</translation>
    </message>
    <message>
        <source>Save as Traffic Scenario</source>
        <translation>Als Verkehrsszenario speichern</translation>
    </message>
    <message>
        <source>Name of the traffic scenario (an existing one is redrawn):</source>
        <translation>Name des Verkehrsszenarios (ein vorhandenes wird neu gezeichnet):</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s), %1 traffic scenario(s)</source>
        <translation>
            <numerusform>%n Tag, %1 Verkehrsszenario(s)</numerusform>
            <numerusform>%n Tage, %1 Verkehrsszenario(s)</numerusform>
        </translation>
    </message>
    <message>
        <source>Charts built in %1 ms</source>
        <translation>Diagramme in %1 ms erstellt</translation>
    </message>
</context>
<context>
    <name>headroom::charts::CurveOverlay</name>
    <message>
        <source>Draw the demand multiplier over the simulation window: drag on empty space to draw freehand, drag a point to move it, double-click a point to remove it. Esc leaves draw mode.</source>
        <translation>Den Lastfaktor über das Simulationsfenster zeichnen: auf freier Fläche ziehen zeichnet freihand, einen Punkt ziehen verschiebt ihn, Doppelklick auf einen Punkt entfernt ihn. Esc verlässt den Zeichenmodus.</translation>
    </message>
</context>
<context>
    <name>headroom::ui::AlertsPanel</name>
    <message>
        <source>open</source>
        <translation>offen</translation>
    </message>
    <message>
        <source>Traffic scenario:</source>
        <translation>Verkehrsszenario:</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>Alarm</translation>
    </message>
    <message>
        <source>Labels</source>
        <translation>Labels</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Zustand</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>Max value</source>
        <translation>Höchstwert</translation>
    </message>
    <message>
        <source>When each alert rule of the scenario was pending or firing over the simulation; times are hours:minutes from its start</source>
        <translation>Wann jede Alarmregel des Szenarios während der Simulation ausstehend oder ausgelöst war; Zeiten in Stunden:Minuten ab ihrem Beginn</translation>
    </message>
    <message>
        <source>Success metric</source>
        <translation>Erfolgskennzahl</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>Urteil</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ziel</translation>
    </message>
    <message>
        <source>How it was measured</source>
        <translation>Wie gemessen wurde</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
</context>
<context>
    <name>headroom::ui::CommandPalette</name>
    <message>
        <source>Type a command…</source>
        <translation>Befehl eingeben…</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ComparePanel</name>
    <message>
        <source>Duplicate as Variant…</source>
        <translation>Als Variante duplizieren…</translation>
    </message>
    <message>
        <source>Snapshot the scenario as it is now; keep editing and compare</source>
        <translation>Das Szenario im jetzigen Stand festhalten; weiter bearbeiten und vergleichen</translation>
    </message>
    <message>
        <source>Add Variant from File…</source>
        <translation>Variante aus Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Remove Variant</source>
        <translation>Variante entfernen</translation>
    </message>
    <message>
        <source>Variants:</source>
        <translation>Varianten:</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Einstellung</translation>
    </message>
    <message>
        <source>Fields whose values differ between the compared scenarios</source>
        <translation>Felder, deren Werte sich zwischen den verglichenen Szenarien unterscheiden</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Peak replicas</source>
        <translation>Spitzenreplikate</translation>
    </message>
    <message>
        <source>P95 ms</source>
        <translation>P95 ms</translation>
    </message>
    <message>
        <source>Min over SLO</source>
        <translation>Min. über SLO</translation>
    </message>
    <message>
        <source>Monthly cost</source>
        <translation>Monatliche Kosten</translation>
    </message>
    <message>
        <source>Cost/user</source>
        <translation>Kosten/Nutzer</translation>
    </message>
    <message>
        <source>Spike absorbed</source>
        <translation>Spitze aufgefangen</translation>
    </message>
    <message>
        <source>Outcome figures per traffic scenario; the better value of each group is highlighted</source>
        <translation>Ergebniszahlen je Verkehrsszenario; der bessere Wert jeder Gruppe ist hervorgehoben</translation>
    </message>
    <message>
        <source>Variant</source>
        <translation>Variante</translation>
    </message>
    <message>
        <source>Current</source>
        <translation>Aktuell</translation>
    </message>
    <message>
        <source>Duplicate as Variant</source>
        <translation>Als Variante duplizieren</translation>
    </message>
    <message>
        <source>Variant name:</source>
        <translation>Name der Variante:</translation>
    </message>
    <message>
        <source>Variant %1</source>
        <translation>Variante %1</translation>
    </message>
    <message>
        <source>Add Variant from File</source>
        <translation>Variante aus Datei hinzufügen</translation>
    </message>
    <message>
        <source>Headroom scenarios (*.yaml *.yml);;All files (*)</source>
        <translation>Headroom-Szenarien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>(absent)</source>
        <translation>(fehlt)</translation>
    </message>
    <message>
        <source>computing…</source>
        <translation>wird berechnet…</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Better than the other scenarios</source>
        <translation>Besser als die anderen Szenarien</translation>
    </message>
    <message>
        <source>Total ready replicas: %1</source>
        <translation>Bereite Replikate gesamt: %1</translation>
    </message>
    <message>
        <source>hours</source>
        <translation>Stunden</translation>
    </message>
    <message>
        <source>replicas</source>
        <translation>Replikate</translation>
    </message>
    <message>
        <source>The traffic scenario whose simulated replicas are overlaid</source>
        <translation>Das Lastszenario, dessen simulierte Replikas überlagert werden</translation>
    </message>
    <message>
        <source>The variants compared with the current scenario; select one to remove it</source>
        <translation>Die mit dem aktuellen Szenario verglichenen Varianten; zum Entfernen eine auswählen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ConnectionJob</name>
    <message>
        <source>Kubernetes %1 answers</source>
        <translation>Kubernetes %1 antwortet</translation>
    </message>
    <message>
        <source>Prometheus answers queries</source>
        <translation>Prometheus beantwortet Abfragen</translation>
    </message>
    <message>
        <source>Cannot read a host and port from &quot;%1&quot;</source>
        <translation>Aus „%1“ lassen sich Host und Port nicht lesen</translation>
    </message>
    <message>
        <source>Only a Kubernetes connection can be imported</source>
        <translation>Nur eine Kubernetes-Verbindung kann importiert werden</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n node(s)</source>
        <translation>
            <numerusform>%n Node importiert</numerusform>
            <numerusform>%n Nodes importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Redis at %1 answers; cluster mode is off (a single server)</source>
        <translation>Redis unter %1 antwortet; der Cluster-Modus ist aus (ein einzelner Server)</translation>
    </message>
    <message>
        <source>Redis at %1: %2</source>
        <translation>Redis unter %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>Redis Cluster at %1: cluster_state %2, %n shard(s)</source>
        <translation>
            <numerusform>Redis Cluster unter %1: cluster_state %2, %n Shard</numerusform>
            <numerusform>Redis Cluster unter %1: cluster_state %2, %n Shards</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n replica(s)</source>
        <translation>
            <numerusform>, %n Replikat</numerusform>
            <numerusform>, %n Replikate</numerusform>
        </translation>
    </message>
    <message>
        <source>PostgreSQL at %1: %2</source>
        <translation>PostgreSQL unter %1: %2</translation>
    </message>
    <message>
        <source>PostgreSQL %1 at %2: replica (in recovery)</source>
        <translation>PostgreSQL %1 unter %2: Replikat (im Recovery-Modus)</translation>
    </message>
    <message>
        <source>PostgreSQL %1 at %2: replica (in recovery), streaming from %3</source>
        <translation>PostgreSQL %1 unter %2: Replikat (im Recovery-Modus), repliziert von %3</translation>
    </message>
    <message numerus="yes">
        <source>PostgreSQL %1 at %2: primary, %n streaming replica(s)</source>
        <translation>
            <numerusform>PostgreSQL %1 unter %2: Primärserver, %n streamendes Replikat</numerusform>
            <numerusform>PostgreSQL %1 unter %2: Primärserver, %n streamende Replikate</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>headroom::ui::ConnectionsDialog</name>
    <message>
        <source>Connections</source>
        <translation>Verbindungen</translation>
    </message>
    <message>
        <source>No usable keychain (%1): secrets are kept for this session only; nothing is written to disk.</source>
        <translation>Kein nutzbarer Schlüsselbund (%1): Geheimnisse werden nur für diese Sitzung behalten; nichts wird auf die Festplatte geschrieben.</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>&amp;Entfernen</translation>
    </message>
    <message>
        <source>Kubernetes context</source>
        <translation>Kubernetes-Kontext</translation>
    </message>
    <message>
        <source>Prometheus URL</source>
        <translation>Prometheus-URL</translation>
    </message>
    <message>
        <source>Redis seed</source>
        <translation>Redis-Startknoten</translation>
    </message>
    <message>
        <source>PostgreSQL DSN</source>
        <translation>PostgreSQL-DSN</translation>
    </message>
    <message>
        <source>Kubernetes: a context of the kubeconfig; Prometheus: http(s)://host:port; Redis: host:port of any node; PostgreSQL: a DSN without the password</source>
        <translation>Kubernetes: ein Kontext der kubeconfig; Prometheus: http(s)://host:port; Redis: host:port eines beliebigen Knotens; PostgreSQL: ein DSN ohne Passwort</translation>
    </message>
    <message>
        <source>$KUBECONFIG or ~/.kube/config</source>
        <translation>$KUBECONFIG oder ~/.kube/config</translation>
    </message>
    <message>
        <source>stored in the keychain, never in a file</source>
        <translation>wird im Schlüsselbund gespeichert, nie in einer Datei</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Art:</translation>
    </message>
    <message>
        <source>Kube&amp;config:</source>
        <translation>Kube&amp;config:</translation>
    </message>
    <message>
        <source>&amp;Endpoint:</source>
        <translation>&amp;Endpunkt:</translation>
    </message>
    <message>
        <source>&amp;Token or password:</source>
        <translation>&amp;Token oder Passwort:</translation>
    </message>
    <message>
        <source>A&amp;pply</source>
        <translation>Ü&amp;bernehmen</translation>
    </message>
    <message>
        <source>&amp;Test Connection</source>
        <translation>Verbindung &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Import from Cluster…</source>
        <translation>Aus Cluster &amp;importieren…</translation>
    </message>
    <message>
        <source>connection %1</source>
        <translation>Verbindung %1</translation>
    </message>
    <message>
        <source>a secret is stored; type to replace it</source>
        <translation>ein Geheimnis ist gespeichert; zum Ersetzen eintippen</translation>
    </message>
    <message>
        <source>The secret was not stored: %1</source>
        <translation>Das Geheimnis wurde nicht gespeichert: %1</translation>
    </message>
    <message>
        <source>The secret is stored in the keychain as &quot;%1&quot;.</source>
        <translation>Das Geheimnis ist im Schlüsselbund als „%1“ gespeichert.</translation>
    </message>
    <message>
        <source>No usable keychain: the secret is kept for this session only; nothing was written to disk. Enter it again after a restart.</source>
        <translation>Kein nutzbarer Schlüsselbund: Das Geheimnis wird nur für diese Sitzung behalten; nichts wurde auf die Festplatte geschrieben. Nach einem Neustart erneut eingeben.</translation>
    </message>
    <message>
        <source>Importing from %1…</source>
        <translation>Importiere aus %1…</translation>
    </message>
    <message>
        <source>Testing %1…</source>
        <translation>Teste %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message numerus="yes">
        <source>%n connection(s) from the settings of an earlier version are listed; OK moves them into this scenario, where they are saved with the file.</source>
        <translation>
            <numerusform>%n Verbindung aus den Einstellungen einer früheren Version ist aufgeführt; OK übernimmt sie in dieses Szenario, wo sie mit der Datei gespeichert wird.</numerusform>
            <numerusform>%n Verbindungen aus den Einstellungen einer früheren Version sind aufgeführt; OK übernimmt sie in dieses Szenario, wo sie mit der Datei gespeichert werden.</numerusform>
        </translation>
    </message>
    <message>
        <source>Pricing URL</source>
        <translation>Preis-URL</translation>
    </message>
    <message>
        <source>Connection %1 has no name.</source>
        <translation>Verbindung %1 hat keinen Namen.</translation>
    </message>
    <message>
        <source>The name &quot;%1&quot; is used twice.</source>
        <translation>Der Name „%1“ wird zweimal verwendet.</translation>
    </message>
    <message>
        <source>Edit data sources</source>
        <translation>Datenquellen bearbeiten</translation>
    </message>
</context>
<context>
    <name>headroom::ui::MainWindow</name>
    <message>
        <source>Headroom scenarios (*.yaml *.yml);;All files (*)</source>
        <translation>Headroom-Szenarien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Not changed: %1: %2</source>
        <translation>Nicht geändert: %1: %2</translation>
    </message>
    <message>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <source>Show %1</source>
        <translation>%1 anzeigen</translation>
    </message>
    <message>
        <source>Computing…</source>
        <translation>Berechne…</translation>
    </message>
    <message>
        <source>Computing… %1/%2</source>
        <translation>Berechne… %1/%2</translation>
    </message>
    <message>
        <source>Computed in %1 ms</source>
        <translation>Berechnet in %1 ms</translation>
    </message>
    <message numerus="yes">
        <source>Capacity plan over %n day(s), cost, and a simulation of each traffic scenario with its alerts and success metrics.</source>
        <translation>
            <numerusform>Kapazitätsplan über %n Tag, Kosten und eine Simulation jedes Verkehrsszenarios mit seinen Alarmen und Erfolgskennzahlen.</numerusform>
            <numerusform>Kapazitätsplan über %n Tage, Kosten und eine Simulation jedes Verkehrsszenarios mit seinen Alarmen und Erfolgskennzahlen.</numerusform>
        </translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Edit &amp;Value</source>
        <translation>&amp;Wert bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Scenario &amp;Tree</source>
        <translation>Szenario&amp;baum</translation>
    </message>
    <message>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <source>&amp;Expand All</source>
        <translation>Alle auf&amp;klappen</translation>
    </message>
    <message>
        <source>&amp;Collapse All</source>
        <translation>Alle &amp;zuklappen</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>&amp;About Headroom</source>
        <translation>&amp;Über Headroom</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>New scenario from the WebTools Pro template</source>
        <translation>Neues Szenario aus der Vorlage WebTools Pro</translation>
    </message>
    <message>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <source>cannot read file: %1</source>
        <translation>Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>Could not open %1; see Problems</source>
        <translation>%1 konnte nicht geöffnet werden; siehe Probleme</translation>
    </message>
    <message numerus="yes">
        <source>Opened %1 with %n error(s)</source>
        <translation>
            <numerusform>%1 mit %n Fehler geöffnet</numerusform>
            <numerusform>%1 mit %n Fehlern geöffnet</numerusform>
        </translation>
    </message>
    <message>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <source>Save Scenario As</source>
        <translation>Szenario speichern unter</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not save %1:
%2</source>
        <translation>%1 konnte nicht gespeichert werden:
%2</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <source>About Headroom</source>
        <translation>Über Headroom</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;A desktop console for scalability planning: model your platform, forecast demand, size and simulate autoscaling, and see what it costs.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für die Skalierungsplanung: Plattform modellieren, Nachfrage vorhersagen, Autoscaling dimensionieren und simulieren und sehen, was es kostet.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>an untitled scenario</source>
        <translation>einem unbenannten Szenario</translation>
    </message>
    <message>
        <source>Unsaved changes to %1 from %2 were found. Restore them?</source>
        <translation>Ungespeicherte Änderungen an %1 vom %2 wurden gefunden. Wiederherstellen?</translation>
    </message>
    <message>
        <source>Restored unsaved changes</source>
        <translation>Ungespeicherte Änderungen wiederhergestellt</translation>
    </message>
    <message>
        <source>%1[*] — Headroom</source>
        <translation>%1[*] — Headroom</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>Wie das &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>What-If</source>
        <translation>Was-wäre-wenn</translation>
    </message>
    <message>
        <source>Alerts &amp;&amp; SLOs</source>
        <translation>Alarme &amp;&amp; SLOs</translation>
    </message>
    <message>
        <source>Command &amp;Palette…</source>
        <translation>Befehls&amp;palette…</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleich</translation>
    </message>
    <message>
        <source>&amp;Duplicate as Variant…</source>
        <translation>Als Variante &amp;duplizieren…</translation>
    </message>
    <message>
        <source>Add Variant from &amp;File…</source>
        <translation>Variante aus &amp;Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>Topologie</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n node(s) from %1 as a new scenario</source>
        <translation>
            <numerusform>%n Node aus %1 als neues Szenario importiert</numerusform>
            <numerusform>%n Nodes aus %1 als neues Szenario importiert</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Connections…</source>
        <translation>&amp;Verbindungen…</translation>
    </message>
    <message>
        <source>Charts</source>
        <translation>Diagramme</translation>
    </message>
    <message>
        <source>Export &amp;Report…</source>
        <translation>&amp;Bericht exportieren…</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>Bericht nach %1 geschrieben</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>&amp;CSV exportieren…</translation>
    </message>
    <message>
        <source>CSV files written to %1</source>
        <translation>CSV-Dateien nach %1 geschrieben</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ProblemModel</name>
    <message>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PropertyEditor</name>
    <message>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <source>Not changed: %1: %2</source>
        <translation>Nicht geändert: %1: %2</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PropertyModel</name>
    <message>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Accepts</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <source>Optional: clear the value to remove it.</source>
        <translation>Optional: Wert leeren, um ihn zu entfernen.</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>percent, %1</source>
        <translation>Prozent, %1</translation>
    </message>
    <message>
        <source>yes or no</source>
        <translation>ja oder nein</translation>
    </message>
    <message>
        <source>duration (30s, 5m, 1h30m)</source>
        <translation>Dauer (30s, 5m, 1h30m)</translation>
    </message>
    <message>
        <source>size (512MiB, 64GB)</source>
        <translation>Größe (512MiB, 64GB)</translation>
    </message>
    <message>
        <source>quantity (500m, 2, 4Gi)</source>
        <translation>Menge (500m, 2, 4Gi)</translation>
    </message>
    <message>
        <source>amount (0.20 USD)</source>
        <translation>Betrag (0.20 USD)</translation>
    </message>
    <message>
        <source>one of: %1</source>
        <translation>eines von: %1</translation>
    </message>
    <message>
        <source>list ([a, b])</source>
        <translation>Liste ([a, b])</translation>
    </message>
    <message>
        <source>map ({key: value})</source>
        <translation>Zuordnung ({Schlüssel: Wert})</translation>
    </message>
    <message>
        <source>pairs ([[0, 1], [2, 3]])</source>
        <translation>Paare ([[0, 1], [2, 3]])</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RecoveryBar</name>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ScenarioDocument</name>
    <message>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <source>cannot set this field</source>
        <translation>dieses Feld kann nicht gesetzt werden</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ScenarioTreeModel</name>
    <message numerus="yes">
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <source>Level %1</source>
        <translation>Ebene %1</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>headroom::ui::TopologyCanvas</name>
    <message>
        <source>Services</source>
        <translation>Dienste</translation>
    </message>
    <message>
        <source>The scenario&apos;s topology: balancers, regions, tiers, caches, Redis and databases with live figures</source>
        <translation>Die Topologie des Szenarios: Balancer, Regionen, Schichten, Caches, Redis und Datenbanken mit aktuellen Zahlen</translation>
    </message>
    <message>
        <source>Cluster</source>
        <translation>Cluster</translation>
    </message>
    <message>
        <source>The imported cluster: nodes by region and zone, pods as dots coloured by workload</source>
        <translation>Der importierte Cluster: Nodes nach Region und Zone, Pods als Punkte in der Farbe ihres Workloads</translation>
    </message>
    <message>
        <source>Traffic:</source>
        <translation>Verkehr:</translation>
    </message>
    <message>
        <source>The simulated traffic scenario whose figures the tiers and the proxy show</source>
        <translation>Das simulierte Verkehrsszenario, dessen Zahlen Schichten und Proxy zeigen</translation>
    </message>
    <message>
        <source>Peak</source>
        <translation>Spitze</translation>
    </message>
    <message>
        <source>Show the moment with the most ready replicas; uncheck to choose a time with the slider</source>
        <translation>Den Zeitpunkt mit den meisten bereiten Replikas zeigen; abwählen, um mit dem Schieberegler eine Zeit zu wählen</translation>
    </message>
    <message>
        <source>Time of the simulated day the figures show</source>
        <translation>Uhrzeit des simulierten Tages, den die Zahlen zeigen</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Einpassen</translation>
    </message>
    <message>
        <source>Show everything (F, Ctrl+0)</source>
        <translation>Alles zeigen (F, Strg+0)</translation>
    </message>
</context>
<context>
    <name>headroom::ui::TrafficCurveEditor</name>
    <message>
        <source>Draw the demand multiplier over the simulation window: drag on empty space to draw freehand, drag a point to move it, double-click a point to remove it.</source>
        <translation>Den Nachfragefaktor über das Simulationsfenster zeichnen: auf freier Fläche ziehen zeichnet freihändig, einen Punkt ziehen verschiebt ihn, Doppelklick auf einen Punkt entfernt ihn.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <source>Give the curve a name of letters, digits, &apos;-&apos;, &apos;_&apos; or &apos;.&apos;, starting with a letter.</source>
        <translation>Der Kurve einen Namen aus Buchstaben, Ziffern, &apos;-&apos;, &apos;_&apos; oder &apos;.&apos; geben, beginnend mit einem Buchstaben.</translation>
    </message>
    <message>
        <source>Draw at least two points.</source>
        <translation>Mindestens zwei Punkte zeichnen.</translation>
    </message>
    <message>
        <source>Drawn traffic curve</source>
        <translation>Gezeichnete Verkehrskurve</translation>
    </message>
    <message>
        <source>Add traffic scenario %1</source>
        <translation>Verkehrsszenario %1 hinzufügen</translation>
    </message>
    <message>
        <source>Redraw traffic scenario %1</source>
        <translation>Verkehrsszenario %1 neu zeichnen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::UtilizationLegend</name>
    <message>
        <source>Utilization colour: the share of capacity in use at the chosen moment. Green has room, amber approaches the usual autoscaling targets (%1 %), red is at or beyond saturation (%2 %+). Grey nodes have no utilization figure.</source>
        <translation>Auslastungsfarbe: der genutzte Anteil der Kapazität zum gewählten Zeitpunkt. Grün hat Luft, Bernstein nähert sich den üblichen Autoscaling-Zielen (%1 %), Rot ist an oder über der Sättigung (%2 %+). Graue Knoten haben keine Auslastungszahl.</translation>
    </message>
    <message>
        <source>Utilization</source>
        <translation>Auslastung</translation>
    </message>
    <message>
        <source>no figure</source>
        <translation>keine Zahl</translation>
    </message>
</context>
<context>
    <name>headroom::ui::WhatIfPanel</name>
    <message>
        <source>The traffic scenarios the analysis simulates</source>
        <translation>Die Verkehrsszenarien, die die Analyse simuliert</translation>
    </message>
    <message>
        <source>Simulate:</source>
        <translation>Simulieren:</translation>
    </message>
    <message>
        <source>Levers</source>
        <translation>Stellhebel</translation>
    </message>
    <message>
        <source>Draw Traffic</source>
        <translation>Verkehr zeichnen</translation>
    </message>
    <message>
        <source>Traffic</source>
        <translation>Verkehr</translation>
    </message>
    <message>
        <source>Peak replicas</source>
        <translation>Spitzenreplikate</translation>
    </message>
    <message>
        <source>P95 ms</source>
        <translation>P95 ms</translation>
    </message>
    <message>
        <source>Min over SLO</source>
        <translation>Min. über SLO</translation>
    </message>
    <message>
        <source>Spike absorbed</source>
        <translation>Spitze aufgefangen</translation>
    </message>
    <message>
        <source>Monthly cost</source>
        <translation>Monatliche Kosten</translation>
    </message>
    <message>
        <source>Cost/user</source>
        <translation>Kosten/Nutzer</translation>
    </message>
    <message>
        <source>Growth/month:</source>
        <translation>Wachstum/Monat:</translation>
    </message>
    <message>
        <source>spec.capacityPlanner.growthRate: monthly user growth of the capacity plan</source>
        <translation>spec.capacityPlanner.growthRate: monatliches Nutzerwachstum des Kapazitätsplans</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Spike size:</source>
        <translation>Spitzengröße:</translation>
    </message>
    <message>
        <source>factor= of the spike() in the first traffic scenario with a spike</source>
        <translation>factor= des spike() im ersten Verkehrsszenario mit einer Spitze</translation>
    </message>
    <message>
        <source> x</source>
        <translation> x</translation>
    </message>
    <message>
        <source>Spike duration:</source>
        <translation>Spitzendauer:</translation>
    </message>
    <message>
        <source>hold= of the spike(): how long the spike stays at its full size</source>
        <translation>hold= des spike(): wie lange die Spitze ihre volle Größe hält</translation>
    </message>
    <message>
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>Schicht:</translation>
    </message>
    <message>
        <source>Min replicas:</source>
        <translation>Min. Replikate:</translation>
    </message>
    <message>
        <source>The tier&apos;s HPA minReplicas</source>
        <translation>minReplicas des HPA der Schicht</translation>
    </message>
    <message>
        <source>Max replicas:</source>
        <translation>Max. Replikate:</translation>
    </message>
    <message>
        <source>The tier&apos;s HPA maxReplicas</source>
        <translation>maxReplicas des HPA der Schicht</translation>
    </message>
    <message>
        <source>CPU target:</source>
        <translation>CPU-Ziel:</translation>
    </message>
    <message>
        <source>The tier&apos;s HPA target CPU utilization</source>
        <translation>Ziel-CPU-Auslastung des HPA der Schicht</translation>
    </message>
    <message>
        <source>Spot ratio:</source>
        <translation>Spot-Anteil:</translation>
    </message>
    <message>
        <source>Today&apos;s spot share of spot-tolerant tiers in the plan&apos;s cost (an analysis option)</source>
        <translation>Heutiger Spot-Anteil spot-toleranter Schichten in den Plankosten (eine Analyseoption)</translation>
    </message>
    <message>
        <source>Set spot ratio to %1 %</source>
        <translation>Spot-Anteil auf %1 % setzen</translation>
    </message>
    <message>
        <source>Redis shards:</source>
        <translation>Redis-Shards:</translation>
    </message>
    <message>
        <source>spec.redisCluster.shards</source>
        <translation>spec.redisCluster.shards</translation>
    </message>
    <message>
        <source>Cache hit ratio:</source>
        <translation>Cache-Trefferquote:</translation>
    </message>
    <message>
        <source>hitRatio of the first cache level that states one (else the first level)</source>
        <translation>hitRatio der ersten Cache-Ebene, die eine angibt (sonst der ersten Ebene)</translation>
    </message>
    <message>
        <source>Also simulate the loss of a region for two hours, one hour in</source>
        <translation>Zusätzlich den Ausfall einer Region für zwei Stunden simulieren, ab der ersten Stunde</translation>
    </message>
    <message>
        <source>Region loss:</source>
        <translation>Regionsausfall:</translation>
    </message>
    <message>
        <source>Load the drawn points of a traffic scenario to edit them</source>
        <translation>Die gezeichneten Punkte eines Verkehrsszenarios zum Bearbeiten laden</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Laden</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Leeren</translation>
    </message>
    <message>
        <source>traffic scenario name, e.g. launch</source>
        <translation>Name des Verkehrsszenarios, z. B. launch</translation>
    </message>
    <message>
        <source>Save as Traffic Scenario</source>
        <translation>Als Verkehrsszenario speichern</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Gespeichert.</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>All traffic scenarios</source>
        <translation>Alle Verkehrsszenarien</translation>
    </message>
    <message>
        <source>No region loss</source>
        <translation>Kein Regionsausfall</translation>
    </message>
    <message>
        <source>Simulate the loss of %1</source>
        <translation>Ausfall von %1 simulieren</translation>
    </message>
    <message>
        <source>Sum over tiers of each tier&apos;s peak ready replicas</source>
        <translation>Summe der Spitzenwerte bereiter Replikate aller Schichten</translation>
    </message>
    <message>
        <source>Worst simulated P95 response time of any tier, ms</source>
        <translation>Schlechteste simulierte P95-Antwortzeit einer Schicht, ms</translation>
    </message>
    <message>
        <source>Minutes the tiers spent over their P95 objective, summed</source>
        <translation>Minuten, die die Schichten über ihrem P95-Ziel lagen, summiert</translation>
    </message>
    <message>
        <source>never</source>
        <translation>nie</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>–</source>
        <translation>–</translation>
    </message>
    <message>
        <source>Time until the slowest tier caught up with a traffic event</source>
        <translation>Zeit, bis die langsamste Schicht ein Verkehrsereignis aufgefangen hatte</translation>
    </message>
    <message>
        <source>The simulated fleet&apos;s node cost, extrapolated to 730 hours</source>
        <translation>Knotenkosten der simulierten Flotte, hochgerechnet auf 730 Stunden</translation>
    </message>
    <message>
        <source>Monthly cost per active user of the simulated day</source>
        <translation>Monatliche Kosten je aktivem Nutzer des simulierten Tages</translation>
    </message>
    <message>
        <source>%1 min replicas %2</source>
        <translation>%1: mindestens %2 Replikate</translation>
    </message>
    <message>
        <source>%1 max replicas %2</source>
        <translation>%1: höchstens %2 Replikate</translation>
    </message>
    <message>
        <source>%1 CPU target %2%</source>
        <translation>%1: CPU-Ziel %2 %</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Add this scenario file as a variant to compare (repeatable).</source>
        <translation>Diese Szenariodatei als Variante zum Vergleich hinzufügen (wiederholbar).</translation>
    </message>
    <message>
        <source>Scalability planning console</source>
        <translation>Konsole für die Skalierungsplanung</translation>
    </message>
    <message>
        <source>Render the window to a PNG file and exit.</source>
        <translation>Das Fenster als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <source>User interface language (e.g. de).</source>
        <translation>Sprache der Oberfläche (z. B. de).</translation>
    </message>
    <message>
        <source>Show this field at start (e.g. spec.tiers[0].autoscaling).</source>
        <translation>Dieses Feld beim Start anzeigen (z. B. spec.tiers[0].autoscaling).</translation>
    </message>
    <message>
        <source>Show this workspace page at start (its title, e.g. Charts, or its number).</source>
        <translation>Diese Arbeitsbereichsseite beim Start zeigen (ihr Titel, z. B. Diagramme, oder ihre Nummer).</translation>
    </message>
    <message>
        <source>Colour theme: system, light or dark.</source>
        <translation>Farbschema: system, light oder dark.</translation>
    </message>
    <message>
        <source>Scenario to open (default: WebTools Pro).</source>
        <translation>Zu öffnendes Szenario (Standard: WebTools Pro).</translation>
    </message>
</context>
</TS>
