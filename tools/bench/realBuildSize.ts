/**
 * What the school-policy module adds to jitsi-meet, measured on jitsi-meet's own production build:
 * the fork build and a stock build of the same kit (`STOCK=1`), side by side, built in the same run
 * or reused when their inputs have not changed (tools/fork/forkBuild.ts). Only builds of one kit are
 * compared: the stock web root in ../shared/jitsi-meet-web was built another way on another day.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

import { buildSource, buildWithKit, type BuiltJitsiMeet } from '../fork/forkBuild';

/** Bytes, raw and gzipped (level 9). */
export interface Bytes {
    readonly raw: number;
    readonly gzip: number;
}

/** One build's figures. */
export interface BuildSize {
    /** `build/app.bundle.min.js`: what jitsi-meet's 3.5 MiB limit is about. */
    readonly bundle: Bytes;
    /** Every `libs/chunks/*.min.js`, summed: loaded later, when a feature first needs it. */
    readonly chunks: Bytes;
    readonly chunkFiles: readonly string[];
}

function bytesOf(files: readonly string[]): Bytes {
    const contents = files.map(file => readFileSync(file));

    return {
        raw: contents.reduce((sum, content) => sum + content.length, 0),
        gzip: contents.reduce((sum, content) => sum + gzipSync(content, { level: 9 }).length, 0),
    };
}

/** Measures one built checkout. */
export function buildSize(build: BuiltJitsiMeet): BuildSize {
    const chunksDir = join(build.checkout, 'libs', 'chunks');
    const chunkFiles = existsSync(chunksDir)
        ? readdirSync(chunksDir)
              .filter(name => name.endsWith('.min.js'))
              .sort()
        : [];

    return {
        bundle: bytesOf([join(build.checkout, 'build', 'app.bundle.min.js')]),
        chunks: bytesOf(chunkFiles.map(name => join(chunksDir, name))),
        chunkFiles,
    };
}

/** The fork and the stock build of the same kit, measured. */
export interface SideBySide {
    readonly fork: BuildSize;
    readonly stock: BuildSize;
}

/** Builds (or reuses) both through the kit and measures them; throws without the kit. */
export function forkAgainstStock(log: (line: string) => void): SideBySide {
    const source = buildSource({ ...process.env, JITSI_MEET_CHECKOUT: '' });

    if (source.kind !== 'kit') {
        throw new Error(source.kind === 'missing' ? source.reason : 'the size comparison needs the build kit');
    }

    return {
        fork: buildSize(buildWithKit(source.kit, false, log)),
        stock: buildSize(buildWithKit(source.kit, true, log)),
    };
}
