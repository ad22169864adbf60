<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>headroom::ui::TrafficCurveEditor</name>
    <message>
        <source>Draw the demand multiplier over the simulation window: drag on empty space to draw freehand, drag a point to move it, double-click a point to remove it.</source>
        <translation>Den Nachfragefaktor über das Simulationsfenster zeichnen: auf freier Fläche ziehen zeichnet freihändig, einen Punkt ziehen verschiebt ihn, Doppelklick auf einen Punkt entfernt ihn.</translation>
    </message>
    <message>
        <source>%1 h</source>
        <translation>%1 h</translation>
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
    <name>main</name>
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
