#!/usr/bin/env bash
# A single-node OpenSearch server for the tests, assembled from Maven Central only (no Docker, no
# downloads from anywhere else).
#
#   scripts/search-node/node.sh install   fetch the artifacts (Maven cache) and lay out the node under
#                                         build/search-node/opensearch-<version>; idempotent
#   scripts/search-node/node.sh start     install if needed, start the node in the background, wait
#                                         until the cluster is at least yellow, print its URL
#   scripts/search-node/node.sh stop      stop the node started by `start` (by its pid file)
#   scripts/search-node/node.sh status    say whether it runs; exit 0 if it answers, 3 if stopped
#   scripts/search-node/node.sh clean     stop it and delete its data and logs (keeps the install;
#                                         for an instance, all of its folder)
#
#   start|stop|status|clean --nodes N     the same for a cluster of N nodes (replicas need N >= 2),
#                                         instances named cluster-1..N on http ports
#                                         SEARCH_NODE_PORT (default 9210) and up, transport ports 100
#                                         above; `start` prints their URLs comma-separated, which is
#                                         what SEARCH_URL takes. Stop one member to test a failure:
#                                         SEARCH_NODE_INSTANCE=cluster-2 SEARCH_NODE_PORT=9211 node.sh stop
#
# Environment:
#   SEARCH_NODE_PORT           http port (default 9200); the node listens on 127.0.0.1 only
#   SEARCH_NODE_DIR            where everything goes (default <repo>/build/search-node)
#   SEARCH_NODE_HEAP           JVM heap, used for -Xms and -Xmx (default 512m)
#   SEARCH_NODE_START_TIMEOUT  seconds to wait for a yellow cluster (default 120)
#   SEARCH_NODE_USER           unprivileged user that runs the node when this script runs as root
#                              (default opensearch; created with useradd if missing)
#   SEARCH_NODE_JAVA_HOME      JDK to run the node with (default: the first Java 11..21 found)
#   SEARCH_NODE_EXTRA_JAVA_OPTS more JVM options for the node
#   SEARCH_NODE_INSTANCE       run a further node beside the default one (e.g. a test that stops
#                              and restarts its own node): its data, logs, pid file and config live
#                              under <SEARCH_NODE_DIR>/instances/<name>, the installation is shared;
#                              give it its own SEARCH_NODE_PORT. Every command then acts on it alone.
#   SEARCH_NODE_TRANSPORT_PORT  the node-to-node port of an instance (--nodes sets it)
#   SEARCH_NODE_SEEDS          comma-separated transport addresses of the cluster's members: the
#                              instance joins them instead of running alone (--nodes sets it)
#
# What the node has: the integ-test-zip distribution (server + transport-netty4), plus the modules
# analysis-common, lang-painless (analysis-common extends it) and mapper-extras, and the plugin
# analysis-icu. Security is not part of that distribution, so it is plain http without auth.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/../.." && pwd)
POM="$SCRIPT_DIR/pom.xml"

# The pom is the one place that names the version; read it from there so the two cannot disagree.
OS_VERSION=$(sed -n 's:.*<opensearch.version>\([^<]*\)</opensearch.version>.*:\1:p' "$POM" | head -n1)
[[ -n "$OS_VERSION" ]] || { echo "node.sh: no <opensearch.version> in $POM" >&2; exit 1; }

# True if every folder from $1 up to / is searchable by "others", i.e. an unprivileged user can
# reach files below $1 (group bits and ACLs are ignored: this errs on the safe side).
others_can_reach() {
  local dir=$1
  while :; do
    [[ "$(stat -c %A "$dir")" == *x ]] || return 1
    [[ "$dir" == / ]] && return 0
    dir=$(dirname "$dir")
  done
}

NODE_DIR=${SEARCH_NODE_DIR:-$REPO_ROOT/build/search-node}
# As root the node runs as an unprivileged user (see prepare_user), which must reach NODE_DIR. A
# checkout under a private folder (e.g. /root, mode 700) would not do, so the node then lives in a
# folder under /tmp named after the checkout (the same one on every call, so stop/status find it).
if [[ -z "${SEARCH_NODE_DIR:-}" && $EUID -eq 0 ]] && ! others_can_reach "$REPO_ROOT"; then
  NODE_DIR="/tmp/search-node-$(echo "$REPO_ROOT" | sha256sum | cut -c1-12)"
fi
OS_HOME="$NODE_DIR/opensearch-$OS_VERSION"
ARTIFACTS_DIR="$NODE_DIR/artifacts"
INSTANCE=${SEARCH_NODE_INSTANCE:-}
[[ -z "$INSTANCE" || "$INSTANCE" =~ ^[a-z0-9][a-z0-9-]*$ ]] ||
  { echo "node.sh: SEARCH_NODE_INSTANCE must be lower-case letters, digits and dashes" >&2; exit 2; }
STATE_DIR=$NODE_DIR
[[ -z "$INSTANCE" ]] || STATE_DIR="$NODE_DIR/instances/$INSTANCE"
DATA_DIR="$STATE_DIR/data"
LOG_DIR="$STATE_DIR/logs"
RUN_DIR="$STATE_DIR/run"
TMP_DIR="$STATE_DIR/tmp"
# The default node reads the installation's config; an instance, a copy naming its own folders.
CONF_DIR="$OS_HOME/config"
[[ -z "$INSTANCE" ]] || CONF_DIR="$STATE_DIR/config"
PID_FILE="$RUN_DIR/opensearch.pid"
PORT_FILE="$RUN_DIR/port"
STAMP_FILE="$OS_HOME/.search-node-installed"
CLUSTER_NAME=search-node
TRANSPORT_PORT=${SEARCH_NODE_TRANSPORT_PORT:-}
SEEDS=${SEARCH_NODE_SEEDS:-}
LOG_OFFSET=0 # set by do_start, read by tail_logs

HOST=127.0.0.1
PORT=${SEARCH_NODE_PORT:-9200}
HEAP=${SEARCH_NODE_HEAP:-512m}
START_TIMEOUT=${SEARCH_NODE_START_TIMEOUT:-120}
RUN_AS_USER=${SEARCH_NODE_USER:-opensearch}

# Module/plugin layout: "<modules|plugins>:<name>:<plugin class>:<extended plugins>:<description>".
# The class names were read from the jars (`unzip -l`), and `install` checks each one is really in
# its jar, so a renamed class in another version fails loudly instead of at node start.
# analysis-common's build declares extendedPlugins = ['lang-painless'] (its painless extension is
# loaded through lang-painless), hence its extended.plugins entry.
# analysis-icu is a plugin (not a module) in the full distribution; keep it that way so it shows
# in _cat/plugins.
LAYOUT=(
  "modules:lang-painless:org.opensearch.painless.PainlessPlugin::An easy, safe and fast scripting language for OpenSearch"
  "modules:analysis-common:org.opensearch.analysis.common.CommonAnalysisPlugin:lang-painless:Adds common analysis capabilities to OpenSearch"
  "modules:mapper-extras:org.opensearch.index.mapper.MapperExtrasPlugin::Adds advanced field mappers"
  "plugins:analysis-icu:org.opensearch.plugin.analysis.icu.AnalysisICUPlugin::The ICU Analysis plugin integrates the Lucene ICU module into OpenSearch, adding ICU-related analysis components."
)

log() { echo "search-node: $*" >&2; }
die() { log "error: $*"; exit 1; }

need() {
  local tool
  for tool in "$@"; do
    command -v "$tool" >/dev/null 2>&1 || die "'$tool' is required but not on PATH"
  done
}

# Everything this script would do differently after an edit of itself or of the pom changes this
# fingerprint, so `install` redoes the layout then, and is a no-op otherwise.
fingerprint() {
  cat "$POM" "${BASH_SOURCE[0]}" | sha256sum | cut -d' ' -f1
}

# ---------------------------------------------------------------------------------------------
# Java: OpenSearch 2.19 runs on Java 11 to 21 and needs the Security Manager, which Java 24
# removed; so never take whatever JAVA_HOME happens to say (CI may point it at a newer JDK).
# ---------------------------------------------------------------------------------------------
java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//; s/\..*//'
}

find_java_home() {
  if [[ -n "${SEARCH_NODE_JAVA_HOME:-}" ]]; then
    echo "$SEARCH_NODE_JAVA_HOME"
    return
  fi
  local candidates=() candidate major
  [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
  fi
  for candidate in /usr/lib/jvm/*; do candidates+=("$candidate"); done
  for candidate in "${candidates[@]}"; do
    [[ -x "$candidate/bin/java" ]] || continue
    major=$(java_major "$candidate")
    if [[ -n "$major" ]] && ((major >= 11 && major <= 21)); then
      echo "$candidate"
      return
    fi
  done
  die "no Java 11..21 found (OpenSearch $OS_VERSION needs one); set SEARCH_NODE_JAVA_HOME"
}

# ---------------------------------------------------------------------------------------------
# install
# ---------------------------------------------------------------------------------------------
zip_list() {
  if command -v unzip >/dev/null 2>&1; then
    unzip -Z1 "$1"
  else
    python3 -c 'import sys, zipfile; print("\n".join(zipfile.ZipFile(sys.argv[1]).namelist()))' "$1"
  fi
}

zip_extract() { # zip, destination
  if command -v unzip >/dev/null 2>&1; then
    unzip -q "$1" -d "$2"
  else
    # Python's zipfile drops the unix modes; bin/ is restored to executable by the caller.
    python3 -m zipfile -e "$1" "$2"
  fi
}

write_descriptor() { # dir name classname extended description
  # The fields OpenSearch's PluginInfo reads; opensearch.version must equal the node's version
  # exactly or the node refuses to load the plugin.
  cat >"$1/plugin-descriptor.properties" <<EOF
# Written by scripts/search-node/node.sh (the Maven jars carry no descriptor).
description=$5
version=$OS_VERSION
name=$2
classname=$3
java.version=11
opensearch.version=$OS_VERSION
extended.plugins=$4
custom.foldername=
has.native.controller=false
EOF
}

node_running() { # [pid file]: true if it (default: this node's) names a live OpenSearch process
  local pid pid_file=${1:-$PID_FILE}
  [[ -f "$pid_file" ]] || return 1
  pid=$(cat "$pid_file" 2>/dev/null || true)
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  # Check the command line too: after a reboot the pid may belong to something else.
  [[ -r "/proc/$pid/cmdline" ]] &&
    tr '\0' ' ' <"/proc/$pid/cmdline" | grep 'org.opensearch.bootstrap.OpenSearch' >/dev/null
}

do_install() {
  local want
  want=$(fingerprint)
  if [[ -f "$STAMP_FILE" && "$(cat "$STAMP_FILE")" == "$want" ]]; then
    log "OpenSearch $OS_VERSION already installed in $OS_HOME"
    return 0
  fi
  # The installation is shared by the default node and every instance: none may be running.
  local pid_file
  for pid_file in "$NODE_DIR/run/opensearch.pid" "$NODE_DIR"/instances/*/run/opensearch.pid; do
    if node_running "$pid_file"; then
      die "a node is running from $NODE_DIR (pid file $pid_file); stop it before reinstalling"
    fi
  done
  # The installation's config names the default node's folders, whichever node asked.
  local DATA_DIR="$NODE_DIR/data" LOG_DIR="$NODE_DIR/logs"
  need mvn sha256sum
  command -v unzip >/dev/null 2>&1 || need python3
  local started=$SECONDS
  log "installing OpenSearch $OS_VERSION into $OS_HOME"
  mkdir -p "$NODE_DIR"

  # 1. Fetch: Maven resolves into ~/.m2 (so a second install downloads nothing) and copies one
  #    folder per module/plugin into $ARTIFACTS_DIR. -B -q: no progress bars; Maven 3.8 still
  #    prints stray colour escapes, so its output goes to a file, shown only if it fails.
  rm -rf "$ARTIFACTS_DIR"
  mkdir -p "$ARTIFACTS_DIR"
  if ! mvn -B -q -Dstyle.color=never -f "$POM" -Dsearch.node.artifacts="$ARTIFACTS_DIR" \
    generate-resources >"$ARTIFACTS_DIR/mvn.log" 2>&1; then
    cat "$ARTIFACTS_DIR/mvn.log" >&2
    die "Maven could not fetch the artifacts (output above)"
  fi

  # 2. Unpack the distribution next to the final place, then move it in, so an interrupted
  #    install never leaves a half-filled opensearch-<version> that looks usable.
  local zip="$ARTIFACTS_DIR/distribution/opensearch-$OS_VERSION.zip"
  [[ -f "$zip" ]] || die "missing $zip after the Maven step"
  local staging="$NODE_DIR/.staging"
  rm -rf "$staging" "$OS_HOME"
  mkdir -p "$staging"
  zip_extract "$zip" "$staging"
  [[ -d "$staging/opensearch-$OS_VERSION/bin" ]] || die "unexpected layout in $zip"
  chmod +x "$staging/opensearch-$OS_VERSION"/bin/*
  local home="$staging/opensearch-$OS_VERSION"

  # 3. Modules and plugins: jars + plugin-descriptor.properties (+ a security policy where the
  #    full distribution has one).
  local entry kind name class extended description dir jar main_jar
  for entry in "${LAYOUT[@]}"; do
    IFS=: read -r kind name class extended description <<<"$entry"
    dir="$home/$kind/$name"
    mkdir -p "$dir"
    compgen -G "$ARTIFACTS_DIR/$name/*.jar" >/dev/null || die "no jars fetched for $name"
    cp "$ARTIFACTS_DIR/$name"/*.jar "$dir/"
    # The jar that holds the plugin class must really hold it.
    main_jar=""
    for jar in "$dir"/*.jar; do
      # (grep without -q: -q would quit early, and pipefail would count unzip's SIGPIPE.)
      if zip_list "$jar" | grep -x "${class//.//}.class" >/dev/null; then main_jar=$jar; fi
    done
    if [[ -z "$main_jar" ]]; then
      log "plugin classes found in $name's jars:"
      for jar in "$dir"/*.jar; do zip_list "$jar" | grep -E '(Plugin|Module)\.class$' | grep -v '\$' >&2 || true; done
      die "$class is in none of $name's jars; update LAYOUT in $0"
    fi
    write_descriptor "$dir" "$name" "$class" "$extended" "$description"
  done
  # lang-painless compiles scripts to bytecode at run time; under OpenSearch's Security Manager
  # that needs these two permissions (the policy the full distribution ships with this module).
  cat >"$home/modules/lang-painless/plugin-security.policy" <<'EOF'
grant {
  // needed to generate runtime classes
  permission java.lang.RuntimePermission "createClassLoader";
  // needed to find the classloader to load whitelisted classes from
  permission java.lang.RuntimePermission "getClassLoader";
};
EOF

  # 4. Configuration. Static settings live in opensearch.yml; the port is given at start.
  cat >"$home/config/opensearch.yml" <<EOF
# Written by scripts/search-node/node.sh: a throwaway single node for tests.
cluster.name: $CLUSTER_NAME
node.name: $CLUSTER_NAME-1
# No cluster formation, no bootstrap checks; loopback only, so nothing outside this machine sees it.
discovery.type: single-node
network.host: $HOST
path.data: $DATA_DIR
path.logs: $LOG_DIR
# Test machines can have full-ish disks; don't let the disk watermarks turn indices read-only.
cluster.routing.allocation.disk.threshold_enabled: false
EOF
  # jvm.options writes the GC log, crash files and heap dumps relative to the working directory
  # (logs/, data); point them at our logs/data folders so the node user only needs write access
  # there, not to the installation.
  sed -i -e "s#logs/#$LOG_DIR/#g" -e "s#HeapDumpPath=data#HeapDumpPath=$DATA_DIR#" "$home/config/jvm.options"
  if grep -nE '(file=|ErrorFile=|loggc:)logs/|HeapDumpPath=data$' "$home/config/jvm.options" >&2; then
    die "relative paths left in jvm.options (above)"
  fi

  # At startup OpenSearch creates config/opensearch.keystore if it is missing, which fails when the
  # node user may not write config/ (root owns the install). Create the (empty, secret-free)
  # keystore now instead, so the installation can stay read-only for the node.
  local java_home
  java_home=$(find_java_home)
  OPENSEARCH_JAVA_HOME="$java_home" OPENSEARCH_PATH_CONF="$home/config" \
    "$home/bin/opensearch-keystore" create >/dev/null 2>"$ARTIFACTS_DIR/keystore.log" || {
    cat "$ARTIFACTS_DIR/keystore.log" >&2
    die "opensearch-keystore create failed"
  }

  # 5. Readable by everyone: as root the node runs as an unprivileged user that must read it all.
  chmod -R a+rX "$home"
  mv "$home" "$OS_HOME"
  rm -rf "$staging" "$ARTIFACTS_DIR" # everything in it was copied into the node, or is in ~/.m2
  # Data written by another version or layout is not worth migrating for a test node.
  rm -rf "$DATA_DIR"
  echo "$want" >"$STAMP_FILE"
  log "installed in $((SECONDS - started)) s: $OS_HOME"
}

# ---------------------------------------------------------------------------------------------
# start / stop / status
# ---------------------------------------------------------------------------------------------
current_url() {
  local port=$PORT
  [[ -f "$PORT_FILE" ]] && port=$(cat "$PORT_FILE")
  echo "http://$HOST:$port"
}

healthy() { # url: true once the cluster is at least yellow
  curl -fsS --max-time 5 "$1/_cluster/health?wait_for_status=yellow&timeout=2s" >/dev/null 2>&1
}

# OpenSearch refuses to run as root ("can not run opensearch as root"), and there is no switch to
# allow it. So as root, run it as an unprivileged system user, which is created on first use.
prepare_user() {
  if ! id -u "$RUN_AS_USER" >/dev/null 2>&1; then
    need useradd
    log "creating system user '$RUN_AS_USER' to run the node (OpenSearch will not run as root)"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin "$RUN_AS_USER"
  fi
  [[ "$(id -u "$RUN_AS_USER")" != 0 ]] || die "SEARCH_NODE_USER must not be root"
  chown -R "$RUN_AS_USER:$(id -gn "$RUN_AS_USER")" "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$TMP_DIR"
}

# Runs a command as the node user (as is, when not root). setpriv changes uid/gid
# without PAM or a login shell (the user's shell is nologin); runuser is the fallback.
as_node_user() {
  if [[ $EUID -ne 0 ]]; then
    "$@"
  elif command -v setpriv >/dev/null 2>&1; then
    setpriv --reuid="$RUN_AS_USER" --regid="$(id -g "$RUN_AS_USER")" --init-groups -- "$@"
  else
    runuser -u "$RUN_AS_USER" -- "$@"
  fi
}

tail_logs() { # show what this start wrote: startup.out is new per start, the node log is shared
  local log_file="$LOG_DIR/$CLUSTER_NAME.log"
  if [[ -s "$LOG_DIR/startup.out" ]]; then
    echo "----- tail of $LOG_DIR/startup.out -----" >&2
    tail -n 60 "$LOG_DIR/startup.out" >&2
  fi
  if [[ -f "$log_file" ]] && (($(wc -c <"$log_file") > LOG_OFFSET)); then
    echo "----- tail of $log_file (this start) -----" >&2
    tail -c +$((LOG_OFFSET + 1)) "$log_file" | tail -n 60 >&2
  fi
}

do_start() {
  need curl setsid
  do_install
  local url="http://$HOST:$PORT"

  if node_running; then
    url=$(current_url)
    if healthy "$url"; then
      log "already running (pid $(cat "$PID_FILE"))"
      echo "$url"
      return 0
    fi
    die "pid $(cat "$PID_FILE") is running but $url does not answer; run '$0 stop' first"
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  # Something else on the port would make the health check below pass for the wrong server.
  if curl -s --max-time 2 -o /dev/null "$url/" 2>/dev/null; then
    die "something already answers on $url (another search node?); set SEARCH_NODE_PORT"
  fi

  local java_home
  java_home=$(find_java_home)
  mkdir -p "$DATA_DIR" "$LOG_DIR" "$RUN_DIR" "$TMP_DIR"
  [[ -z "$INSTANCE" ]] || write_instance_config
  if [[ $EUID -eq 0 ]]; then
    prepare_user
    # The node user must reach the installation through every parent folder (e.g. a checkout
    # under /root, mode 700, is out of its reach).
    if ! as_node_user test -x "$OS_HOME/bin/opensearch" -a -w "$DATA_DIR"; then
      die "user '$RUN_AS_USER' cannot reach $NODE_DIR (a parent folder is not world-searchable);" \
        "set SEARCH_NODE_DIR to a folder it can reach, e.g. /tmp/search-node"
    fi
  fi
  : >"$LOG_DIR/startup.out"
  # The node appends to its log across starts; remember where this start begins, for tail_logs.
  LOG_OFFSET=0
  [[ -f "$LOG_DIR/$CLUSTER_NAME.log" ]] && LOG_OFFSET=$(wc -c <"$LOG_DIR/$CLUSTER_NAME.log")
  [[ $EUID -ne 0 ]] || chown "$RUN_AS_USER" "$LOG_DIR/startup.out"

  log "starting OpenSearch $OS_VERSION on $url (java: $java_home, heap: $HEAP)"
  local started=$SECONDS launcher_pid
  # Started in the background by this script rather than with bin/opensearch -d, so that $! is a
  # process that lives exactly as long as the node and a failed startup is noticed at once (-d
  # returns 0 before the JVM has even read its keystore). -q: no console logging (the log files
  # under logs/ have it all); what still reaches stdout/stderr (JVM warnings, a bootstrap error)
  # goes to logs/startup.out. -p: the node writes its pid file itself.
  # setsid -w: its own session, so a Ctrl-C or hang-up on the caller's terminal does not reach it;
  # -w keeps setsid waiting (if it had to fork) instead of exiting, for the same $! reason.
  # The working directory is OS_HOME because bin/opensearch runs bin/opensearch-keystore by a
  # relative path. OPENSEARCH_JAVA_OPTS comes after jvm.options, so its heap wins.
  (
    cd "$OS_HOME"
    export OPENSEARCH_JAVA_HOME="$java_home"
    export OPENSEARCH_JAVA_OPTS="-Xms$HEAP -Xmx$HEAP ${SEARCH_NODE_EXTRA_JAVA_OPTS:-}"
    export OPENSEARCH_PATH_CONF="$CONF_DIR"
    export OPENSEARCH_TMPDIR="$TMP_DIR"
    export HOME="$TMP_DIR"
    unset JAVA_TOOL_OPTIONS JAVA_OPTS
    transport=()
    [[ -z "$TRANSPORT_PORT" ]] || transport=(-E "transport.port=$TRANSPORT_PORT")
    as_node_user setsid -w "$OS_HOME/bin/opensearch" -q -p "$PID_FILE" -E "http.port=$PORT" \
      "${transport[@]}"
  ) </dev/null >>"$LOG_DIR/startup.out" 2>&1 &
  launcher_pid=$!
  echo "$PORT" >"$PORT_FILE"

  local deadline=$((SECONDS + START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if healthy "$url"; then
      log "up after $((SECONDS - started)) s (pid $(cat "$PID_FILE"))"
      echo "$url"
      return 0
    fi
    # A zombie still answers kill -0, so ask /proc whether the launcher is really alive.
    if ! grep -qs '^State:[[:space:]]*[^Z]' "/proc/$launcher_pid/status"; then
      log "the node exited during startup"
      tail_logs
      exit 1
    fi
    sleep 1
  done
  log "no yellow cluster on $url after $START_TIMEOUT s"
  tail_logs
  if node_running; then
    do_stop || true
  else
    # No pid file yet: end what this call started, through the launcher's own child.
    pkill -TERM -P "$launcher_pid" 2>/dev/null || true
  fi
  exit 1
}

write_instance_config() { # the installation's config, with this instance's folders and name
  local default_dir=$NODE_DIR
  rm -rf "$CONF_DIR"
  cp -r "$OS_HOME/config" "$CONF_DIR"
  sed -i -e "s#^path.data: .*#path.data: $DATA_DIR#" -e "s#^path.logs: .*#path.logs: $LOG_DIR#" \
    -e "s#^node.name: .*#node.name: $CLUSTER_NAME-$INSTANCE#" "$CONF_DIR/opensearch.yml"
  sed -i -e "s#$default_dir/logs/#$LOG_DIR/#g" -e "s#HeapDumpPath=$default_dir/data#HeapDumpPath=$DATA_DIR#" \
    "$CONF_DIR/jvm.options"
  if [[ -n "$SEEDS" ]]; then
    # A cluster member: found through the seeds, under a name the single test node never has
    # (so the two never merge). The first member bootstraps the cluster alone and the others
    # join it, so each start can wait for its own node to answer, one after the other.
    local first_member=${CLUSTER_NAME}-cluster-1
    sed -i -e "s#^cluster.name: .*#cluster.name: $CLUSTER_NAME-cluster#" \
      -e "s#^discovery.type: single-node#discovery.seed_hosts: [$SEEDS]\ncluster.initial_cluster_manager_nodes: [$first_member]#" \
      "$CONF_DIR/opensearch.yml"
    grep -q '^discovery.seed_hosts' "$CONF_DIR/opensearch.yml" || die "no discovery line to replace in $CONF_DIR/opensearch.yml"
  fi
  chmod -R a+rX "$CONF_DIR"
}

do_stop() {
  if ! node_running; then
    [[ -f "$PID_FILE" ]] && log "removing stale pid file $PID_FILE"
    rm -f "$PID_FILE" "$PORT_FILE"
    log "not running"
    return 0
  fi
  local pid
  pid=$(cat "$PID_FILE")
  log "stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  # SIGTERM runs OpenSearch's shutdown hook (flushes, closes the data folder lock); give it time.
  local i
  for ((i = 0; i < 60; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "still alive after 60 s, sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 10; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 1
    done
    ! kill -0 "$pid" 2>/dev/null || die "pid $pid survived SIGKILL"
  fi
  rm -f "$PID_FILE" "$PORT_FILE"
  log "stopped"
}

do_status() {
  local url
  url=$(current_url)
  if ! node_running; then
    echo "stopped"
    return 3
  fi
  if curl -fsS --max-time 5 "$url/_cluster/health" 2>/dev/null; then
    echo
    echo "running: pid $(cat "$PID_FILE"), $url"
    return 0
  fi
  echo "running: pid $(cat "$PID_FILE"), but $url does not answer"
  return 1
}

do_clean() {
  do_stop
  rm -rf "$DATA_DIR" "$LOG_DIR" "$TMP_DIR"
  # An instance keeps nothing worth having: its config is rewritten at every start.
  [[ -z "$INSTANCE" ]] || rm -rf "$STATE_DIR"
  log "removed data and logs under $STATE_DIR"
}

# --nodes N: run the command for each member cluster-1..N (as instances, see SEARCH_NODE_SEEDS),
# one after the other; `start` prints the members' URLs comma-separated.
for_each_member() { # command count
  local cmd=$1 count=$2 base=${SEARCH_NODE_PORT:-9210} i seeds="" urls=() status=0
  [[ "$count" =~ ^[1-9][0-9]*$ ]] || { log "--nodes takes a number"; exit 2; }
  [[ -z "$INSTANCE" ]] || { log "--nodes names its own instances; unset SEARCH_NODE_INSTANCE"; exit 2; }
  for ((i = 0; i < count; i++)); do
    seeds+="${seeds:+,}$HOST:$((base + 100 + i))"
  done
  for ((i = 0; i < count; i++)); do
    local env=(SEARCH_NODE_INSTANCE="cluster-$((i + 1))" SEARCH_NODE_PORT=$((base + i))
      SEARCH_NODE_TRANSPORT_PORT=$((base + 100 + i)) SEARCH_NODE_SEEDS="$seeds")
    if [[ "$cmd" == start ]]; then
      urls+=("$(env "${env[@]}" bash "${BASH_SOURCE[0]}" start)") || exit 1
    else
      env "${env[@]}" bash "${BASH_SOURCE[0]}" "$cmd" || status=$?
    fi
  done
  if [[ "$cmd" == start ]]; then
    (IFS=,; echo "${urls[*]}")
  fi
  return "$status"
}

main() {
  local cmd=${1:-}
  if [[ "${2:-}" == --nodes ]]; then
    for_each_member "$cmd" "${3:-}"
    return
  fi
  case "$cmd" in
  install)
    do_install
    [[ "$NODE_DIR" == "$REPO_ROOT/build/search-node" ]] || log "note: node folder is $NODE_DIR"
    ;;
  start) do_start ;;
  stop) do_stop ;;
  status) do_status ;;
  clean) do_clean ;;
  *)
    sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//' >&2
    exit 2
    ;;
  esac
}

# flock: two callers (e.g. parallel CI steps) must not install or start over each other. The lock
# file lives in NODE_DIR so a node started from another checkout is not affected. -o: the lock fd
# is not inherited by the script, so the daemonised node does not keep holding the lock.
# status only reads, so it does not wait for a start that is still waiting for the node.
mkdir -p "$NODE_DIR"
if [[ "${1:-}" != status ]] && command -v flock >/dev/null 2>&1 && [[ -z "${SEARCH_NODE_LOCKED:-}" ]]; then
  export SEARCH_NODE_LOCKED=1
  exec flock -o "$NODE_DIR/.lock" bash "$SCRIPT_DIR/node.sh" "$@"
fi
main "$@"
