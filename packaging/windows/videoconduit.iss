; Inno Setup script: packs the PyInstaller one-folder bundle (dist\videoconduit-desktop) into
; dist\videoconduit-desktop-<version>-windows-setup.exe. packaging/build.sh runs it on Windows:
;   iscc /DAppVersion=0.1.0 /DSourceDir=<bundle> /DIconFile=<ico> /O<dist> videoconduit.iss
; Installs per user by default (no administrator rights needed); the user may choose all users.

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\videoconduit-desktop"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\videoconduit.ico"
#endif
#define AppName "VideoConduit Desktop"
#define AppExe "videoconduit-desktop.exe"

[Setup]
; The AppId identifies the installation for upgrades and uninstall: never change it.
AppId={{D8BBE1E8-D567-4F11-8A59-EE6E15E579A2}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=VideoConduit Desktop contributors
AppPublisherURL=https://videoconduit.com
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputBaseFilename=videoconduit-desktop-{#AppVersion}-windows-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; A new version's bundle replaces the old one entirely (no stale DLLs from an older Qt).
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; videoconduit://add?url=… (bookmarklet, web pages): the app holds such links for the person's OK.
Root: HKA; Subkey: "Software\Classes\videoconduit"; ValueType: string; ValueName: ""; ValueData: "URL:VideoConduit Desktop"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\videoconduit"; ValueType: string; ValueName: "URL Protocol"; ValueData: ""
Root: HKA; Subkey: "Software\Classes\videoconduit\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\videoconduit\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" -- ""%1"""

[Run]
; The browser extension's native-messaging host: the app writes its manifests and registry keys
; from its one list of browsers (app/browser/manifests.py), and removes them on uninstall.
Filename: "{app}\{#AppExe}"; Parameters: "--install-browser-integration"; Flags: runhidden waituntilterminated
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallRun]
Filename: "{app}\{#AppExe}"; Parameters: "--remove-browser-integration"; Flags: runhidden waituntilterminated; RunOnceId: "RemoveBrowserIntegration"
