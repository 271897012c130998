#!/usr/bin/env bash
# Run a command against a real Secret Service: a private D-Bus session with an unlocked
# gnome-keyring. Used by `npm run test:keychain:ci`; on a desktop, run `npm run test:keychain`.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus gnome-keyring)" >&2
  exit 2
fi
export PGM_STUDIO_KEYRING_HOME="$(mktemp -d)"
trap 'rm -rf "$PGM_STUDIO_KEYRING_HOME"' EXIT
exec env HOME="$PGM_STUDIO_KEYRING_HOME" XDG_DATA_HOME="$PGM_STUDIO_KEYRING_HOME/.local/share" \
  dbus-run-session -- sh -c 'echo -n pgm-studio-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' sh "$@"
