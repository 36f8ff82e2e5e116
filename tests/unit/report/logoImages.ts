// Logos as a person picks them: a PNG whose background is transparent (a round seal) and a wide
// opaque JPEG (an agency's banner), drawn by a real 2D canvas (Skia, @napi-rs/canvas).
import { createHash } from 'node:crypto';
import { createCanvas } from '@napi-rs/canvas';

export interface LogoImage {
  bytes: Uint8Array;
  hash: string;
  width: number;
  height: number;
  mime: 'image/png' | 'image/jpeg';
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

/** A seal on a transparent 240×240 square: a green disc with a golden ring and star. */
export async function sealPng(): Promise<LogoImage> {
  const canvas = createCanvas(240, 240);
  const g = canvas.getContext('2d');
  g.fillStyle = '#14a44d';
  g.beginPath();
  g.arc(120, 120, 100, 0, Math.PI * 2);
  g.fill();
  g.strokeStyle = '#fcd116';
  g.lineWidth = 10;
  g.beginPath();
  g.arc(120, 120, 84, 0, Math.PI * 2);
  g.stroke();
  g.fillStyle = '#fcd116';
  g.beginPath();
  for (let i = 0; i < 10; i++) {
    const r = i % 2 ? 24 : 60;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    g.lineTo(120 + r * Math.cos(a), 120 + r * Math.sin(a));
  }
  g.closePath();
  g.fill();
  const bytes = new Uint8Array(await canvas.encode('png'));
  return { bytes, hash: sha256(bytes), width: 240, height: 240, mime: 'image/png' };
}

/** A blue 600×150 banner with a white band (opaque). */
export async function bannerJpeg(): Promise<LogoImage> {
  const canvas = createCanvas(600, 150);
  const g = canvas.getContext('2d');
  g.fillStyle = '#1f4e9c';
  g.fillRect(0, 0, 600, 150);
  g.fillStyle = '#ffffff';
  g.fillRect(40, 60, 520, 30);
  g.fillStyle = '#ce1126';
  g.fillRect(40, 100, 200, 12);
  const bytes = new Uint8Array(await canvas.encode('jpeg', 90));
  return { bytes, hash: sha256(bytes), width: 600, height: 150, mime: 'image/jpeg' };
}
