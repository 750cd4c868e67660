// The `criteria` line (P3, Decision 14): every name resolves through the criteria registry. An
// unknown name is an `invalid-value` (it is left out; the others still count), a repeated one a
// `duplicate-criteria` warning (ignored).
import type { StructuralChecks } from "../registry";
import { Codes } from "../../codes";
import { CRITERIA, criteriaIdsText, resolveCriteriaNames } from "../../criteria/registry";
import { closest } from "../../util/closest";

export const criteriaChecks: StructuralChecks = {
  family: "criteria",
  Criteria: [
    (node, ctx) => {
      const names = node.names.map((n) => ({ text: n.value, start: n.start, end: n.end }));
      const { unknown, repeated } = resolveCriteriaNames(names);
      for (const name of unknown) {
        const suggestion = closest(name.text, CRITERIA.map((c) => c.id));
        ctx.report(Codes.invalidValue, name, `Unknown criteria \`${name.text}\`${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}: Nadir reads ${criteriaIdsText()}. It is left out of this patient's criteria.`);
      }
      for (const name of repeated) {
        ctx.report(Codes.duplicateCriteria, name, `\`${name.text}\` is already named on this line: each criterion is read once, so this repeat is ignored (P3).`);
      }
    },
  ],
};
