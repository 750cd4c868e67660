// imRECIST (Hodi 2018; R30): RECIST 1.1 measurement, with new measurable lesions (at most 5, 2
// per organ) added to the sum; non-targets and new non-measured lesions never make PD, they only
// preclude CR. PR at <= 0.7 x baseline, PD at >= 1.2 x nadir and >= 5 mm above it, confirmed by
// a scan >= 28 days later; a PD negated by it is not a progression event (a "spike").
import { immuneCriterion, diameterMeasure, fivePerTwo, recistMeasurable, twentyPercentAndFiveMm } from "./immune";
import { meetsPr, pdThresholdOf, prThresholdOf } from "../engine/format";

export const IMRECIST = immuneCriterion({
  id: "imRECIST",
  label: "imRECIST",
  spellings: ["imrecist"],
  summary: "imRECIST (R30): RECIST 1.1 sums with new measurable lesions added; PD at +20 % and +5 mm over the nadir, confirmed >= 4 weeks later; non-targets never make PD.",
  source: "Hodi FS et al., J Clin Oncol 2018;36:850-858",
  rules: ["R25", "R30"],
  unit: "mm",
  vocabulary: { CR: "CR", PR: "PR", SD: "SD", NN: "NON-CR/NON-PD", UPD: "PD", PD: "PD", NE: "NE" },
  cdiscCategory: "imRECIST",
  csvPrefix: "imrecist",
  docsAnchor: "imrecist",
  thresholds: { pr: "PR: sum with new lesions <= 70 % of baseline (-30 %)", pd: "PD: sum with new lesions >= 120 % of the nadir and >= 5 mm above it" },
  chart: { axis: "Sum with new lesions (mm)", pr: "PR \u221230 %", pd: "PD +20 % / +5 mm" },
  rule: "R30",
  measure: diameterMeasure,
  newMeasurable: recistMeasurable,
  placeFree: fivePerTwo,
  capsText: "5 in total, 2 per organ",
  meetsPd: twentyPercentAndFiveMm,
  meetsPr,
  pdThreshold: pdThresholdOf,
  prThreshold: prThresholdOf,
  pdWords: ">= 120 % of the nadir and >= 5 mm above it",
  prWords: "<= 70 % of the baseline burden",
  confirmResponses: (fromFile) => fromFile,
  windowToDays: null,
  negatedNote: "Target-lesion reversion (a spike: PD, then below the PD threshold at the next assessment; Hodi 2018): not a progression event.",
});
