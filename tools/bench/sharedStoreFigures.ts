/**
 * The shared store's cost and reach, for `npm run bench`: logins per second with the teachers'
 * accounts and the register in PostgreSQL against the same server with Prosody's files and the file
 * register (same machine, same run, alternating rounds), and the time from `accounts block` to the
 * last open session of the school ended on each of two shards (the servers' default poll, 5 s).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { runAccounts } from '../accounts/accountsCommand';
import { passwordInNewestLetter } from '../accounts/letters';
import { until } from '../net/loopback';
import { startPostgres, type RunningPostgres } from '../postgres/cluster';
import { DOMAINS, TEACHERS, startProsody, type RunningProsody } from '../prosody/harness';
import { connectAccount, type Person } from '../prosody/xmppClients';

import { plainLogin } from './plainLogin';

const ROOT = join(__dirname, '..', '..');
const SCHEMA = readFileSync(join(ROOT, 'deploy', 'postgres', 'schema.sql'), 'utf8');

/** What the bench reports. */
export interface SharedStoreFigures {
    readonly loginsPerSecondFile: number;
    readonly loginsPerSecondStore: number;
    /** Seconds from the block's commit to the last session ended, median of the rounds. */
    readonly blockToLastEnded: number;
    readonly pollSeconds: number;
}

const median = (values: readonly number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

/** Logs in `count` times, `parallel` at once (SASL PLAIN, plainLogin.ts); returns logins per second. */
async function loginRate(prosody: RunningProsody, count: number, parallel: number): Promise<number> {
    const started = performance.now();
    let next = 0;

    await Promise.all(
        Array.from({ length: parallel }, async () => {
            while (next < count) {
                next += 1;
                const name = next % 2 === 0 ? 'frau-mueller' : 'herr-schmidt';

                if (!(await plainLogin(prosody.port, DOMAINS.teachers, name, TEACHERS[name]))) {
                    throw new Error(`the login of ${name} failed`);
                }
            }
        }),
    );

    return count / ((performance.now() - started) / 1000);
}

/** The accounts tool on the store, in-process; the password of a school's newest letter. */
function toolOn(store: RunningPostgres, work: string) {
    const settings = join(work, 'settings.json');

    writeFileSync(
        settings,
        JSON.stringify({
            store: store.url,
            domain: DOMAINS.teachers,
            config: join(ROOT, 'config.js'),
            letters: join(work, 'letters'),
        }),
    );

    return {
        run: (args: string[]) =>
            runAccounts([...args, '--settings', settings], { out: () => undefined, err: () => undefined }),
        password: (school: string) => passwordInNewestLetter(join(work, 'letters'), school),
    };
}

/** Blocks a school with sessions on both shards; seconds until the last one ended. */
async function blockRound(
    shards: readonly RunningProsody[],
    tool: ReturnType<typeof toolOn>,
    school: string,
): Promise<number> {
    const password = tool.password(school);
    const sessions: Person[] = [];

    // Right after the previous round's unblock, a shard may still hold the block for up to a second.
    const connect = async (shard: RunningProsody): Promise<Person> => {
        let person: Person | undefined;

        await until(
            async () =>
                (person = await connectAccount(shard.service, school, password).catch(() => undefined)) !== undefined,
            `a login on ${shard.service}`,
            10000,
        );

        return person as Person;
    };

    for (const shard of shards) {
        sessions.push(await connect(shard), await connect(shard));
    }
    const ended = Promise.all(sessions.map(session => session.ended()));
    const started = performance.now();

    await tool.run(['block', school, '--reason', 'Messung']);
    await ended;
    const seconds = (performance.now() - started) / 1000;

    await tool.run(['unblock', school]);

    return seconds;
}

/** Runs the measurements; every server and the cluster are stopped again. */
export async function sharedStoreFigures(): Promise<SharedStoreFigures> {
    const work = mkdtempSync(join(tmpdir(), 'bench-store-'));
    const store = await startPostgres();
    const servers: RunningProsody[] = [];

    try {
        store.query(SCHEMA);
        const fileServer = await startProsody({ graceSeconds: 60 });
        const storeServer = await startProsody({ graceSeconds: 60, sql: store });

        servers.push(fileServer, storeServer);
        // Alternating rounds on one machine: the load of the moment touches both alike.
        const file: number[] = [];
        const shared: number[] = [];

        for (let round = 0; round < 3; round += 1) {
            file.push(await loginRate(fileServer, 400, 10));
            shared.push(await loginRate(storeServer, 400, 10));
        }
        const second = await startProsody({ graceSeconds: 60, sql: store });

        servers.push(second);
        const tool = toolOn(store, work);

        await tool.run(['add', 'gs-messung', '--name', 'Messschule']);
        const rounds: number[] = [];

        for (let round = 0; round < 3; round += 1) {
            rounds.push(await blockRound([storeServer, second], tool, 'gs-messung'));
        }

        return {
            loginsPerSecondFile: median(file),
            loginsPerSecondStore: median(shared),
            blockToLastEnded: median(rounds),
            pollSeconds: 5,
        };
    } finally {
        for (const server of servers) {
            await server.stop();
        }
        store.stop();
        rmSync(work, { recursive: true, force: true });
    }
}
