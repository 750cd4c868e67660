// irRC (Wolchok 2009; R26-R28): every lesion measured as the product of two perpendicular
// diameters (P1, `A x B`); the total tumour burden TTB = the index lesions' SPD plus the new
// measurable lesions' (both diameters >= 5 mm; a node also >= 10 mm short axis), in hundredths of
// a mm² so that -50 % and +25 % are exact: irPR when 2 x TTB <= baseline, irPD when
// 4 x TTB >= 5 x nadir and TTB > nadir. Responses always need confirmation (R28).
import type { Lesion, MeasuredValue } from "../model/types";
import type { CoreDiagnostic } from "../diagnostics";
import type { Measure } from "./immune";
import { immuneCriterion } from "./immune";
import { measurementAt } from "../engine/lesionValues";
import { diagnostic } from "../engine/diagnosticHelpers";

/** `too small` counts 5 x 5 mm (Decision, extends R2): 50 x 50 hundredths of a mm². */
const TOO_SMALL_PRODUCT = 50 * 50;
/** A new lesion is measurable with both diameters >= 5 mm (Decision: >=). */
const NEW_MIN_TENTHS = 50;
/** irRC limits (R26 [S]): per organ, visceral, cutaneous; the same caps for new lesions. */
const PER_ORGAN = 5;
const VISCERAL = 10;
const CUTANEOUS = 5;
const SKIN = "skin";

const organKey = (l: Lesion) => (l.nodal ? "node" : l.organ);

/** R26: the product of the two diameters (a split: the fragments' products added); one diameter is not enough. */
function product(_lesion: Lesion, value: MeasuredValue): Measure {
  if (value.kind !== "size") return { kind: "unknown" };
  if (value.source === "too small") return { kind: "value", value: TOO_SMALL_PRODUCT };
  if (value.source === "absent" || value.source === "merged") return { kind: "value", value: 0 };
  if (!value.diameters) return value.tenths === 0 ? { kind: "value", value: 0 } : { kind: "one-diameter" };
  let sum = 0;
  for (const d of value.diameters) {
    if (d.short === null) return { kind: "one-diameter" };
    sum += d.long * d.short;
  }
  return { kind: "value", value: sum };
}

/** Whether one more lesion fits beside `chosen`: 5 per organ, 10 visceral, 5 cutaneous (R26). */
function fits(chosen: readonly Lesion[], candidate: Lesion): boolean {
  const cutaneous = candidate.organ === SKIN;
  const sameOrgan = chosen.filter((l) => organKey(l) === organKey(candidate)).length;
  const sameKind = chosen.filter((l) => (l.organ === SKIN) === cutaneous).length;
  return sameOrgan < PER_ORGAN && sameKind < (cutaneous ? CUTANEOUS : VISCERAL);
}

function indexLimits(input: Parameters<NonNullable<Parameters<typeof immuneCriterion>[0]["baselineDiagnostics"]>>[0]): CoreDiagnostic[] {
  const out: CoreDiagnostic[] = [];
  const chosen: Lesion[] = [];
  const baseline = input.episode.baseline!;
  for (const t of input.lesions.targets) {
    if (!fits(chosen, t)) {
      const m = measurementAt(baseline, t.id);
      out.push(diagnostic("irrc-index-limits", `${t.id} (${t.organ}) is beyond irRC's index-lesion limits (5 per organ, 10 visceral, 5 cutaneous; all nodes one organ): it still counts in the irRC burden (R26).`, m?.node ?? t.declaration));
    }
    chosen.push(t);
  }
  return out;
}

export const IRRC = immuneCriterion({
  id: "irRC",
  label: "irRC",
  spellings: ["irrc"],
  summary: "irRC (R26-R28): products of two diameters (`A x B`); irPR at -50 % of the baseline burden, irPD at +25 % over the nadir, each confirmed >= 4 weeks later.",
  source: "Wolchok JD et al., Clin Cancer Res 2009;15:7412-7420",
  rules: ["R25", "R26", "R27", "R28"],
  unit: "mm2",
  vocabulary: { CR: "irCR", PR: "irPR", SD: "irSD", NN: "NON-irCR/NON-irPD", UPD: "irPD", PD: "irPD", NE: "NE" },
  cdiscCategory: "irRC",
  csvPrefix: "irrc",
  docsAnchor: "irrc",
  thresholds: { pr: "irPR: TTB <= 50 % of baseline (-50 %)", pd: "irPD: TTB >= 125 % of the nadir" },
  chart: { axis: "Sum of products, index and new lesions (mm\u00b2)", pr: "irPR \u221250 %", pd: "irPD +25 %" },
  rule: "R27",
  measure: product,
  newMeasurable(lesion, value) {
    if (value.kind !== "size" || (value.source !== "length" && value.source !== "split")) return false;
    if (!value.diameters || value.diameters.some((d) => d.short === null)) return "one-diameter";
    if (value.diameters.some((d) => (d.short as number) < NEW_MIN_TENTHS)) return false;
    // A new node also needs a short axis >= 10 mm (R6; Decision).
    return !lesion.nodal || value.tenths >= 100;
  },
  placeFree: fits,
  capsText: "5 per organ, 10 visceral, 5 cutaneous",
  meetsPd: (burden, nadir) => burden * 4 >= nadir * 5 && burden > nadir,
  meetsPr: (burden, baseline) => burden * 2 <= baseline,
  pdThreshold: (nadir) => Math.max(Math.ceil((nadir * 5) / 4), nadir + 1),
  prThreshold: (baseline) => Math.floor(baseline / 2),
  pdWords: ">= 125 % of the nadir",
  prWords: "<= 50 % of the baseline burden",
  confirmResponses: () => true,
  windowToDays: null,
  baselineDiagnostics: indexLimits,
});
