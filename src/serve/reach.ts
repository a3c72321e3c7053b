import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

const EVERY_INTERFACE = new Set(['0.0.0.0', '::']);

/** Whether an address is this machine's loopback: 127.0.0.0/8, ::1, or 127.x mapped into IPv6. */
export function isLoopback(address: string): boolean {
  return /^(?:::ffff:)?127\./u.test(address) || address === '::1';
}

/**
 * Who can reach a server listening on `socket`, in words: this machine only,
 * or the network, with the addresses others would type (as Vite prints them).
 */
export function describeReach(socket: AddressInfo, pathPrefix: string): string {
  if (isLoopback(socket.address)) return `listening on ${socket.address}, this machine only; --host 0.0.0.0 shares it with the network`;
  if (!EVERY_INTERFACE.has(socket.address)) return `listening on ${socket.address} only`;
  const ipv6 = socket.address === '::';
  const urls = Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((entry) => !entry.internal && (entry.family === 'IPv4' || (ipv6 && !entry.address.startsWith('fe80:'))))
    .map((entry) => `http://${entry.family === 'IPv6' ? `[${entry.address}]` : entry.address}:${socket.port}${pathPrefix}`);
  return `listening on ${socket.address}, every network interface${urls.length > 0 ? `: ${urls.join(', ')}` : ''}`;
}
