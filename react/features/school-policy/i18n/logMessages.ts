/**
 * The policy's log (slice.ts, `record`) in words, German first: what the portal shows the teacher and
 * the admin under "Was die Richtlinie getan hat". Apart from the core's messages because the module
 * inside jitsi-meet keeps the log but does not show it, so these texts stay out of jitsi-meet's
 * bundle (issue #14's size budget).
 */
import type { Lang } from '../rules';

/** German, by the log's event name. */
export const logDe = {
    joined: 'Meeting betreten',
    passwordNeeded: 'Passwort für den Raum angefordert',
    locked: 'Raum mit dem Passwort gesperrt',
    lockFailed: 'Sperren des Raums fehlgeschlagen',
    unlockObserved: 'Der Raum war nicht mehr gesperrt',
    moderatorLost: 'Moderatorrechte verloren',
    recordingDetected: 'Aufnahme bemerkt',
    recordingStopped: 'Aufnahme beendet',
    recordingStopFailed: 'Aufnahme ließ sich nicht beenden',
    recordingStopRetried: 'Aufnahme erneut beendet',
    leaveBlocked: 'Verlassen aufgehalten: noch Teilnehmende im Raum',
    askedToLeave: 'Alle gebeten, das Meeting zu verlassen',
    askFailed: 'Bitte zu gehen nicht gesendet',
    removed: 'Teilnehmende entfernt',
    removalFailed: 'Entfernen fehlgeschlagen',
    removalIncomplete: 'Nicht alle konnten entfernt werden',
    roomEmptied: 'Raum leer',
    endedForAll: 'Meeting für alle beendet',
    endForAllFailed: 'Beenden für alle fehlgeschlagen',
    leaving: 'Meeting wird verlassen',
    left: 'Meeting verlassen',
    interrupted: 'Verbindung unterbrochen, Seite wird neu geladen',
    refusedNotOpen: 'Vom Server abgewiesen: Raum noch nicht geöffnet',
    retriedAfterNotOpen: 'Neuer Versuch, den Raum zu betreten',
} as const;

/** Every event the log describes. */
export type LogEvent = keyof typeof logDe;

/** English: the same events, checked by the compiler and by a test. */
export const logEn: Record<LogEvent, string> = {
    joined: 'Joined the meeting',
    passwordNeeded: 'Asked for the room password',
    locked: 'Locked the room with the password',
    lockFailed: 'Locking the room failed',
    unlockObserved: 'The room was no longer locked',
    moderatorLost: 'Lost the moderator role',
    recordingDetected: 'Noticed a recording',
    recordingStopped: 'Stopped the recording',
    recordingStopFailed: 'The recording could not be stopped',
    recordingStopRetried: 'Stopped the recording again',
    leaveBlocked: 'Leaving held back: others are still inside',
    askedToLeave: 'Asked everyone to leave',
    askFailed: 'The request to leave was not sent',
    removed: 'Removed a participant',
    removalFailed: 'Removing a participant failed',
    removalIncomplete: 'Not everyone could be removed',
    roomEmptied: 'The room is empty',
    endedForAll: 'Ended the meeting for everyone',
    endForAllFailed: 'Ending for everyone failed',
    leaving: 'Leaving the meeting',
    left: 'Left the meeting',
    interrupted: 'Connection lost, page reloading',
    refusedNotOpen: 'Refused by the server: room not open yet',
    retriedAfterNotOpen: 'Trying to enter the room again',
};

/** One event of the policy's log in words for the teacher; an unknown one by its name. */
export function describeLogEvent(lang: Lang, event: string): string {
    return Object.hasOwn(logDe, event) ? (lang === 'de' ? logDe : logEn)[event as LogEvent] : event;
}
