#!/usr/bin/env bash
# LiveChat next to the Socket.io chat it replaces (src/bench/socketio), on this machine, on
# loopback, one server at a time: LiveChat started as its Procfile starts it, the load tool run
# against it, LiveChat stopped; then the same for the Socket.io server; A B A B ... for --rounds
# rounds. Every run appends its JSON line(s) to --out; the medians per peer and the ratios
# LiveChat / Socket.io follow at the end (side-by-side-summary.js). How to read them:
# src/bench/README.md.
#
# It builds nothing. Before it: ./mvnw -B -DskipTests package (the jar and the load tool's
# classes in target/test-classes) and cd src/bench/socketio && npm ci.
#
#   src/bench/scripts/side-by-side.sh --jar target/livechat.jar [options] -- SCENARIO [load tool options]
#
#   --jar PATH              the LiveChat jar (required)
#   --socketio tuned|plain  which Socket.io server: tuned (default: its free tuning advice) or plain
#   --rounds N              3
#   --out FILE              target/side-by-side.jsonl (appended to; peer logs beside it)
#   --label NAME            names the session (default: the scenario); each run is NAME-TIME/PEER/ROUND
#   --livechat-args ARGS    application arguments after the jar, e.g. '--livechat.store=memory'
#   --livechat-port P       18080
#   --socketio-port P       13000
#   --classes DIR           the load tool's classes: target/test-classes
#   --pause SEC             between runs, for the machine to settle: 5
#   --tool-timeout SEC      longest one load tool run may take: 3600
#
# The load tool options are the same for both peers; --proto, --url, --server-pid, --label and
# --out are the script's. Example (W1):
#   src/bench/scripts/side-by-side.sh --jar target/livechat.jar -- fanout --clients 200 --senders 50 --rate 200 --duration 20 --warmup 10
set -uo pipefail

ROOT="$(cd "$(dirname "$0")/../../.." && pwd)"
JAR=""
SOCKETIO_MODE=tuned
ROUNDS=3
OUT="$ROOT/target/side-by-side.jsonl"
LABEL=""
LIVECHAT_ARGS=""
LIVECHAT_PORT=18080
SOCKETIO_PORT=13000
CLASSES="$ROOT/target/test-classes"
PAUSE=5
TOOL_TIMEOUT=3600

usage() { # exit status
  sed -n '/^#   src\/bench/,/^#   src\/bench\/scripts\/side-by-side.sh --jar target\/livechat.jar -- fanout/p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit "$1"
}
fail() { echo "side-by-side: $*" >&2; exit 2; }
number() { [[ $2 =~ ^[0-9]+$ ]] || fail "$1 takes a whole number, got '$2'"; }

while [ $# -gt 0 ]; do
  case "$1" in
    --jar) JAR="${2:-}"; shift 2 ;;
    --socketio) SOCKETIO_MODE="${2:-}"; shift 2 ;;
    --rounds) ROUNDS="${2:-}"; number "$1" "$ROUNDS"; shift 2 ;;
    --out) OUT="${2:-}"; shift 2 ;;
    --label) LABEL="${2:-}"; shift 2 ;;
    --livechat-args) LIVECHAT_ARGS="${2:-}"; shift 2 ;;
    --livechat-port) LIVECHAT_PORT="${2:-}"; number "$1" "$LIVECHAT_PORT"; shift 2 ;;
    --socketio-port) SOCKETIO_PORT="${2:-}"; number "$1" "$SOCKETIO_PORT"; shift 2 ;;
    --classes) CLASSES="${2:-}"; shift 2 ;;
    --pause) PAUSE="${2:-}"; number "$1" "$PAUSE"; shift 2 ;;
    --tool-timeout) TOOL_TIMEOUT="${2:-}"; number "$1" "$TOOL_TIMEOUT"; shift 2 ;;
    --) shift; break ;;
    -h|--help|help) usage 0 ;;
    *) fail "unknown option '$1' (the load tool's options go after --)" ;;
  esac
done
[ $# -ge 1 ] || usage 2
SCENARIO="$1"; shift
LOAD=("$@")
for arg in "${LOAD[@]}"; do
  case "$arg" in
    --proto|--url|--server-pid|--label|--out) fail "$arg is set by the script for each peer; leave it out" ;;
  esac
done
[ "$ROUNDS" -ge 1 ] && [ "$ROUNDS" -le 50 ] || fail "--rounds: 1 to 50"
case "$SOCKETIO_MODE" in tuned|plain) ;; *) fail "--socketio: tuned or plain, got '$SOCKETIO_MODE'" ;; esac

# What it needs, none of which it makes
[ -n "$JAR" ] || fail "--jar is required: the LiveChat jar (./mvnw -B -DskipTests package makes target/livechat.jar)"
[ -f "$JAR" ] || fail "no jar at $JAR (./mvnw -B -DskipTests package makes target/livechat.jar)"
JAR="$(cd "$(dirname "$JAR")" && pwd)/$(basename "$JAR")"
[ -f "$CLASSES/io/livechat/bench/LoadTool.class" ] || fail "no load tool in $CLASSES (./mvnw -q test-compile, or package, compiles it)"
SOCKETIO_DIR="$ROOT/src/bench/socketio"
[ -d "$SOCKETIO_DIR/node_modules/socket.io" ] || fail "the Socket.io server is not installed: cd src/bench/socketio && npm ci"
command -v node >/dev/null || fail "node is not on the PATH (the Socket.io server and the summary need it)"
command -v curl >/dev/null || fail "curl is not on the PATH (the health checks need it)"

# LiveChat's JVM options: those of the Procfile's web: line, between "java" and "-jar"
WEB_LINE="$(grep -E '^web:' "$ROOT/Procfile" 2>/dev/null | head -n 1)"
read -r -a WEB_WORDS <<< "${WEB_LINE#web:}"
[ "${WEB_WORDS[0]:-}" = java ] || fail "the Procfile's web: line does not start with java: '$WEB_LINE'"
JVM_OPTS=()
for word in "${WEB_WORDS[@]:1}"; do
  [ "$word" = -jar ] && break
  JVM_OPTS+=("$word")
done
read -r -a APP_ARGS <<< "$LIVECHAT_ARGS"

SESSION="${LABEL:-$SCENARIO}-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$(dirname "$OUT")"
OUT="$(cd "$(dirname "$OUT")" && pwd)/$(basename "$OUT")"
LOGS="${OUT%.jsonl}-logs"
mkdir -p "$LOGS"
SOCKETIO_PEER="socketio-$SOCKETIO_MODE"

PEER_PID=""
RUN_DIR=""

stop_peer() {
  if [ -n "$PEER_PID" ] && kill -0 "$PEER_PID" 2>/dev/null; then
    kill "$PEER_PID" 2>/dev/null
    for _ in $(seq 1 60); do kill -0 "$PEER_PID" 2>/dev/null || break; sleep 0.5; done
    if kill -0 "$PEER_PID" 2>/dev/null; then
      echo "side-by-side: pid $PEER_PID did not stop within 30 s; killing it" >&2
      kill -9 "$PEER_PID" 2>/dev/null
    fi
    wait "$PEER_PID" 2>/dev/null
  fi
  PEER_PID=""
  if [ -n "$RUN_DIR" ]; then
    rm -rf "$RUN_DIR"
    RUN_DIR=""
  fi
}
trap stop_peer EXIT
trap 'echo "side-by-side: interrupted" >&2; exit 130' INT TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts a peer in the background; PEER_PID is the server's own pid (exec in the subshell).
start_peer() { # peer, log
  case "$1" in
    livechat)
      # a fresh directory each run: the embedded database of the default store starts empty, as
      # the Socket.io server's history does
      RUN_DIR="$(mktemp -d "${TMPDIR:-/tmp}/livechat-side-by-side.XXXXXX")"
      (cd "$RUN_DIR" && PORT="$LIVECHAT_PORT" exec java "${JVM_OPTS[@]}" -jar "$JAR" "${APP_ARGS[@]}") >"$2" 2>&1 &
      ;;
    socketio-*)
      if [ "$SOCKETIO_MODE" = tuned ]; then
        (cd "$SOCKETIO_DIR" && PORT="$SOCKETIO_PORT" TUNED=1 exec node server.js) >"$2" 2>&1 &
      else
        (cd "$SOCKETIO_DIR" && PORT="$SOCKETIO_PORT" TUNED=0 WS_NO_BUFFER_UTIL=1 exec node server.js) >"$2" 2>&1 &
      fi
      ;;
  esac
  PEER_PID=$!
}

await_health() { # url, log
  for _ in $(seq 1 240); do
    if ! kill -0 "$PEER_PID" 2>/dev/null; then
      echo "side-by-side: the server exited while starting; see $2" >&2
      return 1
    fi
    if curl -sf --max-time 2 "$1" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  echo "side-by-side: no answer from $1 within 120 s; see $2" >&2
  return 1
}

failures=0
run_peer() { # peer, round
  local peer=$1 round=$2 port proto url health
  if [ "$peer" = livechat ]; then
    port=$LIVECHAT_PORT proto=stomp url="ws://127.0.0.1:$LIVECHAT_PORT/ws" health="http://127.0.0.1:$LIVECHAT_PORT/actuator/health"
  else
    port=$SOCKETIO_PORT proto=socketio url="ws://127.0.0.1:$SOCKETIO_PORT" health="http://127.0.0.1:$SOCKETIO_PORT/health"
  fi
  local log="$LOGS/$SESSION-$peer-$round.log"
  if port_in_use "$port"; then
    echo "side-by-side: port $port is in use; not starting $peer (choose another with --${peer%%-*}-port)" >&2
    failures=$((failures + 1))
    return
  fi
  start_peer "$peer" "$log"
  echo "== round $round/$ROUNDS: $peer (pid $PEER_PID, log $log)" >&2
  if ! await_health "$health" "$log"; then
    failures=$((failures + 1))
    stop_peer
    return
  fi
  if [ "$peer" = socketio-tuned ] && ! curl -sf --max-time 2 "$health" | grep -q '"bufferutil":true'; then
    echo "side-by-side: warning: the tuned Socket.io server runs without the bufferutil add-on" >&2
  fi
  timeout --kill-after=10 "$TOOL_TIMEOUT" java -XX:+UseParallelGC -Xmx512m -cp "$CLASSES" io.livechat.bench.LoadTool \
    "$SCENARIO" "${LOAD[@]}" --proto "$proto" --url "$url" --server-pid "$PEER_PID" --label "$SESSION/$peer/$round" \
    --out "$OUT" | grep -v '^{'
  local status=${PIPESTATUS[0]}
  if [ "$status" -ne 0 ]; then
    echo "side-by-side: the load tool ended with status $status against $peer (round $round)" >&2
    failures=$((failures + 1))
  fi
  if ! kill -0 "$PEER_PID" 2>/dev/null; then
    echo "side-by-side: $peer died during the run; see $log" >&2
    failures=$((failures + 1))
  fi
  stop_peer
}

echo "side-by-side $SESSION: $SCENARIO ${LOAD[*]}; livechat (java ${JVM_OPTS[*]} -jar $(basename "$JAR") ${APP_ARGS[*]}) and $SOCKETIO_PEER, $ROUNDS round(s); lines to $OUT" >&2
for round in $(seq 1 "$ROUNDS"); do
  for peer in livechat "$SOCKETIO_PEER"; do
    run_peer "$peer" "$round"
    if [ "$round" -lt "$ROUNDS" ] || [ "$peer" = livechat ]; then
      sleep "$PAUSE"
    fi
  done
done

node "$ROOT/src/bench/scripts/side-by-side-summary.js" "$OUT" "$SESSION" || failures=$((failures + 1))
[ "$failures" -eq 0 ] || { echo "side-by-side: $failures run(s) failed; see above" >&2; exit 1; }
