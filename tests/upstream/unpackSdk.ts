// Jest global set-up for the upstream tests: jitsi-meet's sources from the npm SDK package, unpacked
// into .cache/ (tools/jitsi-sdk/sdkSources.ts).
import { ensureSdkSources } from '../../tools/jitsi-sdk/sdkSources';

export default function unpackSdk(): void {
    ensureSdkSources();
}
