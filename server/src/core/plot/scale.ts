// Linear scales and "nice" axis ticks (1, 2, 5 x 10^k), as chart libraries choose them.

export interface LinearScale {
  (value: number): number;
  domain: [number, number];
  ticks: number[];
}

/** Maps [min, max] (widened to nice ticks) onto [from, to] pixels. */
export function linearScale(min: number, max: number, from: number, to: number, tickCount = 6): LinearScale {
  if (min === max) {
    min -= 1;
    max += 1;
  }
  const step = niceStep((max - min) / tickCount);
  const low = Math.floor(min / step) * step;
  const high = Math.ceil(max / step) * step;
  const ticks: number[] = [];
  for (let t = low; t <= high + step / 2; t += step) ticks.push(Math.round(t / step) * step);
  const scale = ((value: number) => from + ((value - low) / (high - low)) * (to - from)) as LinearScale;
  scale.domain = [low, high];
  scale.ticks = ticks;
  return scale;
}

function niceStep(raw: number): number {
  const power = 10 ** Math.floor(Math.log10(raw));
  const fraction = raw / power;
  const nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10;
  return nice * power;
}
