@echo off
rem hrmlab.cmd: ./hrmlab for Windows. With no arguments opens the HRM Lab desktop app; "hrmlab <command>" runs
rem headless (see README.md). Builds what is missing on first use, then runs from the class path. Prefers a JDK 22
rem or later when one is found: JAVA_HOME, then the JDKs in the usual install folders; else the java on PATH.
rem Needs Maven (mvn) on PATH and Windows PowerShell (part of Windows 10 and 11).
setlocal
set "root=%~dp0"
if "%root:~-1%"=="\" set "root=%root:~0,-1%"
set "cp_file=%root%\app\target\classpath.txt"
set "jdk_file=%root%\app\target\jdk.txt"
set "args_file=%root%\app\target\java-args.txt"
set "jar=%root%\app\target\app-0.1.0-SNAPSHOT.jar"

set "jdk="
call :consider "%JAVA_HOME%"
for /d %%d in ("%ProgramFiles%\Eclipse Adoptium\*" "%ProgramFiles%\Java\*" "%ProgramFiles%\Microsoft\*" "%ProgramFiles%\Zulu\*" "%ProgramFiles%\Amazon Corretto\*" "%ProgramFiles%\BellSoft\*" "%ProgramFiles%\OpenJDK\*" "%LOCALAPPDATA%\Programs\Eclipse Adoptium\*" "%USERPROFILE%\.jdks\*") do call :consider "%%~d"
set "java_cmd=java"
set "native_access="
set "jdk_tag=default"
if defined jdk set "JAVA_HOME=%jdk%"
if defined jdk set "java_cmd=%jdk%\bin\java.exe"
if defined jdk set "native_access=--enable-native-access=ALL-UNNAMED"
if defined jdk set "jdk_tag=%jdk%"

call :stale
if not errorlevel 1 goto built
echo hrmlab: building (first run or sources changed)... 1>&2
pushd "%root%"
call mvn -B -q install -DskipTests 1>&2
if errorlevel 1 goto build_failed
popd
> "%jdk_file%" echo %jdk_tag%
set "HRMLAB_TOUCH=%jar%"
powershell -NoProfile -ExecutionPolicy Bypass -Command "(Get-Item -LiteralPath $env:HRMLAB_TOUCH).LastWriteTime = Get-Date"
:built

rem the class path, in a java argument file (no length limit; forward slashes, since backslashes escape there)
set "HRMLAB_JAR=%jar%"
set "HRMLAB_CP_FILE=%cp_file%"
set "HRMLAB_ARGS_FILE=%args_file%"
powershell -NoProfile -ExecutionPolicy Bypass -Command "$cp = $env:HRMLAB_JAR + ';' + (Get-Content -Raw -LiteralPath $env:HRMLAB_CP_FILE).Trim(); [IO.File]::WriteAllText($env:HRMLAB_ARGS_FILE, '-cp ' + [char]34 + $cp.Replace([char]92, [char]47) + [char]34, [Text.Encoding]::Default)"
if errorlevel 1 exit /b 1

rem OpenMP threads that spin between native calls steal the core the Java side needs: let them sleep.
if not defined OMP_WAIT_POLICY set "OMP_WAIT_POLICY=passive"
if not defined HRMLAB_JAVA_OPTS set "HRMLAB_JAVA_OPTS=-Xmx8g"
rem the engine's element-wise passes use the JDK Vector API (an incubator module; plain loops without it)
"%java_cmd%" %HRMLAB_JAVA_OPTS% %native_access% --add-modules jdk.incubator.vector -Dhrmlab.home="%root%" @"%args_file%" org.hrmlab.app.Main %*
exit /b %ERRORLEVEL%

:build_failed
popd
exit /b 1

rem :consider DIR  -- takes DIR as the JDK when none is chosen yet, it has javac and its release is 22 or later
:consider
if defined jdk exit /b 0
if "%~1"=="" exit /b 0
if not exist "%~1\bin\javac.exe" exit /b 0
if not exist "%~1\release" exit /b 0
set "version="
set "feature="
for /f "usebackq tokens=2 delims==" %%v in (`findstr /b /c:"JAVA_VERSION=" "%~1\release"`) do set "version=%%~v"
if not defined version exit /b 0
for /f "tokens=1 delims=.-+" %%m in ("%version%") do set "feature=%%m"
if not defined feature exit /b 0
if %feature% GEQ 22 set "jdk=%~1"
exit /b 0

rem :stale  -- errorlevel 1 when the build is missing, was made with another JDK, or a source or pom is newer than it
:stale
if not exist "%cp_file%" exit /b 1
if not exist "%jar%" exit /b 1
set "built_with="
if exist "%jdk_file%" set /p built_with=<"%jdk_file%"
if not "%built_with%"=="%jdk_tag%" exit /b 1
set "HRMLAB_JAR=%jar%"
set "HRMLAB_ROOT=%root%"
powershell -NoProfile -ExecutionPolicy Bypass -Command "$j = (Get-Item -LiteralPath $env:HRMLAB_JAR).LastWriteTimeUtc; $r = $env:HRMLAB_ROOT; $f = @(Get-ChildItem -Path (Join-Path $r '*\src') -Recurse -File -ErrorAction SilentlyContinue) + @(Get-ChildItem -Path (Join-Path $r 'pom.xml'), (Join-Path $r '*\pom.xml') -File -ErrorAction SilentlyContinue); if ($f | Where-Object { $_.LastWriteTimeUtc -gt $j }) { exit 1 }; exit 0"
exit /b %ERRORLEVEL%
