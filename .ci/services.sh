#!/usr/bin/env bash
# Checks that PostgreSQL (127.0.0.1:5432) and NATS with JetStream
# (127.0.0.1:4222) answer, and starts either one that does not with the
# commands this machine kind documents. Called from .ci/run; safe to run
# again. Tests that need a server fail with a clear message when it is down.
set -uo pipefail
up() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_up() {
	for _ in $(seq 1 50); do
		up "$1" && return 0
		sleep 0.2
	done
	return 1
}
if ! up 5432; then
	echo ".ci/services.sh: PostgreSQL is down; starting it" >&2
	if command -v pg_ctlcluster >/dev/null 2>&1 && [ -d /etc/postgresql ]; then
		pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -1)" main start || true
	fi
	wait_up 5432 || echo ".ci/services.sh: PostgreSQL still not answering on 127.0.0.1:5432" >&2
fi
if ! up 4222; then
	echo ".ci/services.sh: NATS is down; starting it" >&2
	if [ -x /usr/sbin/nats-server ]; then
		mkdir -p /var/lib/nats-server
		start-stop-daemon --start --oknodo --background --exec /usr/sbin/nats-server -- \
			-a 127.0.0.1 -p 4222 -js -sd /var/lib/nats-server -l /var/log/nats-server.log || true
	fi
	wait_up 4222 || echo ".ci/services.sh: NATS still not answering on 127.0.0.1:4222" >&2
fi
exit 0
