// An open-loop load sender, run in its own process so that the server's CPU is the server's:
// request i leaves at start + i / rate whatever the earlier ones are doing, and its latency counts
// from that planned moment (a slow server cannot slow the sender down and hide its own queue).
// Input: a JSON file { url, rate, timeoutMs, requests: [{ headers, body }] }. Output on stdout:
// { latencies (ms, answered requests), statuses { code: count }, unanswered, lateMs (sender lag) }.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { performance } from 'node:perf_hooks';

const { url, rate, timeoutMs, requests } = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
const latencies = [];
const statuses = {};
let unanswered = 0;
let lateMs = 0;
let pending = requests.length;
let finish;
const done = new Promise((resolve) => {
  finish = resolve;
});

function settle() {
  pending -= 1;
  if (pending === 0) finish();
}

function send(request, plannedAt) {
  lateMs = Math.max(lateMs, performance.now() - plannedAt);
  let settled = false;
  const once = (work) => {
    if (settled) return;
    settled = true;
    work();
    settle();
  };
  const req = http.request(
    { agent, host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers: { ...request.headers, 'content-length': Buffer.byteLength(request.body) } },
    (res) => {
      res.resume();
      res.on('end', () =>
        once(() => {
          latencies.push(performance.now() - plannedAt);
          statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1;
        }),
      );
    },
  );
  req.setTimeout(timeoutMs, () => {
    once(() => {
      unanswered += 1;
    });
    req.destroy();
  });
  req.on('error', () =>
    once(() => {
      statuses.error = (statuses.error ?? 0) + 1;
    }),
  );
  req.end(request.body);
}

const start = performance.now() + 50;
let next = 0;
function tick() {
  const now = performance.now();
  while (next < requests.length && start + (next * 1000) / rate <= now) {
    send(requests[next], start + (next * 1000) / rate);
    next += 1;
  }
  if (next < requests.length) setTimeout(tick, Math.max(0, start + (next * 1000) / rate - performance.now()));
}
setTimeout(tick, 50);
await done;
agent.destroy();
process.stdout.write(JSON.stringify({ latencies, statuses, unanswered, lateMs }));
