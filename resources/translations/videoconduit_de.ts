<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de" sourcelanguage="en">
<context>
    <name>AccountBanners</name>
    <message>
        <location filename="../../app/ui/dialogs/account_banners.py" line="24"/>
        <source>Buy credits</source>
        <translation type="unfinished">Credits kaufen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/account_banners.py" line="25"/>
        <source>Retry now</source>
        <translation type="unfinished">Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/account_banners.py" line="37"/>
        <source>Enter API key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AccountStatusBar</name>
    <message>
        <location filename="../../app/ui/status_bar.py" line="35"/>
        <source>Plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="36"/>
        <source>Requests left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="37"/>
        <source>Credit balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="38"/>
        <source>Connected to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="60"/>
        <source>Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="63"/>
        <source>Requests go to the built-in sandbox: nothing is charged and downloads are sample files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="67"/>
        <source>Requests go to {base}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="78"/>
        <source>Plan: not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="79"/>
        <source>Worked out from the service&apos;s rate limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="86"/>
        <source>Credits: unknown until the service reports them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="88"/>
        <source>VideoConduit has no balance request; the app learns the balance when the service reports it (for example when credits run short).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="91"/>
        <source>Credits: {n} (as of {time})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="98"/>
        <source>Requests this minute: not known yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="101"/>
        <source>{limit} requests a minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="103"/>
        <source>{remaining} of {limit} requests left this minute</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/status_bar.py" line="106"/>
        <source>resets in {countdown}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AddDialog</name>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="25"/>
        <source>Add URLs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="27"/>
        <source>Paste or type links to videos — one per line, or text that contains them. Anything that is not a web link is skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="31"/>
        <source>Links to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/add_dialog.py" line="37"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
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
        <translation>Tarif upgraden</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/credits_dialog.py" line="42"/>
        <source>Retry now</source>
        <translation>Jetzt erneut versuchen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/credits_dialog.py" line="56"/>
        <source>Downloads already accepted keep going. {recheck}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DetailsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="36"/>
        <source>yes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="36"/>
        <source>no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="55"/>
        <source>Video details</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="58"/>
        <source>VideoConduit charges 1 credit for looking up a video&apos;s details. Nothing is fetched until you press the button.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="64"/>
        <source>Fetch details (1 credit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="72"/>
        <source>Fetching details…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/details_dialog.py" line="83"/>
        <source>Details from VideoConduit (1 credit was used):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FixBanner</name>
    <message>
        <location filename="../../app/ui/dialogs/fix_banner.py" line="26"/>
        <source>Change folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/fix_banner.py" line="29"/>
        <source>Retry</source>
        <translation type="unfinished">Wiederholen</translation>
    </message>
</context>
<context>
    <name>ForbiddenDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="27"/>
        <source>API key not allowed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="30"/>
        <source>VideoConduit said: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="31"/>
        <source>Nothing new is sent to VideoConduit until this is sorted out; your queue is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="34"/>
        <source>Reactivate the key or make a new one in &lt;a href=&quot;{url}&quot;&gt;your key settings&lt;/a&gt;, then enter a working key here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="39"/>
        <source>Open key settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/forbidden_dialog.py" line="41"/>
        <source>Enter another key…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeyDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="54"/>
        <source>Works — your plan: {plan}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="55"/>
        <source>Works — VideoConduit accepted this key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="71"/>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="86"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="75"/>
        <source>VideoConduit said: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="77"/>
        <source>Copy your key from &lt;a href=&quot;{url}&quot;&gt;your VideoConduit dashboard&lt;/a&gt;. It starts with vc_. The full key is shown only once when it is created — if you no longer have it, make a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="89"/>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="122"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="91"/>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="124"/>
        <source>Show the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="93"/>
        <source>Test key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="94"/>
        <source>Test the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="104"/>
        <source>Key check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="107"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="109"/>
        <source>Cancel</source>
        <translation type="unfinished">Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="122"/>
        <source>Hide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="123"/>
        <source>Hide the key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="131"/>
        <source>Looks like an API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="145"/>
        <source>The key will be saved in {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="147"/>
        <source>There is no usable system keyring, so the key is kept for this session only; you will be asked for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="158"/>
        <source>Testing the key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/key_dialog.py" line="162"/>
        <source>Could not test the key: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../app/ui/main_window.py" line="65"/>
        <source> — Sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="107"/>
        <source>Queue</source>
        <translation>Warteschlange</translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="213"/>
        <source>They are queued as audio only: 1 credit each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="215"/>
        <source>They are queued as videos: {n} credits each.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="262"/>
        <source>Copied 1 link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="263"/>
        <source>Copied {n} links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="321"/>
        <source>Quit {app}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="322"/>
        <source>1 download is still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="323"/>
        <source>{n} downloads are still running.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="325"/>
        <source>They stop now and continue where they left off the next time you open the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="327"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/main_window.py" line="328"/>
        <source>Keep downloading</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OptionsStrip</name>
    <message>
        <location filename="../../app/ui/options_strip.py" line="35"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="36"/>
        <source>Automatic</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="40"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="42"/>
        <source>Best available</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="44"/>
        <location filename="../../app/ui/options_strip.py" line="45"/>
        <source>Audio only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="46"/>
        <source>Each video costs {video} credits · audio only {audio}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="51"/>
        <source>Estimated cost of the queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="56"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="57"/>
        <source>Quality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="92"/>
        <source>Queue: nothing waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="94"/>
        <source>~1 credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="95"/>
        <source>~{n} credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="96"/>
        <source>1 waiting item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="97"/>
        <source>{n} waiting items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/options_strip.py" line="98"/>
        <source>Queue: {credits} for {items}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Presenter</name>
    <message>
        <location filename="../../app/ui/presenter.py" line="181"/>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="227"/>
        <source>Submit again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="235"/>
        <source>Not now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="252"/>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="261"/>
        <source>Don&apos;t open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/presenter.py" line="300"/>
        <source>Choose a download folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ProgressDelegate</name>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="54"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="57"/>
        <source>Processing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="62"/>
        <source>Submitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="64"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="66"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/progress_delegate.py" line="71"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
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
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="70"/>
        <source>Pause or resume the selected downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="71"/>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="72"/>
        <source>Stop the selected downloads and keep them in the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="73"/>
        <source>Retry</source>
        <translation>Wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="74"/>
        <source>Try the selected failed or cancelled downloads again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="75"/>
        <source>Look again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="76"/>
        <source>Check VideoConduit&apos;s job list again for the selected links (costs nothing)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="78"/>
        <source>Submit again (costs credits)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="79"/>
        <source>Send the selected links to VideoConduit again — a new charge, asked first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="81"/>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="82"/>
        <source>Remove the selected downloads from the list (downloaded files stay on disk)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="84"/>
        <source>Retry all failed</source>
        <translation>Alle fehlgeschlagenen wiederholen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="85"/>
        <source>Try every failed download again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="86"/>
        <source>Clear finished</source>
        <translation>Fertige entfernen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="87"/>
        <source>Remove finished downloads from the list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="88"/>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="90"/>
        <source>API key, download folder, notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="91"/>
        <source>Open file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="92"/>
        <source>Open the downloaded file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="93"/>
        <source>Show in folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="94"/>
        <source>Open the folder that holds the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="95"/>
        <source>Copy URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="96"/>
        <source>Copy the selected links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="97"/>
        <source>Get details (costs 1 credit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/actions.py" line="98"/>
        <source>Ask VideoConduit for the video&apos;s title and length — this uses 1 credit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QueueView</name>
    <message>
        <location filename="../../app/ui/queue_view.py" line="37"/>
        <source>Download queue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_view.py" line="74"/>
        <source>Drop links here or press Ctrl+V</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/queue_view.py" line="99"/>
        <source>Links from your browser, a text file or the clipboard — one or many.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="47"/>
        <source>Settings</source>
        <translation type="unfinished">Einstellungen</translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="50"/>
        <source>Download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="51"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="52"/>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="136"/>
        <source>Choose the download folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="57"/>
        <source>Downloads at the same time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="60"/>
        <source>Format</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="61"/>
        <source>Quality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="62"/>
        <source>Audio only (costs 1 credit instead of 2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="64"/>
        <source>Downloads</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="66"/>
        <source>Save files in:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="67"/>
        <source>Downloads at the same time:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="68"/>
        <source>Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="69"/>
        <source>Quality:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="72"/>
        <source>Notify me when downloads finish or fail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="74"/>
        <source>Offer links I copy to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="77"/>
        <source>Keep downloading in the system tray when the window is closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="79"/>
        <source>Behaviour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="88"/>
        <source>Advanced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="97"/>
        <source>Service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="98"/>
        <source>Buy credits page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="99"/>
        <source>Service address:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="100"/>
        <source>Buy credits page:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="101"/>
        <source>A new service address is used after a restart.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="123"/>
        <source>Service default</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="148"/>
        <source>Choose a folder for the downloads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="149"/>
        <source>service address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="150"/>
        <source>buy credits page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="153"/>
        <source>The {what} must be a web address (https://…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="156"/>
        <source>The service address must start with https://: over http:// your API key would travel unencrypted. Only an address on this computer (localhost, 127.0.0.1, ::1) may use http://.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_dialog.py" line="174"/>
        <source>The settings could not be saved: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="58"/>
        <source>API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="62"/>
        <source>Where the API key is stored</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="64"/>
        <source>Buy credits or change your plan…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="65"/>
        <source>Buy credits or change your plan</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="68"/>
        <source>Change key…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="70"/>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="107"/>
        <source>Remove key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="85"/>
        <source>Sandbox mode: the app uses the sandbox&apos;s own practice key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="87"/>
        <source>The key comes from the {variable} environment variable; it is not stored by the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="90"/>
        <source>No key yet. A key you enter is kept in {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="93"/>
        <source>Your key is stored in {where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="95"/>
        <source>There is no usable system keyring, so your key is kept for this session only; you will be asked for it again next time.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="102"/>
        <source>Remove the API key?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="103"/>
        <source>Remove the API key from this computer?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/settings_parts.py" line="105"/>
        <source>VideoConduit shows a key only once, when it is created. Keep a copy if you want to use this key again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <location filename="../../app/ui/tray.py" line="31"/>
        <source>1 download finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="32"/>
        <source>{n} downloads finished</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="35"/>
        <source>1 failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="36"/>
        <source>{n} failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="66"/>
        <source>{n} in progress</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="66"/>
        <source>Idle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="69"/>
        <source>{n} downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="89"/>
        <source>Show {app}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="91"/>
        <source>Pause all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="92"/>
        <source>Resume all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/tray.py" line="94"/>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TroubleBanner</name>
    <message>
        <location filename="../../app/ui/dialogs/trouble_banner.py" line="24"/>
        <source>Retry now</source>
        <translation type="unfinished">Jetzt erneut versuchen</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="21"/>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="22"/>
        <source>Welcome to VideoConduit Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="23"/>
        <source>Drop or paste video links and they download one after another, through your VideoConduit account. Each video costs credits from your plan.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="27"/>
        <source>Enter my API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="28"/>
        <source>Use your VideoConduit account. The key is kept in your system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="31"/>
        <source>Try the sandbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="32"/>
        <source>A practice service on this computer: nothing is charged, and downloads are sample files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/dialogs/welcome_dialog.py" line="37"/>
        <source>Later</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../app/ui/formatting.py" line="25"/>
        <source>unknown size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="45"/>
        <source>{size}/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="52"/>
        <source>{done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="69"/>
        <source>{s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="73"/>
        <source>{m} min {s} s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="74"/>
        <location filename="../../app/ui/formatting.py" line="77"/>
        <source>{m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="80"/>
        <source>{d} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="82"/>
        <source>{h} h {m} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="83"/>
        <source>{h} h</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/formatting.py" line="89"/>
        <source>{duration} left</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>intake</name>
    <message>
        <location filename="../../app/ui/intake.py" line="61"/>
        <source>No links found — drop or paste web links (https://…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="67"/>
        <source>{head} ({reason})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="70"/>
        <source>Nothing new queued</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/intake.py" line="75"/>
        <source>{head} · skipped {n} ({reasons})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>item_text</name>
    <message>
        <location filename="../../app/ui/item_text.py" line="56"/>
        <source>Waiting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="59"/>
        <source>Confirming…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="60"/>
        <source>Submitting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="63"/>
        <source>Processing on VideoConduit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="64"/>
        <source>Processing on VideoConduit {percent}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="68"/>
        <source>Downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="70"/>
        <source>Paused</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="72"/>
        <source>Done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="74"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="76"/>
        <source>Not confirmed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="79"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="89"/>
        <source>⚠ Can run programs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="95"/>
        <source>Failed: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="95"/>
        <source>unknown reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="97"/>
        <source>Not confirmed: {problem}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="132"/>
        <source>1 credit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="132"/>
        <source>{n} credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="145"/>
        <source>In {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="152"/>
        <source>The service said: {detail}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="154"/>
        <source>What VideoConduit rejected:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="160"/>
        <source>Saved as {path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/item_text.py" line="162"/>
        <source>This type of file can run programs on your computer; Open file asks before opening it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>problem_text</name>
    <message>
        <location filename="../../app/ui/problem_text.py" line="48"/>
        <source>{sentence} ({detail})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="120"/>
        <source>Waiting for credits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="122"/>
        <source>Waiting for a working API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="125"/>
        <source>Its answer got lost: looking for it in your job list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="126"/>
        <source>Its answer got lost: looking in your job list until {time}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="134"/>
        <source>Going on means a new submission to VideoConduit. It costs {credits}; nothing is charged unless you confirm.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="150"/>
        <source>Open “{name}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="151"/>
        <source>This type of file can run programs on your computer when it is opened. Open it only if you trust the site the video came from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="153"/>
        <source>Open anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="169"/>
        <source>VideoConduit rejected the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="170"/>
        <location filename="../../app/ui/problem_text.py" line="354"/>
        <source>VideoConduit rejected the request: {errors}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="174"/>
        <source>Something went wrong with this download</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="182"/>
        <source>Your disk is full — free some space, then press Retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="185"/>
        <source>Can&apos;t write to {folder} — choose another download folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="188"/>
        <source>Can&apos;t write to the download folder — choose another one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="190"/>
        <source>A download link expired before the file arrived — press Retry to get a fresh one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="193"/>
        <source>({n} downloads are stopped.)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="204"/>
        <source>your plan limits how many requests a minute the app may send</source>
        <translation>Ihr Tarif begrenzt, wie viele Anfragen pro Minute die App senden darf</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="209"/>
        <source>the {plan} plan allows {n} requests a minute</source>
        <translation>der Tarif {plan} erlaubt {n} Anfragen pro Minute</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="215"/>
        <source>Rate limit reached — {plan}.</source>
        <translation>Anfragelimit erreicht — {plan}.</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="217"/>
        <source>Resuming…</source>
        <translation>Geht gleich weiter…</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="218"/>
        <source>Resuming in {countdown}</source>
        <translation>Weiter in {countdown}</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="231"/>
        <source>You need more credits</source>
        <translation>Sie brauchen mehr Credits</translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="239"/>
        <source>Your balance is too low for the next download.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="243"/>
        <source>{needs}; your balance is {available}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="253"/>
        <source>{items}; it needs {cost}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="254"/>
        <source>{items}; together they need {cost}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="260"/>
        <source>Checking again at {time}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="264"/>
        <source>Submissions paused: not enough credits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="265"/>
        <source>Finished jobs keep downloading.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="282"/>
        <source>The video site is having trouble (not VideoConduit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="284"/>
        <location filename="../../app/ui/problem_text.py" line="359"/>
        <source>Can&apos;t reach VideoConduit — check your connection.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="286"/>
        <source>VideoConduit sent a reply the app could not read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="288"/>
        <source>VideoConduit is having trouble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="290"/>
        <source>retrying in {wait}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="291"/>
        <source>retrying now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="293"/>
        <source>(attempt {n})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="301"/>
        <source>VideoConduit did not accept your API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="303"/>
        <source>This API key has been deactivated or lacks permission</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="304"/>
        <source>Enter your VideoConduit API key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="309"/>
        <source>Downloads paused: this API key has been deactivated or lacks permission.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="311"/>
        <source>Downloads paused: VideoConduit did not accept the API key.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="312"/>
        <source>Downloads paused: enter your API key to start.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="316"/>
        <source>Sandbox mode — nothing here is charged; downloads are sample files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="342"/>
        <source>Not enough credits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="343"/>
        <source>Not enough credits: your balance is {n}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="351"/>
        <source>Rate limit reached — try again in {wait}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="357"/>
        <source>The video site is having trouble (not VideoConduit). Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="361"/>
        <source>VideoConduit is having trouble. Try again later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../app/ui/problem_text.py" line="337"/>
        <location filename="../../app/ui/problem_text.py" line="362"/>
        <source>That did not work</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
