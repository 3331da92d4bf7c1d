/**
 * Debian's HAProxy in front of shards, configured the way Jitsi scales out: every request of a
 * conference goes to the same shard by the `room` URL parameter of its BOSH or WebSocket address
 * (lib-jitsi-meet adds it), remembered in a stick table; new rooms are spread round-robin; a shard
 * whose health check fails is taken out, and its rooms' next connections are dispatched to a shard
 * that is up (`option redispatch`). Sources: the Jitsi community's maintainers ("every bosh
 * connection has a ?room= parameter, so you need to route calls to the same shard",
 * community.jitsi.org/t/load-balancing-with-haproxy/16770) and jitsi/infra-configuration's HAProxy
 * templates (stick tables). The file written here is deploy/haproxy/haproxy.cfg with the shards'
 * addresses filled in; the guide shows the same file.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { accepts, freePort, until } from '../net/loopback';

const TEMPLATE = join(__dirname, '..', '..', 'deploy', 'haproxy', 'haproxy.cfg');

/**
 * HTTPS on both sides, as the guide's file has it: HAProxy ends the browser's TLS with `frontPem`
 * (certificate and key in one file) and speaks TLS to each shard's nginx, checking its certificate
 * against `shardCa`. Without it, plain HTTP to the shards' Prosody (the XMPP-only tests).
 */
export interface FrontTls {
    /** The certificate and key HAProxy presents, in one PEM file. */
    readonly frontPem: string;
    /** The CA file the shards' certificates are checked against. */
    readonly shardCa: string;
}

/** How to start the front. */
export interface FrontOptions {
    /** Where to listen (a free loopback port when not given). */
    readonly port?: number;
    readonly tls?: FrontTls;
}

/** A running HAProxy. */
export interface RunningFront {
    /** Its address, e.g. `127.0.0.1:40123`. */
    readonly host: string;
    /** HAProxy's own log so far (one line per request, `option httplog`). */
    log(): string;
    /** The WebSocket address of a room through HAProxy, as lib-jitsi-meet connects. */
    websocket(room: string): string;
    stop(): Promise<void>;
}

/**
 * The configuration for these shards: the template with its bind address and server lines replaced.
 *
 * @param {number} port - Where HAProxy listens (loopback).
 * @param {string[]} shards - The shards' addresses (`host:port`: nginx with TLS, or Prosody's HTTP).
 * @param {FrontTls} [tls] - TLS on both sides, as in production.
 * @returns {string}
 */
export function frontConfig(port: number, shards: readonly string[], tls?: FrontTls): string {
    const toShard = tls ? ` ssl verify required ca-file ${tls.shardCa}` : '';
    const servers = shards
        .map((address, i) => `    server shard${i + 1} ${address}${toShard} check inter 500ms fall 2 rise 2`)
        .join('\n');

    return (
        readFileSync(TEMPLATE, 'utf8')
            // A test machine allows fewer open files than a production front needs.
            .replace(/^\s*maxconn \d+$/m, '    maxconn 1000')
            .replace(/^\s*bind .*$/m, `    bind 127.0.0.1:${port}${tls ? ` ssl crt ${tls.frontPem}` : ''}`)
            .replace(/^\s*server shard1 .*\n(\s*server shard\d+ .*\n)*/m, `${servers}\n`)
    );
}

/** Starts HAProxy (in the foreground, as a child) in front of the given shards. */
export async function startFront(shards: readonly string[], options: FrontOptions = {}): Promise<RunningFront> {
    const dir = mkdtempSync(join(tmpdir(), 'sp-haproxy-'));
    const port = options.port ?? (await freePort());
    const config = join(dir, 'haproxy.cfg');

    writeFileSync(config, frontConfig(port, shards, options.tls));
    const child: ChildProcess = spawn('/usr/sbin/haproxy', ['-db', '-f', config], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';

    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));

    try {
        // A configuration HAProxy refuses ends the process: stop waiting then.
        await until(async () => child.exitCode !== null || (await accepts(port)), `HAProxy on port ${port}`, 10000);
        if (child.exitCode !== null) {
            throw new Error(`HAProxy exited with ${child.exitCode}`);
        }
    } catch (error) {
        child.kill('SIGKILL');
        throw new Error(`${String(error)}\n--- haproxy ---\n${output}`, { cause: error });
    }

    return {
        host: `127.0.0.1:${port}`,
        log: () => output,
        websocket: room => `ws://127.0.0.1:${port}/xmpp-websocket?room=${encodeURIComponent(room)}`,
        async stop() {
            let timer: ReturnType<typeof setTimeout> | undefined;

            child.kill('SIGTERM');
            await Promise.race([exited, new Promise(resolve => (timer = setTimeout(resolve, 3000)))]);
            clearTimeout(timer);
            if (child.exitCode === null) {
                child.kill('SIGKILL');
            }
            rmSync(dir, { recursive: true, force: true });
        },
    };
}
