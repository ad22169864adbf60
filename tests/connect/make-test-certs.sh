#!/bin/sh
# Usage: make-test-certs.sh OUTDIR — a throw-away CA, a server certificate for 127.0.0.1/localhost,
# an RSA client certificate (CN=kubernetes-admin, O=system:masters), an EC client key/cert, and a
# second CA that signed nothing here (for "wrong CA" tests). Test use only.
set -eu
out=$1
mkdir -p "$out"
cd "$out"
q() { "$@" >/dev/null 2>&1; }
q openssl req -x509 -newkey rsa:2048 -nodes -keyout ca.key -out ca.pem -days 3650 -subj "/CN=headroom-test-ca"
q openssl req -x509 -newkey rsa:2048 -nodes -keyout other-ca.key -out other-ca.pem -days 3650 -subj "/CN=other-ca"
printf 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc\nextendedKeyUsage=serverAuth\n' >server.ext
q openssl req -newkey rsa:2048 -nodes -keyout server.key -out server.csr -subj "/CN=kube-apiserver"
q openssl x509 -req -in server.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out server.pem -days 3650 -extfile server.ext
printf 'extendedKeyUsage=clientAuth\n' >client.ext
q openssl req -newkey rsa:2048 -nodes -keyout client.key -out client.csr -subj "/O=system:masters/CN=kubernetes-admin"
q openssl x509 -req -in client.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client.pem -days 3650 -extfile client.ext
q openssl ecparam -name prime256v1 -genkey -noout -out client-ec.key
q openssl req -new -key client-ec.key -out client-ec.csr -subj "/O=system:masters/CN=ec-admin"
q openssl x509 -req -in client-ec.csr -CA ca.pem -CAkey ca.key -CAcreateserial -out client-ec.pem -days 3650 -extfile client.ext
rm -f ./*.csr ./*.ext ./*.srl
