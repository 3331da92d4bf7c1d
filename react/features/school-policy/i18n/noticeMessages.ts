/**
 * The core's notices, chat texts and join messages, German first: what the policy tells people while
 * a meeting runs. The module inside jitsi-meet needs only these (as jitsi-meet notifications), so
 * they are apart from the form messages (inputMessages.ts), which only the dialogs and the portal
 * show.
 */
import { makeTranslate } from './translate';

/** German. */
export const noticeDe = {
    'lock.notModerator': 'Der Raum konnte nicht gesperrt werden: Sie sind nicht Moderator.',
    'lock.failed': 'Der Raum konnte nicht mit dem Passwort gesperrt werden.',
    'lock.passwordNeeded': 'Bitte legen Sie jetzt ein Passwort für den Raum fest.',
    'account.blocked': 'Der Zugang Ihrer Schule ist gesperrt. Bitte wenden Sie sich an das Medienzentrum.',
    'lock.changeRefused':
        'Der Server hat die Änderung abgelehnt (das Passwort bleibt, solange Schülerinnen und Schüler im Raum sind, und darf nicht zu lang sein). Es gilt weiter das bisherige Passwort.',
    'recording.stopped': 'Eine Aufnahme wurde gestartet und sofort beendet. Aufnahmen sind verboten.',
    'recording.stopFailed': 'Eine Aufnahme läuft und konnte nicht beendet werden. Bitte beenden Sie das Meeting.',
    'moderator.lost': 'Sie sind nicht mehr Moderator. Sperren und Entfernen sind nicht mehr möglich.',
    'meeting.interrupted':
        'Die Verbindung zum Meeting ist unterbrochen. Jitsi lädt die Seite gleich neu; treten Sie dann wieder bei – das Passwort bleibt dasselbe.',
    'leave.askAll': 'Die Stunde ist zu Ende. Bitte verlasse jetzt das Meeting.',
    'leave.removalIncomplete': '{count} Teilnehmende konnten nicht entfernt werden.',
    'leave.endFailed': 'Das Meeting konnte nicht für alle beendet werden.',
    'chat.recordingStopped': 'Aufnahmen sind in diesem Meeting verboten. Die Aufnahme wurde beendet.',
    'join.notOpen': 'Die Lehrkraft hat den Raum noch nicht geöffnet. Neuer Versuch in {seconds} Sekunden.',
    'join.notOpenOneSecond': 'Die Lehrkraft hat den Raum noch nicht geöffnet. Neuer Versuch in 1 Sekunde.',
} as const;

/** Every notice key. */
export type NoticeKey = keyof typeof noticeDe;

/** English: the same keys, checked by the compiler and by a test. */
export const noticeEn: Record<NoticeKey, string> = {
    'lock.notModerator': 'The room could not be locked: you are not a moderator.',
    'lock.failed': 'The room could not be locked with the password.',
    'lock.passwordNeeded': 'Please set a password for the room now.',
    'account.blocked': "Your school's access is blocked. Please contact the media centre.",
    'lock.changeRefused':
        'The server refused the change (the password stays while students are in the room, and must not be too long). The previous password still applies.',
    'recording.stopped': 'A recording was started and stopped at once. Recordings are prohibited.',
    'recording.stopFailed': 'A recording is running and could not be stopped. Please end the meeting.',
    'moderator.lost': 'You are no longer a moderator. Locking and removing are no longer possible.',
    'meeting.interrupted':
        'The connection to the meeting was lost. Jitsi will reload the page shortly; then join again – the password stays the same.',
    'leave.askAll': 'The lesson is over. Please leave the meeting now.',
    'leave.removalIncomplete': '{count} participants could not be removed.',
    'leave.endFailed': 'The meeting could not be ended for everyone.',
    'chat.recordingStopped': 'Recordings are prohibited in this meeting. The recording has been stopped.',
    'join.notOpen': 'The teacher has not opened the room yet. Trying again in {seconds} seconds.',
    'join.notOpenOneSecond': 'The teacher has not opened the room yet. Trying again in 1 second.',
};

/** Translates a notice. */
export const translateNotice = makeTranslate<NoticeKey>({ de: noticeDe, en: noticeEn });
