#!/usr/bin/env bash
# Run a command against a real Secret Service: a private D-Bus session with an unlocked
# gnome-keyring in a throwaway HOME (the developer's own keyring is never touched).
# Used by `npm run test:keychain:ci`; on a desktop, run `npm run test:keychain`.
set -euo pipefail
if ! command -v dbus-run-session >/dev/null || ! command -v gnome-keyring-daemon >/dev/null; then
  echo "with-keyring: needs dbus-run-session and gnome-keyring-daemon (apt-get install dbus dbus-x11 gnome-keyring libsecret-1-0)" >&2
  exit 2
fi
keyring_home="$(mktemp -d)"
# No `exec` below: the trap must still run to remove the throwaway keyring.
trap 'rm -rf "$keyring_home"' EXIT
status=0
# --unlock reads the new login keyring's password from stdin, creating and unlocking it; the daemon
# exits with the private bus when dbus-run-session ends.
HOME="$keyring_home" XDG_DATA_HOME="$keyring_home/.local/share" XDG_CONFIG_HOME="$keyring_home/.config" \
  XDG_CACHE_HOME="$keyring_home/.cache" npm_config_update_notifier=false \
  dbus-run-session -- sh -c '
    printf %s pgm-studio-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null || {
      echo "with-keyring: gnome-keyring-daemon did not start" >&2; exit 2; }
    exec "$@"' sh "$@" || status=$?
exit "$status"
