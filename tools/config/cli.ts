// The command line: `jitsi-school-policy check-config …` and `web-files …` (bin/jitsi-school-policy.mjs starts it).
import { EXIT, runCheckConfig } from './checkConfig';
import { runWebFiles } from './webFiles';

const [command, ...args] = process.argv.slice(2);
const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) };

const USAGE =
    'Usage: jitsi-school-policy check-config <file or URL> [--interface <file or URL>] [--json] [--lang de|en]\n' +
    '       jitsi-school-policy web-files <config.js> --out <libs/school-policy folder> [--lang de|en]\n' +
    '       jitsi-school-policy accounts add|rotate|block|unblock|list|report … (accounts --help)\n';

if (command === '--help' || command === '-h' || command === 'help') {
    io.out(USAGE);
} else if (command === 'web-files') {
    runWebFiles(args, io).then(
        code => {
            process.exitCode = code;
        },
        (error: unknown) => {
            io.err(`web-files: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = EXIT.internal;
        },
    );
} else if (command !== 'check-config') {
    io.err(USAGE);
    process.exitCode = EXIT.usage;
} else {
    // A fault that escapes the command (it catches its own) is the tool's, never a verdict: exit 4.
    const internal = (error: unknown) => {
        io.err(`check-config: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
        process.exitCode = EXIT.internal;
    };

    process.on('unhandledRejection', internal);
    process.on('uncaughtException', internal);
    runCheckConfig(args, io).then(code => {
        process.exitCode = code;
    }, internal);
}
