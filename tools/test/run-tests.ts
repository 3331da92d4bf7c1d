// `npm test`: every check of the repository, in stages, each timed; the first failing stage ends the
// run with its exit code. The stages: type check (ours, and the module with jitsi-meet's own
// TypeScript), lint (TypeScript and Lua), format, the portal's build, jitsi-meet built with the
// module (tools/fork/forkBuild.ts) and verified in Chromium (`fork:verify`), and one Jest run over
// every suite, whose reporter prints the closing `N passed, N failed, N skipped` line.
//
// Without the jitsi-meet build kit (a machine outside this project) the fork stages say so in one
// line and are left out; under CI=true that is a failure, never a skip.
import { spawnSync } from 'node:child_process';

import { NO_BUILD_SOURCE } from '../fork/forkBuild';

interface Stage {
    readonly name: string;
    readonly command: readonly string[];
    /** An exit code that means "cannot run here" rather than "failed". */
    readonly unavailable?: number;
    /** Runs only when the stage before it ran (verifying needs the build). */
    readonly needsPrevious?: boolean;
}

const npm = (script: string, ...args: string[]) => ['npm', 'run', '--silent', script, ...args];

const STAGES: readonly Stage[] = [
    { name: 'type check', command: npm('typecheck') },
    { name: 'lint', command: npm('lint') },
    { name: 'Lua lint', command: npm('lint:lua') },
    { name: 'format', command: npm('format:check') },
    { name: 'portal build', command: npm('build') },
    { name: 'jitsi-meet build with the module', command: npm('fork:build'), unavailable: NO_BUILD_SOURCE },
    { name: 'fork:verify on that build', command: npm('fork:verify'), needsPrevious: true },
    { name: 'Jest (every suite)', command: ['npx', 'jest', '--ci'] },
];

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

function main(): number {
    const times: string[] = [];
    const report = () => process.stdout.write(`\nStage times:\n${times.join('\n')}\n`);
    let previousRan = true;

    for (const stage of STAGES) {
        if (stage.needsPrevious && !previousRan) {
            continue;
        }
        process.stdout.write(`\n▶ ${stage.name}\n`);
        const started = Date.now();
        const [command = '', ...args] = stage.command;
        const result = spawnSync(command, args, { stdio: 'inherit' });
        const took = Date.now() - started;
        const code = result.status ?? 1;

        if (code !== 0 && code === stage.unavailable && process.env.CI !== 'true') {
            times.push(`  ${stage.name}: left out (no build kit here), ${seconds(took)}`);
            process.stdout.write(`${stage.name}: left out on this machine; CI runs it\n`);
            // The browser tests on the fork build are left out with it (jest.config.js).
            process.env.FORK_BUILD = 'absent';
            previousRan = false;
            continue;
        }
        previousRan = true;
        times.push(`  ${stage.name}: ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${seconds(took)}`);
        if (code !== 0) {
            report();

            return code;
        }
    }
    report();

    return 0;
}

process.exit(main());
