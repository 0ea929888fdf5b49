import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mojoSatisfied, mojoStars } from '../../../shared/domain/csat-scores';

describe('Mojo ratings (stars, Mojo-number points, labels)', () => {
  it('reads 1–5 stars and 20–100 points as the same stars, satisfied from 4 stars up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }), (stars) => {
        expect(mojoStars(stars)).toBe(stars);
        expect(mojoStars(stars * 20)).toBe(stars);
        expect(mojoStars(String(stars * 20))).toBe(stars);
        expect(mojoSatisfied(stars)).toBe(stars >= 4);
        expect(mojoSatisfied(stars * 20)).toBe(mojoSatisfied(stars));
      }),
    );
  });

  it("reads Mojo's labels, any case", () => {
    expect(['Great job', 'well done'].map(mojoSatisfied)).toEqual([true, true]);
    expect(['Works for me', 'Below Average', 'UNSATISFIED'].map(mojoSatisfied)).toEqual([
      false,
      false,
      false,
    ]);
  });

  it('refuses anything that is no rating rather than guessing', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: false }).filter((n) => !(n >= 1 && n <= 5) && !(n >= 20 && n <= 100)),
          fc.constantFrom('1e309', '0', '250', 'meh', '', '-Infinity'),
        ),
        (bad) => {
          expect(() => mojoStars(bad)).toThrow(/Mojo rating/);
        },
      ),
    );
  });
});
