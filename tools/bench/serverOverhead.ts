/**
 * What mod_school_policy costs the server, measured side by side in one run: the same Debian Prosody
 * configuration with and without the module, the same load on loopback. Load: a teacher opens and
 * locks each room, then students join the locked rooms with the password, a few at a time, as a
 * class arriving; every join is timed from the presence sent to the room's answer. Memory: the
 * server's resident size before and after 100 such rooms, each with its teacher and one student.
 */
import { readFileSync } from 'node:fs';

import { startProsody, type RunningProsody } from '../prosody/harness';
import { connectGuest, connectTeacher, type Person } from '../prosody/xmppClients';

/** One side's figures. */
export interface ServerFigures {
    readonly joinsPerSecond: number;
    readonly p95JoinMs: number;
    readonly kbPer100Rooms: number;
}

const PASSWORD = 'Igel-Kerze-Hafen-40817';

function residentKb(pid: number | undefined): number {
    const status = pid === undefined ? '' : readFileSync(`/proc/${pid}/status`, 'utf8');

    return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
}

const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)] ?? NaN;

async function measure(prosody: RunningProsody, rooms: number, studentsPerRoom: number): Promise<ServerFigures> {
    const people: Person[] = [];

    try {
        const teacher = await connectTeacher(prosody.service);

        people.push(teacher);
        const before = residentKb(prosody.pid);
        const names = Array.from({ length: rooms }, (_, i) => `bench-${i}`);

        for (const room of names) {
            await teacher.join(room, 'Lehrkraft');
            await teacher.setPassword(room, PASSWORD);
        }
        const students = await Promise.all(
            Array.from({ length: studentsPerRoom }, () => connectGuest(prosody.service)),
        );

        people.push(...students);
        const durations: number[] = [];
        const started = performance.now();

        // Each student joins every room in turn; the students join in parallel, as a class does.
        for (const room of names) {
            await Promise.all(
                students.map(async (student, i) => {
                    const t0 = performance.now();
                    const result = await student.join(room, `Schüler ${i}`, PASSWORD);

                    if (!result.ok) {
                        throw new Error(`join refused in the benchmark: ${result.condition}`);
                    }
                    durations.push(performance.now() - t0);
                }),
            );
        }
        const seconds = (performance.now() - started) / 1000;
        const after = residentKb(prosody.pid);

        return {
            joinsPerSecond: durations.length / seconds,
            p95JoinMs: p95(durations),
            kbPer100Rooms: ((after - before) / rooms) * 100,
        };
    } finally {
        await Promise.all(people.map(person => person.stop()));
    }
}

const middle = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

/**
 * Runs the load on both servers, alternating sides for three rounds so that a busy moment of the
 * machine does not land on one side only, and returns the median of each side's figures.
 */
export async function serverOverhead(rounds = 3): Promise<{ without: ServerFigures; with: ServerFigures }> {
    const rooms = 100;
    const studentsPerRoom = 8;
    const results: Record<'without' | 'with', ServerFigures[]> = { without: [], with: [] };

    for (let round = 0; round < rounds; round += 1) {
        const order = round % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);

        for (const side of order) {
            const prosody = await startProsody({ graceSeconds: 60, withoutPolicy: side === 'without' });

            try {
                results[side].push(await measure(prosody, rooms, studentsPerRoom));
            } finally {
                await prosody.stop();
            }
        }
    }
    const summary = (figures: ServerFigures[]): ServerFigures => ({
        joinsPerSecond: middle(figures.map(f => f.joinsPerSecond)),
        p95JoinMs: middle(figures.map(f => f.p95JoinMs)),
        kbPer100Rooms: middle(figures.map(f => f.kbPer100Rooms)),
    });

    return { without: summary(results.without), with: summary(results.with) };
}
