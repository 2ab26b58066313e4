<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountBanners</name>
    <message>
        <location filename="../../app/ui/dialogs/account_banners.py" line="24"/>
        <source>Buy credits</source>
        <translation>Credits kaufen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/account_banners.py" line="25"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/account_banners.py" line="37"/>
        <source>Enter API key…</source>
        <translation>API-Schlüssel eingeben…</translation>
    </message>
</context>
<context>
    <name>AccountStatusBar</name>
    <message>
        <location filename="../../app/ui/status_bar.py" line="40"/>
        <source>Plan</source>
        <translation>Tarif</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="41"/>
        <source>Requests left</source>
        <translation>Verbleibende Anfragen</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="42"/>
        <source>Credit balance</source>
        <translation>Guthaben</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="43"/>
        <source>Connected to</source>
        <translation>Verbunden mit</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="23"/>
        <location filename="../../app/ui/status_bar.py" line="79"/>
        <source>Sandbox</source>
        <translation>Sandbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="65"/>
        <source>Starting…</source>
        <translation>Wird gestartet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="69"/>
        <source>Loading your queue… {loaded} of {total}</source>
        <translation>Warteschlange wird geladen… {loaded} von {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="82"/>
        <source>Requests go to the built-in sandbox: nothing is charged and downloads are sample files.</source>
        <translation>Anfragen gehen an die eingebaute Sandbox: Es wird nichts berechnet, und die Downloads sind Beispieldateien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="86"/>
        <source>Requests go to {base}</source>
        <translation>Anfragen gehen an {base}</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="97"/>
        <source>Plan: not known yet</source>
        <translation>Tarif: noch nicht bekannt</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="98"/>
        <source>Worked out from the service&apos;s rate limit</source>
        <translation>Aus dem Anfragelimit des Dienstes abgeleitet</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="105"/>
        <source>Credits: unknown until the service reports them</source>
        <translation>Guthaben: unbekannt, bis der Dienst es meldet</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="107"/>
        <source>VideoConduit has no balance request; the app learns the balance when the service reports it (for example when credits run short).</source>
        <translation>VideoConduit bietet keine Guthabenabfrage; die App erfährt Ihr Guthaben, wenn der Dienst es meldet (zum Beispiel, wenn die Credits knapp werden).</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="110"/>
        <source>Credits: {n} (as of {time})</source>
        <translation>Guthaben: {n} Credits (Stand {time})</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="117"/>
        <source>Requests this minute: not known yet</source>
        <translation>Anfragen in dieser Minute: noch nicht bekannt</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="120"/>
        <source>{limit} requests a minute</source>
        <translation>{limit} Anfragen pro Minute</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="122"/>
        <source>{remaining} of {limit} requests left this minute</source>
        <translation>Noch {remaining} von {limit} Anfragen in dieser Minute</translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="125"/>
        <source>resets in {countdown}</source>
        <translation>zurückgesetzt in {countdown}</translation>
    </message>
</context>
<context>
    <name>AddDialog</name>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="25"/>
        <source>Add URLs</source>
        <translation>URLs hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="27"/>
        <source>Paste or type links to videos — one per line, or text that contains them. Anything that is not a web link is skipped.</source>
        <translation>Fügen Sie Links zu Videos ein oder tippen Sie sie ein – einen pro Zeile oder einen Text, der sie enthält. Alles, was kein Weblink ist, wird übersprungen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="31"/>
        <source>Links to add</source>
        <translation>Hinzuzufügende Links</translation>
    </message>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="38"/>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="41"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
</context>
<context>
    <name>BrowserSection</name>
    <message>
        <location filename="../../app/ui/dialogs/browser_section.py" line="23"/>
        <source>Links from your browser</source>
        <translation>Links aus Ihrem Browser</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/browser_section.py" line="26"/>
        <source>Ask before downloading links that web pages open (videoconduit:// links)</source>
        <translation>Vor dem Herunterladen von Links fragen, die Webseiten öffnen (videoconduit://-Links)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/browser_section.py" line="29"/>
        <source>Ask before downloading links sent from the browser extension</source>
        <translation>Vor dem Herunterladen von Links aus der Browser-Erweiterung fragen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/browser_section.py" line="31"/>
        <source>Set up my browsers for the extension</source>
        <translation>Meine Browser für die Erweiterung einrichten</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/browser_section.py" line="48"/>
        <location filename="../../app/ui/dialogs/browser_section.py" line="50"/>
        <source>The browsers could not be set up: {reason}</source>
        <translation>Die Browser konnten nicht eingerichtet werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/browser_section.py" line="53"/>
        <source>Done for {names}. Restart a browser that is open, then use the extension&apos;s menu.</source>
        <translation>Erledigt für {names}. Starten Sie einen geöffneten Browser neu und verwenden Sie dann das Menü der Erweiterung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/browser_section.py" line="56"/>
        <source>None of the supported browsers has been used on this account yet: start one once, then try again.</source>
        <translation>Keiner der unterstützten Browser wurde in diesem Konto bisher verwendet: Starten Sie einen einmal und versuchen Sie es dann erneut.</translation>
    </message>
</context>
<context>
    <name>CreditsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/credits_dialog.py" line="33"/>
        <source>Not enough credits</source>
        <translation>Nicht genug Credits</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/credits_dialog.py" line="38"/>
        <source>Buy credits</source>
        <translation>Credits kaufen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/credits_dialog.py" line="40"/>
        <source>Upgrade plan</source>
        <translation>Tarif wechseln</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/credits_dialog.py" line="42"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/credits_dialog.py" line="56"/>
        <source>Downloads already accepted keep going. {recheck}</source>
        <translation>Bereits angenommene Downloads laufen weiter. {recheck}</translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="36"/>
        <source>yes</source>
        <translation>ja</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="36"/>
        <source>no</source>
        <translation>nein</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="55"/>
        <source>Video details</source>
        <translation>Videodetails</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="58"/>
        <source>VideoConduit charges 1 credit for looking up a video&apos;s details. Nothing is fetched until you press the button.</source>
        <translation>VideoConduit berechnet 1 Credit für das Abrufen der Videodetails. Es wird nichts abgerufen, bevor Sie auf die Schaltfläche klicken.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="64"/>
        <source>Fetch details (1 credit)</source>
        <translation>Details abrufen (1 Credit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="72"/>
        <source>Fetching details…</source>
        <translation>Details werden abgerufen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="83"/>
        <source>Details from VideoConduit (1 credit was used):</source>
        <translation>Details von VideoConduit (1 Credit wurde verbraucht):</translation>
    </message>
</context>
<context>
    <name>FixBanner</name>
    <message>
        <location filename="../../app/ui/dialogs/fix_banner.py" line="26"/>
        <source>Change folder…</source>
        <translation>Ordner ändern…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/fix_banner.py" line="29"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
</context>
<context>
    <name>ForbiddenDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="27"/>
        <source>API key not allowed</source>
        <translation>API-Schlüssel nicht zugelassen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="30"/>
        <source>VideoConduit said: {detail}</source>
        <translation>VideoConduit meldet: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="31"/>
        <source>Nothing new is sent to VideoConduit until this is sorted out; your queue is kept.</source>
        <translation>Bis das geklärt ist, wird nichts Neues an VideoConduit gesendet; Ihre Warteschlange bleibt erhalten.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="34"/>
        <source>Reactivate the key or make a new one in &lt;a href=&quot;{url}&quot;&gt;your key settings&lt;/a&gt;, then enter a working key here.</source>
        <translation>Aktivieren Sie den Schlüssel wieder oder erstellen Sie einen neuen in &lt;a href=&quot;{url}&quot;&gt;Ihren Schlüsseleinstellungen&lt;/a&gt; und geben Sie dann hier einen funktionierenden Schlüssel ein.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="39"/>
        <source>Open key settings</source>
        <translation>Schlüsseleinstellungen öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="41"/>
        <source>Enter another key…</source>
        <translation>Anderen Schlüssel eingeben…</translation>
    </message>
</context>
<context>
    <name>HeldLinks</name>
    <message>
        <location filename="../../app/ui/held_links.py" line="54"/>
        <source>Dismiss</source>
        <translation>Verwerfen</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/held_links.py" line="93"/>
        <source>%n links from your browser</source>
        <translation>
            <numerusform>%n Link aus Ihrem Browser</numerusform>
            <numerusform>%n Links aus Ihrem Browser</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/held_links.py" line="99"/>
        <source>Download (%n credits)</source>
        <translation>
            <numerusform>Herunterladen (%n Credit)</numerusform>
            <numerusform>Herunterladen (%n Credits)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/held_links.py" line="103"/>
        <source>and %n more</source>
        <translation>
            <numerusform>und %n weiterer</numerusform>
            <numerusform>und %n weitere</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/held_links.py" line="108"/>
        <source>%n more links were not taken</source>
        <translation>
            <numerusform>%n weiterer Link wurde nicht übernommen</numerusform>
            <numerusform>%n weitere Links wurden nicht übernommen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/held_links.py" line="109"/>
        <source>: at most {max} links wait for your OK at once.</source>
        <translation>: Höchstens {max} Links können gleichzeitig auf Ihre Zustimmung warten.</translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="55"/>
        <source>Works — your plan: {plan}</source>
        <translation>Funktioniert – Ihr Tarif: {plan}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="56"/>
        <source>Works — VideoConduit accepted this key.</source>
        <translation>Funktioniert – VideoConduit hat diesen Schlüssel angenommen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="72"/>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="87"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="76"/>
        <source>VideoConduit said: {detail}</source>
        <translation>VideoConduit meldet: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="78"/>
        <source>Copy your key from &lt;a href=&quot;{url}&quot;&gt;your VideoConduit dashboard&lt;/a&gt;. It starts with vc_. The full key is shown only once when it is created — if you no longer have it, make a new one.</source>
        <translation>Kopieren Sie Ihren Schlüssel aus &lt;a href=&quot;{url}&quot;&gt;Ihrem VideoConduit-Dashboard&lt;/a&gt;. Er beginnt mit vc_. Der vollständige Schlüssel wird nur einmal angezeigt, wenn er erstellt wird – haben Sie ihn nicht mehr, erstellen Sie einen neuen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="88"/>
        <source>Starts with vc_. It stays hidden unless you choose Show the key.</source>
        <translation>Beginnt mit vc_. Er bleibt verborgen, solange Sie nicht „Schlüssel anzeigen“ wählen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="92"/>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="125"/>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="94"/>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="127"/>
        <source>Show the key</source>
        <translation>Schlüssel anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="96"/>
        <source>Test key</source>
        <translation>Schlüssel testen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="97"/>
        <source>Test the key</source>
        <translation>Den Schlüssel testen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="107"/>
        <source>Key check</source>
        <translation>Schlüsselprüfung</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="110"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="112"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="125"/>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="126"/>
        <source>Hide the key</source>
        <translation>Schlüssel verbergen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="134"/>
        <source>Looks like an API key.</source>
        <translation>Sieht nach einem API-Schlüssel aus.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="149"/>
        <source>The key will be saved in {where}.</source>
        <translation>Der Schlüssel wird in {where} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="151"/>
        <source>There is no usable system keyring, so the key is kept for this session only; you will be asked for it again next time.</source>
        <translation>Es gibt keinen nutzbaren Systemschlüsselbund. Der Schlüssel gilt daher nur für diese Sitzung; beim nächsten Start werden Sie erneut danach gefragt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="162"/>
        <source>Testing the key…</source>
        <translation>Schlüssel wird getestet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="166"/>
        <source>Could not test the key: {reason}</source>
        <translation>Der Schlüssel konnte nicht getestet werden: {reason}</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="85"/>
        <source> — Sandbox</source>
        <translation> – Sandbox</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="174"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="294"/>
        <source>They are queued as audio only: 1 credit each.</source>
        <translation>Sie werden als reine Audiodateien eingereiht: je 1 Credit.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="296"/>
        <source>They are queued as videos: {n} credits each.</source>
        <translation>Sie werden als Videos eingereiht: je {n} Credits.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="356"/>
        <source>Copied %n links</source>
        <translation>
            <numerusform>%n Link kopiert</numerusform>
            <numerusform>%n Links kopiert</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/main_window.py" line="426"/>
        <source>%n downloads are still running.</source>
        <translation>
            <numerusform>%n Download läuft noch.</numerusform>
            <numerusform>%n Downloads laufen noch.</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="425"/>
        <source>Quit {app}?</source>
        <translation>{app} beenden?</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="429"/>
        <source>They stop now and continue where they left off the next time you open the app.</source>
        <translation>Sie werden jetzt angehalten und beim nächsten Start der App dort fortgesetzt, wo sie aufgehört haben.</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="431"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="432"/>
        <source>Keep downloading</source>
        <translation>Weiter herunterladen</translation>
    </message>
</context>
<context>
    <name>MessageDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/message_dialog.py" line="118"/>
        <source>Close</source>
        <translation>Schließen</translation>
    </message>
</context>
<context>
    <name>OptionsStrip</name>
    <message>
        <location filename="../../app/ui/options_strip.py" line="20"/>
        <source>MP3 (audio)</source>
        <translation>MP3 (Audio)</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="21"/>
        <source>M4A (audio)</source>
        <translation>M4A (Audio)</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="48"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="49"/>
        <source>Automatic</source>
        <translation>Automatisch</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="53"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="31"/>
        <source>Best available</source>
        <translation>Beste verfügbare</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="56"/>
        <location filename="../../app/ui/options_strip.py" line="57"/>
        <source>Audio only</source>
        <translation>Nur Audio</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="58"/>
        <source>Each video costs {video} credits · audio only {audio}</source>
        <translation>Jedes Video kostet {video} Credits · nur Audio {audio}</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="63"/>
        <source>Estimated cost of the queue</source>
        <translation>Geschätzte Kosten der Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="68"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="69"/>
        <source>Quality:</source>
        <translation>Qualität:</translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="104"/>
        <source>Queue: nothing waiting to be sent</source>
        <translation>Warteschlange: nichts zu senden</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/options_strip.py" line="106"/>
        <source>~%n credits</source>
        <translation>
            <numerusform>~%n Credit</numerusform>
            <numerusform>~%n Credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/options_strip.py" line="107"/>
        <source>%n waiting items</source>
        <translation>
            <numerusform>%n Eintrag</numerusform>
            <numerusform>%n Einträge</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="108"/>
        <source>Queue: {credits} for {items}</source>
        <translation>Wartend: {items} · {credits}</translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../app/ui/presenter.py" line="90"/>
        <source>Waiting for the system keyring to give the API key. If it asks for a password in another window, answer it there.</source>
        <translation>Warte darauf, dass der Schlüsselbund des Systems den API-Schlüssel herausgibt. Falls er in einem anderen Fenster nach einem Passwort fragt, antworten Sie bitte dort.</translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="202"/>
        <source>Dismiss</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="248"/>
        <source>Submit again</source>
        <translation>Erneut senden</translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="256"/>
        <source>Not now</source>
        <translation>Jetzt nicht</translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="273"/>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="282"/>
        <source>Don&apos;t open</source>
        <translation>Nicht öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="321"/>
        <source>Choose a download folder</source>
        <translation>Download-Ordner wählen</translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="54"/>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="57"/>
        <source>Processing</source>
        <translation>In Bearbeitung</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="62"/>
        <source>Submitting…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="64"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="66"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="71"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
</context>
<context>
    <name>QueueActions</name>
    <message>
        <location filename="../../app/ui/actions.py" line="61"/>
        <source>Add URLs…</source>
        <translation>URLs hinzufügen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="62"/>
        <source>Type or paste links to download</source>
        <translation>Links zum Herunterladen eingeben oder einfügen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="63"/>
        <source>Paste</source>
        <translation>Einfügen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="64"/>
        <source>Queue the links on the clipboard</source>
        <translation>Die Links aus der Zwischenablage einreihen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="65"/>
        <source>Pause</source>
        <translation>Anhalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="66"/>
        <source>Pause the selected downloads</source>
        <translation>Die ausgewählten Downloads anhalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="67"/>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="68"/>
        <source>Resume the selected downloads</source>
        <translation>Die ausgewählten Downloads fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="69"/>
        <source>Pause or resume</source>
        <translation>Anhalten oder fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="70"/>
        <source>Pause or resume the selected downloads</source>
        <translation>Die ausgewählten Downloads anhalten oder fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="71"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="72"/>
        <source>Stop the selected downloads and keep them in the list</source>
        <translation>Die ausgewählten Downloads stoppen und in der Liste behalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="73"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="74"/>
        <source>Try the selected failed or cancelled downloads again</source>
        <translation>Die ausgewählten fehlgeschlagenen oder abgebrochenen Downloads erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="75"/>
        <source>Look again</source>
        <translation>Erneut nachsehen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="76"/>
        <source>Check VideoConduit&apos;s job list again for the selected links (costs nothing)</source>
        <translation>Die Auftragsliste von VideoConduit erneut nach den ausgewählten Links durchsuchen (kostenlos)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="78"/>
        <source>Submit again (costs credits)</source>
        <translation>Erneut senden (kostet Credits)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="79"/>
        <source>Send the selected links to VideoConduit again — a new charge, asked first</source>
        <translation>Die ausgewählten Links erneut an VideoConduit senden – kostet erneut, mit Rückfrage</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="81"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="82"/>
        <source>Remove the selected downloads from the list (downloaded files stay on disk)</source>
        <translation>Die ausgewählten Downloads aus der Liste entfernen (heruntergeladene Dateien bleiben erhalten)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="84"/>
        <source>Retry all failed</source>
        <translation>Alle fehlgeschlagenen wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="85"/>
        <source>Try every failed download again</source>
        <translation>Alle fehlgeschlagenen Downloads erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="86"/>
        <source>Clear finished</source>
        <translation>Fertige entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="87"/>
        <source>Remove finished downloads from the list</source>
        <translation>Abgeschlossene Downloads aus der Liste entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="89"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="91"/>
        <source>API key, download folder, notifications</source>
        <translation>API-Schlüssel, Download-Ordner, Benachrichtigungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="92"/>
        <source>Open file</source>
        <translation>Datei öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="93"/>
        <source>Open the downloaded file</source>
        <translation>Die heruntergeladene Datei öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="94"/>
        <source>Show in folder</source>
        <translation>Im Ordner anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="95"/>
        <source>Open the folder that holds the file</source>
        <translation>Den Ordner öffnen, in dem die Datei liegt</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="96"/>
        <source>Copy URL</source>
        <translation>URL kopieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="98"/>
        <source>Copy the selected links</source>
        <translation>Die ausgewählten Links kopieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="99"/>
        <source>Get details (costs 1 credit)</source>
        <translation>Details abrufen (kostet 1 Credit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="100"/>
        <source>Ask VideoConduit for the video&apos;s title and length — this uses 1 credit</source>
        <translation>Titel und Länge des Videos bei VideoConduit abfragen – das verbraucht 1 Credit</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../app/ui/queue_model.py" line="48"/>
        <source>Video</source>
        <translation>Video</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="49"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="50"/>
        <source>Progress</source>
        <translation>Fortschritt</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="51"/>
        <source>Size</source>
        <translation>Größe</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_model.py" line="52"/>
        <source>Details</source>
        <translation>Details</translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../app/ui/queue_view.py" line="40"/>
        <source>Download queue</source>
        <translation>Download-Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_view.py" line="84"/>
        <source>Opening your queue…</source>
        <translation>Warteschlange wird geöffnet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_view.py" line="85"/>
        <source>Drop links here or press Ctrl+V</source>
        <translation>Links hierher ziehen oder Strg+V drücken</translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_view.py" line="118"/>
        <source>Links from your browser, a text file or the clipboard — one or many.</source>
        <translation>Links aus Ihrem Browser, einer Textdatei oder der Zwischenablage – einer oder viele.</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="50"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="53"/>
        <source>Download folder</source>
        <translation>Download-Ordner</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="54"/>
        <source>Choose…</source>
        <translation>Auswählen…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="55"/>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="144"/>
        <source>Choose the download folder</source>
        <translation>Den Download-Ordner auswählen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="60"/>
        <source>Downloads at the same time</source>
        <translation>Gleichzeitige Downloads</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="63"/>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="64"/>
        <source>Quality</source>
        <translation>Qualität</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="66"/>
        <source>Audio only (costs 1 credit instead of 2)</source>
        <translation>Nur Audio (kostet 1 Credit statt 2)</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="68"/>
        <source>Downloads</source>
        <translation>Downloads</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="70"/>
        <source>Save files in:</source>
        <translation>Dateien speichern in:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="71"/>
        <source>Downloads at the same time:</source>
        <translation>Gleichzeitige Downloads:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="72"/>
        <source>Format:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="73"/>
        <source>Quality:</source>
        <translation>Qualität:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="76"/>
        <source>Notify me when downloads finish or fail</source>
        <translation>Benachrichtigen, wenn Downloads fertig sind oder fehlschlagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="78"/>
        <source>Offer links I copy to the clipboard</source>
        <translation>Links anbieten, die ich in die Zwischenablage kopiere</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="81"/>
        <source>Keep downloading in the system tray when the window is closed</source>
        <translation>Nach dem Schließen des Fensters im Infobereich weiter herunterladen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="84"/>
        <source>Behaviour</source>
        <translation>Verhalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="93"/>
        <source>Advanced</source>
        <translation>Erweitert</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="102"/>
        <source>Service address</source>
        <translation>Dienstadresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="103"/>
        <source>Buy credits page</source>
        <translation>Seite zum Credit-Kauf</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="104"/>
        <source>Service address:</source>
        <translation>Dienstadresse:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="105"/>
        <source>Buy credits page:</source>
        <translation>Seite zum Credit-Kauf:</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="106"/>
        <source>A new service address is used after a restart.</source>
        <translation>Eine neue Dienstadresse gilt nach einem Neustart.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="116"/>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="117"/>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="108"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="131"/>
        <source>Service default</source>
        <translation>Vorgabe des Dienstes</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="156"/>
        <source>Choose a folder for the downloads.</source>
        <translation>Wählen Sie einen Ordner für die Downloads.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="157"/>
        <source>service address</source>
        <translation>Dienstadresse</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="158"/>
        <source>buy credits page</source>
        <translation>Seite zum Credit-Kauf</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="161"/>
        <source>The {what} must be a web address (https://…).</source>
        <translation>Die {what} muss eine Webadresse sein (https://…).</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="164"/>
        <source>The service address must start with https://: over http:// your API key would travel unencrypted. Only an address on this computer (localhost, 127.0.0.1, ::1) may use http://.</source>
        <translation>Die Dienstadresse muss mit https:// beginnen: Über http:// würde Ihr API-Schlüssel unverschlüsselt übertragen. Nur eine Adresse auf diesem Computer (localhost, 127.0.0.1, ::1) darf http:// verwenden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="183"/>
        <source>The settings could not be saved: {reason}</source>
        <translation>Die Einstellungen konnten nicht gespeichert werden: {reason}</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="58"/>
        <source>API key</source>
        <translation>API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="62"/>
        <source>Where the API key is stored</source>
        <translation>Wo der API-Schlüssel gespeichert ist</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="64"/>
        <source>Buy credits or change your plan…</source>
        <translation>Credits und Tarif…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="65"/>
        <source>Buy credits or change your plan</source>
        <translation>Credits kaufen oder Tarif wechseln</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="68"/>
        <source>Change key…</source>
        <translation>Schlüssel ändern…</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="70"/>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="107"/>
        <source>Remove key</source>
        <translation>Schlüssel entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="85"/>
        <source>Sandbox mode: the app uses the sandbox&apos;s own practice key.</source>
        <translation>Sandbox-Modus: Die App verwendet den Übungsschlüssel der Sandbox.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="87"/>
        <source>The key comes from the {variable} environment variable; it is not stored by the app.</source>
        <translation>Der Schlüssel stammt aus der Umgebungsvariablen {variable}; die App speichert ihn nicht.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="90"/>
        <source>No key yet. A key you enter is kept in {where}.</source>
        <translation>Noch kein Schlüssel. Ein eingegebener Schlüssel wird in {where} aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="93"/>
        <source>Your key is stored in {where}.</source>
        <translation>Ihr Schlüssel ist in {where} gespeichert.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="95"/>
        <source>There is no usable system keyring, so your key is kept for this session only; you will be asked for it again next time.</source>
        <translation>Es gibt keinen nutzbaren Systemschlüsselbund. Ihr Schlüssel gilt daher nur für diese Sitzung; beim nächsten Start werden Sie erneut danach gefragt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="102"/>
        <source>Remove the API key?</source>
        <translation>API-Schlüssel entfernen?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="103"/>
        <source>Remove the API key from this computer?</source>
        <translation>Den API-Schlüssel von diesem Computer entfernen?</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="105"/>
        <source>VideoConduit shows a key only once, when it is created. Keep a copy if you want to use this key again.</source>
        <translation>VideoConduit zeigt einen Schlüssel nur einmal an, wenn er erstellt wird. Bewahren Sie eine Kopie auf, wenn Sie ihn wieder verwenden möchten.</translation>
    </message>
</context>
<context>
    <name>SpokenText</name>
    <message>
        <location filename="../../app/ui/spoken_text.py" line="25"/>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/tray.py" line="65"/>
        <source>Idle</source>
        <translation>Nichts zu tun</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray.py" line="32"/>
        <source>%n downloads finished</source>
        <translation>
            <numerusform>%n Download abgeschlossen</numerusform>
            <numerusform>%n Downloads abgeschlossen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray.py" line="35"/>
        <source>%n failed</source>
        <translation>
            <numerusform>%n fehlgeschlagen</numerusform>
            <numerusform>%n fehlgeschlagen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray.py" line="65"/>
        <source>%n in progress</source>
        <translation>
            <numerusform>%n in Arbeit</numerusform>
            <numerusform>%n in Arbeit</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/tray.py" line="68"/>
        <source>%n downloading</source>
        <translation>
            <numerusform>%n Download läuft</numerusform>
            <numerusform>%n Downloads laufen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="88"/>
        <source>Show {app}</source>
        <translation>{app} anzeigen</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="90"/>
        <source>Pause all</source>
        <translation>Alle anhalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="91"/>
        <source>Resume all</source>
        <translation>Alle fortsetzen</translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="93"/>
        <source>Quit</source>
        <translation>Beenden</translation>
    </message>
</context>
<context>
    <name>TroubleBanner</name>
    <message>
        <location filename="../../app/ui/dialogs/trouble_banner.py" line="24"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="21"/>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="22"/>
        <source>Welcome to VideoConduit Desktop</source>
        <translation>Willkommen bei VideoConduit Desktop</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="23"/>
        <source>Drop or paste video links and they download one after another, through your VideoConduit account. Each video costs credits from your plan.</source>
        <translation>Ziehen Sie Videolinks hierher oder fügen Sie sie ein – sie werden nacheinander über Ihr VideoConduit-Konto heruntergeladen. Jedes Video kostet Credits aus Ihrem Tarif.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="27"/>
        <source>Enter my API key</source>
        <translation>Meinen API-Schlüssel eingeben</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="28"/>
        <source>Use your VideoConduit account. The key is kept in your system keyring.</source>
        <translation>Ihr VideoConduit-Konto verwenden. Der Schlüssel wird im Schlüsselbund Ihres Systems aufbewahrt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="31"/>
        <source>Try the sandbox</source>
        <translation>Sandbox ausprobieren</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="32"/>
        <source>A practice service on this computer: nothing is charged, and downloads are sample files.</source>
        <translation>Ein Übungsdienst auf diesem Computer: Es wird nichts berechnet, und die Downloads sind Beispieldateien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="37"/>
        <source>Later</source>
        <translation>Später</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="15"/>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="15"/>
        <source>KB</source>
        <translation>kB</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="16"/>
        <source>MB</source>
        <translation>MB</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="16"/>
        <source>GB</source>
        <translation>GB</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="17"/>
        <source>TB</source>
        <translation>TB</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="17"/>
        <source>PB</source>
        <translation>PB</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="43"/>
        <source>unknown size</source>
        <translation>Größe unbekannt</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="60"/>
        <source>{size}/s</source>
        <translation>{size}/s</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="67"/>
        <source>{done} of {total}</source>
        <translation>{done} von {total}</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="84"/>
        <source>{s} s</source>
        <translation>{s} s</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="88"/>
        <source>{m} min {s} s</source>
        <translation>{m} min {s} s</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="89"/>
        <location filename="../../app/ui/formatting.py" line="92"/>
        <source>{m} min</source>
        <translation>{m} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="95"/>
        <source>{d} days</source>
        <translation>{d} Tage</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="97"/>
        <source>{h} h {m} min</source>
        <translation>{h} h {m} min</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="98"/>
        <source>{h} h</source>
        <translation>{h} h</translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="104"/>
        <source>{duration} left</source>
        <translation>noch {duration}</translation>
    </message>
</context>
<context>
    <name>intake</name>
    <message numerus="yes">
        <location filename="../../app/ui/intake.py" line="29"/>
        <source>%n already in the queue</source>
        <translation>
            <numerusform>%n schon in der Warteschlange</numerusform>
            <numerusform>%n schon in der Warteschlange</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake.py" line="31"/>
        <source>%n repeated</source>
        <translation>
            <numerusform>%n doppelt</numerusform>
            <numerusform>%n doppelt</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake.py" line="33"/>
        <source>%n not web links</source>
        <translation>
            <numerusform>%n kein Weblink</numerusform>
            <numerusform>%n keine Weblinks</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake.py" line="35"/>
        <source>%n not links</source>
        <translation>
            <numerusform>%n kein Link</numerusform>
            <numerusform>%n keine Links</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake.py" line="36"/>
        <source>%n skipped</source>
        <translation>
            <numerusform>%n übersprungen</numerusform>
            <numerusform>%n übersprungen</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="67"/>
        <source>No links found — drop or paste web links (https://…)</source>
        <translation>Keine Links gefunden – ziehen Sie Weblinks (https://…) hierher oder fügen Sie sie ein</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake.py" line="69"/>
        <source>%n links were not added: the queue could not be saved</source>
        <translation>
            <numerusform>%n Link wurde nicht hinzugefügt: Die Warteschlange konnte nicht gespeichert werden</numerusform>
            <numerusform>%n Links wurden nicht hinzugefügt: Die Warteschlange konnte nicht gespeichert werden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="73"/>
        <source>{head} ({reason})</source>
        <translation>{head} ({reason})</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/intake.py" line="75"/>
        <source>Queued %n links</source>
        <translation>
            <numerusform>%n Link eingereiht</numerusform>
            <numerusform>%n Links eingereiht</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="76"/>
        <source>Nothing new queued</source>
        <translation>Nichts Neues eingereiht</translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="80"/>
        <source>{head} · skipped {n} ({reasons})</source>
        <translation>{head} · {n} übersprungen ({reasons})</translation>
    </message>
</context>
<context>
    <name>item_text</name>
    <message>
        <location filename="../../app/ui/item_text.py" line="57"/>
        <source>Waiting</source>
        <translation>Wartet</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="60"/>
        <source>Confirming…</source>
        <translation>Wird bestätigt…</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="61"/>
        <source>Submitting…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="64"/>
        <source>Processing on VideoConduit</source>
        <translation>In Arbeit bei VideoConduit</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="65"/>
        <source>Processing on VideoConduit {percent}</source>
        <translation>In Arbeit bei VideoConduit {percent}</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="69"/>
        <source>Downloading</source>
        <translation>Wird heruntergeladen</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="71"/>
        <source>Paused</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="73"/>
        <source>Done</source>
        <translation>Fertig</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="75"/>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="77"/>
        <source>Not confirmed</source>
        <translation>Nicht bestätigt</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="80"/>
        <source>Failed</source>
        <translation>Fehlgeschlagen</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="90"/>
        <source>⚠ Can run programs</source>
        <translation>⚠ Kann Programme ausführen</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="96"/>
        <source>Failed: {problem}</source>
        <translation>Fehlgeschlagen: {problem}</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="96"/>
        <source>unknown reason</source>
        <translation>unbekannter Grund</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="98"/>
        <source>Not confirmed: {problem}</source>
        <translation>Nicht bestätigt: {problem}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/item_text.py" line="135"/>
        <source>In line · costs %n credits</source>
        <translation>
            <numerusform>In der Warteschlange · kostet %n Credit</numerusform>
            <numerusform>In der Warteschlange · kostet %n Credits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="138"/>
        <source>To {folder}</source>
        <translation>Nach {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="149"/>
        <source>Waiting for the rate limit to lift</source>
        <translation>Wartet auf das Anfragelimit</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="151"/>
        <source>Waiting for VideoConduit to recover</source>
        <translation>Wartet auf VideoConduit</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="167"/>
        <source>In {folder}</source>
        <translation>In {folder}</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="174"/>
        <source>The service said: {detail}</source>
        <translation>Der Dienst meldet: {detail}</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="176"/>
        <source>What VideoConduit rejected:</source>
        <translation>Was VideoConduit abgelehnt hat:</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="182"/>
        <source>Saved as {path}</source>
        <translation>Gespeichert als {path}</translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="184"/>
        <source>This type of file can run programs on your computer; Open file asks before opening it.</source>
        <translation>Dieser Dateityp kann Programme auf Ihrem Computer ausführen; „Datei öffnen“ fragt vor dem Öffnen nach.</translation>
    </message>
</context>
<context>
    <name>keys</name>
    <message>
        <location filename="../../app/keys.py" line="57"/>
        <source>Paste your API key.</source>
        <translation>Fügen Sie Ihren API-Schlüssel ein.</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="59"/>
        <source>An API key starts with vc_</source>
        <translation>Ein API-Schlüssel beginnt mit vc_</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="62"/>
        <source>An API key has no spaces in it — copy it again in one piece.</source>
        <translation>Ein API-Schlüssel enthält keine Leerzeichen – kopieren Sie ihn noch einmal am Stück.</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="64"/>
        <source>This key is too short — copy the whole key.</source>
        <translation>Dieser Schlüssel ist zu kurz – kopieren Sie den ganzen Schlüssel.</translation>
    </message>
    <message>
        <location filename="../../app/keys.py" line="66"/>
        <source>An API key contains only letters, digits, &apos;-&apos; and &apos;_&apos;.</source>
        <translation>Ein API-Schlüssel enthält nur Buchstaben, Ziffern, „-“ und „_“.</translation>
    </message>
</context>
<context>
    <name>problem_text</name>
    <message>
        <location filename="../../app/ui/problem_text.py" line="45"/>
        <source>{sentence} ({detail})</source>
        <translation>{sentence} ({detail})</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="154"/>
        <source>Waiting for credits</source>
        <translation>Wartet auf Credits</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="155"/>
        <source>Waiting for a working API key</source>
        <translation>Wartet auf einen funktionierenden API-Schlüssel</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="145"/>
        <source>Its answer got lost: looking for it in your job list</source>
        <translation>Die Antwort ging verloren: Suche in Ihrer Auftragsliste</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="60"/>
        <source>VideoConduit could not accept this link</source>
        <translation>VideoConduit konnte diesen Link nicht annehmen</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="62"/>
        <source>This site isn&apos;t supported, or the video is unavailable</source>
        <translation>Diese Seite wird nicht unterstützt, oder das Video ist nicht verfügbar</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="64"/>
        <source>VideoConduit already has this download</source>
        <translation>VideoConduit hat diesen Download bereits</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="66"/>
        <source>VideoConduit could not produce the file; its credits were returned</source>
        <translation>VideoConduit konnte die Datei nicht erstellen; die Credits wurden erstattet</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="68"/>
        <source>VideoConduit no longer has this job — Submit again to download it (that is a new charge)</source>
        <translation>VideoConduit hat diesen Auftrag nicht mehr – mit „Erneut senden“ laden Sie ihn herunter (das kostet erneut)</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="71"/>
        <source>VideoConduit finished the job but gave no link to the file — press Retry later</source>
        <translation>VideoConduit hat den Auftrag erledigt, aber keinen Link zur Datei geliefert – klicken Sie später auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="74"/>
        <source>Something unexpected went wrong — press Retry; if it happens again, the log has the details</source>
        <translation>Etwas Unerwartetes ist schiefgegangen – klicken Sie auf „Wiederholen“; passiert es wieder, steht das Nähere im Protokoll</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="77"/>
        <source>The download link expired — press Retry to get a fresh one</source>
        <translation>Der Download-Link ist abgelaufen – mit „Wiederholen“ erhalten Sie einen neuen</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="79"/>
        <source>Your disk is full — free some space, then press Retry</source>
        <translation>Ihr Datenträger ist voll – geben Sie Speicherplatz frei und klicken Sie dann auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="81"/>
        <source>Can&apos;t write to the download folder — choose another one, then press Retry</source>
        <translation>In den Download-Ordner kann nicht geschrieben werden – wählen Sie einen anderen und klicken Sie dann auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="84"/>
        <source>The link gave a web page instead of a video file</source>
        <translation>Der Link lieferte eine Webseite statt einer Videodatei</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="86"/>
        <source>Couldn&apos;t reach VideoConduit after several tries — check your connection, then press Retry</source>
        <translation>VideoConduit war nach mehreren Versuchen nicht erreichbar – prüfen Sie Ihre Verbindung und klicken Sie dann auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="89"/>
        <source>VideoConduit kept failing after several tries — press Retry later</source>
        <translation>VideoConduit ist auch nach mehreren Versuchen gescheitert – klicken Sie später auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="91"/>
        <source>The file host sent less than VideoConduit announced, even after several tries — press Retry later</source>
        <translation>Der Dateiserver hat auch nach mehreren Versuchen weniger geschickt, als VideoConduit angekündigt hatte – klicken Sie später auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="94"/>
        <source>The file host sent more than VideoConduit announced, so the file was not kept</source>
        <translation>Der Dateiserver hat mehr geschickt, als VideoConduit angekündigt hatte; die Datei wurde daher nicht behalten</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="97"/>
        <source>The file host kept sending a file of another size than it said — press Retry later</source>
        <translation>Der Dateiserver hat wiederholt eine Datei anderer Größe geschickt als angegeben – klicken Sie später auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="100"/>
        <source>A link (shortcut) sits where this video would be saved, so nothing was written there — press Retry to save it under another name</source>
        <translation>Dort, wo dieses Video gespeichert würde, liegt eine Verknüpfung; daher wurde nichts geschrieben – mit „Wiederholen“ speichern Sie es unter einem anderen Namen</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="104"/>
        <source>VideoConduit gave a download link the app cannot use — press Retry later</source>
        <translation>VideoConduit hat einen Download-Link geliefert, den die App nicht verwenden kann – klicken Sie später auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="107"/>
        <source>The download folder&apos;s path is too long for Windows to add a file name — choose a shorter folder, then press Retry</source>
        <translation>Der Pfad des Download-Ordners ist zu lang, als dass Windows noch einen Dateinamen anhängen könnte – wählen Sie einen kürzeren Ordner und klicken Sie dann auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="110"/>
        <source>The file host sent the video too slowly or stopped sending it, even after several tries — press Retry later</source>
        <translation>Der Dateiserver hat das Video auch nach mehreren Versuchen zu langsam oder gar nicht mehr geschickt – klicken Sie später auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="113"/>
        <source>The file host sent the file compressed instead of as it is, so nothing of it was kept — press Retry later</source>
        <translation>Der Dateiserver hat die Datei komprimiert statt unverändert geschickt; daher wurde nichts davon behalten – klicken Sie später auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="116"/>
        <source>Other files kept taking the name of this video&apos;s partial file in the download folder — press Retry</source>
        <translation>Andere Dateien haben im Download-Ordner wiederholt den Namen der Teildatei dieses Videos belegt – klicken Sie auf „Wiederholen“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="125"/>
        <source>May have been accepted, but not in your job list yet — Look again or Submit again</source>
        <translation>Vielleicht angenommen, aber noch nicht in Ihrer Auftragsliste – „Erneut nachsehen“ oder „Erneut senden“</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="128"/>
        <source>VideoConduit may have accepted this link: its answer got lost, and the job is not in your job list yet. Look again (free), or Submit again (a new charge).</source>
        <translation>VideoConduit hat diesen Link vielleicht angenommen: Die Antwort ging verloren, und der Auftrag steht noch nicht in Ihrer Auftragsliste. „Erneut nachsehen“ (kostenlos) oder „Erneut senden“ (kostet erneut).</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="146"/>
        <source>Its answer got lost: looking in your job list until {time}</source>
        <translation>Die Antwort ging verloren: Suche in Ihrer Auftragsliste bis {time}</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/problem_text.py" line="160"/>
        <source>Submit %n downloads again?</source>
        <translation>
            <numerusform>%n Download erneut senden?</numerusform>
            <numerusform>%n Downloads erneut senden?</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="161"/>
        <source>Going on means a new submission to VideoConduit. It costs {credits}; nothing is charged unless you confirm.</source>
        <translation>Wenn Sie fortfahren, wird erneut an VideoConduit gesendet. Das kostet {credits}; berechnet wird nur, wenn Sie bestätigen.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/problem_text.py" line="163"/>
        <location filename="../../app/ui/problem_text.py" line="279"/>
        <source>%n credits</source>
        <translation>
            <numerusform>%n Credit</numerusform>
            <numerusform>%n Credits</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/problem_text.py" line="165"/>
        <source>For %n of them the first answer got lost: if VideoConduit did accept those, you pay for both.</source>
        <translation>
            <numerusform>Bei %n davon ging die erste Antwort verloren: Hat VideoConduit ihn doch angenommen, zahlen Sie doppelt.</numerusform>
            <numerusform>Bei %n davon ging die erste Antwort verloren: Hat VideoConduit sie doch angenommen, zahlen Sie doppelt.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/problem_text.py" line="171"/>
        <source>Submit again (%n credits)</source>
        <translation>
            <numerusform>Erneut senden (%n Credit)</numerusform>
            <numerusform>Erneut senden (%n Credits)</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="177"/>
        <source>Open “{name}”?</source>
        <translation>„{name}“ öffnen?</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="178"/>
        <source>This type of file can run programs on your computer when it is opened. Open it only if you trust the site the video came from.</source>
        <translation>Dieser Dateityp kann beim Öffnen Programme auf Ihrem Computer ausführen. Öffnen Sie ihn nur, wenn Sie der Seite vertrauen, von der das Video stammt.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="180"/>
        <source>Open anyway</source>
        <translation>Trotzdem öffnen</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="196"/>
        <source>VideoConduit rejected the request</source>
        <translation>VideoConduit hat die Anfrage abgelehnt</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="197"/>
        <location filename="../../app/ui/problem_text.py" line="383"/>
        <source>VideoConduit rejected the request: {errors}</source>
        <translation>VideoConduit hat die Anfrage abgelehnt: {errors}</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="201"/>
        <source>Something went wrong with this download</source>
        <translation>Bei diesem Download ist etwas schiefgegangen</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="209"/>
        <source>Your disk is full — free some space, then press Retry.</source>
        <translation>Ihr Datenträger ist voll – geben Sie Speicherplatz frei und klicken Sie dann auf „Wiederholen“.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="212"/>
        <source>Can&apos;t write to {folder} — choose another download folder.</source>
        <translation>In {folder} kann nicht geschrieben werden – wählen Sie einen anderen Download-Ordner.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="215"/>
        <source>Can&apos;t write to the download folder — choose another one.</source>
        <translation>In den Download-Ordner kann nicht geschrieben werden – wählen Sie einen anderen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="217"/>
        <source>A download link expired before the file arrived — press Retry to get a fresh one.</source>
        <translation>Ein Download-Link ist abgelaufen, bevor die Datei ankam – mit „Wiederholen“ erhalten Sie einen neuen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="220"/>
        <source>({n} downloads are stopped.)</source>
        <translation>({n} Downloads sind angehalten.)</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="231"/>
        <source>your plan limits how many requests a minute the app may send</source>
        <translation>Ihr Tarif begrenzt, wie viele Anfragen pro Minute die App senden darf</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/problem_text.py" line="234"/>
        <source>your plan allows %n requests a minute</source>
        <translation>
            <numerusform>Ihr Tarif erlaubt %n Anfrage pro Minute</numerusform>
            <numerusform>Ihr Tarif erlaubt %n Anfragen pro Minute</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="236"/>
        <source>the {plan} plan allows {n} requests a minute</source>
        <translation>der Tarif {plan} erlaubt {n} Anfragen pro Minute</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="242"/>
        <source>Rate limit reached — {plan}.</source>
        <translation>Anfragelimit erreicht – {plan}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="244"/>
        <source>Resuming…</source>
        <translation>Geht gleich weiter…</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="245"/>
        <source>Resuming in {countdown}</source>
        <translation>Weiter in {countdown}</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="258"/>
        <source>You need more credits</source>
        <translation>Sie brauchen mehr Credits</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/problem_text.py" line="259"/>
        <source>You need %n more credits</source>
        <translation>
            <numerusform>Sie brauchen %n Credit mehr</numerusform>
            <numerusform>Sie brauchen %n Credits mehr</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="266"/>
        <source>Your balance is too low for the next download.</source>
        <translation>Ihr Guthaben reicht für den nächsten Download nicht aus.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/problem_text.py" line="267"/>
        <source>This download needs %n credits</source>
        <translation>
            <numerusform>Dieser Download braucht %n Credit</numerusform>
            <numerusform>Dieser Download braucht %n Credits</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="271"/>
        <source>{needs}; your balance is {available}.</source>
        <translation>{needs}; Ihr Guthaben beträgt {available}.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../app/ui/problem_text.py" line="277"/>
        <source>%n downloads are waiting to be sent</source>
        <translation>
            <numerusform>%n Download wartet auf das Senden</numerusform>
            <numerusform>%n Downloads warten auf das Senden</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="281"/>
        <source>{items}; it needs {cost}.</source>
        <translation>{items}; er braucht {cost}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="282"/>
        <source>{items}; together they need {cost}.</source>
        <translation>{items}; zusammen brauchen sie {cost}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="288"/>
        <source>Checking again at {time}.</source>
        <translation>Neue Prüfung um {time}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="292"/>
        <source>Submissions paused: not enough credits.</source>
        <translation>Senden angehalten: nicht genug Credits.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="293"/>
        <source>Finished jobs keep downloading.</source>
        <translation>Fertige Aufträge werden weiter heruntergeladen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="297"/>
        <source>Buy a credit pack for an immediate top-up, upgrade your plan for a higher monthly allowance, or wait for your credits to reset at the start of your next billing cycle.</source>
        <translation>Kaufen Sie ein Credit-Paket, um sofort aufzuladen, wechseln Sie zu einem Tarif mit mehr monatlichen Credits, oder warten Sie, bis Ihre Credits zu Beginn des nächsten Abrechnungszeitraums zurückgesetzt werden.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="311"/>
        <source>The video site is having trouble (not VideoConduit)</source>
        <translation>Die Videoseite hat Probleme (nicht VideoConduit)</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="313"/>
        <location filename="../../app/ui/problem_text.py" line="388"/>
        <source>Can&apos;t reach VideoConduit — check your connection.</source>
        <translation>VideoConduit ist nicht erreichbar – prüfen Sie Ihre Verbindung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="315"/>
        <source>VideoConduit sent a reply the app could not read</source>
        <translation>VideoConduit hat eine Antwort geschickt, die die App nicht lesen konnte</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="317"/>
        <source>VideoConduit is having trouble</source>
        <translation>VideoConduit hat Probleme</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="319"/>
        <source>retrying in {wait}</source>
        <translation>neuer Versuch in {wait}</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="320"/>
        <source>retrying now</source>
        <translation>neuer Versuch läuft</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="322"/>
        <source>(attempt {n})</source>
        <translation>(Versuch {n})</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="330"/>
        <source>VideoConduit did not accept your API key</source>
        <translation>VideoConduit hat Ihren API-Schlüssel nicht angenommen</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="332"/>
        <source>This API key has been deactivated or lacks permission</source>
        <translation>Dieser API-Schlüssel wurde deaktiviert oder hat keine Berechtigung</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="333"/>
        <source>Enter your VideoConduit API key</source>
        <translation>Geben Sie Ihren VideoConduit-API-Schlüssel ein</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="338"/>
        <source>Downloads paused: this API key has been deactivated or lacks permission.</source>
        <translation>Downloads angehalten: Dieser API-Schlüssel wurde deaktiviert oder hat keine Berechtigung.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="340"/>
        <source>Downloads paused: VideoConduit did not accept the API key.</source>
        <translation>Downloads angehalten: VideoConduit hat den API-Schlüssel nicht angenommen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="341"/>
        <source>Downloads paused: enter your API key to start.</source>
        <translation>Downloads angehalten: Geben Sie Ihren API-Schlüssel ein, um zu beginnen.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="345"/>
        <source>Sandbox mode — nothing here is charged; downloads are sample files.</source>
        <translation>Sandbox-Modus – hier wird nichts berechnet; die Downloads sind Beispieldateien.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="371"/>
        <source>Not enough credits.</source>
        <translation>Nicht genug Credits.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="372"/>
        <source>Not enough credits: your balance is {n}.</source>
        <translation>Nicht genug Credits: Ihr Guthaben beträgt {n}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="380"/>
        <source>Rate limit reached — try again in {wait}.</source>
        <translation>Anfragelimit erreicht – versuchen Sie es in {wait} erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="386"/>
        <source>The video site is having trouble (not VideoConduit). Try again later.</source>
        <translation>Die Videoseite hat Probleme (nicht VideoConduit). Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="390"/>
        <source>VideoConduit is having trouble. Try again later.</source>
        <translation>VideoConduit hat Probleme. Versuchen Sie es später erneut.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="366"/>
        <location filename="../../app/ui/problem_text.py" line="391"/>
        <source>That did not work</source>
        <translation>Das hat nicht geklappt</translation>
    </message>
</context>
</TS>
