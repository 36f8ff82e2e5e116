// exifr's "lite" build (JPEG/HEIC, TIFF/EXIF/GPS segments) has the same API as the full one, at
// about half the size; the package ships types for its main entry only.
declare module 'exifr/dist/lite.esm.mjs' {
  import exifr from 'exifr';
  export default exifr;
}
