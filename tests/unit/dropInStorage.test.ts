/**
 * R4 in the drop-in: jitsi-meet's settings are written to the device without the name, as the fork
 * build's persistence registration does, and after the meeting nothing jitsi-meet keeps is written
 * back; everything else is stored as jitsi-meet wrote it.
 */
import { guardJitsiStorage } from '../../react/features/school-policy/jitsi-meet/storageGuard';

describe('the drop-in’s guard on stored settings', () => {
    let restore: () => void;
    let over = false;

    beforeEach(() => {
        localStorage.clear();
        sessionStorage.clear();
        over = false;
        restore = guardJitsiStorage(window, () => over);
    });

    afterEach(() => restore());

    it('stores jitsi-meet’s settings without name, e-mail or picture', () => {
        localStorage.setItem(
            'features/base/settings',
            JSON.stringify({
                displayName: 'Lena Schmidt',
                email: 'lena@example.org',
                avatarURL: 'x',
                soundsTalkWhileMuted: false,
            }),
        );

        expect(JSON.parse(localStorage.getItem('features/base/settings') ?? 'null')).toEqual({
            soundsTalkWhileMuted: false,
        });
    });

    it('leaves every other write alone', () => {
        localStorage.setItem('language', 'de');
        localStorage.setItem('features/base/settings', 'not json');
        sessionStorage.setItem('features/base/settings', JSON.stringify({ displayName: 'Lena' }));

        expect(localStorage.getItem('language')).toBe('de');
        expect(localStorage.getItem('features/base/settings')).toBe('not json');
        expect(sessionStorage.getItem('features/base/settings')).toContain('Lena');
    });

    it('can be undone', () => {
        restore();
        localStorage.setItem('features/base/settings', JSON.stringify({ displayName: 'Lena' }));

        expect(localStorage.getItem('features/base/settings')).toContain('Lena');
        restore = guardJitsiStorage(window, () => over);
    });

    it('writes nothing jitsi-meet keeps once the meeting is over, until the next one starts', () => {
        localStorage.setItem('sessionId', 'during-the-meeting');
        localStorage.removeItem('sessionId');
        over = true;
        // lib-jitsi-meet stores the teacher's login again after the clean-up.
        localStorage.setItem('sessionId', 'teacher-login');
        localStorage.setItem('jitsiMeetId', 'x');
        localStorage.setItem('language', 'de');

        expect(localStorage.getItem('sessionId')).toBeNull();
        expect(localStorage.getItem('jitsiMeetId')).toBeNull();
        expect(localStorage.getItem('language')).toBe('de');
        over = false;
        localStorage.setItem('sessionId', 'next-lesson');
        expect(localStorage.getItem('sessionId')).toBe('next-lesson');
    });
});
