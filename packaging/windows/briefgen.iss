; Inno Setup script: a per-user briefgen installer (no administrator rights), with a Start-menu
; entry and .brief files opening with briefgen. Built by .github/workflows/bundles.yml:
;   iscc /DAppVersion=0.1.0 /DSourceDir=..\..\dist\briefgen packaging\windows\briefgen.iss
#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef SourceDir
  #define SourceDir "..\..\dist\briefgen"
#endif

[Setup]
AppId={{5B0F3D52-6E1A-4C4B-9B8E-2D4F1C7A9E31}
AppName=briefgen
AppVersion={#AppVersion}
AppPublisher=The briefgen team
DefaultDirName={localappdata}\Programs\briefgen
DefaultGroupName=briefgen
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=briefgen-{#AppVersion}-windows-setup
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
UninstallDisplayIcon={app}\briefgen-gui.exe
WizardStyle=modern

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{userprograms}\briefgen"; Filename: "{app}\briefgen-gui.exe"
Name: "{userdesktop}\briefgen"; Filename: "{app}\briefgen-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
; .brief files open with briefgen, for this user only (HKCU: no administrator rights).
Root: HKCU; Subkey: "Software\Classes\.brief"; ValueType: string; ValueData: "briefgen.brief"; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\briefgen.brief"; ValueType: string; ValueData: "briefgen brief"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\briefgen.brief\DefaultIcon"; ValueType: string; ValueData: "{app}\briefgen-gui.exe,0"
Root: HKCU; Subkey: "Software\Classes\briefgen.brief\shell\open\command"; ValueType: string; ValueData: """{app}\briefgen-gui.exe"" gui ""%1"""

[Run]
Filename: "{app}\briefgen-gui.exe"; Description: "Start briefgen"; Flags: nowait postinstall skipifsilent
