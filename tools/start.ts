// `npm start`, the main job: builds the portal and serves it. With no Jitsi domain in config.js it
// also starts the offline Jitsi stand-in and points the portal at it; otherwise the portal embeds
// the configured deployment. Prints the address to open.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { evaluateConfig } from './config/evaluateConfig';
import { startStandin } from './jitsi-standin/server';
import { startPortalServer } from './serve/portalServer';
import { parseJitsiDomain } from '../react/features/portal/settings';

const ROOT = join(__dirname, '..');

async function main(): Promise<void> {
    const build = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules/webpack-cli/bin/cli.js'), '--mode', 'production'],
        {
            cwd: ROOT,
            stdio: ['ignore', 'ignore', 'inherit'],
        },
    );

    if (build.status !== 0) {
        throw new Error('the build failed (see above)');
    }
    // The deployment's config.js is code: it runs in the same isolate as the audit's (no host access).
    const loaded = await evaluateConfig(readFileSync(join(ROOT, 'config.js'), 'utf8'));

    if (!loaded.ok) {
        throw new Error(
            `config.js could not be read: ${loaded.error} (${JSON.stringify(loaded.detail)}); ` +
                'npm run check-config -- config.js says more',
        );
    }
    const section = loaded.config.schoolPolicy as { jitsiDomain?: unknown } | undefined;
    const domain = typeof section?.jitsiDomain === 'string' ? section.jitsiDomain.trim() : '';
    const port = Number(process.env.PORT ?? 8080);

    if (domain) {
        const jitsi = parseJitsiDomain(domain);

        if (!jitsi) {
            throw new Error(`config.js: schoolPolicy.jitsiDomain "${domain}" is not a valid https host`);
        }
        const portal = await startPortalServer({ dist: join(ROOT, 'dist'), port, cspJitsiOrigin: jitsi.origin });

        process.stdout.write(`\nPortal: ${portal.origin}/  (Jitsi: ${jitsi.origin})\nStop with Ctrl+C.\n`);

        return;
    }
    const standin = await startStandin({ port: Number(process.env.STANDIN_PORT ?? 8081) });
    const portal = await startPortalServer({
        dist: join(ROOT, 'dist'),
        port,
        jitsiOrigin: standin.origin,
        cspJitsiOrigin: standin.origin,
    });

    process.stdout.write(
        `\nPortal: ${portal.origin}/\n` +
            `No Jitsi domain in config.js: meetings run in the offline stand-in at ${standin.origin} (development only, no audio or video).\n` +
            'Stop with Ctrl+C.\n',
    );
}

main().catch((error: unknown) => {
    process.stderr.write(`npm start: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
});
