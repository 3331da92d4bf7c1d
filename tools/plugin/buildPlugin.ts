/**
 * `npm run build:plugin`: the drop-in for a stock jitsi-meet (react/features/school-policy/dropin/),
 * from the same module code as the compiled fork build. Writes `dist-plugin/libs/school-policy.min.js`
 * and `dist-plugin/plugin.head.html`, which loads it before jitsi-meet's own bundle. The admin copies
 * both into jitsi-meet's web root (README, "The drop-in").
 */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { PLUGIN_SCRIPT, pluginHead } from './pluginFiles';

export { PLUGIN_SCRIPT };

const ROOT = join(__dirname, '..', '..');

/** The built drop-in. */
export interface BuiltPlugin {
    readonly script: string;
    readonly head: string;
}

/** Bundles the drop-in (minified, production React). */
export async function buildPlugin(): Promise<BuiltPlugin> {
    const result = await build({
        entryPoints: [join(ROOT, 'react', 'features', 'school-policy', 'dropin', 'index.ts')],
        bundle: true,
        minify: true,
        write: false,
        format: 'iife',
        platform: 'browser',
        target: ['chrome100', 'safari15', 'firefox100'],
        define: { 'process.env.NODE_ENV': '"production"' },
        // Preact's React compatibility layer instead of React DOM (200 KB less): the drop-in only
        // renders a few dialogs, beside jitsi-meet's own React.
        alias: {
            react: 'preact/compat',
            'react-dom': 'preact/compat',
            'react-dom/client': 'preact/compat/client',
        },
        legalComments: 'none',
        logLevel: 'silent',
    });
    const [output] = result.outputFiles;

    if (!output) {
        throw new Error('esbuild produced no drop-in');
    }

    return { script: output.text, head: pluginHead(output.text) };
}

/** Writes the drop-in into `dir` (default dist-plugin/); returns the folder and the plugin.head.html written. */
export async function writePlugin(dir = join(ROOT, 'dist-plugin')): Promise<{ dir: string; head: string }> {
    const plugin = await buildPlugin();

    mkdirSync(join(dir, 'libs'), { recursive: true });
    writeFileSync(join(dir, PLUGIN_SCRIPT), plugin.script);
    writeFileSync(join(dir, 'plugin.head.html'), plugin.head);

    return { dir, head: plugin.head };
}

if (require.main === module) {
    writePlugin()
        .then(({ dir }) => process.stdout.write(`drop-in written to ${dir} (${PLUGIN_SCRIPT}, plugin.head.html)\n`))
        .catch((error: unknown) => {
            process.stderr.write(`build:plugin: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exit(1);
        });
}
