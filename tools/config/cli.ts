// The command line: `jitsi-school-policy check-config …` (bin/jitsi-school-policy.mjs starts it).
import { EXIT, runCheckConfig } from './checkConfig';

const [command, ...args] = process.argv.slice(2);
const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) };

if (command !== 'check-config') {
    io.err(
        'Usage: jitsi-school-policy check-config <file or URL> [--interface <file or URL>] [--json] [--lang de|en]\n',
    );
    process.exitCode = EXIT.usage;
} else {
    runCheckConfig(args, io).then(
        code => {
            process.exitCode = code;
        },
        (error: unknown) => {
            io.err(`check-config: ${error instanceof Error ? error.message : String(error)}\n`);
            process.exitCode = EXIT.runtime;
        },
    );
}
