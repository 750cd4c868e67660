// The Impression in the words a radiologist writes, e.g. "Partial response (RECIST 1.1). Sum of
// target diameters 44 mm, -42.9 % from baseline (77 mm, 2025-01-02). No new lesions. Non-target
// disease: non-CR/non-PD." Every number is a value of the report model (the engine's JSON); an
// incomplete case says so first. Worded as information (R35): no advice.
import type { ScanReport } from "./model";
import { criteriaLabel, mmText, pctText, plural, responsePhrase, responseWords, signedMmText } from "./words";

const NON_TARGET_WORDS: Record<string, string> = {
  CR: "complete response (all non-target lesions gone)",
  "NON-CR/NON-PD": "non-CR/non-PD",
  PD: "unequivocal progression",
  NE: "not evaluable",
};

export function incompleteSentence(r: ScanReport): string | null {
  if (r.completeness.complete) return null;
  const why = r.completeness.reasons.map((x) => `${x.code} at line ${x.line}`).join(", ");
  return `INCOMPLETE: errors in the case file (${why}) touch this patient; the results below rest on part of the data and are not a final assessment.`;
}

export function impressionOf(r: ScanReport): string[] {
  const out: string[] = [];
  const incomplete = incompleteSentence(r);
  if (incomplete) out.push(incomplete);
  const criteria = criteriaLabel(r.criteria);
  if (r.scan.isBaseline) {
    const n = r.targets.length;
    out.push(`Baseline examination (${criteria}).` +
      (r.sums.baseline !== null ? ` Sum of target diameters ${mmText(r.sums.baseline)} mm (${plural(n, "target lesion")}).` : " No target lesions: response rests on non-target disease.") +
      (r.nonTargets.length > 0 ? ` ${plural(r.nonTargets.length, "non-target lesion")} recorded.` : " No non-target lesions recorded."));
    out.push("Response is assessed from the first follow-up scan.");
    return out;
  }
  const c = r.categories!;
  // The primary criteria's reading when they are neither RECIST 1.1 nor iRECIST (P3).
  const primary = !r.irecist ? r.readings?.find((x) => x.primary && x.label !== criteriaLabel("RECIST1.1")) ?? null : null;
  const state = r.irecist ? r.irecist.state : primary ? primary.response : c.response;
  out.push(`${responsePhrase(state, r.criteria)}${primary?.confirmation === "pending" ? ", unconfirmed" : ""}.` + (r.irecist || primary ? ` RECIST 1.1 reading: ${responseWords(c.response).toLowerCase()} (${c.response}).` : ""));
  if (r.readings && r.readings.length > 1) {
    const others = r.readings.filter((x) => !x.primary).map((x) => `${x.label} ${x.shown}`);
    const disagree = r.findings.some((f) => f.code === "criteria-disagree");
    out.push(`Read side by side (P3): ${others.join(", ")}${disagree ? "; the criteria disagree at this scan (R25)" : ""}.`);
  }
  if (r.sums.current !== null && r.sums.baseline !== null && r.sums.changeFromBaselinePct !== null) {
    let s = `Sum of target diameters ${mmText(r.sums.current)} mm, ${pctText(r.sums.changeFromBaselinePct)} from baseline (${mmText(r.sums.baseline)} mm, ${r.compared.baseline})`;
    if (r.sums.nadir !== null && r.sums.changeFromNadirPct !== null && r.sums.changeFromNadirMm !== null && r.compared.nadir !== r.compared.baseline) {
      s += `, ${pctText(r.sums.changeFromNadirPct)} (${signedMmText(r.sums.changeFromNadirMm)}) from the nadir (${mmText(r.sums.nadir)} mm, ${r.compared.nadir})`;
    }
    out.push(`${s}.`);
  } else if (r.targets.length > 0 && r.unreadable.length === 0) {
    out.push("Sum of target diameters not computable: a target lesion was not evaluated (R4).");
  }
  if (r.unreadable.length > 0) {
    const which = r.unreadable.map((u) => `${u.id}${u.atBaseline ? " at the baseline" : ""}${u.line === null ? "" : ` (line ${u.line})`}`).join(", ");
    const target = r.unreadable.some((u) => r.targets.some((t) => t.id === u.id));
    const what = r.unreadable.some((u) => u.atBaseline) ? "no sum and no response of this line of therapy is computed" : target ? "this scan's sum and its own response are not computed" : "this scan's own response is not computed";
    // Only a progression established at an earlier scan outlives an unreadable value (R4, R10).
    const earlier = state === "PD" || state === "iCPD" ? ` The progression established at an earlier scan stands (${state}).` : "";
    out.push(`Could not be read in the case file: ${which}. An unreadable value is unknown: ${what} from the values that were read (R4).${earlier}`);
  }
  const present = r.newLesions.filter((l) => !l.unreadable && l.current !== "absent" && l.current !== "0 (absent)");
  if (c.newLesions === "no" && present.length === 0) out.push("No new lesions.");
  else if (c.newLesions === "NE" && present.length === 0) out.push("New lesions: not evaluable (a value could not be read).");
  else {
    const unequivocal = present.filter((l) => !l.equivocal);
    const equivocal = present.filter((l) => l.equivocal);
    if (unequivocal.length > 0) out.push(`New lesion${unequivocal.length > 1 ? "s" : ""}: ${unequivocal.map((l) => `${l.id} (${l.organ}, first seen ${l.firstSeen})`).join(", ")}.`);
    if (equivocal.length > 0) out.push(`Equivocal new lesion${equivocal.length > 1 ? "s" : ""}: ${equivocal.map((l) => `${l.id} (${l.organ})`).join(", ")}; not progression unless a later scan shows ${equivocal.length > 1 ? "them" : "it"} unequivocally (R6).`);
    if (present.length === 0) out.push("No new lesions at this scan.");
  }
  if (c.nonTarget !== null) out.push(`Non-target disease: ${NON_TARGET_WORDS[c.nonTarget] ?? c.nonTarget}.`);
  if (r.irecist) {
    const p = r.irecist.pending;
    if (r.irecist.pendingHere && p) {
      const overdue = r.followUp.confirmation?.code === "unconfirmed-pseudoprogression";
      out.push(overdue
        ? `The iUPD of ${p.iupdDate} has no confirming scan and its window (${p.from} to ${p.to}) has passed (R13).`
        : `Confirmation scan due between ${p.from} and ${p.to} (iUPD of ${p.iupdDate}, R10).`);
    } else if (state === "iUPD" && r.best.laterScans > 0) {
      out.push(`This iUPD was followed by ${plural(r.best.laterScans, "later scan")}; see their reports for its confirmation (R10).`);
    }
    if (r.irecist.progressionDate) out.push(`Confirmed progression dated ${r.irecist.progressionDate} (iRECIST).`);
    if (r.irecist.recistProgressionDate) out.push(`RECIST 1.1 progression dated ${r.irecist.recistProgressionDate}.`);
  } else if (r.progressionDate) {
    out.push(`Progression dated ${r.progressionDate} (${r.progressionRule}).`);
  }
  const best = r.irecist ? r.best.iResponse : primary ? primary.best : r.best.response;
  const through = r.best.laterScans > 0 ? ` over this line of therapy up to ${r.best.throughDate} (${plural(r.best.laterScans, "later scan")} included)` : " so far";
  const bestWords = best && best !== "-" ? `${responseWords(best.replace(/ \(unconfirmed\)$/, "")).toLowerCase()} (${best}${(r.irecist || primary) && r.best.response ? `; RECIST 1.1: ${r.best.response}` : ""})` : "none yet";
  out.push(`Best overall response${through}: ${bestWords}.`);
  for (const f of r.findings) {
    if (f.code === "hyperprogression" || f.code === "oligoprogression") out.push(`${f.code === "hyperprogression" ? "Hyperprogression" : "Oligoprogression"}: see Findings (${f.rules.join(", ")}).`);
  }
  if (r.resistance) out.push(`Resistance: ${r.resistance.text} (${r.resistance.basis}; see Immunotherapy resistance, R17-R24).`);
  if (r.followUp.overdue) out.push(`Follow-up imaging overdue (R13).`);
  else if (r.followUp.nextDue) out.push(`Next assessment due ${r.followUp.nextDue} (R13).`);
  if (incomplete) out.push("Incomplete case file: this report is not final while the errors listed above remain.");
  return out;
}
