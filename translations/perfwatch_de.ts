<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>ConnectionManager</name>
    <message>
        <location filename="../desktop/core/connectionmanager.cpp" line="55"/>
        <source>%1 as %2
%3</source>
        <translation>%1 als %2
%3</translation>
    </message>
</context>
<context>
    <name>DaemonConnection</name>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="54"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="95"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="105"/>
        <source>&apos;%1&apos; is not a daemon URL; use e.g. http://127.0.0.1:8000</source>
        <translation>&apos;%1&apos; ist keine Daemon-URL; z. B. http://127.0.0.1:8000 verwenden</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="110"/>
        <source>Logging in to %1</source>
        <translation>Anmeldung bei %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="138"/>
        <source>Wrong user name or password</source>
        <translation>Falscher Benutzername oder falsches Passwort</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="145"/>
        <source>Too many failed logins; wait and try again (%1)</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen; bitte warten und erneut versuchen (%1)</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="149"/>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="155"/>
        <source>Cannot reach the daemon at %1: %2</source>
        <translation>Daemon unter %1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="206"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="239"/>
        <source>Connection lost; retrying in %1 s</source>
        <translation>Verbindung verloren; neuer Versuch in %1 s</translation>
    </message>
</context>
<context>
    <name>DashboardPlan</name>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="29"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="38"/>
        <source>CPU per core</source>
        <translation>CPU pro Kern</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="43"/>
        <source>Load average</source>
        <translation>Systemlast</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="50"/>
        <source>Memory and swap in use</source>
        <translation>Belegter Speicher und Swap</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="55"/>
        <source>Network per interface</source>
        <translation>Netzwerk pro Schnittstelle</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="60"/>
        <source>Disk I/O per device</source>
        <translation>Datenträger-E/A pro Gerät</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="65"/>
        <source>Filesystems in use</source>
        <translation>Belegte Dateisysteme</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="72"/>
        <source>Memory bandwidth and paging</source>
        <translation>Speicherbandbreite und Paging</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="77"/>
        <source>Pressure (stalled time)</source>
        <translation>Druck (blockierte Zeit)</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="82"/>
        <source>Perf events per interval</source>
        <translation>Perf-Ereignisse pro Intervall</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="87"/>
        <source>Instructions per cycle</source>
        <translation>Instruktionen pro Takt</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="92"/>
        <source>Miss ratios</source>
        <translation>Fehlraten</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="114"/>
        <source>busy</source>
        <translation>belegt</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="115"/>
        <source>user</source>
        <translation>User</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="116"/>
        <source>system</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="117"/>
        <source>iowait</source>
        <translation>I/O-Wartezeit</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="118"/>
        <source>steal</source>
        <translation>Steal</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="120"/>
        <source>1 min</source>
        <translation>1 min</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="121"/>
        <source>5 min</source>
        <translation>5 min</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="122"/>
        <source>15 min</source>
        <translation>15 min</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="123"/>
        <source>memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="124"/>
        <source>swap</source>
        <translation>Swap</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="125"/>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="126"/>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="127"/>
        <source>read</source>
        <translation>lesen</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="128"/>
        <source>write</source>
        <translation>schreiben</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="130"/>
        <source>DRAM read</source>
        <translation>DRAM lesen</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="131"/>
        <source>DRAM write</source>
        <translation>DRAM schreiben</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="132"/>
        <source>paging</source>
        <translation>Paging</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="133"/>
        <source>swapping</source>
        <translation>Swapping</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="136"/>
        <source>IPC</source>
        <translation>IPC</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="138"/>
        <source>branch</source>
        <translation>Sprünge</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="139"/>
        <source>cache</source>
        <translation>Cache</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="140"/>
        <source>LLC</source>
        <translation>LLC</translation>
    </message>
    <message>
        <location filename="../desktop/core/dashboardplan.cpp" line="141"/>
        <source>L1d</source>
        <translation>L1d</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="34"/>
        <location filename="../desktop/ui/dashboardview.cpp" line="233"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="182"/>
        <source>%1: not measured on this machine</source>
        <translation>%1: auf diesem Rechner nicht gemessen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="183"/>
        <source>%1: not available on this machine (%2)</source>
        <translation>%1: auf diesem Rechner nicht verfügbar (%2)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="199"/>
        <source>No daemon selected</source>
        <translation>Kein Daemon ausgewählt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="208"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="211"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="215"/>
        <source>Reconnecting in %1 s</source>
        <translation>Neue Verbindung in %1 s</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="215"/>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="219"/>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="222"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="228"/>
        <source> · figures are %1 s old</source>
        <translation> · Werte sind %1 s alt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="233"/>
        <source>Log in…</source>
        <translation>Anmelden…</translation>
    </message>
</context>
<context>
    <name>FleetView</name>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="44"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="46"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="48"/>
        <source>Reconnecting</source>
        <translation>Verbinde erneut</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="50"/>
        <source>Connection failed</source>
        <translation>Verbindung fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="52"/>
        <source>Not connected</source>
        <translation>Nicht verbunden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="79"/>
        <source>No daemon yet. Use File → Connect to daemon… to add one.</source>
        <translation>Noch kein Daemon. Mit Datei → Mit Daemon verbinden… hinzufügen.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="129"/>
        <source>Open the dashboard</source>
        <translation>Dashboard öffnen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="181"/>
        <source>Reconnecting in %1 s</source>
        <translation>Neue Verbindung in %1 s</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="184"/>
        <source> · figures %1 s old</source>
        <translation> · Werte %1 s alt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="192"/>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="194"/>
        <source>Memory</source>
        <translation>Speicher</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="195"/>
        <source>Network in / out</source>
        <translation>Netzwerk ein / aus</translation>
    </message>
    <message>
        <location filename="../desktop/ui/fleetview.cpp" line="199"/>
        <source>Disk read / write</source>
        <translation>Datenträger lesen / schreiben</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="26"/>
        <source>Remember password in the system keychain</source>
        <translation>Passwort im Schlüsselbund des Systems speichern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="29"/>
        <source>Connect</source>
        <translation>Verbinden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="31"/>
        <source>Connect to a PerfWatch daemon</source>
        <translation>Mit einem PerfWatch-Daemon verbinden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="56"/>
        <source>Daemon URL</source>
        <translation>Daemon-URL</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="57"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="58"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="77"/>
        <source>neither Secret Service nor KWallet answers</source>
        <translation>weder Secret Service noch KWallet antwortet</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="79"/>
        <source>No keychain service is running here (%1): the password is kept in memory only, until PerfWatch quits.</source>
        <translation>Hier läuft kein Schlüsselbund-Dienst (%1): das Passwort bleibt nur im Speicher, bis PerfWatch beendet wird.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="108"/>
        <source>Log in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="115"/>
        <source>Change the daemon&apos;s URL or user, then connect.</source>
        <translation>URL oder Benutzer des Daemons ändern, dann verbinden.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="121"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="151"/>
        <source>Enter the password (the daemon wrote the first one to its state directory, file admin-password).</source>
        <translation>Passwort eingeben (der Daemon hat das erste in sein Statusverzeichnis geschrieben, Datei admin-password).</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="160"/>
        <source>That daemon and user are already in the list.</source>
        <translation>Dieser Daemon mit diesem Benutzer ist schon in der Liste.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="176"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="44"/>
        <source>PerfWatch</source>
        <translation>PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="73"/>
        <location filename="../desktop/ui/mainwindow.cpp" line="199"/>
        <source>Enter the password for %1.</source>
        <translation>Passwort für %1 eingeben.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="88"/>
        <source>The daemon refused the saved password (%1). Enter the current one.</source>
        <translation>Der Daemon hat das gespeicherte Passwort abgelehnt (%1). Bitte das aktuelle eingeben.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="119"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="120"/>
        <source>&amp;Connect to daemon…</source>
        <translation>Mit Daemon &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="123"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="124"/>
        <source>&amp;Edit daemon…</source>
        <translation>Daemon &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="128"/>
        <source>&amp;Log out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="129"/>
        <source>&amp;Remove daemon</source>
        <translation>Daemon &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="131"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="133"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="135"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="137"/>
        <source>&amp;Fleet</source>
        <translation>&amp;Flotte</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="137"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="137"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="138"/>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="152"/>
        <source>F&amp;ull screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="158"/>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="163"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="164"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="165"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="178"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="179"/>
        <source>&amp;About PerfWatch</source>
        <translation>Über &amp;PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="261"/>
        <source>No daemon</source>
        <translation>Kein Daemon</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="272"/>
        <source> · CPU %1% · memory %2%</source>
        <translation> · CPU %1% · Speicher %2%</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="286"/>
        <source>Logged out of %1.</source>
        <translation>Von %1 abgemeldet.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="302"/>
        <source>About PerfWatch</source>
        <translation>Über PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="303"/>
        <source>&lt;h3&gt;PerfWatch %1&lt;/h3&gt;&lt;p&gt;Live and historic performance of Linux machines running perfwatchd.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PerfWatch %1&lt;/h3&gt;&lt;p&gt;Aktuelle und vergangene Leistung von Linux-Rechnern mit perfwatchd.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>MetricChartView</name>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="279"/>
        <source>%1
%2 at %3</source>
        <translation>%1
%2 um %3</translation>
    </message>
</context>
<context>
    <name>SettingsView</name>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="35"/>
        <source>Sampling interval (seconds)</source>
        <translation>Abtastintervall (Sekunden)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="36"/>
        <source>Perf events</source>
        <translation>Perf-Ereignisse</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="37"/>
        <source>Perf events interval (ms)</source>
        <translation>Perf-Intervall (ms)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="39"/>
        <source>Perf events on CPUs (all, or e.g. 0-3)</source>
        <translation>Perf-Ereignisse auf CPUs (all oder z. B. 0-3)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="41"/>
        <source>More perf events (comma-separated)</source>
        <translation>Weitere Perf-Ereignisse (durch Kommas getrennt)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="42"/>
        <source>Keep history (days)</source>
        <translation>Verlauf behalten (Tage)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="43"/>
        <source>Delete history older than that</source>
        <translation>Älteren Verlauf löschen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="44"/>
        <source>Keep full resolution (days)</source>
        <translation>Volle Auflösung behalten (Tage)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="45"/>
        <source>Then keep (1m or 1h)</source>
        <translation>Danach behalten (1m oder 1h)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="46"/>
        <source>Clean up every (minutes)</source>
        <translation>Aufräumen alle (Minuten)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="70"/>
        <source>%1 h %2 min</source>
        <translation>%1 h %2 min</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="71"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="89"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="90"/>
        <source>Clean up now</source>
        <translation>Jetzt aufräumen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="94"/>
        <source>Change password</source>
        <translation>Passwort ändern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="110"/>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="113"/>
        <source>Sampling, perf events and retention</source>
        <translation>Abtastung, Perf-Ereignisse und Aufbewahrung</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="122"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="124"/>
        <source>Current password</source>
        <translation>Aktuelles Passwort</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="125"/>
        <source>New password</source>
        <translation>Neues Passwort</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="126"/>
        <source>Repeat new password</source>
        <translation>Neues Passwort wiederholen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="182"/>
        <source>No daemon selected</source>
        <translation>Kein Daemon ausgewählt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="213"/>
        <source>Host: %1
Kernel: %2
CPU: %3 × %4
Memory: %5
Up for: %6
Daemon: %7 (as %8), version %9</source>
        <translation>Rechner: %1
Kernel: %2
CPU: %3 × %4
Speicher: %5
Läuft seit: %6
Daemon: %7 (als %8), Version %9</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="68"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="227"/>
        <source>
Not measured here: %1</source>
        <translation>
Hier nicht gemessen: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="257"/>
        <source>Cannot read the configuration: %1</source>
        <translation>Konfiguration nicht lesbar: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="324"/>
        <source>Nothing changed</source>
        <translation>Nichts geändert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="333"/>
        <source>Not saved: %1</source>
        <translation>Nicht gespeichert: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="337"/>
        <source>Saved</source>
        <translation>Gespeichert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="347"/>
        <source>Cleaning up…</source>
        <translation>Räume auf…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="355"/>
        <source>Cleanup failed: %1</source>
        <translation>Aufräumen fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="359"/>
        <source>Cleanup done: %1 samples deleted, %2 downsampled</source>
        <translation>Aufgeräumt: %1 Messwerte gelöscht, %2 verdichtet</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="371"/>
        <source>The new passwords differ</source>
        <translation>Die neuen Passwörter unterscheiden sich</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="385"/>
        <source>Password not changed: %1</source>
        <translation>Passwort nicht geändert: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="394"/>
        <source>Password changed</source>
        <translation>Passwort geändert</translation>
    </message>
</context>
</TS>
