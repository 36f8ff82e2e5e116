// The pictures of the Word report (photos, logos, map and chart), packed into the .docx as they are.
// Given the pictures themselves, docx keys each one by the SHA-1 of its bytes, worked out in plain
// JavaScript, then DEFLATEs them with the XML: for 100 photos of 1600×1200, about 0.7 s and 1.6 s of
// a 2.8 s build, for nothing, as JPEG and PNG are compressed already (a camera's JPEG comes out of
// DEFLATE no smaller). So docx is given a few bytes standing in for each picture, and the package it
// makes is zipped again with the pictures in their place, stored rather than deflated, as LibreOffice
// stores the pictures of its own documents; the XML parts stay deflated.
import { type Document, ImageRun, Packer } from 'docx';
import { strToU8, unzipSync, type Zippable, zipSync } from 'fflate';

export interface Picture {
  kind: 'jpg' | 'png';
  bytes: Uint8Array;
  /** Printed size in CSS pixels (96 to the inch). */
  width: number;
  height: number;
  altText: { name: string; description: string; title: string };
}

/** One report's pictures: `run` puts one in the document, `pack` gives the finished .docx. */
export class DocxPictures {
  /** Each picture's bytes by the bytes standing in for it. */
  private readonly byStandIn = new Map<object, Uint8Array>();

  run(picture: Picture): ImageRun {
    // Different bytes for each picture: docx keeps one file for pictures whose bytes are the same.
    const standIn = strToU8(`terrain-picture-${this.byStandIn.size}`);
    this.byStandIn.set(standIn, picture.bytes);
    return new ImageRun({
      type: picture.kind,
      data: standIn,
      transformation: { width: picture.width, height: picture.height },
      altText: picture.altText,
    });
  }

  async pack(doc: Document): Promise<Uint8Array> {
    const parts = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
    // Where docx put each picture (word/media/image1.jpg...), known once it has packed the document.
    const byPath = new Map<string, Uint8Array>();
    for (const { fileName, data } of doc.Media.Array) {
      const picture = this.byStandIn.get(data);
      if (picture) byPath.set(`word/media/${fileName}`, picture);
    }
    const files: Zippable = {};
    let placed = 0;
    // The parts in docx's order, each picture in place of its stand-in.
    for (const [path, bytes] of Object.entries(parts)) {
      const picture = byPath.get(path);
      if (picture) placed++;
      files[path] = picture ? [picture, { level: 0 }] : bytes;
    }
    // A picture not found where docx says it is would leave its stand-in as the image.
    if (placed !== this.byStandIn.size)
      throw new Error(`docx: ${this.byStandIn.size - placed} picture(s) not found in word/media`);
    return zipSync(files);
  }
}
