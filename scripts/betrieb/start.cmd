@echo off
rem Start the dashboard server from the project folder (for the Windows task scheduler or NSSM;
rem docs/betrieb.md). The output goes to logs\server.log beside it.
cd /d "%~dp0..\.."
if not exist logs mkdir logs
".venv\Scripts\python.exe" -m streamlit run app.py >> logs\server.log 2>&1
