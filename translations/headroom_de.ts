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
