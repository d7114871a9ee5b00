# Sourced by the test-service scripts (postgres, redis): the first port from $1 up on 127.0.0.1
# that nothing listens on, since another checkout's test server may hold ours.
free_port() {
  python3 - "$1" <<'PY'
import socket, sys
port = int(sys.argv[1])
while True:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            port += 1
            continue
    print(port)
    break
PY
}
