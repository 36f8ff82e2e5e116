import { describe, expect, it } from 'vitest';
import { fitWithin } from '../../../src/photos/geometry';

describe('resizing a photo to its long side', () => {
  it('brings a 12-megapixel landscape photo to 1600 x 1200', () => {
    expect(fitWithin(4000, 3000, 1600)).toEqual({ width: 1600, height: 1200 });
  });

  it('does the same for a portrait photo', () => {
    expect(fitWithin(3000, 4000, 1600)).toEqual({ width: 1200, height: 1600 });
  });

  it('never enlarges a small photo', () => {
    expect(fitWithin(800, 600, 1600)).toEqual({ width: 800, height: 600 });
    expect(fitWithin(1600, 900, 1600)).toEqual({ width: 1600, height: 900 });
  });

  it('keeps at least one pixel on a very thin image', () => {
    expect(fitWithin(10_000, 2, 1600)).toEqual({ width: 1600, height: 1 });
  });
});
