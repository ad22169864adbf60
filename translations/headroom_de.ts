<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>SetFieldCommand</name>
    <message>
        <location filename="../ui/commands/setfieldcommand.cpp" line="24"/>
        <source>Clear %1</source>
        <translation>%1 leeren</translation>
    </message>
    <message>
        <location filename="../ui/commands/setfieldcommand.cpp" line="25"/>
        <source>Set %1 to %2</source>
        <translation>%1 auf %2 setzen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::MainWindow</name>
    <message>
        <location filename="../ui/mainwindow.cpp" line="35"/>
        <source>Headroom scenarios (*.yaml *.yml);;All files (*)</source>
        <translation>Headroom-Szenarien (*.yaml *.yml);;Alle Dateien (*)</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="58"/>
        <source>Not changed: %1: %2</source>
        <translation>Nicht geändert: %1: %2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="64"/>
        <source>Ready</source>
        <translation>Bereit</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="101"/>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="108"/>
        <source>&lt;opened&gt;</source>
        <translation>&lt;geöffnet&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="109"/>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="120"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="121"/>
        <source>&amp;New</source>
        <translation>&amp;Neu</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="122"/>
        <source>&amp;Open…</source>
        <translation>Ö&amp;ffnen…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="123"/>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="127"/>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="128"/>
        <source>Save &amp;As…</source>
        <translation>Speichern &amp;unter…</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="130"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="132"/>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="133"/>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="135"/>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="144"/>
        <source>Edit &amp;Value</source>
        <translation>&amp;Wert bearbeiten</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="149"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="150"/>
        <source>Scenario &amp;Tree</source>
        <translation>Szenario&amp;baum</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="152"/>
        <source>&amp;Properties</source>
        <translation>&amp;Eigenschaften</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="154"/>
        <source>&amp;Expand All</source>
        <translation>Alle auf&amp;klappen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="156"/>
        <source>&amp;Collapse All</source>
        <translation>Alle &amp;zuklappen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="167"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="168"/>
        <source>&amp;About Headroom</source>
        <translation>&amp;Über Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="169"/>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="178"/>
        <source>New scenario from the WebTools Pro template</source>
        <translation>Neues Szenario aus der Vorlage WebTools Pro</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="186"/>
        <source>Open Scenario</source>
        <translation>Szenario öffnen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="199"/>
        <source>cannot read file: %1</source>
        <translation>Datei kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="205"/>
        <source>Could not open %1; see Problems</source>
        <translation>%1 konnte nicht geöffnet werden; siehe Probleme</translation>
    </message>
    <message numerus="yes">
        <location filename="../ui/mainwindow.cpp" line="214"/>
        <source>Opened %1 with %n error(s)</source>
        <translation>
            <numerusform>%1 mit %n Fehler geöffnet</numerusform>
            <numerusform>%1 mit %n Fehlern geöffnet</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="214"/>
        <source>Opened %1</source>
        <translation>%1 geöffnet</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="230"/>
        <source>Save Scenario As</source>
        <translation>Szenario speichern unter</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="242"/>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="242"/>
        <source>Could not save %1:
%2</source>
        <translation>%1 konnte nicht gespeichert werden:
%2</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="249"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="258"/>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="258"/>
        <source>%1 has unsaved changes. Save them?</source>
        <translation>%1 hat ungespeicherte Änderungen. Speichern?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="287"/>
        <source>About Headroom</source>
        <translation>Über Headroom</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="288"/>
        <source>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;A desktop console for scalability planning: model your platform, forecast demand, size and simulate autoscaling, and see what it costs.&lt;/p&gt;&lt;p&gt;Built with Qt %2.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Headroom %1&lt;/h3&gt;&lt;p&gt;Eine Desktop-Konsole für die Skalierungsplanung: Plattform modellieren, Nachfrage vorhersagen, Autoscaling dimensionieren und simulieren und sehen, was es kostet.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="301"/>
        <source>an untitled scenario</source>
        <translation>einem unbenannten Szenario</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="302"/>
        <source>Unsaved changes to %1 from %2 were found. Restore them?</source>
        <translation>Ungespeicherte Änderungen an %1 vom %2 wurden gefunden. Wiederherstellen?</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="315"/>
        <source>Restored unsaved changes</source>
        <translation>Ungespeicherte Änderungen wiederhergestellt</translation>
    </message>
    <message>
        <location filename="../ui/mainwindow.cpp" line="334"/>
        <source>%1[*] — Headroom</source>
        <translation>%1[*] — Headroom</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ProblemModel</name>
    <message>
        <location filename="../ui/models/problemmodel.cpp" line="76"/>
        <source>Problem</source>
        <translation>Problem</translation>
    </message>
    <message>
        <location filename="../ui/models/problemmodel.cpp" line="78"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/models/problemmodel.cpp" line="80"/>
        <source>Location</source>
        <translation>Ort</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PropertyEditor</name>
    <message>
        <location filename="../ui/panels/propertyeditor.cpp" line="70"/>
        <source>Scenario</source>
        <translation>Szenario</translation>
    </message>
    <message>
        <location filename="../ui/panels/propertyeditor.cpp" line="87"/>
        <source>Not changed: %1: %2</source>
        <translation>Nicht geändert: %1: %2</translation>
    </message>
</context>
<context>
    <name>headroom::ui::PropertyModel</name>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="99"/>
        <location filename="../ui/panels/propertydelegate.cpp" line="48"/>
        <location filename="../ui/panels/propertydelegate.cpp" line="68"/>
        <source>(not set)</source>
        <translation>(nicht gesetzt)</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="156"/>
        <source>Property</source>
        <translation>Eigenschaft</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="158"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="160"/>
        <source>Accepts</source>
        <translation>Erlaubt</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="172"/>
        <source>Optional: clear the value to remove it.</source>
        <translation>Optional: Wert leeren, um ihn zu entfernen.</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="181"/>
        <source>%1 to %2</source>
        <translation>%1 bis %2</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="183"/>
        <source>at least %1</source>
        <translation>mindestens %1</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="185"/>
        <source>at most %1</source>
        <translation>höchstens %1</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="187"/>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="191"/>
        <source>whole number</source>
        <translation>ganze Zahl</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="193"/>
        <source>number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="195"/>
        <source>percent, %1</source>
        <translation>Prozent, %1</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="197"/>
        <source>yes or no</source>
        <translation>ja oder nein</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="199"/>
        <source>duration (30s, 5m, 1h30m)</source>
        <translation>Dauer (30s, 5m, 1h30m)</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="201"/>
        <source>size (512MiB, 64GB)</source>
        <translation>Größe (512MiB, 64GB)</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="203"/>
        <source>quantity (500m, 2, 4Gi)</source>
        <translation>Menge (500m, 2, 4Gi)</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="205"/>
        <source>amount (0.20 USD)</source>
        <translation>Betrag (0.20 USD)</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="207"/>
        <source>one of: %1</source>
        <translation>eines von: %1</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="209"/>
        <source>list ([a, b])</source>
        <translation>Liste ([a, b])</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="211"/>
        <source>map ({key: value})</source>
        <translation>Zuordnung ({Schlüssel: Wert})</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="213"/>
        <source>pairs ([[0, 1], [2, 3]])</source>
        <translation>Paare ([[0, 1], [2, 3]])</translation>
    </message>
    <message>
        <location filename="../ui/models/propertymodel.cpp" line="215"/>
        <source>text</source>
        <translation>Text</translation>
    </message>
</context>
<context>
    <name>headroom::ui::RecoveryBar</name>
    <message>
        <location filename="../ui/panels/recoverybar.cpp" line="10"/>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <location filename="../ui/panels/recoverybar.cpp" line="11"/>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ScenarioDocument</name>
    <message>
        <location filename="../ui/document/scenariodocument.cpp" line="56"/>
        <source>Untitled</source>
        <translation>Unbenannt</translation>
    </message>
    <message>
        <location filename="../ui/document/scenariodocument.cpp" line="101"/>
        <source>cannot set this field</source>
        <translation>dieses Feld kann nicht gesetzt werden</translation>
    </message>
</context>
<context>
    <name>headroom::ui::ScenarioTreeModel</name>
    <message numerus="yes">
        <location filename="../ui/models/scenariotreemodel.cpp" line="65"/>
        <source>%n item(s)</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../ui/models/scenariotreemodel.cpp" line="82"/>
        <source>Level %1</source>
        <translation>Ebene %1</translation>
    </message>
    <message>
        <location filename="../ui/models/scenariotreemodel.cpp" line="150"/>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <location filename="../ui/models/scenariotreemodel.cpp" line="150"/>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <location filename="../app/gui/main.cpp" line="34"/>
        <source>Scalability planning console</source>
        <translation>Konsole für die Skalierungsplanung</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="38"/>
        <source>Render the window to a PNG file and exit.</source>
        <translation>Das Fenster als PNG-Datei speichern und beenden.</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="41"/>
        <source>User interface language (e.g. de).</source>
        <translation>Sprache der Oberfläche (z. B. de).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="44"/>
        <source>Show this field at start (e.g. spec.tiers[0].autoscaling).</source>
        <translation>Dieses Feld beim Start anzeigen (z. B. spec.tiers[0].autoscaling).</translation>
    </message>
    <message>
        <location filename="../app/gui/main.cpp" line="49"/>
        <source>Scenario to open (default: WebTools Pro).</source>
        <translation>Zu öffnendes Szenario (Standard: WebTools Pro).</translation>
    </message>
</context>
</TS>
