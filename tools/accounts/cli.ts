// The command line: `jitsi-school-policy accounts …` (bin/jitsi-school-policy.mjs starts it).
import { EXIT, runAccounts } from './accountsCommand';

const io = { out: (text: string) => process.stdout.write(text), err: (text: string) => process.stderr.write(text) };
// A fault that escapes the command (it turns its own into messages) is the tool's: exit 5.
const internal = (error: unknown) => {
    io.err(`accounts: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.internal;
};

process.on('unhandledRejection', internal);
process.on('uncaughtException', internal);
runAccounts(process.argv.slice(2), io).then(code => {
    process.exitCode = code;
}, internal);
