/**
 * A sharded Jitsi deployment on loopback, as deploy/README.md "More than one server" describes it:
 * shards that are each a whole server of the local deployment (Debian's Prosody with Jitsi's modules
 * and ours, the Jicofo model, the web root served by Debian's nginx with Jitsi's site configuration),
 * all on one PostgreSQL, behind Debian's HAProxy with the guide's file (deploy/haproxy/haproxy.cfg:
 * TLS at the front and to every shard, routing by the `room` parameter, a stick table, health
 * checks). Every shard serves the same config.js, which names the front's address: the browser only
 * ever talks to HAProxy.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { startFront, type RunningFront } from '../haproxy/shardFront';
import type { RunningJicofo } from '../jicofo-model/jicofoModel';
import { startJicofoOn } from '../jicofo-model/onTestServer';
import { closers, type Closers } from '../net/closers';
import { freePort } from '../net/loopback';
import type { RunningPostgres } from '../postgres/cluster';
import { DOMAINS, startProsody, type RunningProsody } from '../prosody/harness';

import { deploymentConfig, deploymentSite, type LocalDeploymentOptions } from './localDeployment';
import { startJitsiSite, type RunningJitsiSite } from './nginxJitsiSite';
import { selfSignedCertificate } from './selfSignedCertificate';

const ROOT = join(__dirname, '..', '..');
const SCHEMA = readFileSync(join(ROOT, 'deploy', 'postgres', 'schema.sql'), 'utf8');

/** What to serve, on how many shards, with which store. */
export interface ShardedDeploymentOptions extends Pick<LocalDeploymentOptions, 'root' | 'libs' | 'pluginHead'> {
    /** The shared store of every shard's Prosody (accounts, blocks, usage). */
    readonly store: RunningPostgres;
    /** How many shards (default 2). */
    readonly shards?: number;
    /** mod_school_policy's grace period, in seconds (default 60). */
    readonly graceSeconds?: number;
}

/** One shard: a whole Jitsi server. */
export interface JitsiShard {
    readonly prosody: RunningProsody;
    readonly jicofo: RunningJicofo;
    readonly site: RunningJitsiSite;
    /** False once stopped. */
    readonly running: boolean;
    /** Stops the shard as a failing server would go: web server, Jicofo and Prosody at once. */
    stop(): Promise<void>;
}

/** A running sharded deployment. */
export interface ShardedDeployment {
    /** The address people use: HAProxy's. */
    readonly origin: string;
    readonly shards: readonly JitsiShard[];
    readonly front: RunningFront;
    /** The running shard whose Jicofo holds the room, if any. */
    shardOf(room: string): JitsiShard | undefined;
    stop(): Promise<void>;
}

interface ShardParts {
    readonly prosody: RunningProsody;
    readonly jicofo: RunningJicofo;
}

async function startShardServers(options: ShardedDeploymentOptions, started: Closers) {
    const parts: ShardParts[] = [];

    for (let i = 0; i < (options.shards ?? 2); i += 1) {
        const prosody = await startProsody({
            graceSeconds: options.graceSeconds ?? 60,
            bosh: true,
            jitsiModules: true,
            sql: options.store,
            sqlPollSeconds: 1,
        });

        started.add(() => prosody.stop());
        const jicofo = await startJicofoOn(prosody);

        started.add(() => jicofo.stop());
        parts.push({ prosody, jicofo });
    }
    // One config.js for all: it names Jicofo's address, which must be the same on every shard (in
    // production the client_proxy name, focus.<domain>).
    if (new Set(parts.map(part => part.jicofo.address)).size !== 1) {
        throw new Error('the shards’ Jicofo addresses differ: one config.js cannot serve them all');
    }

    return parts;
}

/** Starts the shards and HAProxy in front; stops what started if a later part fails. */
export async function startShardedDeployment(options: ShardedDeploymentOptions): Promise<ShardedDeployment> {
    const started = closers();

    try {
        // The shared store's tables first: every shard's Prosody reads them from its start.
        options.store.query(SCHEMA);
        const dir = mkdtempSync(join(tmpdir(), 'sp-shards-'));

        started.add(() => Promise.resolve(rmSync(dir, { recursive: true, force: true })));
        const certificate = selfSignedCertificate();
        const tls = { frontPem: join(dir, 'front.pem'), shardCa: join(dir, 'shards.crt') };

        writeFileSync(tls.frontPem, certificate.cert + certificate.key, { mode: 0o600 });
        writeFileSync(tls.shardCa, certificate.cert);
        const port = await freePort();
        const origin = `https://127.0.0.1:${port}`;
        const parts = await startShardServers(options, started);
        const config = deploymentConfig(origin, parts[0]?.jicofo.address ?? '');
        const shards: JitsiShard[] = [];

        for (const { prosody, jicofo } of parts) {
            const site = await startJitsiSite({
                ...deploymentSite(options, prosody),
                config: () => config,
                certificate,
            });

            started.add(() => site.close());
            let running = true;

            shards.push({
                prosody,
                jicofo,
                site,
                get running() {
                    return running;
                },
                async stop() {
                    running = false;
                    await Promise.all([site.close(), jicofo.stop(), prosody.stop()]);
                },
            });
        }
        const front = await startFront(
            shards.map(shard => new URL(shard.site.origin).host),
            { port, tls },
        );

        started.add(() => front.stop());

        return {
            origin,
            shards,
            front,
            shardOf: room => shards.find(s => s.running && s.jicofo.rooms().includes(`${room}@${DOMAINS.muc}`)),
            stop: () => started.closeAll(),
        };
    } catch (error) {
        await started.closeAll();
        throw error;
    }
}
