import { png } from "../src/infra/png.ts";

/** Tafel's mark: a table top on two legs, seen from the side. */
function isMark(x: number, y: number, size: number): boolean {
  const u = x / size;
  const v = y / size;
  const top = v > 0.3 && v < 0.42 && u > 0.15 && u < 0.85;
  const leg = v >= 0.42 && v < 0.75 && ((u > 0.24 && u < 0.34) || (u > 0.66 && u < 0.76));
  return top || leg;
}

export const colorIcon = () =>
  png(192, 192, (x, y) => (isMark(x, y, 192) ? [255, 255, 255, 255] : [31, 94, 140, 255]));
export const outlineIcon = () =>
  png(32, 32, (x, y) => (isMark(x, y, 32) ? [255, 255, 255, 255] : [0, 0, 0, 0]));
