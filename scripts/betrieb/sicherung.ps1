# One backup of the store of Stände, checked, into -Ziel; backups older than -Tage days are
# removed. For the Windows task scheduler (docs/betrieb.md, "Windows: tägliche Sicherung").
# The store is the one in IPDATEN_ABLAGE (as for the server) or -Ablage.
# Exit code 0: backed up and checked; anything else: the backup failed (see the task's history).
param(
    [Parameter(Mandatory = $true)][string]$Ziel,
    [int]$Tage = 30,
    [string]$Ablage = ""
)
$ErrorActionPreference = "Stop"
$projekt = Split-Path -Parent (Split-Path -Parent $PSScriptRoot)
Set-Location $projekt
$python = Join-Path $projekt ".venv\Scripts\python.exe"
New-Item -ItemType Directory -Force -Path $Ziel | Out-Null
$datei = Join-Path $Ziel ("staende-" + (Get-Date -Format "yyyy-MM-dd_HHmmss") + ".sqlite")
$ablageArgument = @()
if ($Ablage -ne "") { $ablageArgument = @("--ablage", $Ablage) }
& $python -m ipdaten ablage sichern $datei @ablageArgument
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
& $python -m ipdaten ablage pruefen $datei | Out-Null
if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
Get-ChildItem -Path $Ziel -Filter "staende-*.sqlite" |
    Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-$Tage) -and $_.FullName -ne $datei } |
    Remove-Item
exit 0
