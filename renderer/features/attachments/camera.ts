import { findPage, scaleQuad, type Quad } from '../../../shared/scan/geometry';
import { greyRaster } from './crop';
import type { AttachmentM } from './messages';

// The document camera through getUserMedia: most 高拍仪 are UVC cameras, which Chromium opens
// like any webcam. The clerk's choice of camera is kept on this PC (one PC, one camera on its desk).

const chosenKey = 'onewindow.camera';

export const chosenCamera = (): string | null => localStorage.getItem(chosenKey);
export const chooseCamera = (deviceId: string) => localStorage.setItem(chosenKey, deviceId);

export async function cameras(): Promise<MediaDeviceInfo[]> {
  const all = await navigator.mediaDevices.enumerateDevices();
  return all.filter((d) => d.kind === 'videoinput');
}

/**
 * The camera at its best resolution (a document camera gives 5–8 MP stills through the same
 * stream); the chosen one, or the first when it is gone.
 */
export async function openCamera(deviceId: string | null): Promise<MediaStream> {
  const size = { width: { ideal: 4096 }, height: { ideal: 3072 } };
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: deviceId ? { ...size, deviceId: { exact: deviceId } } : size,
    });
  } catch (error) {
    // the remembered camera was unplugged: any camera is better than none
    if (deviceId && error instanceof DOMException && error.name === 'OverconstrainedError')
      return openCamera(null);
    throw error;
  }
}

export function cameraError(error: unknown, m: AttachmentM): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return m('noCamera');
  if (name === 'NotAllowedError' || name === 'SecurityError') return m('cameraDenied');
  if (name === 'NotReadableError') return m('cameraBusy');
  return m('cameraFailed', { reason: error instanceof Error ? error.message : String(error) });
}

export type Frame = {
  /** the still as JPEG, base64, for attachments.import */
  data: string;
  /** the same still as a data: URL, for the crop step */
  url: string;
  width: number;
  height: number;
  /** where findPage saw the page, in the still's pixels; null: not found */
  found: Quad | null;
};

/** Width of the copy findPage reads: enough for a page's corners, quick on a hall PC. */
const findWidth = 320;

/** The video's current frame at full resolution, and where the page is on it. */
export function grabFrame(video: HTMLVideoElement): Frame {
  const width = video.videoWidth;
  const height = video.videoHeight;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  canvas.getContext('2d')!.drawImage(video, 0, 0, width, height);
  const url = canvas.toDataURL('image/jpeg', 0.92);
  const factor = width / findWidth;
  const small = document.createElement('canvas');
  small.width = findWidth;
  small.height = Math.max(1, Math.round(height / factor));
  const ctx = small.getContext('2d', { willReadFrequently: true })!;
  ctx.drawImage(canvas, 0, 0, small.width, small.height);
  const pixels = ctx.getImageData(0, 0, small.width, small.height).data;
  const found = findPage(greyRaster(pixels, small.width, small.height));
  return {
    data: url.slice(url.indexOf(',') + 1),
    url,
    width,
    height,
    found: found ? scaleQuad(found, factor) : null,
  };
}

/** A chosen file's bytes as base64: main sniffs the type, the name is only kept for the archive. */
export function fileAsBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      // readAsDataURL gives a string
      const url = reader.result as string;
      resolve(url.slice(url.indexOf(',') + 1));
    };
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsDataURL(file);
  });
}
