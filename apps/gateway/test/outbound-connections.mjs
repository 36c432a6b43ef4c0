// Preloaded into a gateway process by telemetry.test.ts: appends every host the process looks
// up or opens a TCP connection or UDP socket to, one per line, to OUTBOUND_LOG. It patches the
// lowest JavaScript layer every client goes through (net.Socket#connect, dns lookups,
// dgram sends), so http, https, undici's fetch and gRPC exporters are all seen.
import dgram from "node:dgram";
import dns from "node:dns";
import { appendFileSync } from "node:fs";
import net from "node:net";

const logFile = process.env.OUTBOUND_LOG;
if (!logFile) throw new Error("OUTBOUND_LOG is not set");
const record = (kind, target) => appendFileSync(logFile, `${kind} ${target}\n`);

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function patchedConnect(...args) {
  const first = Array.isArray(args[0]) ? args[0][0] : args[0];
  if (first && typeof first === "object") {
    if (first.path) record("ipc", first.path);
    else record("tcp", `${first.host ?? "localhost"}:${first.port}`);
  } else if (typeof first === "number") {
    record("tcp", `${typeof args[1] === "string" ? args[1] : "localhost"}:${first}`);
  } else if (typeof first === "string") {
    record("ipc", first);
  }
  return connect.apply(this, args);
};

const lookup = dns.lookup;
dns.lookup = function patchedLookup(hostname, ...rest) {
  record("dns", hostname);
  return lookup.call(this, hostname, ...rest);
};
const promisesLookup = dns.promises.lookup;
dns.promises.lookup = function patchedPromisesLookup(hostname, ...rest) {
  record("dns", hostname);
  return promisesLookup.call(this, hostname, ...rest);
};

const send = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function patchedSend(...args) {
  const port = args.find((arg) => typeof arg === "number" && arg > 0);
  const address = args.find((arg, index) => index > 0 && typeof arg === "string");
  record("udp", `${address ?? "localhost"}:${port}`);
  return send.apply(this, args);
};
