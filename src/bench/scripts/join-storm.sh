#!/usr/bin/env bash
# The join storm (docs/performance.md): N clients into one room at once, against one LiveChat
# node (its default embedded store), two LiveChat nodes sharing Redis and PostgreSQL, and the
# plain Socket.io chat it replaces (src/bench/socketio), one after another, for ROUNDS rounds.
# Each server gets STORMS storms in a row, each once the server is idle again (the previous
# storm's clients gone): the first meets a server that has just started (its JIT still
# compiling), the others a warm one. One line per storm.
#
# Build first: ./mvnw -B -DskipTests package, and cd src/bench/socketio && npm ci. The two-node
# mode needs the local PostgreSQL (127.0.0.1:5432, database test, user postgres; it drops and
# creates the schema "storm") and redis-server (it starts one on 6392).
#
#   CLIENTS=1000 STORMS=3 ROUNDS=2 MODES="one two socketio" [JAR=other.jar] [TOOL_ARGS="--rooms 3"] src/bench/scripts/join-storm.sh
#
# EXTRA_OPTS adds JVM options to the Procfile's for every LiveChat node, to compare them, e.g.
# EXTRA_OPTS="-XX:TieredStopAtLevel=1".
set -u
cd "$(dirname "$0")/../../.."
ROOT=$PWD
JAR=${JAR:-$ROOT/target/livechat.jar}
CLIENTS=${CLIENTS:-1000}
STORMS=${STORMS:-3}
ROUNDS=${ROUNDS:-2}
MODES=${MODES:-one two socketio}
OUT=${OUT:-$ROOT/target/join-storm.jsonl}
OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Xmn24m -XX:+ExitOnOutOfMemoryError ${EXTRA_OPTS:-}"
PG="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=storm --spring.datasource.username=postgres"
REDIS="--livechat.cluster=redis --spring.data.redis.url=redis://127.0.0.1:6392"
TOOL_HEAP=512m
[ "$CLIENTS" -gt 2000 ] && TOOL_HEAP=4g

start() { # port, directory (its embedded database's), extra args: the pid (run it in $(...))
  local port=$1 dir=$2; shift 2
  mkdir -p "$dir" && cd "$dir" || return 1
  java $OPTS -jar "$JAR" --server.port=$port "$@" > node.log 2>&1 &
  echo $!
}
wait_up() { for _ in $(seq 1 90); do curl -sf "localhost:$1/actuator/health" >/dev/null && return 0; sleep 1; done; echo "node $1 did not start"; return 1; }
storm() { # label, extra load tool args...
  local label=$1; shift
  nstat -n >/dev/null 2>&1
  java -XX:+UseParallelGC -Xmx$TOOL_HEAP -cp "$ROOT/target/test-classes" io.livechat.bench.LoadTool storm \
      --clients "$CLIENTS" --label "$label" --out "$OUT" ${TOOL_ARGS:-} "$@" > "$ROOT/target/join-storm-last.txt" 2>&1
  local line overflows
  line=$(grep '^{' "$ROOT/target/join-storm-last.txt" | tail -1)
  overflows=$(nstat 2>/dev/null | awk '/ListenOverflows/ {print $2}')
  if [ -z "$line" ]; then echo "$label: no result"; tail -3 "$ROOT/target/join-storm-last.txt"; return; fi
  node -e '
    const r = JSON.parse(process.argv[1]).storm, label = process.argv[2], overflows = process.argv[3] || "0";
    const cpu = r.cpu.server_s, fixed = (x, d) => (x == null) ? "-" : x.toFixed(d);
    console.log(`${label.padEnd(16)} joined ${r.join.joined}/${r.join.clients}  settled ${r.settled ? (r.settled_ms / 1000).toFixed(2) + " s" : "no"}` +
      `  server CPU ${fixed(cpu, 2)} s = ${fixed(cpu && cpu * 1000 / r.join.clients, 2)} ms/join  generator ${fixed(r.cpu.generator_pct_of_core, 0)}% of a core` +
      `  lists/client ${r.users_events_per_client.toFixed(1)}  listen overflows ${overflows}`);
  ' "$line" "$label" "$overflows"
  grep -q '^load test failed' "$ROOT/target/join-storm-last.txt" && grep -A2 '^load test failed' "$ROOT/target/join-storm-last.txt" | head -3
}
ticks() { # the CPU ticks the processes have used so far
  local sum=0 pid
  for pid in ${1//,/ }; do sum=$((sum + $(awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0))); done
  echo $sum
}
settle() { # until the servers are idle (the last storm's clients gone): under 5% of a core for 1 s, at most 30 s
  local before now
  for _ in $(seq 1 30); do
    before=$(ticks "$1"); sleep 1; now=$(ticks "$1")
    [ $((now - before)) -lt 5 ] && return
  done
}
storms() { # mode, server pids, load tool args...
  local mode=$1 pids=$2 s; shift 2
  for s in $(seq 1 "$STORMS"); do
    settle "$pids"
    storm "$mode-$([ "$s" = 1 ] && echo cold || echo warm$s)" --server-pid "$pids" "$@"
  done
}

WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [[ " $MODES " == *" two "* ]]; then
  redis-cli -p 6392 ping >/dev/null 2>&1 || redis-server --port 6392 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --logfile /tmp/livechat-storm-redis.log
fi
for round in $(seq 1 "$ROUNDS"); do
  echo "round $round: $CLIENTS clients"
  for mode in $MODES; do
    case $mode in
      one)
        a=$(start 18081 "$WORK/one-$round"); wait_up 18081 &&
          storms one "$a" --url ws://127.0.0.1:18081/ws
        kill "$a"; wait "$a" 2>/dev/null ;;
      two)
        psql -q -h 127.0.0.1 -U postgres test -c 'DROP SCHEMA IF EXISTS storm CASCADE; CREATE SCHEMA storm;' 2>/dev/null
        redis-cli -p 6392 flushall >/dev/null
        a=$(start 18081 "$WORK/a-$round" $PG $REDIS --livechat.node-id=a)
        b=$(start 18082 "$WORK/b-$round" $PG $REDIS --livechat.node-id=b)
        wait_up 18081 && wait_up 18082 &&
          storms two "$a,$b" --url ws://127.0.0.1:18081/ws,ws://127.0.0.1:18082/ws
        kill "$a" "$b"; wait "$a" "$b" 2>/dev/null ;;
      socketio)
        PORT=13000 TUNED=0 node "$ROOT/src/bench/socketio/server.js" > "$WORK/socketio.log" 2>&1 &
        s=$!
        sleep 2
        storms socketio "$s" --proto socketio --url ws://127.0.0.1:13000
        kill "$s"; wait "$s" 2>/dev/null ;;
    esac
    sleep 3
  done
done
