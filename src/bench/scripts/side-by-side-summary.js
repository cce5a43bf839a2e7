#!/usr/bin/env node
'use strict';
// The medians per peer of one side-by-side session (side-by-side.sh), from the JSON lines the
// load tool appended: node side-by-side-summary.js FILE SESSION. Each line's label is
// SESSION/PEER/ROUND; LiveChat is the peer "livechat", the other is the Socket.io server. The
// ratio column is LiveChat / Socket.io: below 1 LiveChat needs less (CPU) or waits less (p99).

const fs = require('fs');

const [file, session] = process.argv.slice(2);
if (!file || !session) {
  console.error('usage: node side-by-side-summary.js FILE SESSION');
  process.exit(2);
}

const lines = fs.readFileSync(file, 'utf8').split('\n').filter((line) => line.startsWith('{')).map((line) => {
  try {
    return JSON.parse(line);
  } catch (error) {
    return null;
  }
}).filter((line) => line && line.tool === 'livechat-loadgen' && typeof line.label === 'string'
  && line.label.startsWith(session + '/'));
if (lines.length === 0) {
  console.error(`no lines of session ${session} in ${file}`);
  process.exit(1);
}

const peers = [];
const byPeer = {};
for (const line of lines) {
  const [, peer, round] = line.label.split('/');
  if (!byPeer[peer]) {
    byPeer[peer] = [];
    peers.push(peer);
  }
  byPeer[peer].push({ round, line });
}
peers.sort((a, b) => (a === 'livechat' ? -1 : b === 'livechat' ? 1 : a.localeCompare(b)));
const other = peers.find((peer) => peer !== 'livechat');

function median(values) {
  const known = values.filter((value) => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (known.length === 0) {
    return null;
  }
  const middle = Math.floor(known.length / 2);
  return (known.length % 2) ? known[middle] : (known[middle - 1] + known[middle]) / 2;
}

function sum(values) {
  return values.filter((value) => typeof value === 'number').reduce((a, b) => a + b, 0);
}

function format(value, digits) {
  if (value === null || value === undefined) {
    return '-';
  }
  return (typeof value === 'number') ? value.toFixed(digits) : String(value);
}

// rows: [name, (lines of one peer) => value, digits, ratio?, how ('median' | 'sum')]
function table(title, groups, rows) {
  const width = 16;
  console.log('');
  console.log(title);
  const header = ['', ...peers, other ? 'livechat/' + other.replace('socketio-', 'sio-') : ''];
  console.log('  ' + header[0].padEnd(34) + header.slice(1).map((cell) => cell.padStart(width + 4)).join(''));
  for (const [name, read, digits, ratio, how] of rows) {
    const values = {};
    const cells = peers.map((peer) => {
      const each = (groups[peer] || []).map(read);
      values[peer] = (how === 'sum') ? sum(each) : median(each);
      return format(values[peer], digits);
    });
    let last = '';
    if (ratio && other && values.livechat !== null && values[other]) {
      last = format(values.livechat / values[other], 2);
    }
    console.log('  ' + name.padEnd(34) + [...cells, last].map((cell) => cell.padStart(width + 4)).join(''));
  }
}

function runs(peer, pick) {
  return byPeer[peer].map(({ line }) => pick(line)).filter(Boolean);
}

const scenario = lines[0].scenario;
const stepMode = lines.some((line) => line.summary);
console.log(`\nside-by-side ${session}: ${scenario}, medians over the runs of each peer`);
console.log('  runs: ' + peers.map((peer) => `${peer} ${new Set(byPeer[peer].map(({ round }) => round)).size}`).join(', '));

if (scenario === 'fanout' && !stepMode) {
  const groups = Object.fromEntries(peers.map((peer) => [peer, runs(peer, (line) => line.step)]));
  table('fanout', groups, [
    ['server CPU per delivery, us', (step) => step.cpu.server_us_per_delivery, 2, true],
    ['server CPU, % of a core', (step) => step.cpu.server_pct_of_core, 0, true],
    ['latency p50, ms', (step) => step.latency_ms.p50, 2, true],
    ['latency p99, ms', (step) => step.latency_ms.p99, 2, true],
    ['latency p99.9, ms', (step) => step.latency_ms.p99_9, 2, false],
    ['deliveries/s', (step) => step.deliveries_per_s, 0, false],
    ['expected deliveries/s', (step) => step.expected_deliveries_per_s, 0, false],
    ['lost, all runs', (step) => step.lost, 0, false, 'sum'],
    ['out of order, all runs', (step) => step.out_of_order, 0, false, 'sum'],
    ['duplicated, all runs', (step) => step.duplicates, 0, false, 'sum'],
    ['server RSS at the end, MB', (step) => (step.server_rss_kb != null) ? step.server_rss_kb / 1024 : null, 0, true],
    ['generator CPU, % of a core', (step) => step.cpu.generator_pct_of_core, 0, false],
    ["others' CPU, % of a core", (step) => step.cpu.others_pct_of_core, 0, false],
  ]);
}
else if (scenario === 'fanout') {
  const rates = [...new Set(lines.filter((line) => line.step).map((line) => line.step.rate_msgs_per_s))].sort((a, b) => a - b);
  for (const rate of rates) {
    const groups = Object.fromEntries(peers.map((peer) => [peer,
      runs(peer, (line) => line.step && line.step.rate_msgs_per_s === rate && line.step)]));
    table(`step ${rate} msg/s (runs that reached it: ${peers.map((peer) => groups[peer].length).join(' / ')})`, groups, [
      ['server CPU per delivery, us', (step) => step.cpu.server_us_per_delivery, 2, true],
      ['latency p50, ms', (step) => step.latency_ms.p50, 2, true],
      ['latency p99, ms', (step) => step.latency_ms.p99, 2, true],
      ['deliveries/s', (step) => step.deliveries_per_s, 0, false],
      ['lost, all runs', (step) => step.lost, 0, false, 'sum'],
      ['out of order, all runs', (step) => step.out_of_order, 0, false, 'sum'],
      ["others' CPU, % of a core", (step) => step.cpu.others_pct_of_core, 0, false],
    ]);
  }
  const groups = Object.fromEntries(peers.map((peer) => [peer, runs(peer, (line) => line.summary)]));
  table('knee (last step passing the p99 limit with nothing lost, duplicated or reordered)', groups, [
    ['knee, msg/s', (summary) => summary.knee_rate_msgs_per_s, 0, false],
    ['knee, deliveries/s', (summary) => summary.knee_deliveries_per_s, 0, false],
    ['p99 at the knee, ms', (summary) => summary.knee_p99_ms, 2, true],
  ]);
  for (const peer of peers) {
    const reasons = runs(peer, (line) => line.summary && (line.summary.first_failure || 'every step passed'));
    console.log(`  ${peer}: first failure per run: ${reasons.join('; ') || '-'}`);
  }
}
else if (scenario === 'idle') {
  const groups = Object.fromEntries(peers.map((peer) => [peer, runs(peer, (line) => line.idle)]));
  table('idle', groups, [
    ['RSS growth per connection, no GC, kB', (idle) => idle.rss_growth_per_connection_no_gc_kb, 1, true],
    ['RSS per connection after GC, kB', (idle) => (idle.server_before.gc_forced ? idle.rss_per_connection_kb : null), 1,
      false],
    ['heap per connection after GC, kB', (idle) => idle.heap_per_connection_kb, 1, false],
    ['joined', (idle) => idle.join.joined, 0, false],
    ['join wall time, ms', (idle) => idle.join.wall_ms, 0, true],
    ['still open after the hold', (idle) => idle.still_open_after_hold, 0, false],
  ]);
  console.log('  (after GC: a JVM only, and only without --forced-gc no; the growth as left needs --forced-gc no');
  console.log('   for a JVM, as a GC forced at the start shrinks its heap)');
}
else if (scenario === 'storm') {
  const groups = Object.fromEntries(peers.map((peer) => [peer, runs(peer, (line) => line.storm)]));
  table('storm', groups, [
    ['joins/s', (storm) => storm.joins_per_s, 0, true],
    ['last joined after, ms', (storm) => storm.last_joined_ms, 0, true],
    ['user lists settled after, ms', (storm) => storm.settled_ms, 0, true],
    ['server CPU until settled, s', (storm) => storm.cpu.server_s, 2, true],
    ['user list events per client', (storm) => storm.users_events_per_client, 1, false],
    ['server RSS at the end, MB', (storm) => (storm.server_rss_kb != null) ? storm.server_rss_kb / 1024 : null, 0, true],
    ["others' CPU, % of a core", (storm) => storm.cpu.others_pct_of_core, 0, false],
  ]);
}
const accepted = peers.map((peer) => `${peer} ${JSON.stringify(byPeer[peer][0].line.websocket
  ? byPeer[peer][0].line.websocket.extensions_accepted : null)}`);
console.log(`  extensions accepted (first run of each): ${accepted.join(', ')}`);
