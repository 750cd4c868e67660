// Structural checks registered per node type, in the manner of Langium's ValidationRegistry: each
// family (one file under families/) contributes small functions for the node types it cares
// about, and index.ts walks the tree once, calling them. As Langium's `wrapValidationException`
// does, every check is wrapped when it is registered: a check that throws costs an
// `internal-error` on the node it was checking, and every other check and diagnostic stays
// (issue 10, item 7).
import type { AssessmentNode, BiopsyBlockNode, BiopsyNode, CriteriaNode, CtdnaNode, DateLit, EcogNode, LesionNode, ScheduleNode, Span } from "../syntax/ast";
import type { Episode, Patient } from "../model/types";
import type { CheckContext } from "./context";
import type { Place } from "./places";
import type { LesionBook } from "./lesionBook";

/** What is known about the patient a node belongs to. */
export interface PatientScope {
  patient: Patient;
  places: Map<AssessmentNode, Place>;
  lesions: LesionBook;
}

export interface AssessmentScope extends PatientScope {
  node: AssessmentNode;
  place: Place;
}

export interface Checks {
  Patient?: Array<(scope: PatientScope, ctx: CheckContext) => void>;
  Episode?: Array<(episode: Episode, scope: PatientScope, ctx: CheckContext) => void>;
  Assessment?: Array<(scope: AssessmentScope, ctx: CheckContext) => void>;
  Lesion?: Array<(line: LesionNode, scope: AssessmentScope, ctx: CheckContext) => void>;
  Ecog?: Array<(node: EcogNode, ctx: CheckContext) => void>;
  Ctdna?: Array<(node: CtdnaNode, ctx: CheckContext) => void>;
  Biopsy?: Array<(node: BiopsyNode, ctx: CheckContext) => void>;
  /** A structured biopsy block (version 1.1); its header may be broken (then date and organ are null). */
  BiopsyBlock?: Array<(node: BiopsyBlockNode, ctx: CheckContext) => void>;
  Schedule?: Array<(node: ScheduleNode, ctx: CheckContext) => void>;
  Criteria?: Array<(node: CriteriaNode, ctx: CheckContext) => void>;
  /** Every date of the file: therapy, scans, ctDNA, markers, biopsies, decisions, `as of`. */
  Date?: Array<(node: DateLit, ctx: CheckContext) => void>;
}

/** One family of checks; its name is what an `internal-error` names when one of them throws. */
export interface StructuralChecks extends Checks {
  family: string;
}

type Kind = keyof Checks;

/** Where an `internal-error` of a check of each kind is reported: the node it was checking. */
const AT: { [K in Kind]: (...args: Parameters<NonNullable<Checks[K]>[number]>) => Span } = {
  Patient: (scope) => scope.patient.idSpan,
  Episode: (episode, scope) => episode.baseline?.node.header.date ?? scope.patient.idSpan,
  Assessment: (scope) => scope.node.header.date ?? scope.node.header.keyword,
  Lesion: (line) => line,
  Ecog: (node) => node,
  Ctdna: (node) => node,
  Biopsy: (node) => node,
  BiopsyBlock: (node) => node.header,
  Schedule: (node) => node,
  Criteria: (node) => node,
  Date: (node) => node,
};

const KINDS = Object.keys(AT) as Kind[];

/** The families' checks merged per node type, each family's order kept, each check guarded. */
export type MergedChecks = Required<Checks>;

function guard<K extends Kind>(kind: K, family: string, check: NonNullable<Checks[K]>[number]): NonNullable<Checks[K]>[number] {
  const at = AT[kind] as (...args: unknown[]) => Span;
  const run = check as (...args: unknown[]) => void;
  const guarded = (...args: unknown[]): void => {
    try {
      run(...args);
    } catch (error) {
      const ctx = args[args.length - 1] as CheckContext;
      ctx.internalError(`the structural check family \`${family}\` (${kind})`, at(...args), error);
    }
  };
  return guarded as NonNullable<Checks[K]>[number];
}

export function register(...families: StructuralChecks[]): MergedChecks {
  const all: MergedChecks = { Patient: [], Episode: [], Assessment: [], Lesion: [], Ecog: [], Ctdna: [], Biopsy: [], BiopsyBlock: [], Schedule: [], Criteria: [], Date: [] };
  for (const family of families) {
    for (const kind of KINDS) {
      const checks = family[kind] as Array<NonNullable<Checks[typeof kind]>[number]> | undefined;
      if (checks) for (const check of checks) (all[kind] as unknown[]).push(guard(kind, family.family, check));
    }
  }
  return all;
}

/**
 * The registered families. Registering or removing one takes effect at the next check run (tests
 * register a failing family to see that it is contained).
 */
export class CheckRegistry {
  private readonly families: StructuralChecks[];
  private merged: MergedChecks | null = null;

  constructor(...families: StructuralChecks[]) {
    this.families = [...families];
  }

  register(family: StructuralChecks): void {
    this.families.push(family);
    this.merged = null;
  }

  unregister(family: StructuralChecks): void {
    const i = this.families.indexOf(family);
    if (i >= 0) this.families.splice(i, 1);
    this.merged = null;
  }

  get checks(): MergedChecks {
    return (this.merged ??= register(...this.families));
  }
}
