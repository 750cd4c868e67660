// Hand-made engine output for the research exports: the real parse and model of a case text,
// with time-point results written out in the test. Exports and plots are tested on these so that
// their expectations do not move with the engine; CLI tests cover the real engine end to end.
import { parseText } from "../../../server/src/core/syntax/parse";
import { buildModel } from "../../../server/src/core/model/build";
import type { CohortFile } from "../../../server/src/core/export/cohort";
import type { CaseAssessment, EpisodeAssessment, IResponse, NewLesionsCategory, NonTargetCategory, OverallResponse, TargetCategory, TimepointAssessment } from "../../../server/src/core/engine/types";
import type { Criteria } from "../../../server/src/core/model/types";
import type { EpisodeReading } from "../../../server/src/core/criteria/types";
import { criterion } from "../../../server/src/core/criteria/registry";
import { categoryOf } from "../../../server/src/core/criteria/shared";

export interface HandTimepoint {
  sumMm: number | null;
  pct: number | null;
  target: TargetCategory | null;
  nonTarget: NonTargetCategory | null;
  newLesions: NewLesionsCategory;
  response: OverallResponse;
  iResponse?: IResponse;
}

export interface HandEpisode {
  baselineSumMm: number | null;
  best: OverallResponse | null;
  iBest?: IResponse | null;
  progressionDate?: string | null;
  /** One per follow-up scan of the episode, in date order. */
  timepoints: HandTimepoint[];
}

export interface HandPatient {
  criteria: Criteria;
  episodes: HandEpisode[];
}

export function handAssessed(path: string, text: string, patients: HandPatient[]): CohortFile {
  const parse = parseText(text);
  const model = buildModel(parse.file);
  const assessment: CaseAssessment = {
    diagnostics: [],
    patients: model.patients.map((patient, p) => ({
      patient,
      id: patient.id,
      criteria: patients[p].criteria,
      criteriaRead: [patients[p].criteria],
      episodes: patient.episodes.map((episode, e): EpisodeAssessment => {
        const hand = patients[p].episodes[e];
        const baselineSum = hand.baselineSumMm === null ? null : hand.baselineSumMm * 10;
        return {
          episode,
          therapy: episode.therapy?.name ?? null,
          start: episode.therapy?.date ?? episode.baseline?.date ?? null,
          baseline: episode.baseline ? { date: episode.baseline.date, sum: baselineSum } : null,
          timepoints: episode.followUps.map((scan, i): TimepointAssessment => {
            const tp = hand.timepoints[i];
            return {
              scan, date: scan.date, day: scan.day, sum: tp.sumMm === null ? null : tp.sumMm * 10, terms: [], nadir: baselineSum, nadirDate: episode.baseline?.date ?? null,
              changeFromBaselinePct: tp.pct, changeFromNadirPct: tp.pct, changeFromNadirTenths: null, target: tp.target, nonTarget: tp.nonTarget,
              newLesions: tp.newLesions, newLesionTargetSum: null, response: tp.response, ...(tp.iResponse ? { iResponse: tp.iResponse } : {}),
              prThreshold: null, pdThreshold: null, explanation: [],
            };
          }),
          bestResponse: hand.best,
          ...(hand.iBest !== undefined ? { iBestResponse: hand.iBest } : {}),
          progressionDate: hand.progressionDate ?? null,
          ...(patients[p].criteria === "iRECIST" ? { readings: { iRECIST: iRecistReading(hand) } } : {}),
          pendingConfirmation: null, nextDue: null, hyperprogression: [], ctdna: null, explanation: [],
          complete: true, incompleteBecause: [],
        };
      }),
      complete: true,
      incompleteBecause: [],
    })),
    errorsOutsidePatients: [],
  };
  return { path, analysis: { text, parse, model, assessment, diagnostics: parse.diagnostics } };
}

/** The exporters read a criterion's results from the episode's readings (core/criteria): iRECIST's from the hand values. */
function iRecistReading(hand: HandEpisode): EpisodeReading {
  const vocabulary = criterion("iRECIST").vocabulary;
  return {
    criterion: "iRECIST",
    timepoints: hand.timepoints.map((tp) => ({
      burden: tp.sumMm === null ? null : tp.sumMm * 10, nadir: hand.baselineSumMm === null ? null : hand.baselineSumMm * 10, nadirDate: null,
      changeFromBaselinePct: tp.pct, changeFromNadirPct: tp.pct, prThreshold: null, pdThreshold: null,
      response: tp.iResponse ?? "NE", category: categoryOf(vocabulary, tp.iResponse ?? "NE"), confirmation: null, neReason: null, saw: "", explanation: [],
    })),
    bestResponse: hand.iBest ?? null, bestConfirmation: null, progressionDate: hand.progressionDate ?? null, confirmedBy: null,
    baselineBurden: hand.baselineSumMm === null ? null : hand.baselineSumMm * 10,
  };
}

/** The melanoma example of the spec, with the results the spec documents for its first scan. */
export const MELANOMA = `# Melanoma, first-line anti-PD-1.
patient PT-0042 {
  criteria iRECIST
  schedule every 8 weeks
  as of 2025-07-01
  therapy pembrolizumab from 2025-01-06 immunotherapy

  scan 2024-11-20 CT {
    T1 35 mm
    T2 15 mm
    N1 16 mm
  }

  baseline 2025-01-02 CT {
    T1 target liver "segment VII metastasis"   42 mm
    T2 target lung "right lower lobe nodule"   18 mm
    N1 target node "subcarinal"                17 mm
    NT1 non-target bone "L3 vertebral body"    present
    NT2 non-target node "left axillary"        12 mm
    ecog 0
  }

  scan 2025-03-01 CT {
    T1 30 mm
    T2 too small
    N1 9 mm
    NT1 present
    NT2 absent
  }

  scan 2025-04-26 CT {
    T1 3.8 cm
    T2 absent
    N1 12 mm
    NT1 increased
    NT2 absent
    NL1 new liver "segment II"  12 mm
    NL2 new bone "T8"           present
    NL3 new equivocal lung      4 mm
    clinical stable
  }

  ctdna 2025-01-02 vaf 2.4 %
  ctdna 2025-04-20 vaf 0.3 %
  marker 2025-01-02 LDH 410 U/L uln 250
  biopsy 2025-05-03 liver "PD-L1 TPS 40%"
  decision 2025-05-05 "continue pembrolizumab; confirmation CT in 6 weeks"
}
`;

export const MELANOMA_RESULTS: HandPatient = {
  criteria: "iRECIST",
  episodes: [{
    baselineSumMm: 77,
    best: "PR",
    iBest: "iPR",
    progressionDate: "2025-04-26",
    timepoints: [
      { sumMm: 44, pct: -42.9, target: "PR", nonTarget: "NON-CR/NON-PD", newLesions: "no", response: "PR", iResponse: "iPR" },
      { sumMm: 50, pct: -35.1, target: "PR", nonTarget: "NON-CR/NON-PD", newLesions: "yes", response: "PD", iResponse: "iUPD" },
    ],
  }],
};

export const CHEMO = `patient "CRC 7" {
  criteria RECIST1.1
  therapy FOLFOX from 2024-05-20 chemotherapy
  therapy "SBRT liver" from 2024-11-25 radiotherapy
  baseline 2024-05-15 MRI {
    T1 target liver 48 mm
    NT1 non-target peritoneum present
  }
  scan 2024-07-17 MRI {
    T1 30 mm
    NT1 present
  }
  scan 2024-09-11 MRI {
    T1 not evaluated
    NT1 progressed
  }
  ctdna 2024-05-15 1200 copies/mL
  ctdna 2024-09-01 undetected
  marker 2024-05-15 CEA 48.2 ng/mL
}
`;

export const CHEMO_RESULTS: HandPatient = {
  criteria: "RECIST1.1",
  episodes: [
    {
      baselineSumMm: 48,
      best: "PR",
      progressionDate: "2024-09-11",
      timepoints: [
        { sumMm: 30, pct: -37.5, target: "PR", nonTarget: "NON-CR/NON-PD", newLesions: "no", response: "PR" },
        { sumMm: null, pct: null, target: "NE", nonTarget: "PD", newLesions: "no", response: "PD" },
      ],
    },
    { baselineSumMm: 48, best: null, timepoints: [] },
  ],
};

export function melanomaCohort(): CohortFile[] {
  return [handAssessed("cases/PT-0042.nadir", MELANOMA, [MELANOMA_RESULTS])];
}

export function mixedCohort(): CohortFile[] {
  return [...melanomaCohort(), handAssessed("cases/crc.nadir", CHEMO, [CHEMO_RESULTS])];
}
