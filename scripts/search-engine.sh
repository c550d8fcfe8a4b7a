#!/usr/bin/env bash
# A single-node OpenSearch 2.19 on 127.0.0.1 for development and CI, from Maven Central jars
# (search-engine/pom.xml and its launcher): HTTP only, no security plugin, data in a temp folder.
#
#   scripts/search-engine.sh start    build the launcher if needed, start, wait for a green/yellow cluster
#   scripts/search-engine.sh stop     stop the node and delete its data
#   scripts/search-engine.sh status   say whether it runs (exit 0) or not (exit 1)
#
# SEARCH_ENGINE_PORT (9200) and SEARCH_ENGINE_HEAP (512m, at most 1g) change the port and the heap.
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${SEARCH_ENGINE_PORT:-9200}
HEAP=${SEARCH_ENGINE_HEAP:-512m}
STATE=${TMPDIR:-/tmp}/portal-search-engine-$PORT
URL=http://127.0.0.1:$PORT

running() { [ -f "$STATE/pid" ] && kill -0 "$(cat "$STATE/pid")" 2>/dev/null; }

build() {
    if ! command -v mvn >/dev/null 2>&1 || ! command -v java >/dev/null 2>&1; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq maven openjdk-17-jdk-headless >/dev/null
    fi
    local classpath=search-engine/target/classpath.txt
    if [ ! -f "$classpath" ] || [ -n "$(find search-engine/pom.xml search-engine/src -newer "$classpath")" ]; then
        echo "Building the search engine launcher (Maven fetches OpenSearch's jars the first time)"
        mvn -q -B -f search-engine/pom.xml package >"${TMPDIR:-/tmp}/portal-search-engine-build.log" 2>&1 \
            || { cat "${TMPDIR:-/tmp}/portal-search-engine-build.log"; exit 1; }
    fi
}

start() {
    if running; then
        echo "OpenSearch already runs on $URL (pid $(cat "$STATE/pid"))"
        return
    fi
    build
    rm -rf "$STATE"
    mkdir -p "$STATE"
    local home
    home=$(mktemp -d "${TMPDIR:-/tmp}/portal-search-engine-data.XXXXXX")
    echo "$home" >"$STATE/home"
    local began=$SECONDS
    nohup java -Xms"$HEAP" -Xmx"$HEAP" -XX:+UseG1GC -Djava.awt.headless=true \
        -Dlog4j2.disable.jmx=true -Dorg.apache.logging.log4j.level=WARN \
        -cp "search-engine/target/classes:$(cat search-engine/target/classpath.txt)" \
        org.portal.searchengine.SearchEngine "$home" "$PORT" >"$STATE/log" 2>&1 &
    echo $! >"$STATE/pid"
    for _ in $(seq 1 180); do
        if ! running; then
            echo "OpenSearch stopped while starting; its log:"
            tail -n 40 "$STATE/log"
            cleanup
            exit 1
        fi
        if curl -fs "$URL/_cluster/health?wait_for_status=yellow&timeout=1s" >/dev/null 2>&1; then
            echo "OpenSearch 2.19 runs on $URL (pid $(cat "$STATE/pid"), heap $HEAP," \
                "started in $((SECONDS - began)) s, data in $home)"
            return
        fi
        sleep 1
    done
    echo "OpenSearch did not answer on $URL within 180 s; its log:"
    tail -n 40 "$STATE/log"
    stop
    exit 1
}

cleanup() {
    [ -f "$STATE/home" ] && rm -rf "$(cat "$STATE/home")"
    rm -rf "$STATE"
}

stop() {
    if running; then
        local pid
        pid=$(cat "$STATE/pid")
        kill "$pid"  # the launcher's shutdown hook closes the node
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        if kill -0 "$pid" 2>/dev/null; then
            echo "OpenSearch did not stop within 30 s; killing it"
            kill -9 "$pid"
        fi
        echo "OpenSearch on $URL stopped"
    fi
    cleanup
}

status() {
    if running && curl -fs "$URL/_cluster/health" 2>/dev/null; then
        echo
        return 0
    fi
    echo "OpenSearch does not run on $URL"
    return 1
}

case "${1:-}" in
    start) start ;;
    stop) stop ;;
    status) status ;;
    *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
