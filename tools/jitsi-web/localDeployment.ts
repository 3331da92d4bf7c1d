/**
 * A Jitsi deployment on loopback, as a media centre runs it, for browser tests and verifications:
 * Debian's Prosody with mod_school_policy (BOSH), the Jicofo model on its own account
 * (tools/jicofo-model), and the web root served over HTTPS by Debian's nginx with Jitsi's own site
 * configuration and this repository's additions (nginxJitsiSite.ts) — with **one** config.js for
 * everybody: this repository's file, pointed at the local servers, with the guest domain set (a
 * secure domain). The browser must accept the throw-away certificate (`--ignore-certificate-errors`,
 * which tools/browser/chromium.ts passes; loopback only).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RunningJicofo } from '../jicofo-model/jicofoModel';
import { startJicofoOn } from '../jicofo-model/onTestServer';
import { closers } from '../net/closers';
import { DOMAINS, startProsody, type RunningProsody } from '../prosody/harness';

import { startJitsiSite } from './nginxJitsiSite';

const ROOT = join(__dirname, '..', '..');

/** What to serve. */
export interface LocalDeploymentOptions {
    /** The web root (index.html and static files). */
    readonly root: string;
    /** Folders for `/libs/…`, in order. */
    readonly libs: readonly string[];
    /** The deployment's plugin.head.html, if any. */
    readonly pluginHead?: string;
    /** mod_school_policy's grace period, in seconds (default 60). */
    readonly graceSeconds?: number;
    /**
     * Origins besides the site itself that may embed the meeting page: the portal's (the site's
     * `frame-ancestors`, deploy/nginx/jitsi-additions.conf).
     */
    readonly frameAncestors?: readonly string[];
    /**
     * Prosody as Jitsi's example configures it (its modules on the conference component, the lobby and
     * breakout components, rooms created only by Jicofo) instead of our modules alone.
     */
    readonly jitsiModules?: boolean;
}

/** A running deployment. */
export interface LocalDeployment {
    readonly origin: string;
    readonly prosody: RunningProsody;
    readonly jicofo: RunningJicofo;
    /** nginx's error-level log lines so far (empty when all went well). */
    webErrors(): string;
    stop(): Promise<void>;
}

/**
 * This repository's config.js, pointed at the local servers. `hosts.focus` names the model's own
 * address: a Debian or Docker install puts Jitsi's client_proxy component (`focus.<domain>`) in
 * front of Jicofo's account, which forwards there; Debian's Prosody has no client_proxy.
 */
export function deploymentConfig(origin: string, focus: string): string {
    const base = readFileSync(join(ROOT, 'config.js'), 'utf8');
    const hosts = { domain: DOMAINS.teachers, anonymousdomain: DOMAINS.guests, muc: DOMAINS.muc, focus };

    return (
        `${base}\n// Added for the local deployment: its servers.\nconfig.hosts = ${JSON.stringify(hosts)};\n` +
        // Protocol-relative, as jitsi-meet's own config.js writes it: some of its code puts "https:"
        // in front of config.bosh.
        `config.bosh = ${JSON.stringify(`${origin.replace(/^https?:/, '')}/http-bind`)};\n`
    );
}

/**
 * What every deployment's nginx site serves besides its config.js: the web root, the deployment's
 * own additions under /libs/ (config.js names them) before the given folders, this repository's
 * interface_config.js, the plugin.head.html, and Prosody's HTTP service behind it.
 */
export function deploymentSite(
    options: Pick<LocalDeploymentOptions, 'root' | 'libs' | 'pluginHead'>,
    prosody: Pick<RunningProsody, 'bosh'>,
) {
    return {
        root: options.root,
        libs: [join(ROOT, 'deploy', 'jitsi-web', 'libs'), ...options.libs],
        interfaceConfig: readFileSync(join(ROOT, 'interface_config.js'), 'utf8'),
        ...(options.pluginHead === undefined ? {} : { pluginHead: options.pluginHead }),
        prosody: new URL(prosody.bosh ?? '').host,
    };
}

/** Starts Prosody, the Jicofo model and the web server; stops what started if a later part fails. */
export async function startLocalDeployment(options: LocalDeploymentOptions): Promise<LocalDeployment> {
    const started = closers();

    try {
        const prosody = await startProsody({
            graceSeconds: options.graceSeconds ?? 60,
            bosh: true,
            jitsiModules: options.jitsiModules ?? false,
        });

        started.add(() => prosody.stop());
        const jicofo = await startJicofoOn(prosody);

        started.add(() => jicofo.stop());
        const web = await startJitsiSite({
            ...deploymentSite(options, prosody),
            config: origin => deploymentConfig(origin, jicofo.address),
            frameAncestors: options.frameAncestors ?? [],
        });

        started.add(() => web.close());

        return { origin: web.origin, prosody, jicofo, webErrors: () => web.errors(), stop: () => started.closeAll() };
    } catch (error) {
        await started.closeAll();
        throw error;
    }
}
