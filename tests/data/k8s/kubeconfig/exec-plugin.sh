#!/bin/sh
# A fixture ExecCredential plugin: answers with $FIXTURE_TOKEN in the apiVersion it was asked for.
case "$KUBERNETES_EXEC_INFO" in
  *'"interactive":false'*) ;;
  *) echo "expected a non-interactive request" >&2; exit 1 ;;
esac
printf '{"apiVersion":"client.authentication.k8s.io/v1","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"2099-01-01T00:00:00Z"}}\n' "$FIXTURE_TOKEN"
