<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
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
    <name>PerfWatch::Desktop::ChangesModel</name>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="130"/>
        <source>No samples in this period</source>
        <translation>Keine Messwerte in diesem Zeitraum</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="131"/>
        <source>average %1, lowest %2, highest %3 (%4 samples)</source>
        <translation>Mittel %1, niedrigster %2, höchster %3 (%4 Messwerte)</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="138"/>
        <source>How far the median moved, in units of the series&apos; own spread: noise scores low, a quiet series that shifted scores high</source>
        <translation>Wie weit sich der Median verschoben hat, gemessen an der eigenen Streuung der Reihe: Rauschen ergibt wenig, eine ruhige Reihe, die sich verschoben hat, viel</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="150"/>
        <location filename="../desktop/core/changesmodel.cpp" line="152"/>
        <source>none</source>
        <translation>keine</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="155"/>
        <source>from 0</source>
        <translation>von 0</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="155"/>
        <source>new or gone</source>
        <translation>neu oder verschwunden</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="173"/>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="175"/>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="177"/>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="179"/>
        <source>Now (avg)</source>
        <translation>Jetzt (Mittel)</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="181"/>
        <source>Before (avg)</source>
        <translation>Vorher (Mittel)</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="183"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="185"/>
        <source>Score</source>
        <translation>Wertung</translation>
    </message>
    <message>
        <location filename="../desktop/core/changesmodel.cpp" line="187"/>
        <source>Both periods</source>
        <translation>Beide Zeiträume</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::ChangesView</name>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="126"/>
        <location filename="../desktop/ui/changesview.cpp" line="247"/>
        <source>Every type</source>
        <translation>Alle Typen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="129"/>
        <source>Show:</source>
        <translation>Zeigen:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="185"/>
        <source>Ranking every series…</source>
        <translation>Alle Reihen werden geordnet…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="204"/>
        <location filename="../desktop/ui/changesview.cpp" line="234"/>
        <location filename="../desktop/ui/changesview.cpp" line="242"/>
        <source>The ranking cannot be read: %1</source>
        <translation>Die Rangfolge kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="208"/>
        <source>from the local cache (fetched %1)%2</source>
        <translation>aus dem lokalen Cache (abgerufen %1)%2</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="219"/>
        <source>Reading both daemons&apos; history to rank it here…</source>
        <translation>Der Verlauf beider Daemons wird gelesen, um ihn hier zu ordnen…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="228"/>
        <source>ranked here from the local cache (a daemon is away)</source>
        <translation>hier aus dem lokalen Cache geordnet (ein Daemon ist nicht erreichbar)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="229"/>
        <source>ranked here: the two daemons keep their history apart</source>
        <translation>hier geordnet: die beiden Daemons speichern ihren Verlauf getrennt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/changesview.cpp" line="242"/>
        <source>not a ranking</source>
        <translation>keine Rangfolge</translation>
    </message>
    <message numerus="yes">
        <location filename="../desktop/ui/changesview.cpp" line="252"/>
        <source>%n series ranked by how much they changed</source>
        <translation>
            <numerusform>%n Reihe nach Stärke der Änderung geordnet</numerusform>
            <numerusform>%n Reihen nach Stärke der Änderung geordnet</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::CompareView</name>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="97"/>
        <source>Hosts whose history this daemon&apos;s database holds</source>
        <translation>Hosts, deren Verlauf die Datenbank dieses Daemons enthält</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="105"/>
        <source>Relative</source>
        <translation>Relativ</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="106"/>
        <source>Custom ranges</source>
        <translation>Eigene Zeiträume</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="107"/>
        <source>Two daemons</source>
        <translation>Zwei Daemons</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="109"/>
        <source>hour</source>
        <translation>Stunde</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="110"/>
        <source>24 hours</source>
        <translation>24 Stunden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="111"/>
        <source>7 days</source>
        <translation>7 Tage</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="112"/>
        <source>a day earlier</source>
        <translation>einen Tag früher</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="113"/>
        <source>a week earlier</source>
        <translation>eine Woche früher</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="117"/>
        <source>The last</source>
        <translation>Die letzte(n)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="119"/>
        <source>against the same time</source>
        <translation>gegen dieselbe Zeit</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="131"/>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="133"/>
        <source>to</source>
        <translation>bis</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="135"/>
        <source>against the same length from</source>
        <translation>gegen dieselbe Dauer ab</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="143"/>
        <source>on this daemon against</source>
        <translation>auf diesem Daemon gegen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="154"/>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="157"/>
        <source>Save…</source>
        <translation>Speichern…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="159"/>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="161"/>
        <source>Saved comparisons</source>
        <translation>Gespeicherte Vergleiche</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="167"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="169"/>
        <source>Chart:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="179"/>
        <source>Series</source>
        <translation>Reihe</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="180"/>
        <source>Now avg</source>
        <translation>Jetzt Mittel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="181"/>
        <source>Now min</source>
        <translation>Jetzt Min.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="182"/>
        <source>Now max</source>
        <translation>Jetzt Max.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="183"/>
        <source>Before avg</source>
        <translation>Vorher Mittel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="184"/>
        <source>Before min</source>
        <translation>Vorher Min.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="185"/>
        <source>Before max</source>
        <translation>Vorher Max.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="186"/>
        <source>Change</source>
        <translation>Änderung</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="196"/>
        <source>Overlay</source>
        <translation>Überlagerung</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="197"/>
        <source>What changed?</source>
        <translation>Was hat sich geändert?</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="221"/>
        <source>Save comparison</source>
        <translation>Vergleich speichern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="222"/>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="277"/>
        <source>%1 (this daemon)</source>
        <translation>%1 (dieser Daemon)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="297"/>
        <source>%1 (in this daemon&apos;s database)</source>
        <translation>%1 (in der Datenbank dieses Daemons)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="352"/>
        <source>Connect to a second daemon to compare two (File → Connect to daemon…)</source>
        <translation>Verbinden Sie einen zweiten Daemon, um zwei zu vergleichen (Datei → Mit Daemon verbinden…)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="375"/>
        <source>The first range must end after it starts</source>
        <translation>Der erste Zeitraum muss nach seinem Beginn enden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="392"/>
        <source>Choose a range and another daemon or host</source>
        <translation>Wählen Sie einen Zeitraum und einen anderen Daemon oder Host</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="428"/>
        <source>No daemon selected</source>
        <translation>Kein Daemon ausgewählt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="431"/>
        <source>Comparing %1 with %2…</source>
        <translation>Vergleiche %1 mit %2…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="455"/>
        <source>The series of %1 cannot be read: %2</source>
        <translation>Die Reihen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="519"/>
        <source>%1: no data stored for either period</source>
        <translation>%1: für keinen der beiden Zeiträume sind Daten gespeichert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="528"/>
        <source>%1; from the local cache (fetched %2)</source>
        <translation>%1; aus dem lokalen Cache (abgerufen %2)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="531"/>
        <source>The daemon refused this read: %1</source>
        <translation>Der Daemon hat diese Abfrage abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="544"/>
        <source>%1 keeps %2 days of history: what came before %3 is deleted there and shown from the local cache</source>
        <translation>%1 behält %2 Tage Verlauf: was vor %3 lag, ist dort gelöscht und wird aus dem lokalen Cache gezeigt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/compareview.cpp" line="555"/>
        <source>%1 (%2) against %3 (%4) · %5 buckets</source>
        <translation>%1 (%2) gegen %3 (%4) · Intervalle von %5</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::Comparison</name>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="99"/>
        <source>last hour</source>
        <translation>letzte Stunde</translation>
    </message>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="100"/>
        <source>last 24 hours</source>
        <translation>letzte 24 Stunden</translation>
    </message>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="101"/>
        <source>last 7 days</source>
        <translation>letzte 7 Tage</translation>
    </message>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="114"/>
        <source>a day earlier</source>
        <translation>einen Tag früher</translation>
    </message>
    <message>
        <location filename="../desktop/core/comparison.cpp" line="115"/>
        <source>a week earlier</source>
        <translation>eine Woche früher</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::ConnectionManager</name>
    <message>
        <location filename="../desktop/core/connectionmanager.cpp" line="55"/>
        <source>%1 as %2
%3</source>
        <translation>%1 als %2
%3</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::CrossRanking</name>
    <message>
        <location filename="../desktop/core/crossranking.cpp" line="44"/>
        <source>No daemon for one of the two sides</source>
        <translation>Für eine der beiden Seiten gibt es keinen Daemon</translation>
    </message>
    <message>
        <location filename="../desktop/core/crossranking.cpp" line="62"/>
        <source>The series of %1 cannot be read: %2</source>
        <translation>Die Reihen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../desktop/core/crossranking.cpp" line="107"/>
        <source>%1 cannot be read: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::DaemonConnection</name>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="73"/>
        <source>Connected to %1</source>
        <translation>Verbunden mit %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="114"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="124"/>
        <source>&apos;%1&apos; is not a daemon URL; use e.g. http://127.0.0.1:8000</source>
        <translation>&apos;%1&apos; ist keine Daemon-URL; z. B. http://127.0.0.1:8000 verwenden</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="129"/>
        <source>Logging in to %1</source>
        <translation>Anmeldung bei %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="164"/>
        <source>Wrong user name or password</source>
        <translation>Falscher Benutzername oder falsches Passwort</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="171"/>
        <source>Too many failed logins; wait and try again (%1)</source>
        <translation>Zu viele fehlgeschlagene Anmeldungen; bitte warten und erneut versuchen (%1)</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="175"/>
        <source>HTTP %1 %2</source>
        <translation>HTTP %1 %2</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="181"/>
        <source>Cannot reach the daemon at %1: %2</source>
        <translation>Daemon unter %1 nicht erreichbar: %2</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="233"/>
        <source>HTTP %1</source>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="282"/>
        <source>The daemon&apos;s certificate CHANGED since you trusted it.
Trusted: %1
Now: %2
That is expected after its certificate was replaced, and is what an attack looks like otherwise: compare the new one with `perfwatchd fingerprint` on that machine before you trust it. Nothing was sent.</source>
        <translation>Das Zertifikat des Daemons hat sich GEÄNDERT, seit Sie ihm vertraut haben.
Vertraut: %1
Jetzt: %2
Das ist zu erwarten, wenn sein Zertifikat ersetzt wurde, und sieht sonst aus wie ein Angriff: vergleichen Sie das neue mit `perfwatchd fingerprint` auf jenem Rechner, bevor Sie ihm vertrauen. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="287"/>
        <source>The daemon&apos;s certificate is not trusted yet. Its SHA-256 fingerprint:
%1
Compare it with what `perfwatchd fingerprint` prints on that machine, then trust it. Nothing was sent.</source>
        <translation>Dem Zertifikat des Daemons wird noch nicht vertraut. Sein SHA-256-Fingerabdruck:
%1
Vergleichen Sie ihn mit der Ausgabe von `perfwatchd fingerprint` auf jenem Rechner und vertrauen Sie ihm dann. Es wurde nichts gesendet.</translation>
    </message>
    <message>
        <location filename="../desktop/core/daemonconnection.cpp" line="329"/>
        <source>Connection lost; retrying in %1 s</source>
        <translation>Verbindung verloren; neuer Versuch in %1 s</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::DashboardView</name>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="26"/>
        <location filename="../desktop/ui/dashboardview.cpp" line="231"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="51"/>
        <source>Open in History</source>
        <translation>Im Verlauf öffnen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="180"/>
        <source>%1: not measured on this machine</source>
        <translation>%1: auf diesem Rechner nicht gemessen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="181"/>
        <source>%1: not available on this machine (%2)</source>
        <translation>%1: auf diesem Rechner nicht verfügbar (%2)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="197"/>
        <source>No daemon selected</source>
        <translation>Kein Daemon ausgewählt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="206"/>
        <source>Connected</source>
        <translation>Verbunden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="209"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="213"/>
        <source>Reconnecting in %1 s</source>
        <translation>Neue Verbindung in %1 s</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="213"/>
        <source>Reconnecting…</source>
        <translation>Verbinde erneut…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="217"/>
        <source>Connection failed: %1</source>
        <translation>Verbindung fehlgeschlagen: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="220"/>
        <source>Disconnected</source>
        <translation>Getrennt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="226"/>
        <source> · figures are %1 s old</source>
        <translation> · Werte sind %1 s alt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/dashboardview.cpp" line="231"/>
        <source>Log in…</source>
        <translation>Anmelden…</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::FleetView</name>
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
    <name>PerfWatch::Desktop::HistoryClient</name>
    <message>
        <location filename="../desktop/core/historyclient.cpp" line="24"/>
        <source>no daemon</source>
        <translation>kein Daemon</translation>
    </message>
    <message>
        <location filename="../desktop/core/historyclient.cpp" line="25"/>
        <source>%1 is not connected (%2)</source>
        <translation>%1 ist nicht verbunden (%2)</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::HistoryFetch</name>
    <message>
        <location filename="../desktop/core/historyclient.cpp" line="96"/>
        <source>the daemon&apos;s answer was not history</source>
        <translation>die Antwort des Daemons war kein Verlauf</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::HistoryView</name>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="33"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="34"/>
        <source>Back</source>
        <translation>Zurück</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="52"/>
        <source>Hosts whose history this daemon&apos;s database holds</source>
        <translation>Hosts, deren Verlauf die Datenbank dieses Daemons enthält</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="55"/>
        <source>Host:</source>
        <translation>Host:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="58"/>
        <source>Chart:</source>
        <translation>Diagramm:</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="64"/>
        <source>Zoom out</source>
        <translation>Verkleinern</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="66"/>
        <source>Export PNG…</source>
        <translation>PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="67"/>
        <source>Export CSV…</source>
        <translation>CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="151"/>
        <source>No daemon selected</source>
        <translation>Kein Daemon ausgewählt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="202"/>
        <source>%1 (this daemon)</source>
        <translation>%1 (dieser Daemon)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="234"/>
        <source>The series of %1 cannot be read: %2</source>
        <translation>Die Reihen von %1 können nicht gelesen werden: %2</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="301"/>
        <source>Cancelled; the chart shows what had arrived</source>
        <translation>Abgebrochen; das Diagramm zeigt, was bis dahin ankam</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="320"/>
        <source>Reading the series of %1…</source>
        <translation>Die Reihen von %1 werden gelesen…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="330"/>
        <source>%1: %2 has no such series stored</source>
        <translation>%1: %2 hat keine solche Reihe gespeichert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="331"/>
        <source>%1: the series of %2 are not known yet</source>
        <translation>%1: die Reihen von %2 sind noch nicht bekannt</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="342"/>
        <source>Loading %1 of %2…</source>
        <translation>Lade %1 von %2…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="374"/>
        <source>The daemon refused this read: %1</source>
        <translation>Der Daemon hat diese Abfrage abgelehnt: %1</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="376"/>
        <source>%1 points per line · %2 buckets · from the daemon</source>
        <translation>%1 Punkte je Linie · Intervalle von %2 · vom Daemon</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="380"/>
        <source>From the local cache (fetched %1) · updating from the daemon…</source>
        <translation>Aus dem lokalen Cache (abgerufen %1) · wird vom Daemon aktualisiert…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="383"/>
        <source>%1; nothing of this range is in the local cache</source>
        <translation>%1; von diesem Zeitraum ist nichts im lokalen Cache</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="386"/>
        <source>%1; showing the local cache (fetched %2)%3</source>
        <translation>%1; angezeigt wird der lokale Cache (abgerufen %2)%3</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="389"/>
        <source> · only part of this range is cached</source>
        <translation> · nur ein Teil dieses Zeitraums ist im Cache</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="398"/>
        <source>%1: no data stored for %2 in this range</source>
        <translation>%1: für %2 sind in diesem Zeitraum keine Daten gespeichert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="399"/>
        <source>%1: not in the local cache, and the daemon cannot be reached</source>
        <translation>%1: nicht im lokalen Cache, und der Daemon ist nicht erreichbar</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="421"/>
        <source>The daemon keeps %1 days of history: it has deleted what came before %2. What the chart shows before then comes from the local cache.</source>
        <translation>Der Daemon behält %1 Tage Verlauf: was vor %2 lag, hat er gelöscht. Was das Diagramm davor zeigt, stammt aus dem lokalen Cache.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="433"/>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="433"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="435"/>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="435"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="439"/>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/historyview.cpp" line="439"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::LoginDialog</name>
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
        <location filename="../desktop/ui/logindialog.cpp" line="32"/>
        <source>Connect to a PerfWatch daemon</source>
        <translation>Mit einem PerfWatch-Daemon verbinden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="59"/>
        <source>Daemon URL</source>
        <translation>Daemon-URL</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="60"/>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="61"/>
        <source>Password</source>
        <translation>Passwort</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="91"/>
        <source>neither Secret Service nor KWallet answers</source>
        <translation>weder Secret Service noch KWallet antwortet</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="93"/>
        <source>No keychain service is running here (%1): the password is kept in memory only, until PerfWatch quits.</source>
        <translation>Hier läuft kein Schlüsselbund-Dienst (%1): das Passwort bleibt nur im Speicher, bis PerfWatch beendet wird.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="122"/>
        <source>Log in to %1</source>
        <translation>Bei %1 anmelden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="135"/>
        <source>Change the daemon&apos;s URL or user, then connect.</source>
        <translation>URL oder Benutzer des Daemons ändern, dann verbinden.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="141"/>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="171"/>
        <source>Enter the password (the daemon wrote the first one to its state directory, file admin-password).</source>
        <translation>Passwort eingeben (der Daemon hat das erste in sein Statusverzeichnis geschrieben, Datei admin-password).</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="180"/>
        <source>That daemon and user are already in the list.</source>
        <translation>Dieser Daemon mit diesem Benutzer ist schon in der Liste.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="208"/>
        <source>Trust the new certificate</source>
        <translation>Dem neuen Zertifikat vertrauen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="208"/>
        <source>Trust this certificate</source>
        <translation>Diesem Zertifikat vertrauen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/logindialog.cpp" line="79"/>
        <location filename="../desktop/ui/logindialog.cpp" line="196"/>
        <source>Connecting…</source>
        <translation>Verbinde…</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::MainWindow</name>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="55"/>
        <source>PerfWatch</source>
        <translation>PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="87"/>
        <location filename="../desktop/ui/mainwindow.cpp" line="234"/>
        <source>Enter the password for %1.</source>
        <translation>Passwort für %1 eingeben.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="103"/>
        <source>The daemon refused the saved password (%1). Enter the current one.</source>
        <translation>Der Daemon hat das gespeicherte Passwort abgelehnt (%1). Bitte das aktuelle eingeben.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="152"/>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="153"/>
        <source>&amp;Connect to daemon…</source>
        <translation>Mit Daemon &amp;verbinden…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="156"/>
        <source>Ctrl+N</source>
        <translation>Ctrl+N</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="157"/>
        <source>&amp;Edit daemon…</source>
        <translation>Daemon &amp;bearbeiten…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="161"/>
        <source>&amp;Log out</source>
        <translation>&amp;Abmelden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="162"/>
        <source>&amp;Remove daemon</source>
        <translation>Daemon &amp;entfernen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="164"/>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="166"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="168"/>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Fleet</source>
        <translation>&amp;Flotte</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="171"/>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="173"/>
        <source>Views</source>
        <translation>Ansichten</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="187"/>
        <source>F&amp;ull screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="193"/>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="198"/>
        <source>Follow the system</source>
        <translation>Wie das System</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="199"/>
        <source>Dark</source>
        <translation>Dunkel</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="200"/>
        <source>Light</source>
        <translation>Hell</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="213"/>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="214"/>
        <source>&amp;About PerfWatch</source>
        <translation>Über &amp;PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="298"/>
        <source>No daemon</source>
        <translation>Kein Daemon</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="309"/>
        <source> · CPU %1% · memory %2%</source>
        <translation> · CPU %1% · Speicher %2%</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="323"/>
        <source>Logged out of %1.</source>
        <translation>Von %1 abgemeldet.</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="339"/>
        <source>About PerfWatch</source>
        <translation>Über PerfWatch</translation>
    </message>
    <message>
        <location filename="../desktop/ui/mainwindow.cpp" line="340"/>
        <source>&lt;h3&gt;PerfWatch %1&lt;/h3&gt;&lt;p&gt;Live and historic performance of Linux machines running perfwatchd.&lt;/p&gt;&lt;p&gt;Built with Qt %2, running on Qt %3.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PerfWatch %1&lt;/h3&gt;&lt;p&gt;Aktuelle und vergangene Leistung von Linux-Rechnern mit perfwatchd.&lt;/p&gt;&lt;p&gt;Erstellt mit Qt %2, läuft mit Qt %3.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::MetricChartView</name>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="348"/>
        <source>Drag to zoom into a time span; wheel to zoom; Shift+wheel, middle-drag or Ctrl+drag to pan; right-click to export</source>
        <translation>Ziehen zoomt in eine Zeitspanne; Mausrad zoomt; Umschalt+Mausrad, Ziehen mit mittlerer Taste oder Strg+Ziehen verschiebt; Rechtsklick exportiert</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="664"/>
        <source>%1
%2 at %3</source>
        <translation>%1
%2 um %3</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="735"/>
        <source>Export as PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="737"/>
        <source>Export chart</source>
        <translation>Diagramm exportieren</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="737"/>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="739"/>
        <location filename="../desktop/ui/metricchartview.cpp" line="745"/>
        <source>Could not write %1</source>
        <translation>%1 konnte nicht geschrieben werden</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="741"/>
        <source>Export data as CSV…</source>
        <translation>Daten als CSV exportieren…</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="743"/>
        <source>Export data</source>
        <translation>Daten exportieren</translation>
    </message>
    <message>
        <location filename="../desktop/ui/metricchartview.cpp" line="743"/>
        <source>CSV files (*.csv)</source>
        <translation>CSV-Dateien (*.csv)</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::RangePicker</name>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="20"/>
        <source>Last 1 h</source>
        <translation>Letzte 1 h</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="22"/>
        <source>Last 6 h</source>
        <translation>Letzte 6 h</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="24"/>
        <source>Last 24 h</source>
        <translation>Letzte 24 h</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="26"/>
        <source>Last 7 d</source>
        <translation>Letzte 7 T</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="28"/>
        <source>Last 30 d</source>
        <translation>Letzte 30 T</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="49"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="55"/>
        <source>Custom range</source>
        <translation>Eigener Zeitraum</translation>
    </message>
    <message>
        <location filename="../desktop/ui/rangepicker.cpp" line="131"/>
        <source>The range must end after it starts</source>
        <translation>Der Zeitraum muss nach seinem Beginn enden</translation>
    </message>
</context>
<context>
    <name>PerfWatch::Desktop::SettingsView</name>
    <message>
        <location filename="../desktop/ui/settingsview.cpp" line="68"/>
        <source>%1 d %2 h</source>
        <translation>%1 T %2 h</translation>
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
<context>
    <name>PerfWatch::Desktop::TimeRanges</name>
    <message>
        <location filename="../desktop/core/timerange.cpp" line="92"/>
        <source>%1 d</source>
        <translation>%1 T</translation>
    </message>
    <message>
        <location filename="../desktop/core/timerange.cpp" line="94"/>
        <source>%1 h</source>
        <translation>%1 h</translation>
    </message>
    <message>
        <location filename="../desktop/core/timerange.cpp" line="96"/>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <location filename="../desktop/core/timerange.cpp" line="97"/>
        <source>%1 s</source>
        <translation>%1 s</translation>
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
</context>
</TS>
