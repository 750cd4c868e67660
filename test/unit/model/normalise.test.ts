// The case model: sizes in integer tenths of a mm (R2), episodes per therapy line (R15) and
// pre-treatment scans (R12).
import { strict as assert } from "assert";
import { parseText } from "../../../server/src/core/syntax/parse";
import { buildModel, TOO_SMALL_TENTHS } from "../../../server/src/core/model/build";
import type { CaseModel, MeasuredValue } from "../../../server/src/core/model/types";

function model(text: string): CaseModel {
  return buildModel(parseText(text).file);
}

function valuesOf(lines: string): Record<string, MeasuredValue> {
  const m = model(`patient P {\n  baseline 2025-01-01 CT {\n    T1 target liver 20 mm\n    T2 target lung 20 mm\n  }\n  scan 2025-03-01 CT {\n${lines}\n  }\n}\n`);
  const scan = m.patients[0].episodes[0].followUps[0];
  return Object.fromEntries(scan.measurements.map((x) => [x.lesionId, x.value]));
}

describe("model: measurements in tenths of a millimetre (R2)", () => {
  it("converts mm and cm exactly", () => {
    const v = valuesOf("    A 12 mm\n    B 12.5 mm\n    C 3.8 cm\n    D 3.85 cm\n    E 0.3 mm");
    assert.deepStrictEqual(v.A, { kind: "size", tenths: 120, source: "length" });
    assert.deepStrictEqual(v.B, { kind: "size", tenths: 125, source: "length" });
    assert.deepStrictEqual(v.C, { kind: "size", tenths: 380, source: "length" });
    assert.deepStrictEqual(v.D, { kind: "size", tenths: 385, source: "length" });
    assert.deepStrictEqual(v.E, { kind: "size", tenths: 3, source: "length" });
  });

  it("counts too small as 5 mm and absent as 0", () => {
    const v = valuesOf("    A too small\n    B absent");
    assert.equal(TOO_SMALL_TENTHS, 50);
    assert.deepStrictEqual(v.A, { kind: "size", tenths: 50, source: "too small" });
    assert.deepStrictEqual(v.B, { kind: "size", tenths: 0, source: "absent" });
  });

  it("adds split fragments and counts a merged lesion as 0 with the lesion it merged into", () => {
    const v = valuesOf("    A split 12 mm + 0.8 cm + 2.5 mm\n    B merged into T1");
    assert.deepStrictEqual(v.A, { kind: "size", tenths: 225, source: "split" });
    assert.deepStrictEqual(v.B, { kind: "size", tenths: 0, source: "merged", mergedInto: "T1" });
  });

  it("keeps statuses and not evaluated apart from sizes", () => {
    const v = valuesOf("    A present\n    B increased\n    C progressed\n    D not evaluated");
    assert.deepStrictEqual([v.A, v.B, v.C, v.D], [
      { kind: "status", status: "present" }, { kind: "status", status: "increased" },
      { kind: "status", status: "progressed" }, { kind: "not-evaluated" },
    ]);
  });
});

describe("model: patients, episodes and lesions (R15)", () => {
  const declarations = "    T1 target liver \"segment VII\" 42 mm\n    N1 target node 17 mm\n    NT1 non-target bone present";

  it("without therapy: one episode per baseline, starting at the baseline", () => {
    const m = model(`patient P {\n  baseline 2025-01-01 CT {\n${declarations}\n  }\n  scan 2025-03-01 CT {\n    T1 30 mm\n    NL1 new equivocal lung 4 mm\n  }\n}\n`);
    const [episode] = m.patients[0].episodes;
    assert.equal(m.patients[0].episodes.length, 1);
    assert.equal(episode.therapy, null);
    assert.equal(episode.start, episode.baseline!.day);
    assert.deepStrictEqual([...episode.lesions.values()].map((l) => `${l.id} ${l.kind} ${l.organ} ${l.nodal} ${l.description ?? "-"}`), [
      "T1 target liver false segment VII", "N1 target node true -", "NT1 non-target bone false -", "NL1 new lung false -",
    ]);
    assert.equal(episode.followUps[0].measurements[1].equivocal, true);
  });

  it("a patient with no baseline still has one episode, without a baseline", () => {
    const m = model("patient P {\n  scan 2025-03-01 CT {\n    T1 30 mm\n  }\n}\n");
    assert.equal(m.patients[0].episodes.length, 1);
    assert.equal(m.patients[0].episodes[0].baseline, null);
    assert.deepStrictEqual(m.patients[0].episodes[0].followUps, []);
  });

  it("one therapy: the episode starts at the therapy, with scans before the baseline as pre-treatment (R12)", () => {
    const m = model(`patient P {
  therapy pembrolizumab from 2025-01-06 immunotherapy
  scan 2024-11-20 CT {
    T1 35 mm
  }
  baseline 2025-01-02 CT {
${declarations}
  }
  scan 2025-03-01 CT {
    T1 30 mm
  }
}
`);
    const [episode] = m.patients[0].episodes;
    assert.equal(episode.therapy?.name, "pembrolizumab");
    assert.equal(episode.therapy?.kind, "immunotherapy");
    assert.equal(episode.start, episode.therapy?.start);
    assert.deepStrictEqual(episode.preTreatment.map((s) => s.date), ["2024-11-20"]);
    assert.deepStrictEqual(episode.followUps.map((s) => s.date), ["2025-03-01"]);
  });

  it("two therapies with their own baselines: two episodes, each with its own scans and lesions", () => {
    const m = model(`patient P {
  therapy A from 2025-01-06 chemotherapy
  therapy B from 2025-06-10 targeted
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
  }
  scan 2025-03-01 CT {
    T1 30 mm
  }
  scan 2025-05-01 CT {
    T1 50 mm
  }
  baseline 2025-06-01 CT {
    T1 target liver 52 mm
    T2 target lung 15 mm
  }
  scan 2025-08-01 CT {
    T1 40 mm
    T2 12 mm
  }
}
`);
    const [first, second] = m.patients[0].episodes;
    assert.deepStrictEqual([first.therapy?.name, first.baseline?.date, first.followUps.map((s) => s.date)], ["A", "2025-01-02", ["2025-03-01", "2025-05-01"]]);
    assert.deepStrictEqual([second.therapy?.name, second.baseline?.date, second.followUps.map((s) => s.date)], ["B", "2025-06-01", ["2025-08-01"]]);
    assert.deepStrictEqual([...second.lesions.keys()], ["T1", "T2"]);
  });

  it("reads file settings, ctDNA, markers, biopsies, decisions, ECOG and clinical status", () => {
    const m = model(`patient P {
  criteria iRECIST
  confirm responses
  schedule every 8 weeks
  as of 2025-07-01
  baseline 2025-01-02 CT {
    T1 target liver 42 mm
    ecog 1
    clinical deterioration
  }
  ctdna 2025-04-20 undetected
  ctdna 2025-01-02 vaf 2.4 %
  marker 2025-01-02 LDH 410 U/L uln 250
  biopsy 2025-05-03 liver "PD-L1 TPS 40%"
  decision 2025-05-05 "continue"
}
`);
    const p = m.patients[0];
    assert.deepStrictEqual(p.settings.criteria, ["iRECIST"]);
    assert.equal(p.settings.confirmResponses, true);
    assert.equal(p.settings.scheduleDays, 56);
    assert.ok(p.settings.asOf !== undefined);
    assert.deepStrictEqual(p.ctdna.map((c) => `${c.date} ${c.unit} ${c.value}`), ["2025-01-02 vaf 2.4", "2025-04-20 undetected 0"]);
    assert.deepStrictEqual(p.markers.map((x) => `${x.name} ${x.value} ${x.unit} ${x.uln}`), ["LDH 410 U/L 250"]);
    assert.deepStrictEqual(p.biopsies.map((b) => `${b.organ} ${b.finding}`), ["liver PD-L1 TPS 40%"]);
    assert.deepStrictEqual(p.decisions.map((d) => d.text), ["continue"]);
    assert.deepStrictEqual([p.assessments[0].ecog, p.assessments[0].clinical], [1, "deterioration"]);
  });

  it("is built from a partial parse: invalid dates are left out, a lesion whose value cannot be read stays declared (issue 10)", () => {
    const m = model(`patient P {
  baseline 2025-01-02 CT {
    T1 target liver 42
    T2 target lung 18 mm
  }
  scan 2025-02-30 CT {
    T2 10 mm
  }
  scan 2025-03-01 CT {
    T2 12 mm
  }
`);
    const p = m.patients[0];
    assert.deepStrictEqual(p.assessments.map((a) => a.date), ["2025-01-02", "2025-03-01"]);
    assert.deepStrictEqual([...p.episodes[0].lesions.keys()], ["T1", "T2"]);
    assert.deepStrictEqual(p.episodes[0].baseline!.measurements.map((x) => x.value.kind), ["broken", "size"]);
  });
});
