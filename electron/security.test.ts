import { describe, expect, it } from 'vitest';
import { appOrigin } from './app-protocol';
import { cameraCheckAllowed, cameraRequestAllowed } from './security';

describe('the window’s one permission: the camera', () => {
  const page = `${appOrigin}/index.html`;

  it('grants video to the app’s own page', () => {
    expect(
      cameraRequestAllowed('media', { mediaTypes: ['video'], requestingUrl: page }, appOrigin),
    ).toBe(true);
    expect(cameraCheckAllowed('media', appOrigin, { mediaType: 'video' }, appOrigin)).toBe(true);
  });

  it('refuses the microphone, even asked together with the camera', () => {
    expect(
      cameraRequestAllowed('media', { mediaTypes: ['audio'], requestingUrl: page }, appOrigin),
    ).toBe(false);
    expect(
      cameraRequestAllowed(
        'media',
        { mediaTypes: ['video', 'audio'], requestingUrl: page },
        appOrigin,
      ),
    ).toBe(false);
    expect(cameraRequestAllowed('media', { mediaTypes: [], requestingUrl: page }, appOrigin)).toBe(
      false,
    );
    expect(cameraCheckAllowed('media', appOrigin, { mediaType: 'audio' }, appOrigin)).toBe(false);
  });

  it('refuses any other origin and any other permission', () => {
    for (const url of [
      'https://evil.example/',
      'app://other/index.html',
      'file:///x.html',
      'not a url',
    ])
      expect(
        cameraRequestAllowed('media', { mediaTypes: ['video'], requestingUrl: url }, appOrigin),
      ).toBe(false);
    expect(cameraRequestAllowed('geolocation', { requestingUrl: page }, appOrigin)).toBe(false);
    expect(cameraCheckAllowed('clipboard-read', appOrigin, {}, appOrigin)).toBe(false);
  });
});
