// irRECIST (Nishino 2013; R29): unidimensional like RECIST 1.1; the total measured tumour burden
// TMTB = the target sum plus the new measurable lesions (RECIST 1.1 measurability, at most 5, 2
// per organ); irPR at TMTB <= 0.7 x baseline, irPD at >= 1.2 x nadir and >= 5 mm above it,
// confirmed by a scan 28-84 days later (a later first scan still counts, with a warning).
// Non-targets and new non-measured lesions do not make irPD unless the setting
// `irRECISTNonMeasurableProgression` says `pd`.
import { immuneCriterion, diameterMeasure, fivePerTwo, recistMeasurable, twentyPercentAndFiveMm } from "./immune";
import { meetsPr, pdThresholdOf, prThresholdOf } from "../engine/format";

export const IRRECIST = immuneCriterion({
  id: "irRECIST",
  label: "irRECIST",
  spellings: ["irrecist", "irrecist1.1"],
  summary: "irRECIST (R29): RECIST 1.1 sums with new measurable lesions added (TMTB); irPD at +20 % and +5 mm over the nadir, confirmed 4-12 weeks later.",
  source: "Nishino M et al., Clin Cancer Res 2013;19:3936-3943; Bohnsack O et al., ESMO 2014",
  rules: ["R25", "R29"],
  unit: "mm",
  vocabulary: { CR: "irCR", PR: "irPR", SD: "irSD", NN: "NON-irCR/NON-irPD", UPD: "irPD", PD: "irPD", NE: "NE" },
  cdiscCategory: "irRECIST",
  csvPrefix: "irrecist",
  docsAnchor: "irrecist",
  thresholds: { pr: "irPR: TMTB <= 70 % of baseline (-30 %)", pd: "irPD: TMTB >= 120 % of the nadir and >= 5 mm above it" },
  chart: { axis: "Sum with new lesions (mm)", pr: "irPR \u221230 %", pd: "irPD +20 % / +5 mm" },
  rule: "R29",
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
  windowToDays: 84,
  nonMeasurableProgression: (settings) => settings.irRECISTNonMeasurableProgression === "pd",
});
