// Preloaded with `node --require` by the no-network tests: records every attempt to open a
// network connection, resolve a name, read or write a file, or run a program, and writes the
// record to $CYBERDOSSIER_GUARD_OUT at exit. Network and child processes are refused outright.
'use strict';
const fs = require('fs');
const out = process.env.CYBERDOSSIER_GUARD_OUT;
const record = { network: [], reads: [], writes: [], dirs: [], exec: [], modules: [] };
const refuse = (kind, what) => {
  record.network.push(`${kind} ${what}`);
  throw new Error(`cyberdossier guard: ${kind} refused (${what})`);
};
const wrap = (mod, name, kind) => {
  const orig = mod[name];
  if (typeof orig !== 'function') return;
  mod[name] = function (...args) {
    refuse(kind, `${name} ${JSON.stringify(args[0])?.slice(0, 80)}`);
    return orig.apply(this, args);
  };
};
const net = require('net');
wrap(net, 'connect', 'net');
wrap(net, 'createConnection', 'net');
wrap(net, 'createServer', 'net');
const origConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  refuse('net', `Socket.connect ${JSON.stringify(args[0])?.slice(0, 80)}`);
  return origConnect.apply(this, args);
};
wrap(require('dgram'), 'createSocket', 'dgram');
for (const m of ['http', 'https']) {
  wrap(require(m), 'request', m);
  wrap(require(m), 'get', m);
}
wrap(require('tls'), 'connect', 'tls');
const dns = require('dns');
for (const n of ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse']) wrap(dns, n, 'dns');
const cp = require('child_process');
for (const n of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) {
  cp[n] = function (...args) {
    record.exec.push(`${n} ${String(args[0]).slice(0, 80)}`);
    throw new Error(`cyberdossier guard: ${n} refused`);
  };
}
const track = (name, list) => {
  const orig = fs[name];
  fs[name] = function (p, ...rest) {
    if (typeof p === 'string' || p instanceof URL || Buffer.isBuffer(p)) list.push(String(p));
    return orig.call(this, p, ...rest);
  };
};
track('readFileSync', record.reads);
track('readFile', record.reads);
track('readdirSync', record.dirs);
track('writeFileSync', record.writes);
track('writeFile', record.writes);
track('appendFileSync', record.writes);
track('mkdirSync', record.writes);
track('rmSync', record.writes);
track('unlinkSync', record.writes);
for (const [name, list] of [['readFile', record.reads], ['writeFile', record.writes], ['appendFile', record.writes], ['open', record.reads]]) {
  const orig = fs.promises[name];
  fs.promises[name] = function (p, ...rest) {
    list.push(String(p));
    return orig.call(this, p, ...rest);
  };
}
const origStream = fs.createWriteStream;
fs.createWriteStream = function (p, ...rest) {
  record.writes.push(String(p));
  return origStream.call(this, p, ...rest);
};
const origReadStream = fs.createReadStream;
fs.createReadStream = function (p, ...rest) {
  record.reads.push(String(p));
  return origReadStream.call(this, p, ...rest);
};
// Every module the program loads after this point: nothing from the workspace may be required.
const Module = require('module');
const origLoad = Module._load;
Module._load = function (request, parent, ...rest) {
  const resolved = (() => {
    try {
      return Module._resolveFilename(request, parent, ...rest);
    } catch {
      return request;
    }
  })();
  record.modules.push(resolved);
  return origLoad.call(this, request, parent, ...rest);
};
const origOpen = fs.openSync;
fs.openSync = function (p, flags, ...rest) {
  (flags && /[wa+]/.test(String(flags)) ? record.writes : record.reads).push(String(p));
  return origOpen.call(this, p, flags, ...rest);
};
process.on('exit', () => {
  if (out) fs.writeFileSync.call(fs, out, JSON.stringify(record));
});
