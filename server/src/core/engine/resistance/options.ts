// R35 (and the seed's list of what follows immunotherapy failure): at a confirmed progression
// under an immunotherapy line, the option classes the recorded facts bring up, each with the fact
// that brought it up and the guideline or approval it comes from. Information to discuss with the
// treating team: no ranking (a fixed order, said to be none), no dose, no advice.
import type { Therapy } from "../../model/types";
import type { DiscussionOption, ResistanceResult } from "../types";
import { decisionSupportText } from "../decisionSupport";

/** R35: classes whose progression followed benefit or a stop, where re-challenge or combination is discussed. */
const RECHALLENGE_CLASSES = new Set(["secondary", "secondary-or-late", "after-discontinuation"]);

export interface OptionsResult {
  options: DiscussionOption[];
  /** The options left out, each with why (shown in the hover, so nothing is silently dropped). */
  notBroughtUp: string[];
}

/** The finding that opens every options text: the confirmed progression and its source. */
export function progressionFinding(result: ResistanceResult, therapy: Therapy): string {
  const by = result.confirmedBy === "clinical" ? "confirmed clinically" : result.confirmedBy ? `confirmed by the scan of ${result.confirmedBy}` : "no confirmation needed, R23";
  // "under" only while on treatment; after the last dose the text says how long after (R18, R22).
  const when = result.daysSinceLastDose === null ? `under ${therapy.name} on ${result.progressionDate}` : `on ${result.progressionDate}, ${result.daysSinceLastDose} days after the last dose of ${therapy.name}`;
  return `confirmed progression ${when} (${by}; ${result.text})`;
}

export function optionsToDiscuss(result: ResistanceResult, therapy: Therapy, targeted: DiscussionOption[], oligo: { date: string; lesions: string[] } | null): OptionsResult {
  const progression = progressionFinding(result, therapy);
  const options: DiscussionOption[] = [
    { kind: "chemotherapy", option: "next-line chemotherapy", because: progression, source: "the disease's ESMO or NCCN guideline for treatment after immunotherapy" },
    ...sameOptionOnce(targeted),
  ];
  const notBroughtUp: string[] = [];
  if (targeted.length === 0) notBroughtUp.push("targeted therapy: no actionable variant is recorded (R34: a built-in example, or tier I or II as reported)");
  if (RECHALLENGE_CLASSES.has(result.class) && therapy.stopped !== "toxicity") {
    options.push({
      kind: "rechallenge",
      option: "re-challenge with an immune checkpoint inhibitor, or a combination (for example with radiation)",
      because: `${result.text}${therapy.stopped ? `, ${therapy.name} stopped for ${therapy.stopped}` : ""}`,
      source: "SITC Immunotherapy Resistance Taskforce (2020, 2023) on rechallenge and combination after resistance",
    });
  } else {
    const why = therapy.stopped === "toxicity" && RECHALLENGE_CLASSES.has(result.class) ? `${therapy.name} stopped for toxicity` : result.class === "primary" ? "the resistance is primary" : `the resistance class is ${result.class === "unclassifiable" ? "not known" : result.class}`;
    notBroughtUp.push(`re-challenge or combination: ${why}`);
  }
  if (oligo) {
    options.push({
      kind: "local",
      option: "local treatment of the growing sites (surgery or focused radiation)",
      because: `oligoprogression at ${oligo.date}: ${oligo.lesions.join("; ")} (R14)`,
      source: "common clinical practice for oligoprogression (R14)",
    });
  } else {
    notBroughtUp.push("local treatment: the progression is not confined to a few lesions (R14)");
  }
  options.push({ kind: "trial", option: "a clinical trial", because: progression, source: "ESMO and NCCN guidelines (clinical trial participation at any line)" });
  return { options, notBroughtUp };
}

/**
 * One item per option: the same variant in two biopsies (or two variants that bring up the same
 * option) gives one item that names every fact that brought it up, in file order.
 */
function sameOptionOnce(options: readonly DiscussionOption[]): DiscussionOption[] {
  const byText = new Map<string, DiscussionOption>();
  for (const o of options) {
    const seen = byText.get(o.option);
    if (!seen) byText.set(o.option, { ...o });
    else if (!seen.because.split("; ").includes(o.because)) seen.because = `${seen.because}; ${o.because}`;
  }
  return [...byText.values()];
}

/** The one `options-to-discuss` message (R35): the finding, the options with what brought each up, the sources. */
export function optionsMessage(result: ResistanceResult, therapy: Therapy): string {
  const list = result.options.map((o) => `${o.option} (brought up by: ${o.kind === "chemotherapy" || o.kind === "trial" ? "the confirmed progression" : o.because})`);
  const sources = [...new Set(result.options.map((o) => o.source))];
  return decisionSupportText(progressionFinding(result, therapy), `${list.join("; ")}; in no order of preference`, sources.join("; "));
}
