// Every construct and value kind of the spec parses into the tree it means.
import { strict as assert } from "assert";
import { resolveCriteriaName } from "../../../server/src/core/criteria/registry";
import * as fs from "fs";
import * as path from "path";
import { parseText } from "../../../server/src/core/syntax/parse";
import type { AssessmentNode, LesionNode, PatientNode } from "../../../server/src/core/syntax/ast";
import { EXAMPLES_DIR } from "../../helpers/paths";

function onlyPatient(text: string): PatientNode {
  const { file, diagnostics } = parseText(text);
  assert.deepStrictEqual(diagnostics.map((d) => d.message), []);
  const patients = file.items.filter((i): i is PatientNode => i.type === "Patient");
  assert.equal(patients.length, 1);
  return patients[0];
}

function lesionLines(text: string): LesionNode[] {
  const patient = onlyPatient(`patient P {\n  scan 2025-01-01 CT {\n${text}\n  }\n}\n`);
  const scan = patient.items[0] as AssessmentNode;
  return scan.items.filter((i): i is LesionNode => i.type === "Lesion");
}

describe("syntax: constructs of the spec", () => {
  it("parses the spec's complete example with no diagnostic", () => {
    const text = fs.readFileSync(path.join(EXAMPLES_DIR, "PT-0042.nadir"), "utf8");
    const { file, diagnostics } = parseText(text);
    assert.deepStrictEqual(diagnostics, []);
    const patient = file.items[0] as PatientNode;
    assert.equal(patient.header.id?.value, "PT-0042");
    assert.deepStrictEqual(patient.items.map((i) => i.type), [
      "Criteria", "Schedule", "AsOf", "Therapy", "Assessment", "Assessment", "Assessment", "Assessment",
      "Ctdna", "Ctdna", "Marker", "Biopsy", "Decision",
    ]);
  });

  it("parses patient ids as bare words or strings", () => {
    assert.equal(onlyPatient("patient PT-0042.a_b {\n}\n").header.id?.value, "PT-0042.a_b");
    assert.equal(onlyPatient('patient "Ward 3 \\"B\\"" {\n}\n').header.id?.value, 'Ward 3 "B"');
  });

  it("parses every patient statement", () => {
    const patient = onlyPatient(`patient P {
  criteria RECIST1.1
  criteria RECIST 1.1
  criteria iRECIST
  criteria irecist
  confirm responses
  schedule every 8 weeks
  schedule every 1 week
  schedule every 42 days
  schedule every 1 day
  as of 2025-07-01
  therapy pembrolizumab from 2025-01-06 immunotherapy
  therapy "carboplatin + paclitaxel" from 2025-02-01 chemotherapy
  therapy osimertinib from 2025-03-01 targeted
  therapy SBRT from 2025-03-02 radiotherapy
  therapy RFA from 2025-03-03 local
  therapy NCT01234567 from 2025-03-04 trial
  therapy x from 2025-03-05 other
  therapy ipilimumab+nivolumab from 2025-03-06
  ctdna 2025-01-02 vaf 2.4 %
  ctdna 2025-01-03 120 copies/mL
  ctdna 2025-01-04 3.5 MTM/mL
  ctdna 2025-01-05 undetected
  marker 2025-01-02 LDH 410 U/L uln 250
  marker 2025-01-02 CA-125 35 U/mL
  biopsy 2025-05-03 liver "PD-L1 TPS 40%"
  decision 2025-05-05 "continue"
  note "free text"
}
`);
    const summary = patient.items.map((i) => {
      switch (i.type) {
        case "Criteria": return `criteria ${i.names.map((n) => resolveCriteriaName(n.value)?.id ?? `?${n.value}`).join(" ")}`;
        case "Schedule": return `schedule ${i.count.text} ${i.unit}`;
        case "AsOf": return `as of ${i.date.text}`;
        case "Therapy": return `therapy ${i.name.value} ${i.date.text} ${i.kind?.value ?? "-"}`;
        case "Ctdna": return `ctdna ${i.value.unit} ${i.value.number?.text ?? "-"}`;
        case "Marker": return `marker ${i.name.value} ${i.value.text} ${i.unit.value} ${i.uln?.text ?? "-"}`;
        case "Biopsy": return `biopsy ${i.organ.value} ${i.finding.value}`;
        case "Decision": return `decision ${i.text.value}`;
        case "Note": return `note ${i.text.value}`;
        default: return i.type;
      }
    });
    assert.deepStrictEqual(summary, [
      "criteria RECIST1.1", "criteria RECIST1.1", "criteria iRECIST", "criteria iRECIST", "ConfirmResponses",
      "schedule 8 week", "schedule 1 week", "schedule 42 day", "schedule 1 day", "as of 2025-07-01",
      "therapy pembrolizumab 2025-01-06 immunotherapy", "therapy carboplatin + paclitaxel 2025-02-01 chemotherapy",
      "therapy osimertinib 2025-03-01 targeted", "therapy SBRT 2025-03-02 radiotherapy", "therapy RFA 2025-03-03 local",
      "therapy NCT01234567 2025-03-04 trial", "therapy x 2025-03-05 other", "therapy ipilimumab+nivolumab 2025-03-06 -",
      "ctdna vaf 2.4", "ctdna copies/mL 120", "ctdna MTM/mL 3.5", "ctdna undetected -",
      "marker LDH 410 U/L 250", "marker CA-125 35 U/mL -", "biopsy liver PD-L1 TPS 40%", "decision continue", "note free text",
    ]);
  });

  it("parses baseline and scan headers with every modality, or none", () => {
    const patient = onlyPatient(`patient P {
  baseline 2025-01-01 CT {
  }
  scan 2025-01-02 MRI {
  }
  scan 2025-01-03 PET-CT {
  }
  scan 2025-01-04 X-ray {
  }
  scan 2025-01-05 US {
  }
  scan 2025-01-06 clinical {
  }
  scan 2025-01-07 pet-ct {
  }
  scan 2025-01-08 {
  }
}
`);
    const headers = (patient.items as AssessmentNode[]).map((a) => `${a.header.kind} ${a.header.date?.text} ${a.header.modality?.value ?? "-"}`);
    assert.deepStrictEqual(headers, [
      "baseline 2025-01-01 CT", "scan 2025-01-02 MRI", "scan 2025-01-03 PET-CT", "scan 2025-01-04 X-ray",
      "scan 2025-01-05 US", "scan 2025-01-06 clinical", "scan 2025-01-07 PET-CT", "scan 2025-01-08 -",
    ]);
  });

  it("parses every lesion declaration form and scan statement", () => {
    const patient = onlyPatient(`patient P {
  scan 2025-01-01 CT {
    T1 target liver "segment VII"  42 mm
    T2 target lung 18 mm
    NT1 non-target bone "L3"  present
    NL1 new liver "segment II" 12 mm
    NL2 new equivocal lung 4 mm
    NL2 new 6 mm
    NL3 new equivocal 6 mm
    T1 30 mm
    ecog 0
    clinical stable
    clinical deterioration
    note "reviewed"
  }
}
`);
    const scan = patient.items[0] as AssessmentNode;
    const summary = scan.items.map((i) => {
      if (i.type === "Lesion") return `${i.id.value} ${i.declare ?? "value"}${i.equivocal ? " equivocal" : ""} ${i.organ?.value ?? "-"} ${i.description?.value ?? "-"}`;
      if (i.type === "Ecog") return `ecog ${i.value.text}`;
      if (i.type === "Clinical") return `clinical ${i.status.value}`;
      if (i.type === "Note") return `note ${i.text.value}`;
      return i.type;
    });
    assert.deepStrictEqual(summary, [
      "T1 target liver segment VII", "T2 target lung -", "NT1 non-target bone L3", "NL1 new liver segment II",
      "NL2 new equivocal lung -", "NL2 new-mention - -", "NL3 new-mention equivocal - -", "T1 value - -",
      "ecog 0", "clinical stable", "clinical deterioration", "note reviewed",
    ]);
  });

  it("parses every value kind", () => {
    const values = lesionLines([
      "    A 12 mm", "    B 12.5 mm", "    C 3.8 cm", "    D too small", "    E absent", "    F not evaluated",
      "    G split 12 mm + 8 mm + 0.5 cm", "    H merged into A", "    I present", "    J increased", "    K progressed",
    ].join("\n")).map((l) => {
      const v = l.value;
      switch (v.type) {
        case "Length": return `${v.number.text} ${v.unit}`;
        case "Split": return `split ${v.fragments.map((f) => `${f.number.text} ${f.unit}`).join(" + ")}`;
        case "Merged": return `merged into ${v.into.value}`;
        case "Status": return v.status;
        case "Broken": return "broken";
      }
    });
    assert.deepStrictEqual(values, [
      "12 mm", "12.5 mm", "3.8 cm", "too small", "absent", "not evaluated", "split 12 mm + 8 mm + 0.5 cm",
      "merged into A", "present", "increased", "progressed",
    ]);
  });

  it("keeps source offsets on every node", () => {
    const text = "patient P {\n  scan 2025-01-01 CT {\n    T1 target liver 42 mm\n  }\n}\n";
    const scan = onlyPatient(text).items[0] as AssessmentNode;
    const line = scan.items[0] as LesionNode;
    assert.equal(text.slice(scan.header.keyword.start, scan.header.date!.end), "scan 2025-01-01");
    const at = (s: { start: number; end: number }) => text.slice(s.start, s.end);
    assert.equal(at(line.id), "T1");
    assert.equal(at(line.organ!), "liver");
    assert.equal(at(line.value), "42 mm");
  });

  it("treats comments and blank lines as nothing", () => {
    const patient = onlyPatient("# header\n\npatient P {   # trailing\n\n  # inside\n  note \"#not a comment\"  # comment\n}\n# end");
    assert.deepStrictEqual(patient.items.map((i) => i.type), ["Note"]);
  });
});
