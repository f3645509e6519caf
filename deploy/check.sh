#!/bin/sh
# Checks the deployment files without Docker or a running systemd: the Dockerfile's syntax with
# dockerfile-utils (from npm, through npx), compose.yaml with docker-compose, the nginx
# configuration with `nginx -t` (upstream names replaced by loopback addresses, since web1 and
# web2 only resolve inside compose), and the systemd units with systemd-analyze. Needs
# docker-compose, nginx and systemd (Debian packages) and npm. Run from anywhere.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

echo '== Dockerfile (dockerfile-utils lint)'
# Instructions, flags, durations and ports; not whether the build succeeds (that needs Docker).
npx --yes dockerfile-utils@0.16.3 lint "$root/Dockerfile"
echo ok

echo '== compose.yaml (docker-compose config)'
# compose.yaml reads .env; the example stands in for it when there is none.
cp "$root/deploy/masthead.env.example" "$tmp/.env"
cp "$root/compose.yaml" "$tmp/compose.yaml"
mkdir -p "$tmp/deploy" && cp -r "$root/deploy/nginx" "$tmp/deploy/"
(cd "$tmp" && docker-compose -f compose.yaml config --quiet)
echo ok

echo '== deploy/nginx (nginx -t)'
mkdir -p "$tmp/nginx/cache" "$tmp/nginx/logs"
sed -e 's/server web1:3000/server 127.0.0.1:3001/' -e 's/server web2:3000/server 127.0.0.1:3002/' \
  -e "s#/var/cache/nginx/masthead#$tmp/nginx/cache#" \
  -e "s#/etc/nginx/masthead-locations.conf#$root/deploy/nginx/masthead-locations.conf#" \
  "$root/deploy/nginx/masthead.conf" >"$tmp/nginx/masthead.conf"
cat >"$tmp/nginx/nginx.conf" <<CONF
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/logs/error.log;
events {}
http {
  include /etc/nginx/mime.types;
  access_log off;
  client_body_temp_path $tmp/nginx/body;
  proxy_temp_path $tmp/nginx/proxy;
  fastcgi_temp_path $tmp/nginx/fastcgi;
  uwsgi_temp_path $tmp/nginx/uwsgi;
  scgi_temp_path $tmp/nginx/scgi;
  include $tmp/nginx/masthead.conf;
}
CONF
nginx -q -t -c "$tmp/nginx/nginx.conf"
echo ok

echo '== deploy/systemd (systemd-analyze verify)'
mkdir -p "$tmp/units"
cp "$root"/deploy/systemd/* "$tmp/units/"
ln -s masthead-web@.service "$tmp/units/masthead-web@3001.service"
out=$(cd "$tmp/units" && systemd-analyze verify --man=no ./masthead-web@3001.service \
  ./masthead-worker.service ./masthead-backup.service ./masthead-backup.timer 2>&1)
# verify exits 0 on unknown keys, printing them: any output is a failure here.
if [ -n "$out" ]; then
  echo "$out"
  exit 1
fi
echo ok
