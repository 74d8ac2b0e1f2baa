; Klimat's Windows installer, built on Linux with Debian's makensis by
; scripts/package-windows.sh (Tauri's own NSIS bundler downloads plugins and
; cannot run offline). Per-user: installs into %LOCALAPPDATA%\Programs\Klimat
; without administrator rights, adds a Start-menu entry «Klimat», puts the
; folder (with klimat.exe) on the user's PATH, and registers an uninstaller
; in «Apps and features». Silent with /S.
;
; makensis -DVERSION=0.1.0 -DSRC=<folder with the files> -DOUT=<setup.exe>

; A 64-bit installer for a 64-bit program (it also runs under a 64-bit-only
; Wine, which has no 32-bit support).
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "WinMessages.nsh"
!include "StrFunc.nsh"
${StrStr}
${UnStrRep}

!define PRODUCT "Klimat"
!define PUBLISHER "Klimat"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\Klimat"

Name "${PRODUCT}"
OutFile "${OUT}"
InstallDir "$LOCALAPPDATA\Programs\Klimat"
InstallDirRegKey HKCU "Software\Klimat" "InstallDir"
BrandingText "Klimat ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=1049 "ProductName" "Klimat"
VIAddVersionKey /LANG=1049 "FileDescription" "Установщик Klimat"
VIAddVersionKey /LANG=1049 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1049 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1049 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=1049 "LegalCopyright" "Klimat"

!define MUI_ICON "${SRC}\klimat.ico"
!define MUI_UNICON "${SRC}\klimat.ico"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\klimat-desktop.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Запустить Klimat"
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Russian"

Section "Klimat"
  SetOutPath "$INSTDIR"
  File "${SRC}\klimat-desktop.exe"
  File "${SRC}\WebView2Loader.dll"
  File "${SRC}\klimat.exe"
  File "${SRC}\klimat.ico"
  File "${SRC}\LICENSE-LiberationSerif.txt"
  File "${SRC}\Прочтите.txt"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortcut "$SMPROGRAMS\Klimat.lnk" "$INSTDIR\klimat-desktop.exe" "" "$INSTDIR\klimat.ico"
  WriteRegStr HKCU "Software\Klimat" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "Klimat"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\klimat.ico"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ; The klimat command: the folder on the user's PATH, once.
  ReadRegStr $0 HKCU "Environment" "Path"
  ${StrStr} $1 "$0" "$INSTDIR"
  StrCmp $1 "" 0 path_done
    StrCmp $0 "" 0 +3
      WriteRegExpandStr HKCU "Environment" "Path" "$INSTDIR"
      Goto path_changed
    WriteRegExpandStr HKCU "Environment" "Path" "$0;$INSTDIR"
  path_changed:
    SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=500
  path_done:
SectionEnd

Section "Uninstall"
  ; The data (%APPDATA%\Klimat) is the department's and stays.
  Delete "$INSTDIR\klimat-desktop.exe"
  Delete "$INSTDIR\WebView2Loader.dll"
  Delete "$INSTDIR\klimat.exe"
  Delete "$INSTDIR\klimat.ico"
  Delete "$INSTDIR\LICENSE-LiberationSerif.txt"
  Delete "$INSTDIR\Прочтите.txt"
  Delete "$INSTDIR\uninstall.exe"
  Delete "$SMPROGRAMS\Klimat.lnk"
  RMDir "$INSTDIR"
  ReadRegStr $0 HKCU "Environment" "Path"
  ${UnStrRep} $0 "$0" ";$INSTDIR" ""
  ${UnStrRep} $0 "$0" "$INSTDIR;" ""
  ${UnStrRep} $0 "$0" "$INSTDIR" ""
  WriteRegExpandStr HKCU "Environment" "Path" "$0"
  SendMessage ${HWND_BROADCAST} ${WM_SETTINGCHANGE} 0 "STR:Environment" /TIMEOUT=500
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\Klimat"
SectionEnd
