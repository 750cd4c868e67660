// Therapy lines of version 1.1 (P2): the last dose (`to`) cannot come before the start
// (`invalid-date`), and a last dose after the start of a later systemic line is a warning
// (`therapy-overlap`). Radiotherapy and local treatment may run beside a line without ending it
// (Decision 2 of the resistance rules), so a later line of those kinds only does not count.
import type { PatientScope, StructuralChecks } from "../registry";
import type { CheckContext } from "../context";
import { Codes } from "../../codes";
import { isLocalOnly } from "../../model/therapies";

function checkLastDose(scope: PatientScope, ctx: CheckContext): void {
  const therapies = scope.patient.therapies;
  for (const therapy of therapies) {
    const to = therapy.node.to;
    if (!to || therapy.lastDose === null) continue;
    if (therapy.lastDose < therapy.start) {
      ctx.report(Codes.invalidDate, to, `The last dose (\`to ${to.text}\`) is before the start of ${therapy.name} (\`from ${therapy.date}\`): a therapy ends on or after its start.`);
      continue;
    }
    const later = therapies.find((t) => t.start > therapy.start && !isLocalOnly(t) && therapy.lastDose! > t.start);
    if (later) {
      ctx.report(Codes.therapyOverlap, to, `The last dose of ${therapy.name} (${to.text}) is after the start of the next line, ${later.name} from ${later.date}: lines of therapy follow one another; check both dates.`);
    }
  }
}

export const therapyChecks: StructuralChecks = {
  family: "therapies",
  Patient: [checkLastDose],
};
