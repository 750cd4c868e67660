// Words and numbers for people: shared by hovers, inlay hints and code lenses so that they always
// say the same thing the same way.
import type { MeasuredValue, Tenths } from "../core/model/types";
import type { EpisodeAssessment, TimepointAssessment } from "../core/engine/types";
import { formatMm, round1 } from "../core/util/numbers";
import { burdenText } from "../core/criteria/shared";

export function mm(tenths: Tenths | null | undefined): string {
  return tenths === null || tenths === undefined ? "n/a" : `${formatMm(tenths)} mm`;
}

export function signedMm(tenths: Tenths): string {
  return `${tenths > 0 ? "+" : tenths < 0 ? "−" : "±"}${formatMm(Math.abs(tenths))} mm`;
}

export function pct(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "n/a";
  const r = round1(value);
  return `${r > 0 ? "+" : r < 0 ? "−" : "±"}${Math.abs(r).toFixed(1)} %`;
}

/** Change of `value` against `reference`, as "+4 mm (+10.0 %)". */
export function change(value: Tenths, reference: Tenths): string {
  const delta = value - reference;
  const percent = reference === 0 ? null : (delta / reference) * 100;
  return percent === null ? signedMm(delta) : `${signedMm(delta)} (${pct(percent)})`;
}

export function describeValue(value: MeasuredValue): string {
  switch (value.kind) {
    case "not-evaluated":
      return "not evaluated";
    case "broken":
      return `unreadable${value.line === null ? "" : ` (syntax error on line ${value.line})`}: unknown, not "not evaluated"`;
    case "status":
      return value.status;
    case "size":
      switch (value.source) {
        case "too small":
          return "too small (counts 5 mm, R2)";
        case "absent":
          return "absent (0 mm)";
        case "split":
          return `split, fragments add up to ${mm(value.tenths)}`;
        case "merged":
          return `merged into ${value.mergedInto} (counts 0 mm, R2)`;
        default:
          // P1: two diameters; RECIST-based criteria count one (a node: its short axis), irRC their product.
          if (value.diameters && value.diameters.every((d) => d.short !== null)) {
            const product = value.diameters.reduce((sum, d) => sum + d.long * (d.short as number), 0);
            return `${value.diameters.map((d) => `${formatMm(d.long)} x ${formatMm(d.short as number)}`).join(" + ")} mm (counts ${mm(value.tenths)}; product ${burdenText(product, "mm2")}, irRC)`;
          }
          return mm(value.tenths);
      }
  }
}

/** The response words of a time point: "PR" or "PR · iPR". */
export function responseLabel(tp: TimepointAssessment): string {
  return tp.iResponse && tp.iResponse !== tp.response ? `${tp.response} · ${tp.iResponse}` : tp.response;
}

export function bestResponseLabel(ea: EpisodeAssessment): string {
  const parts = [`best response ${ea.bestResponse ?? "n/a"}`];
  if (ea.iBestResponse !== undefined) parts.push(`iBOR ${ea.iBestResponse ?? "n/a"}`);
  return parts.join(" · ");
}

/** Short one-line summary after a scan header: "Σ 44 mm · −42.9 % vs baseline · PR". */
export function timepointInline(tp: TimepointAssessment): string {
  const parts: string[] = [];
  if (tp.sum !== null) parts.push(`Σ ${mm(tp.sum)}`);
  if (tp.changeFromBaselinePct !== null) parts.push(`${pct(tp.changeFromBaselinePct)} vs baseline`);
  if (tp.changeFromNadirPct !== null && tp.nadirDate !== null && tp.changeFromNadirPct !== tp.changeFromBaselinePct) {
    parts.push(`${pct(tp.changeFromNadirPct)} vs nadir`);
  }
  parts.push(responseLabel(tp));
  return parts.join(" · ");
}
