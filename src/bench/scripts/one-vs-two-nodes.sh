#!/usr/bin/env bash
# One node alone (PostgreSQL store), one cluster node, two cluster nodes: the same load,
# alternating (docs/scaling.md). Needs the local PostgreSQL (127.0.0.1:5432, database test, user
# postgres; it drops and creates the schema "bench") and redis-server (it starts one on 6391).
# Build first: ./mvnw -B -DskipTests package. LOAD and ROUNDS change the load and the rounds.
set -u
cd "$(dirname "$0")/../../.."
JAR=target/livechat.jar
OPTS="-XX:MaxRAMPercentage=75 -XX:+UseSerialGC -Xmn24m -XX:+ExitOnOutOfMemoryError"
PG="--spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/test?currentSchema=bench --spring.datasource.username=postgres"
REDIS="--livechat.cluster=redis --spring.data.redis.url=redis://127.0.0.1:6391"
LOAD="${LOAD:---clients 200 --senders 50 --rate 200 --duration 20 --warmup 5}"
OUT=${OUT:-target/one-vs-two-nodes.jsonl}
fresh() {
  psql -q -h 127.0.0.1 -U postgres test -c 'DROP SCHEMA IF EXISTS bench CASCADE; CREATE SCHEMA bench;' 2>/dev/null
  redis-cli -p 6391 flushall >/dev/null
}
start() { # port, extra args
  local port=$1; shift
  java $OPTS -jar $JAR --server.port=$port $PG "$@" > target/node-$port.log 2>&1 &
  echo $!
}
wait_up() { for _ in $(seq 1 60); do curl -sf localhost:$1/actuator/health >/dev/null && return 0; sleep 1; done; echo "node $1 did not start"; return 1; }
run() { # label, urls, pids
  java -XX:+UseParallelGC -Xmx512m -cp target/test-classes io.livechat.bench.LoadTool fanout --url "$2" $LOAD --server-pid "$3" --label "$1" --out $OUT 2>&1 | tail -22
}
redis-cli -p 6391 ping >/dev/null 2>&1 || redis-server --port 6391 --bind 127.0.0.1 --save "" --appendonly no --daemonize yes --logfile /tmp/livechat-bench-redis.log
for round in $(seq 1 ${ROUNDS:-2}); do
  for mode in alone cluster1 cluster2; do
    fresh
    case $mode in
      alone) a=$(start 8081); wait_up 8081; run "$mode" ws://127.0.0.1:8081/ws $a; kill $a ;;
      cluster1) a=$(start 8081 $REDIS --livechat.node-id=a); wait_up 8081; run "$mode" ws://127.0.0.1:8081/ws $a; kill $a ;;
      cluster2) a=$(start 8081 $REDIS --livechat.node-id=a); b=$(start 8082 $REDIS --livechat.node-id=b); wait_up 8081; wait_up 8082
         run "$mode" ws://127.0.0.1:8081/ws,ws://127.0.0.1:8082/ws "$a,$b"; kill $a $b ;;
    esac
    sleep 5
  done
done
