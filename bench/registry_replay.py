#!/usr/bin/env python3
"""A local stand-in for the package registries, for bench/packages_ingest.sh: answers every
request oscm ingest packages makes (npm downloads ranges, pypistats, crates.io, Docker Hub,
deps.dev, ecosyste.ms) in the documented shapes, for any package name, with figures derived from
the name (deterministic). HTTP/1.1 with keep-alive, one thread per connection.

    bench/registry_replay.py PORT_FILE     # listens on 127.0.0.1, a free port, written to PORT_FILE
"""
import datetime
import hashlib
import json
import re
import sys
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def figure(name, lo, hi):
    h = int(hashlib.sha1(name.encode()).hexdigest()[:8], 16)
    return lo + h % (hi - lo)


def days(start, end):
    d = datetime.date.fromisoformat(start)
    e = datetime.date.fromisoformat(end)
    while d <= e:
        yield d.isoformat()
        d += datetime.timedelta(days=1)


def recent(n):
    today = datetime.date.today()
    return [(today - datetime.timedelta(days=i)).isoformat() for i in range(n, 0, -1)]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go as two writes: without it, each answer waits for a delayed ACK

    def log_message(self, *args):
        pass

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = urllib.parse.unquote(self.path.split("?")[0])
        m = re.match(r"^/downloads/range/(\d{4}-\d\d-\d\d):(\d{4}-\d\d-\d\d)/(.+)$", path)
        if m:
            name = m.group(3)
            base = figure(name, 10, 100000)
            return self.answer(200, {"start": m.group(1), "end": m.group(2), "package": name,
                                     "downloads": [{"day": d, "downloads": base + i % 7 * 100}
                                                   for i, d in enumerate(days(m.group(1), m.group(2)))]})
        m = re.match(r"^/api/packages/([^/]+)/overall$", path)
        if m:
            base = figure(m.group(1), 10, 50000)
            data = []
            for d in recent(180):
                data.append({"category": "with_mirrors", "date": d, "downloads": base * 2})
                data.append({"category": "without_mirrors", "date": d, "downloads": base})
            return self.answer(200, {"data": data, "package": m.group(1), "type": "overall_downloads"})
        m = re.match(r"^/api/v1/crates/([^/]+)/downloads$", path)
        if m:
            base = figure(m.group(1), 10, 5000)
            return self.answer(200, {"version_downloads": [{"version": 1, "downloads": base, "date": d} for d in recent(90)],
                                     "meta": {"extra_downloads": []}})
        m = re.match(r"^/api/v1/crates/([^/]+)/reverse_dependencies$", path)
        if m:
            return self.answer(200, {"dependencies": [], "versions": [], "meta": {"total": figure(m.group(1), 0, 900)}})
        m = re.match(r"^/v2/repositories/([^/]+)/([^/]+)/$", path)
        if m:
            return self.answer(200, {"namespace": m.group(1), "name": m.group(2), "pull_count": figure(path, 1000, 10**8)})
        m = re.match(r"^/v3/systems/([^/]+)/packages/(.+)$", path)
        if m:
            return self.answer(200, {"packageKey": {"system": m.group(1).upper(), "name": m.group(2)},
                                     "versions": [{"versionKey": {"version": "1.%d.0" % i}, "isDefault": i == 4}
                                                  for i in range(5)]})
        m = re.match(r"^/v3alpha/systems/([^/]+)/packages/(.+)/versions/(.+):dependents$", path)
        if m:
            return self.answer(200, {"dependentCount": figure(m.group(2), 0, 20000), "directDependentCount": 1})
        m = re.match(r"^/api/v1/registries/([^/]+)/packages/(.+)$", path)
        if m:
            return self.answer(200, {"name": m.group(2), "dependent_repos_count": figure(m.group(2), 0, 50000),
                                     "dependent_packages_count": 1})
        return self.answer(404, {"error": "not found"})


def main():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    with open(sys.argv[1], "w") as f:
        f.write(str(server.server_address[1]))
    server.serve_forever()


if __name__ == "__main__":
    main()
