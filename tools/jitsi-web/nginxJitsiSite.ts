/**
 * A jitsi-meet web root served by Debian's nginx with Jitsi's own site configuration
 * (jitsiSiteConfig.ts), over HTTPS on loopback: what the deployment guide tells an admin to install
 * is what the browser tests and `fork:verify` run.
 *
 * The web root is laid out as an install has it in `/usr/share/jitsi-meet`: a folder of links to
 * the given root's files, with the deployment's own `interface_config.js` and `plugin.head.html`,
 * and `libs/` gathering the given folders in order (the first folder that has an entry wins), as an
 * admin copies the drop-in and the branding files into `libs/`. `config.js` is served from its own
 * file, as Debian's `/etc/jitsi/meet/<domain>-config.js`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import {
    existsSync,
    mkdirSync,
    mkdtempSync,
    readdirSync,
    readFileSync,
    rmSync,
    symlinkSync,
    writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { accepts, freePort, until } from '../net/loopback';

import { jitsiSiteConfig, jitsiSiteExample, nginxMainConfig } from './jitsiSiteConfig';
import { selfSignedCertificate, type Certificate } from './selfSignedCertificate';
import type { WebRootFiles } from './webRootFiles';

/** What to serve: the deployment's files, and where Prosody's HTTP service is. */
export interface JitsiSiteOptions extends WebRootFiles {
    /** Prosody's HTTP service, `127.0.0.1:<port>`. */
    readonly prosody: string;
    /** Origins besides the site itself that may embed the meeting page (the portal's). */
    readonly frameAncestors?: readonly string[];
    /** The site's certificate (shards share one, which HAProxy checks); a fresh one when not given. */
    readonly certificate?: Certificate;
}

/** A running site. */
export interface RunningJitsiSite {
    readonly origin: string;
    /** nginx's error log so far. */
    errors(): string;
    close(): Promise<void>;
}

const OWN_FILES = new Set(['libs', 'config.js', 'interface_config.js', 'plugin.head.html']);

/** Lays out the web root in `dir` (links, never copies of the given folders). */
function layOutWebRoot(dir: string, options: JitsiSiteOptions): void {
    mkdirSync(join(dir, 'libs'), { recursive: true });
    for (const name of readdirSync(options.root)) {
        if (!OWN_FILES.has(name)) {
            symlinkSync(join(options.root, name), join(dir, name));
        }
    }
    for (const folder of options.libs.filter(existsSync)) {
        for (const name of readdirSync(folder)) {
            if (!existsSync(join(dir, 'libs', name))) {
                symlinkSync(join(folder, name), join(dir, 'libs', name));
            }
        }
    }
    writeFileSync(join(dir, 'interface_config.js'), options.interfaceConfig);
    const stockHead = join(options.root, 'plugin.head.html');

    writeFileSync(
        join(dir, 'plugin.head.html'),
        options.pluginHead ?? (existsSync(stockHead) ? readFileSync(stockHead, 'utf8') : ''),
    );
}

/** Starts nginx on a free loopback port; rejects with nginx's own words if it does not come up. */
export async function startJitsiSite(options: JitsiSiteOptions): Promise<RunningJitsiSite> {
    if (!existsSync('/usr/sbin/nginx')) {
        throw new Error('nginx is not installed: run `npm run setup` (it installs Debian’s nginx)');
    }
    const dir = mkdtempSync(join(tmpdir(), 'jitsi-site-'));
    const port = await freePort();
    const origin = `https://127.0.0.1:${port}`;
    const webRoot = join(dir, 'jitsi-meet');
    const tls = options.certificate ?? selfSignedCertificate();
    const values = {
        port,
        webRoot,
        configFile: join(dir, 'config.js'),
        certificate: join(dir, 'site.crt'),
        key: join(dir, 'site.key'),
        prosody: options.prosody,
        accessLog: join(dir, 'access.log'),
        frameAncestors: options.frameAncestors ?? [],
    };

    layOutWebRoot(webRoot, options);
    writeFileSync(values.configFile, options.config(origin));
    writeFileSync(values.certificate, tls.cert);
    writeFileSync(values.key, tls.key, { mode: 0o600 });
    const confFile = join(dir, 'nginx.conf');

    writeFileSync(confFile, nginxMainConfig(dir, jitsiSiteConfig(jitsiSiteExample(), values)));
    const child: ChildProcess = spawn('/usr/sbin/nginx', ['-p', dir, '-c', confFile], {
        stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';

    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>(resolve => child.once('exit', () => resolve()));
    const errorLog = () => {
        const file = join(dir, 'error.log');

        return output + (existsSync(file) ? readFileSync(file, 'utf8') : '');
    };
    const close = async () => {
        if (child.exitCode === null) {
            child.kill('SIGTERM');
            await Promise.race([exited, new Promise(resolve => setTimeout(resolve, 5000).unref())]);
            if (child.exitCode === null) {
                child.kill('SIGKILL');
            }
        }
        rmSync(dir, { recursive: true, force: true });
    };

    try {
        await until(
            async () => {
                if (child.exitCode !== null) {
                    throw new Error(`nginx stopped at start:\n${errorLog()}`);
                }

                return accepts(port);
            },
            `nginx on port ${port}`,
            10000,
        );
    } catch (error) {
        await close();
        throw error;
    }

    return {
        origin,
        errors: () =>
            errorLog()
                .split('\n')
                .filter(line => /\[(error|crit|alert|emerg)\]/.test(line))
                .join('\n'),
        close,
    };
}
